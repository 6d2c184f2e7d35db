from ortaq.core.routing import record_urls
from ortaq.projects import views
from ortaq.projects.models import JointProject

app_name = "projects"

urlpatterns = record_urls(
    JointProject, prefix="", list_view=views.JointProjectListView, detail_view=views.JointProjectDetailView,
    create_view=views.JointProjectCreateView, edit_view=views.JointProjectUpdateView,
    delete_view=views.JointProjectDeleteView,
)
