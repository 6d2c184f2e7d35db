"""No list filter asks for a record number or a code; yes/no filters read «Все / Да / Нет»; large tables are
searched as you type; the synthetic-data filter is for administrators only."""

import importlib
import inspect
import re

import django_filters
import pytest
from django import forms
from django.apps import apps
from django.forms import HiddenInput
from django.test import RequestFactory
from django.urls import reverse

from ortaq.core.filtersets import RecordFilterSet
from ortaq.core.widgets import SMALL_TABLE_MODELS, AutocompleteSelect

pytestmark = pytest.mark.django_db

RAW_NUMBER_LABEL = re.compile(r"\bid\b|номер записи|\(код\)", re.IGNORECASE)


def all_filtersets() -> list[type]:
    """Every FilterSet declared in an Ortaq app's filtersets module."""
    found = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("ortaq."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.filtersets")
        except ModuleNotFoundError:
            continue
        for _name, value in inspect.getmembers(module, inspect.isclass):
            if (issubclass(value, django_filters.FilterSet) and value.__module__ == module.__name__
                    and value._meta.model is not None):
                found[f"{value.__module__}.{value.__name__}"] = value
    return sorted(found.values(), key=lambda cls: cls.__name__)


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_walk_finds_the_filtersets():
    names = {cls.__name__ for cls in all_filtersets()}
    assert {"AgreementFilterSet", "CommitmentFilterSet", "TrackerFilterSet", "PersonFilterSet",
            "DeliveryFilterSet", "SupplierFilterSet", "ReadingFilterSet"} <= names


@pytest.mark.parametrize("filterset_class", all_filtersets(), ids=lambda cls: cls.__name__)
def test_every_visible_filter_is_usable_without_record_numbers(filterset_class, users):
    assert issubclass(filterset_class, RecordFilterSet)
    form = filterset_class({}, request=_request(users.admin)).form
    for name, field in form.fields.items():
        if isinstance(field.widget, HiddenInput):
            continue
        label = str(field.label or name)
        assert not RAW_NUMBER_LABEL.search(label), f"{filterset_class.__name__}.{name}: «{label}»"
        html = str(form[name])
        assert "Неизвестно" not in html and "Unknown" not in html, f"{filterset_class.__name__}.{name}"
        if isinstance(field, forms.NullBooleanField):
            assert all(f">{word}</option>" in html for word in ("Все", "Да", "Нет")), f"{filterset_class.__name__}.{name}"
        single_choice = isinstance(field, forms.ModelChoiceField) and not isinstance(field, forms.ModelMultipleChoiceField)
        if single_choice and field.queryset.model._meta.label_lower not in SMALL_TABLE_MODELS:
            assert isinstance(field.widget, AutocompleteSelect), f"{filterset_class.__name__}.{name}"


def test_the_synthetic_data_filter_is_for_administrators_only(users):
    from ortaq.foodbelt.filtersets import DeliveryFilterSet, SupplierFilterSet

    for filterset_class in (DeliveryFilterSet, SupplierFilterSet):
        assert "synthetic" in filterset_class({}, request=_request(users.admin)).form.fields
        for user in (users.viewer, users.karaganda):
            assert "synthetic" not in filterset_class({}, request=_request(user)).form.fields
    # The shared class keeps its filter: only the instance's copy loses it.
    assert "synthetic" in DeliveryFilterSet.base_filters


def test_a_person_list_filters_by_a_chosen_region(client, demo):
    response = client.get(reverse("directory:person_list"), {"region": demo.karaganda.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Регион (id)" not in html and f'<option value="{demo.karaganda.pk}" selected>' in html


def test_the_tracker_filters_by_an_agreement_searched_by_name(client, demo):
    from ortaq.agreements.models import Agreement

    chosen = Agreement.objects.first()
    response = client.get(reverse("agreements:commitment_list"), {"agreement": chosen.pk, "state": "all"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "номер записи" not in html and chosen.title in html and 'class="autocomplete"' in html


def test_a_typed_text_in_a_record_filter_is_not_an_error(client, demo):
    response = client.get(reverse("agreements:commitment_list"), {"agreement": "абв", "owner": "1; drop"})
    assert response.status_code == 200


def test_suppliers_are_found_as_you_type_through_their_organization(client, demo):
    from ortaq.agreements.tests.factories import organization
    from ortaq.foodbelt.models import Supplier

    supplier = Supplier.objects.create(organization=organization("КХ «Золотой колос»", demo.karaganda))
    response = client.get(reverse("core:autocomplete", args=["foodbelt.supplier"]), {"q": "колос"})
    assert {"id": supplier.pk, "text": "КХ «Золотой колос»"} in response.json()["results"]
