"""Importing suppliers through the organization form: errors by row and column, all or nothing, re-runnable."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ortaq.foodbelt.models import Supplier
from ortaq.foodbelt.supplier_import import template_headers
from ortaq.foodbelt.tests.factories import valid_bin

pytestmark = pytest.mark.django_db


def _file(*lines: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("suppliers.csv", "\n".join([";".join(template_headers()), *lines]).encode("utf-8"))


def test_it_lists_every_bad_row_and_creates_nothing(users, client_as):
    good = valid_bin(900)
    response = client_as(users.karaganda).post(reverse("foodbelt:import_suppliers"), {"file": _file(
        f"КХ «Береке»;{good};сельхозпроизводитель;КХ;Карагандинская область;dairy; ",
        "ТОО «Нет такого»;123456789012;;ТОО;Карагандинская область;;",
        "ТОО «Где»;;processor;ТОО;Марс;;",
        "ПК «Сыр»;;cooperative;ПК;KZ-35;сыр-косичка;",
        f"КХ «Береке 2»;{good};;КХ;KZ-35;;")}, follow=True)
    assert response.status_code == 422
    errors = [(error.row, error.column) for error in response.context["result"].errors]
    assert errors == [(3, "БИН"), (4, "Регион"), (5, "Категории продукции"), (6, "БИН")]
    assert not Supplier.objects.filter(organization__name__startswith="КХ «Береке").exists()


def test_it_creates_organizations_and_suppliers_and_a_rerun_adds_nothing(users, client_as, demo):
    client = client_as(users.karaganda)
    content = _file(f"КХ «Береке»;{valid_bin(901)};сельхозпроизводитель;КХ;Карагандинская область;dairy, eggs;",
                    "ПК «Сут»;;кооператив;ПК;KZ-35;Молоко и молочная продукция;")
    preview = client.post(reverse("foodbelt:import_suppliers"), {"file": content}, follow=True)
    assert preview.context["result"].ok, preview.context["result"].errors
    client.post(reverse("foodbelt:import_suppliers"), {"token": preview.context["token"], "file_name": "s.csv"}, follow=True)
    berek = Supplier.objects.get(organization__name="КХ «Береке»")
    assert berek.organization.region == demo.karaganda and berek.organization.kind == "agricultural_producer"
    assert Supplier.objects.get(organization__name="ПК «Сут»").categories.get().slug == "dairy"
    content.seek(0)
    again = client.post(reverse("foodbelt:import_suppliers"), {"file": content}, follow=True)
    assert (again.context["result"].added, again.context["result"].skipped) == (0, 2)


def test_an_editor_cannot_import_suppliers_of_another_region(users, client_as):
    response = client_as(users.outsider).post(reverse("foodbelt:import_suppliers"), {"file": _file(
        "КХ «Чужое»;;;КХ;Карагандинская область;;")}, follow=True)
    assert [(error.row, error.column) for error in response.context["result"].errors] == [(2, "Регион")]
