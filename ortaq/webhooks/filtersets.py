"""The deliveries list's filters: by subscription, state and event (choices in words, «Все» first)."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from ortaq.core.filtersets import ALL, RecordFilterSet
from ortaq.webhooks.models import Delivery, Event, Subscription


class DeliveryFilterSet(RecordFilterSet):
    # A few subscriptions at most: a plain drop-down, not the search-as-you-type box of large tables.
    subscription = django_filters.ModelChoiceFilter(queryset=Subscription.objects.all(), label=_("Подписка"),
                                                    widget=forms.Select, empty_label=ALL)
    status = django_filters.ChoiceFilter(choices=Delivery.Status.choices, label=_("Состояние"))
    event = django_filters.ChoiceFilter(choices=Event.choices, label=_("Событие"))

    class Meta:
        model = Delivery
        fields = ["subscription", "status", "event"]
