"""The subscription form of the site: events as checkboxes in words, only http(s) addresses, a language."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from ortaq.webhooks.models import SUBSCRIBABLE_EVENTS, Subscription

URL_ERROR = _("Введите адрес вида https://example.kz/hook: только http:// или https://.")


class HttpURLField(forms.URLField):
    """An address a receiver can be POSTed to: http or https only (Django's field also takes ftp)."""

    default_validators = [URLValidator(schemes=["http", "https"], message=URL_ERROR)]


class SubscriptionForm(forms.ModelForm):
    """Name, address, events, active, language; the secret is never typed (generated, regenerated on request)."""

    url = HttpURLField(label=_("Адрес (URL)"), max_length=500, assume_scheme="https",
                       error_messages={"invalid": URL_ERROR,
                                       "required": _("Укажите адрес, на который отправлять события.")},
                       help_text=_("Сюда отправляется POST-запрос с JSON; только http:// или https://."))
    events = forms.MultipleChoiceField(
        label=_("События"), choices=SUBSCRIBABLE_EVENTS, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Выберите хотя бы одно событие.")})
    language = forms.ChoiceField(label=_("Язык текста"), choices=settings.LANGUAGES,
                                 help_text=_("На этом языке пишется поле text в теле запроса."))

    class Meta:
        model = Subscription
        fields = ["name", "url", "events", "active", "language"]
        labels = {"name": _("Название"), "active": _("Активна")}
        help_texts = {"name": _("Например, название принимающей системы."),
                      "active": _("Неактивной подписке события не отправляются.")}
        error_messages = {"name": {"required": _("Укажите название подписки.")}}
