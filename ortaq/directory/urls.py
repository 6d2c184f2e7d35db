from ortaq.core.routing import record_urls
from ortaq.directory import views
from ortaq.directory.models import Organization, Person, Position

app_name = "directory"

urlpatterns = [
    *record_urls(Organization, list_view=views.OrganizationListView, detail_view=views.OrganizationDetailView,
                 create_view=views.OrganizationCreateView, edit_view=views.OrganizationUpdateView,
                 delete_view=views.OrganizationDeleteView),
    *record_urls(Person, prefix="people", list_view=views.PersonListView, detail_view=views.PersonDetailView,
                 create_view=views.PersonCreateView, edit_view=views.PersonUpdateView,
                 delete_view=views.PersonDeleteView),
    *record_urls(Position, list_view=views.PositionListView, detail_view=views.PositionDetailView,
                 create_view=views.PositionCreateView, edit_view=views.PositionUpdateView,
                 delete_view=views.PositionDeleteView),
]
