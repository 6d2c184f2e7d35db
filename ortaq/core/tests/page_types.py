"""Every page type of the site, generated from the URL configuration (like a crawl: one URL per route), with
demo records for the routes that take one. Used by the browser tests of layout and accessibility."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Routes that are not pages a person reads: actions by POST, files, JSON, HTMX fragments, the admin and the API.
NOT_PAGES = {
    "core:restore", "core:healthz", "core:autocomplete", "logout", "password_reset_confirm", "media",
    "foodbelt:import_template", "analytics:brief_pdf", "analytics:brief_xlsx", "analytics:map",
    "reader:proposal_card", "reader:proposal_edit", "reader:proposal_accept", "reader:proposal_reject",
    "reader:proposal_reopen", "analytics:pair_chooser", "set_language", "jobs:start", "jobs:synthetic",
    "jobs:action", "webhooks:subscription_test", "webhooks:delivery_retry",
}
SKIPPED_PREFIXES = ("admin/", "api/")


@dataclass(frozen=True)
class PageType:
    name: str
    url: str
    kind: str  # list, detail, form, delete or page

    def __str__(self) -> str:
        return f"{self.name} {self.url}"


def routes(patterns=None, prefix: str = "", namespace: str = ""):
    """(route, name, view) for every named URL pattern outside the admin and the API."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith(SKIPPED_PREFIXES):
                continue
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + str(pattern.pattern), namespace + pattern.name, pattern.callback


def kind_of(name: str) -> str:
    for suffix, kind in (("_list", "list"), ("_detail", "detail"), ("_create", "form"), ("_edit", "form"),
                         ("_delete", "delete")):
        if name.endswith(suffix):
            return kind
    return "page"


def _record(model, region):
    """The record a page is shown for: one in the given region when the model has a region, else the first."""
    records = model._default_manager.order_by("pk")
    field_names = {field.name for field in model._meta.get_fields()}
    if region is not None and model._meta.label_lower == "regions.region":
        return region
    if region is not None and "region" in field_names and records.filter(region=region).exists():
        return records.filter(region=region).first()
    return records.first()


def webhook_samples() -> None:
    """An inactive subscription and a failed delivery with its attempts, for the administrators' webhook pages
    (the demo has none: a live one would post the demo's changes somewhere)."""
    from ortaq.webhooks.models import Delivery, Event, Subscription

    subscription, _created = Subscription.objects.get_or_create(
        name="Учётная система (пример)", defaults={"url": "http://127.0.0.1:9/hook", "active": False,
                                                   "events": [Event.AGREEMENT_STATUS, Event.COMMITMENT_OVERDUE]})
    if not subscription.deliveries.exists():
        delivery = Delivery.objects.create(
            subscription=subscription, event=Event.AGREEMENT_STATUS, status=Delivery.Status.FAILED, attempts=2,
            payload={"event": Event.AGREEMENT_STATUS, "text": "Статус соглашения изменён.", "data": {"agreement": 1}})
        for number in (1, 2):
            delivery.attempt_log.create(number=number, error="[Errno 111] Connection refused", duration_ms=3)


def _special_args(name: str, demo) -> list | None:
    from ortaq.agreements.models import Agreement
    from ortaq.sources.models import Document

    if name == "core:history":
        agreement = Agreement.objects.order_by("pk").first()
        return [agreement._meta.label_lower, agreement.pk] if agreement else None
    if name == "webhooks:subscription_secret":
        from ortaq.webhooks.models import Subscription

        return [Subscription.objects.order_by("pk").values_list("pk", flat=True).first()]
    if name == "analytics:pair":
        return [demo.astana.pk, demo.karaganda.pk]
    if name == "analytics:brief_html":
        return [demo.karaganda.pk]
    if name == "reader:document_review":
        document = Document.objects.filter(reading__isnull=False).order_by("pk").first()
        return [document.pk] if document else None
    if name == "sources:document_detail":
        document = Document.objects.order_by("pk").first()
        return [document.pk] if document else None
    return None


def page_types(demo) -> list[PageType]:
    """One URL per route; a route that needs a record gets a demo record (Karaganda's when there is one)."""
    webhook_samples()
    found = []
    for route, name, callback in routes():
        if name in NOT_PAGES:
            continue
        if "<" not in route:
            found.append(PageType(name, reverse(name), kind_of(name)))
            continue
        args = _special_args(name, demo)
        model = getattr(getattr(callback, "view_class", None), "model", None)
        if args is None and model is not None and route.count("<") == 1:
            record = _record(model, demo.karaganda)
            args = [record.pk] if record is not None else None
        if args is not None:
            found.append(PageType(name, reverse(name, args=args), kind_of(name)))
    return found
