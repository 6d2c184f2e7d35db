"""The permission matrix, generated from the models: every registry model × every role × view / add /
change / delete, asked of the rules, the pages (list, export, record, forms, delete) and the API, plus every
child record hung from a Karaganda parent by an editor of another region. A model added later is in it
without a new test: it only needs a record in Karaganda's scope in the demo (the test says so otherwise).

One record per model (found once in the demo), five roles: anonymous, viewer, Karaganda's editor (the
record's scope), East Kazakhstan's editor (an outsider) and an administrator.
"""

from __future__ import annotations

import copy
import datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models as db_models
from django.urls import NoReverseMatch, reverse
from rest_framework.test import APIClient

from ortaq.api_urls import router
from ortaq.core.models import RegistryModel
from ortaq.core.permissions import REGISTERED_KINDS, WriteCheck, permission_name

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "viewer", "karaganda", "outsider", "admin")
ACTIONS = ("view", "add", "change", "delete")
MODELS = sorted((m for m in apps.get_models() if issubclass(m, RegistryModel)), key=lambda m: m._meta.label)
API_PREFIX = {viewset.queryset.model: prefix for prefix, viewset, _basename in router.registry}
# Read-only endpoints (the food belt, the reader, sources): writes go through the pages and imports there.
READ_ONLY_API = {viewset.queryset.model for _prefix, viewset, _basename in router.registry
                 if not hasattr(viewset, "create")}
_RECORDS: dict[str, int] = {}


def expected(model, role: str) -> set[str]:
    """What each role may do with a Karaganda record of this model: the matrix the product promises."""
    kind = REGISTERED_KINDS.get(model._meta.label_lower)
    if role == "admin":
        return set(ACTIONS)
    if role == "anonymous":
        return {"view"} if settings.ORTAQ_ANONYMOUS_READ else set()
    if role == "viewer" or kind == "reference":
        return {"view"}
    return {"view", "add", "change", "delete"} if role == "karaganda" else {"view", "add"}


def karaganda_record(model, demo):
    """A demo record of the model in Karaganda's scope (cached by pk)."""
    label = model._meta.label
    if label in _RECORDS:
        found = model._default_manager.filter(pk=_RECORDS[label]).first()
        if found is not None:
            return found
    for record in model._default_manager.order_by("pk")[:400]:
        scope = record.scope()
        if demo.karaganda.pk in scope.region_ids:
            _RECORDS[label] = record.pk
            return record
    if REGISTERED_KINDS.get(model._meta.label_lower) == "reference" and model._default_manager.exists():
        record = model._default_manager.order_by("pk").first()
    else:
        record = build(model, demo)
    assert demo.karaganda.pk in record.scope().region_ids or REGISTERED_KINDS.get(model._meta.label_lower) == (
        "reference"), f"{label}: a record built from its fields is not in Karaganda's scope; add one to the demo"
    _RECORDS[label] = record.pk
    return record


SAMPLE_VALUES = {
    db_models.CharField: "Проверка прав", db_models.TextField: "Проверка прав", db_models.IntegerField: 2024,
    db_models.DecimalField: 10, db_models.FloatField: 0.5, db_models.DateField: datetime.date(2024, 5, 1),
    db_models.DateTimeField: datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC), db_models.BooleanField: False,
}


def build(model, demo):
    """A record made from the model's fields alone: regions are Karaganda, organizations Karaganda's, other
    parents Karaganda records of their own kind; required plain fields get a sample of their type."""
    from ortaq.directory.models import Organization

    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.name in getattr(model, "server_fields", ()):
            continue
        if isinstance(field, db_models.ForeignKey):
            target = field.related_model._meta.label
            if target == "regions.Region":
                values[field.name] = demo.karaganda
            elif target == "directory.Organization":
                values[field.name] = Organization.objects.create(name=f"ТОО «Проверка {model.__name__}»",
                                                                 kind="company", region=demo.karaganda)
            elif not field.null and issubclass(field.related_model, RegistryModel):
                values[field.name] = karaganda_record(field.related_model, demo)
            continue
        if field.has_default() or field.null or field.blank:
            continue
        if field.choices:
            values[field.name] = field.choices[0][0]
        else:
            values[field.name] = next(v for kind, v in SAMPLE_VALUES.items() if isinstance(field, kind))
    return model._default_manager.create(**values)


