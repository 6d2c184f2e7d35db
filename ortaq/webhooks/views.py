"""The administrators' webhook pages: subscriptions (list, form, secret, test event, delete) and deliveries
(filtered list, payload and every attempt, retry). Every change is written to Django's action log, which the
subscription's page and the admin site's history show."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DeleteView, DetailView, UpdateView
from django_filters.views import FilterView
from django_tables2 import SingleTableMixin, SingleTableView

from ortaq.core.permissions import is_administrator
from ortaq.webhooks import delivery as sending
from ortaq.webhooks.filtersets import DeliveryFilterSet
from ortaq.webhooks.forms import SubscriptionForm
from ortaq.webhooks.models import Delivery, Subscription, new_secret
from ortaq.webhooks.tables import AttemptTable, DeliveryTable, SubscriptionTable

RECENT = 10


def refusal(request: HttpRequest) -> HttpResponse | None:
    """Anonymous visitors are sent to log in; anyone else but an administrator is refused (403)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_administrator(request.user):
        raise PermissionDenied(_("Вебхуки настраивают только администраторы."))
    return None


def administrators_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The function-view form of `AdministratorsOnly`."""
    @functools.wraps(view)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return refusal(request) or view(request, *args, **kwargs)
    return checked


class AdministratorsOnly:
    """Every webhook page is the administrators' (the same rule as the jobs page)."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return refusal(request) or super().dispatch(request, *args, **kwargs)


def record(request: HttpRequest, subscription: Subscription, flag: int, message: str) -> None:
    """Who did what to a subscription, in Django's action log (shown on its page and in the admin site)."""
    LogEntry.objects.log_actions(request.user.pk, [subscription], flag, change_message=message, single_object=True)


def action_log(subscription: Subscription) -> list[LogEntry]:
    """The latest entries of the subscription's action log, newest first."""
    kind = ContentType.objects.get_for_model(Subscription)
    return list(LogEntry.objects.filter(content_type=kind, object_id=str(subscription.pk))
                .select_related("user").order_by("-action_time")[:RECENT])


class SubscriptionListView(AdministratorsOnly, SingleTableView):
    """Every subscription with its events in words and how its last delivery went."""

    model = Subscription
    table_class = SubscriptionTable
    paginate_by = 25
    template_name = "webhooks/subscription_list.html"

    def get_queryset(self):
        last = Delivery.objects.filter(subscription=OuterRef("pk")).order_by("-created_at", "-pk")
        return Subscription.objects.annotate(last_status=Subquery(last.values("status")[:1]))


class SubscriptionDetailView(AdministratorsOnly, DetailView):
    """The subscription, its secret (shown on request), its last deliveries and who changed it."""

    model = Subscription
    template_name = "webhooks/subscription_detail.html"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        recent = self.object.deliveries.order_by("-created_at", "-pk")[:RECENT]
        context.update(language=dict(settings.LANGUAGES).get(self.object.language, self.object.language),
                       deliveries=DeliveryTable(recent, exclude=("subscription",), orderable=False),
                       log=action_log(self.object),
                       deliveries_url=f"{reverse('webhooks:delivery_list')}?subscription={self.object.pk}")
        return context


class SubscriptionFormMixin(AdministratorsOnly):
    model = Subscription
    form_class = SubscriptionForm
    template_name = "core/object_form.html"

    def get_context_data(self, **kwargs) -> dict:
        # core/object_form.html: the record's names and no formsets
        return super().get_context_data(meta=Subscription._meta, formsets={}, **kwargs)


class SubscriptionCreateView(SubscriptionFormMixin, CreateView):
    """A new subscription; its secret is generated, then shown on its page."""

    def form_valid(self, form: SubscriptionForm) -> HttpResponse:
        response = super().form_valid(form)
        record(self.request, self.object, ADDITION, _("Подписка создана."))
        messages.success(self.request, _("Подписка «%(name)s» создана. Передайте получателю секрет подписи — он "
                                         "на этой странице.") % {"name": self.object.name})
        return response


