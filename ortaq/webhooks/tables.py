"""The subscriptions and deliveries tables: the project's record table (caption, scrolling region, paging)."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ortaq.core import formatting
from ortaq.core.tables import Column, RecordTable
from ortaq.webhooks.models import Attempt, Delivery, Subscription


def yes_no(value: bool) -> str:
    """A yes/no cell in words (a tick mark says nothing to a screen reader)."""
    return str(_("Да") if value else _("Нет"))


class SubscriptionTable(RecordTable):
    """Subscriptions: where, which events in words, whether active, how the last delivery went."""

    name = tables.Column(linkify=True, verbose_name=_("Название"))
    url = tables.Column(verbose_name=_("Адрес (URL)"))
    events = tables.Column(verbose_name=_("События"), orderable=False)
    active = tables.Column(verbose_name=_("Активна"))
    last_status = tables.Column(verbose_name=_("Последняя доставка"), default="—")

    class Meta(RecordTable.Meta):
        model = Subscription
        fields = ["name", "url", "events", "active", "last_status"]
        empty_text = _("Подписок пока нет.")

    def render_events(self, record: Subscription) -> str:
        return "; ".join(record.event_labels()) or "—"

    def render_active(self, value: bool) -> str:
        return yes_no(value)

    def render_last_status(self, value: str) -> str:
        return str(Delivery.Status(value).label) if value in Delivery.Status.values else value


class DeliveryTable(RecordTable):
    """Deliveries, newest first: what, to whom, how it went, after how many attempts."""

    created_at = Column(verbose_name=_("Создана"), linkify=True)
    event = tables.Column(verbose_name=_("Событие"))
    subscription = tables.Column(verbose_name=_("Подписка"), order_by=("subscription__name",))
    status = tables.Column(verbose_name=_("Состояние"))
    attempts = Column(verbose_name=_("Попыток"))
    delivered_at = Column(verbose_name=_("Доставлена"), default="—")

    class Meta(RecordTable.Meta):
        model = Delivery
        fields = ["created_at", "event", "subscription", "status", "attempts", "delivered_at"]
        empty_text = _("Доставок, подходящих под условия, нет.")

    def render_created_at(self, value) -> str:
        return formatting.datetime_(value)

    def render_delivered_at(self, value) -> str:
        return formatting.datetime_(value)

    def render_status(self, record: Delivery) -> str:
        return format_html('<span class="status status-{}">{}</span>', record.status, record.get_status_display())



class AttemptTable(RecordTable):
    """Every attempt of one delivery, in order: when, the receiver's answer or the error, how long it took."""

    number = Column(verbose_name=_("№"))
    at = Column(verbose_name=_("Время"))
    status_code = Column(verbose_name=_("Код ответа"), default="—")
    error = tables.Column(verbose_name=_("Ошибка"), default="—")
    duration_ms = Column(verbose_name=_("Длительность, мс"))

    class Meta(RecordTable.Meta):
        model = Attempt
        fields = ["number", "at", "status_code", "error", "duration_ms"]
        empty_text = _("Попыток ещё не было.")

    def render_at(self, value) -> str:
        return formatting.datetime_(value)