def outsider_region(record, demo):
    """A region the record does not touch: its editor is the outsider (East Kazakhstan when it can be)."""
    from ortaq.regions.models import Region

    taken = record.scope().region_ids | {demo.karaganda.pk}
    if demo.east.pk not in taken:
        return demo.east
    return Region.objects.exclude(pk__in=taken).filter(code__startswith="KZ-").order_by("pk").first()


def outsider_for(record, demo):
    from ortaq.accounts.demo_users import create_user
    from ortaq.core.permissions import EDITOR

    region = outsider_region(record, demo)
    return create_user(f"outsider-{region.code}", EDITOR, (region.code,), password="Zq7-matrix-guard")


def user_of(users, role: str, record, demo):
    if role == "anonymous":
        return None
    return outsider_for(record, demo) if role == "outsider" else getattr(users, role)


def route(model, action: str, record=None) -> str | None:
    try:
        return reverse(model.url_name(action), args=[record.pk] if record is not None else [])
    except NoReverseMatch:
        return None


def refused(response) -> bool:
    """403, 401, or an anonymous visitor sent to sign in."""
    if response.status_code in (401, 403):
        return True
    return response.status_code == 302 and "login" in response.get("Location", "")


def test_every_registry_model_has_rules():
    missing = [m._meta.label for m in MODELS if m._meta.label_lower not in REGISTERED_KINDS]
    assert not missing, f"models without rules (register them in the app's rules.py): {missing}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_rules_pages_exports_and_api_agree_with_the_matrix(model, role, users, demo, client_as):
    record = karaganda_record(model, demo)
    user, allowed = user_of(users, role, record, demo), expected(model, role)
    for action in ACTIONS:
        target = None if action == "add" else record
        granted = (user.has_perm(permission_name(model, action), target) if user is not None
                   else action == "view" and settings.ORTAQ_ANONYMOUS_READ)
        assert granted == (action in allowed), (model, role, action, "rules")
    check_pages(model, record, allowed, client_as(user), role)
    if model in API_PREFIX:
        check_api(model, record, allowed, user)


def check_pages(model, record, allowed: set[str], client, role: str) -> None:
    pages = {
        "view": [route(model, "list"), route(model, "detail", record)],
        "add": [route(model, "create")],
        "change": [route(model, "edit", record)],
        "delete": [route(model, "delete", record)],
    }
    if pages["view"][0]:
        pages["view"] += [pages["view"][0] + "?_export=csv", pages["view"][0] + "?_export=xlsx"]
    for action, urls in pages.items():
        for url in filter(None, urls):
            response = client.get(url)
            assert response.status_code < 500, (url, role)
            if action in allowed:
                assert response.status_code == 200, (url, role, response.status_code)
            else:
                assert refused(response), (url, role, response.status_code)
    delete_url = route(model, "delete", record)
    if delete_url and "delete" not in allowed:
        assert refused(client.post(delete_url)), (delete_url, role)
        assert model._default_manager.filter(pk=record.pk).exists()
    edit_url = route(model, "edit", record)
    if edit_url and "change" not in allowed:
        assert refused(client.post(edit_url, {})), (edit_url, role)


def check_api(model, record, allowed: set[str], user) -> None:
    api = APIClient()
    if user is not None:
        api.force_authenticate(user)
    base = f"/api/{API_PREFIX[model]}/"
    one = f"{base}{record.pk}/"
    if model in READ_ONLY_API:
        allowed = allowed & {"view"}
    for url in (base, one):
        response = api.get(url)
        assert (response.status_code == 200) == ("view" in allowed), (url, response.status_code)
    created = api.post(base, {}, format="json")
    assert created.status_code < 500 and created.status_code != 201
    assert (created.status_code == 400) == ("add" in allowed), (base, created.status_code)
    changed = api.patch(one, {}, format="json")
    assert changed.status_code < 500
    assert (changed.status_code in (200, 400)) == ("change" in allowed), (one, changed.status_code)
    deleted = api.delete(one)
    assert deleted.status_code < 500, (one, deleted.status_code, deleted.content[:300])
    assert (deleted.status_code in (204, 409)) == ("delete" in allowed), (one, deleted.status_code)
    if deleted.status_code == 409:
        assert deleted.json()["detail"]


