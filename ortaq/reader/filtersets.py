import django_filters
from django.utils.translation import gettext_lazy as _

from ortaq.core.filtersets import RecordFilterSet
from ortaq.reader.models import Reading


class ReadingFilterSet(RecordFilterSet):
    title = django_filters.CharFilter(field_name="document__title", lookup_expr="icontains", label=_("Заголовок"))
    pending = django_filters.BooleanFilter(method="filter_pending", label=_("Есть нерешённые"))

    class Meta:
        model = Reading
        fields = ["title", "pending"]

    def filter_pending(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(pending__gt=0) if value else queryset.filter(pending=0)
