from ortaq.core.views import (
    RecordCreateView,
    RecordDeleteView,
    RecordDetailView,
    RecordListView,
    RecordUpdateView,
)
from ortaq.projects.filtersets import JointProjectFilterSet
from ortaq.projects.forms import JointProjectForm, MilestoneFormSet
from ortaq.projects.models import JointProject
from ortaq.projects.tables import JointProjectTable


class JointProjectListView(RecordListView):
    model = JointProject
    table_class = JointProjectTable
    filterset_class = JointProjectFilterSet

    def get_queryset(self):
        return super().get_queryset().prefetch_related("regions")


class JointProjectDetailView(RecordDetailView):
    model = JointProject

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        project = self.object
        context.update(regions=project.regions.all(), partners=project.partners.all(),
                       agreements=project.agreements.all(), milestones=project.milestones.all(),
                       areas=project.areas.all())
        return context


class JointProjectFormMixin:
    model = JointProject
    form_class = JointProjectForm
    formset_classes = {"milestones": MilestoneFormSet}


class JointProjectCreateView(JointProjectFormMixin, RecordCreateView):
    pass


class JointProjectUpdateView(JointProjectFormMixin, RecordUpdateView):
    pass


class JointProjectDeleteView(RecordDeleteView):
    model = JointProject
