"""Subscriptions (where to POST which events, signed with which secret), deliveries and every attempt."""

from __future__ import annotations

import secrets

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Event(models.TextChoices):
    AGREEMENT_STATUS = "agreement.status_changed", _("статус соглашения изменён")
    COMMITMENT_OVERDUE = "commitment.overdue", _("обязательство просрочено")
    PROPOSAL_ACCEPTED = "proposal.accepted", _("предложение чтеца принято")
    # Sent by an administrator to one subscription from its page, whatever events it takes; not subscribable.
    TEST = "webhook.test", _("тестовое событие")


# The events a subscription can choose (the test event is sent on request, never subscribed to).
SUBSCRIBABLE_EVENTS = [(value, label) for value, label in Event.choices if value != Event.TEST]


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class Subscription(models.Model):
    name = models.CharField(_("название"), max_length=200)
    url = models.URLField(_("адрес (URL)"), max_length=500)
    events = models.JSONField(_("события"), default=list,
                              help_text=_("Коды событий: agreement.status_changed, commitment.overdue, "
                                          "proposal.accepted."))
    secret = models.CharField(_("секрет подписи"), max_length=200, default=new_secret,
                              help_text=_("Тело запроса подписывается HMAC-SHA256 этим секретом; подпись — "
                                          "в заголовке X-Ortaq-Signature."))
    language = models.CharField(_("язык текста"), max_length=5, default="ru")
    active = models.BooleanField(_("активна"), default=True)
    created_at = models.DateTimeField(_("создана"), default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name = _("подписка на вебхуки")
        verbose_name_plural = _("подписки на вебхуки")

    def __str__(self) -> str:
        return self.name

    def wants(self, event: str) -> bool:
        return self.active and event in (self.events or [])

    def event_labels(self) -> list[str]:
        """The chosen events in words (an unknown code, say from an older version, as it is)."""
        labels = dict(Event.choices)
        return [str(labels.get(code, code)) for code in self.events or []]

    def get_absolute_url(self) -> str:
        return reverse("webhooks:subscription_detail", args=[self.pk])


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("ожидает")
        DELIVERED = "delivered", _("доставлено")
        FAILED = "failed", _("не доставлено")

    subscription = models.ForeignKey(Subscription, verbose_name=_("подписка"), on_delete=models.CASCADE,
                                     related_name="deliveries")
    event = models.CharField(_("событие"), max_length=40, choices=Event.choices)
    object_key = models.CharField(_("запись"), max_length=80, blank=True, db_index=True)
    payload = models.JSONField(_("тело"), default=dict)
    status = models.CharField(_("состояние"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("попыток"), default=0)
    next_attempt_at = models.DateTimeField(_("следующая попытка"), null=True, blank=True)
    created_at = models.DateTimeField(_("создана"), default=timezone.now)
    delivered_at = models.DateTimeField(_("доставлена"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("доставка вебхука")
        verbose_name_plural = _("доставки вебхуков")

    def __str__(self) -> str:
        return f"{self.get_event_display()} → {self.subscription}"

    def get_absolute_url(self) -> str:
        return reverse("webhooks:delivery_detail", args=[self.pk])


class Attempt(models.Model):
    delivery = models.ForeignKey(Delivery, verbose_name=_("доставка"), on_delete=models.CASCADE,
                                 related_name="attempt_log")
    number = models.PositiveSmallIntegerField(_("номер"))
    at = models.DateTimeField(_("время"), default=timezone.now)
    status_code = models.PositiveSmallIntegerField(_("код ответа"), null=True, blank=True)
    error = models.CharField(_("ошибка"), max_length=500, blank=True)
    duration_ms = models.PositiveIntegerField(_("длительность, мс"), default=0)

    class Meta:
        ordering = ["delivery", "number"]
        verbose_name = _("попытка доставки")
        verbose_name_plural = _("попытки доставки")

    def __str__(self) -> str:
        return f"#{self.number} {self.status_code or self.error}"
