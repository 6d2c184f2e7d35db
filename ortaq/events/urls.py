from ortaq.core.routing import record_urls
from ortaq.events import views
from ortaq.events.models import Event, Program

app_name = "events"

urlpatterns = [
    *record_urls(Program, list_view=views.ProgramListView, detail_view=views.ProgramDetailView,
                 create_view=views.ProgramCreateView, edit_view=views.ProgramUpdateView,
                 delete_view=views.ProgramDeleteView),
    *record_urls(Event, prefix="", list_view=views.EventListView, detail_view=views.EventDetailView,
                 create_view=views.EventCreateView, edit_view=views.EventUpdateView,
                 delete_view=views.EventDeleteView),
]