def parent_fields(model) -> list[str]:
    """Required foreign keys to scoped records (not reference data): what the record hangs from."""
    return [field.name for field in model._meta.concrete_fields
            if isinstance(field, db_models.ForeignKey) and not field.null
            and issubclass(field.related_model, RegistryModel)
            and REGISTERED_KINDS.get(field.related_model._meta.label_lower) == "registry"]


CHILD_MODELS = [m for m in MODELS if set(parent_fields(m)) - set(m.scope_links)]


@pytest.mark.parametrize("model", [m for m in MODELS if parent_fields(m)], ids=lambda m: m._meta.label)
def test_every_child_declares_its_parents(model):
    assert set(parent_fields(model)) <= set(model.scope_parents) | set(model.scope_links), (
        f"{model._meta.label} hangs from {parent_fields(model)}: list them in its scope_parents (or, for a link "
        "between two owners, scope_links)")


def in_outsiders_scope(record, region) -> None:
    """Point the record's own region and organization fields (not its parents) at the outsider's region, so
    only the parent rule stands between the outsider and the write."""
    from ortaq.directory.models import Organization

    east_org = Organization.objects.create(name="ТОО «Стороннее»", kind="company", region=region)
    for field in record._meta.concrete_fields:
        if not isinstance(field, db_models.ForeignKey) or field.name in type(record).scope_parents:
            continue
        target = field.related_model._meta.label
        if target == "regions.Region" and getattr(record, field.attname) is not None:
            setattr(record, field.name, region)
        elif target == "directory.Organization" and getattr(record, field.attname) is not None:
            setattr(record, field.name, east_org)


@pytest.mark.parametrize("model", CHILD_MODELS, ids=lambda m: m._meta.label)
def test_a_child_needs_the_right_to_change_its_parent(model, users, demo):
    """The rule itself, for every model that hangs from a parent (whatever the page or API it is written by)."""
    record = karaganda_record(model, demo)
    candidate = copy.copy(record)
    candidate.pk = None
    outsider = outsider_for(record, demo)
    in_outsiders_scope(candidate, outsider_region(record, demo))
    assert WriteCheck(outsider).refusal_before(candidate)
    assert WriteCheck(outsider, stored=record).refusal_before(record)
    assert WriteCheck(users.karaganda).refusal_before(candidate) is None
    assert WriteCheck(users.admin).refusal_before(candidate) is None


@pytest.mark.parametrize("model", [m for m in CHILD_MODELS if m in API_PREFIX and m not in READ_ONLY_API],
                         ids=lambda m: m._meta.label)
def test_an_outsider_cannot_post_a_child_under_a_karaganda_parent(model, users, demo):
    """Through the API: the Karaganda record's own fields re-sent, its own region and organization turned to
    the outsider's, under the same Karaganda parent: refused, nothing stored."""
    record = karaganda_record(model, demo)
    candidate = copy.copy(record)
    in_outsiders_scope(candidate, outsider_region(record, demo))
    admin = APIClient()
    admin.force_authenticate(users.admin)
    payload = admin.get(f"/api/{API_PREFIX[model]}/{record.pk}/").json()
    for field in candidate._meta.concrete_fields:
        if isinstance(field, db_models.ForeignKey) and field.name in payload:
            payload[field.name] = getattr(candidate, field.attname)
    for name in ("id", "url", "version", "created_at", "updated_at"):
        payload.pop(name, None)
    payload = {key: value for key, value in payload.items() if value is not None}
    count = model._default_manager.count()
    outsider = APIClient()
    outsider.force_authenticate(outsider_for(record, demo))
    response = outsider.post(f"/api/{API_PREFIX[model]}/", payload, format="json")
    assert response.status_code == 403, (response.status_code, response.content[:300])
    assert model._default_manager.count() == count
