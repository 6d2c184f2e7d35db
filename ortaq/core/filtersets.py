"""The base of every list's FilterSet: filters a person can use without knowing record numbers or codes.

Booleans read «Все / Да / Нет»; a choice over a large table searches as you type; choices start with «Все»;
filters on synthetic data are shown to administrators only. The changes are made on the instance's own copies
of the filters (django-filter deep-copies `base_filters` per instance), never on the shared class.
"""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from ortaq.core.permissions import ADMIN, role_of
from ortaq.core.widgets import SMALL_TABLE_MODELS, AutocompleteSelect, YesNoAllSelect

ALL = _("Все")
ADMIN_ONLY_FILTERS = frozenset({"synthetic"})


class RecordFilterSet(django_filters.FilterSet):
    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        user = getattr(request, "user", None)
        if role_of(user) != ADMIN:
            for name in ADMIN_ONLY_FILTERS & set(self.filters):
                del self.filters[name]
        for filter_ in self.filters.values():
            self._humanize(filter_)

    @staticmethod
    def _humanize(filter_) -> None:
        changed = True
        if isinstance(filter_, django_filters.BooleanFilter):
            filter_.extra["widget"] = YesNoAllSelect
        elif isinstance(filter_, django_filters.ModelChoiceFilter) and "widget" not in filter_.extra:
            model = getattr(filter_.queryset, "model", None)  # a callable queryset keeps its drop-down
            if model is not None and model._meta.label_lower not in SMALL_TABLE_MODELS:
                filter_.extra["widget"] = AutocompleteSelect(model)
            else:
                filter_.extra["empty_label"] = ALL
        elif isinstance(filter_, django_filters.ChoiceFilter) and filter_.extra.get("empty_label", "") is not None:
            filter_.extra["empty_label"] = ALL
        else:
            changed = False
        if changed:
            filter_.__dict__.pop("_field", None)  # a form field built before (e.g. by a schema) is rebuilt
