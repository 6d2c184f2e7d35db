import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortaq.agreements.filtersets import CommitmentFilterSet
from ortaq.agreements.models import DUE_SOON_DAYS, Agreement, Commitment
from ortaq.analytics.tracker import OPEN_STATUSES
from ortaq.regions.touching import touching_agreements


class TrackerFilterSet(CommitmentFilterSet):
    """The commitments filter with "needs attention" (overdue or due soon) as the default state; owner and
    agreement are searched as you type (RecordFilterSet), not chosen from lists that grow with the registry."""

    STATE_CHOICES = [("attention", _("просрочено или срок в ближайшие 30 дней")),
                     *CommitmentFilterSet.STATE_CHOICES, ("all", _("все"))]
    state = django_filters.ChoiceFilter(choices=STATE_CHOICES, method="filter_state", label=_("Состояние"),
                                        empty_label=None)
    agreement = django_filters.ModelChoiceFilter(queryset=Agreement.objects.all(), label=_("Соглашение"))
    due_before = django_filters.DateFilter(field_name="due_date", lookup_expr="lte", label=_("Срок до"))

    class Meta(CommitmentFilterSet.Meta):
        model = Commitment
        fields = ["state", "text", "agreement", "owner", "owner_name", "region", "area", "status", "due_before"]

    def __init__(self, data=None, *args, **kwargs):
        if data is None or not data.get("state"):
            data = data.copy() if data is not None else {}
            data["state"] = "attention"
        super().__init__(data, *args, **kwargs)

    def filter_state(self, queryset, name, value):
        if value == "all":
            return queryset
        if value == "attention":
            # Listed statuses (not "all but done and cancelled"): the indexes on (status, …) serve them.
            soon = timezone.localdate() + datetime.timedelta(days=DUE_SOON_DAYS)
            return queryset.filter(status__in=OPEN_STATUSES, due_date__lte=soon)
        return super().filter_state(queryset, name, value)

    def attention_scope(self) -> tuple[bool, object]:
        """(True, region or None) when the view is what needs attention, narrowed at most by a region: its
        figures then come from the backlog or the region's partial indexes; (False, None) otherwise."""
        data = self.form.cleaned_data if self.is_bound and self.form.is_valid() else {}
        narrowed = any(value not in (None, "") for key, value in data.items() if key not in ("state", "region"))
        if data.get("state") != "attention" or narrowed:
            return False, None
        return True, data.get("region")

    def filter_region(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(Q(owner__region=value) | touching_agreements(value, "agreement_id"))