class SubscriptionUpdateView(SubscriptionFormMixin, UpdateView):
    """The subscription's name, address, events, state and language (the secret has its own action)."""

    def form_valid(self, form: SubscriptionForm) -> HttpResponse:
        response = super().form_valid(form)
        changed = ", ".join(str(form.fields[name].label) for name in form.changed_data) or _("ничего")
        record(self.request, self.object, CHANGE, _("Изменено: %(fields)s.") % {"fields": changed})
        messages.success(self.request, _("Сохранено: %(record)s") % {"record": self.object})
        return response


class SubscriptionDeleteView(AdministratorsOnly, DeleteView):
    """Delete a subscription with its deliveries, after a confirmation page that counts them."""

    model = Subscription
    template_name = "webhooks/subscription_confirm_delete.html"
    success_url = reverse_lazy("webhooks:subscription_list")

    def form_valid(self, form) -> HttpResponse:
        subscription = self.object
        record(self.request, subscription, DELETION, _("Подписка удалена вместе с её доставками."))
        messages.success(self.request, _("Подписка «%(name)s» удалена.") % {"name": subscription.name})
        return super().form_valid(form)


@administrators_only
def subscription_secret(request: HttpRequest, pk: int) -> HttpResponse:
    """A new signing secret, after a confirmation page: the receiver must be given it, the old one stops."""
    subscription = get_object_or_404(Subscription, pk=pk)
    if request.method != "POST":
        return render(request, "webhooks/subscription_secret.html", {"object": subscription})
    subscription.secret = new_secret()
    subscription.save(update_fields=["secret"])
    record(request, subscription, CHANGE, _("Создан новый секрет подписи."))
    messages.success(request, _("Создан новый секрет подписи. Старый больше не действует: передайте новый "
                                "получателю."))
    return redirect(subscription)


@administrators_only
@require_POST
def subscription_test(request: HttpRequest, pk: int) -> HttpResponse:
    """Queue a test event to this subscription and open its delivery."""
    subscription = get_object_or_404(Subscription, pk=pk)
    delivery = sending.send_test(subscription)
    record(request, subscription, CHANGE, _("Отправлено тестовое событие (доставка №%(id)s).") % {"id": delivery.pk})
    messages.success(request, _("Тестовое событие поставлено в очередь."))
    return redirect(delivery)


class DeliveryListView(AdministratorsOnly, SingleTableMixin, FilterView):
    """Deliveries, newest first, filtered by subscription, state and event; only the table for HTMX."""

    model = Delivery
    table_class = DeliveryTable
    filterset_class = DeliveryFilterSet
    paginate_by = 25
    template_name = "webhooks/delivery_list.html"

    def get_queryset(self):
        return Delivery.objects.select_related("subscription").order_by("-created_at", "-pk")

    def get_template_names(self) -> list[str]:
        if self.request.htmx and not self.request.htmx.boosted:
            return ["core/_list_table.html"]
        return [self.template_name]


class DeliveryDetailView(AdministratorsOnly, DetailView):
    """A delivery: the body as it is sent, every attempt (time, response code, error, duration), a retry."""

    model = Delivery
    template_name = "webhooks/delivery_detail.html"

    def get_queryset(self):
        return Delivery.objects.select_related("subscription")

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        body = {"id": self.object.pk, **self.object.payload}
        context.update(body=json.dumps(body, ensure_ascii=False, indent=2),
                       attempts=AttemptTable(self.object.attempt_log.all(), orderable=False))
        return context


@administrators_only
@require_POST
def delivery_retry(request: HttpRequest, pk: int) -> HttpResponse:
    """Send a failed delivery once more through the delivery task; its attempt is logged like the others."""
    delivery = get_object_or_404(Delivery.objects.select_related("subscription"), pk=pk)
    if sending.retry(delivery):
        record(request, delivery.subscription, CHANGE,
               _("Доставка №%(id)s отправлена повторно.") % {"id": delivery.pk})
        messages.success(request, _("Доставка поставлена в очередь на повторную отправку."))
    else:
        messages.error(request, _("Повторить можно только доставку в состоянии «не доставлено»."))
    return redirect(delivery)
