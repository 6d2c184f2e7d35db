import django_filters
from django.utils.translation import gettext_lazy as _

from ortaq.core.filtersets import RecordFilterSet
from ortaq.projects.models import JointProject


class JointProjectFilterSet(RecordFilterSet):
    title = django_filters.CharFilter(lookup_expr="icontains", label=_("Название"))

    class Meta:
        model = JointProject
        fields = ["title", "kind", "status", "regions", "areas", "start_year"]
