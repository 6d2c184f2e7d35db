"""Import templates and exports name categories and regions in Russian; codes are accepted all the same."""

import csv
import io

import pytest
from django.urls import reverse

from ortaq.foodbelt.importer import DeliveryImporter, export_rows, template_headers
from ortaq.foodbelt.models import Delivery
from ortaq.foodbelt.tests.factories import delivery, supplier

pytestmark = pytest.mark.django_db


def _template_row(client, kind: str) -> list[str]:
    response = client.get(reverse("foodbelt:import_template", args=[kind, "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))[1]


def test_the_delivery_template_names_its_category_and_region_in_russian(client, demo):
    row = dict(zip(template_headers(), _template_row(client, "deliveries"), strict=True))
    assert row["Категория"] == "Молоко и молочная продукция"
    assert row["Регион-потребитель"] == demo.astana.name_ru
    assert "dairy" not in row.values() and "KZ-71" not in row.values()


def test_the_supplier_template_lists_categories_in_russian(client, demo):
    row = _template_row(client, "suppliers")
    assert "Молоко и молочная продукция; Овощи" in row


def test_the_import_page_names_the_categories_a_file_may_use(client_as, users, demo):
    html = client_as(users.karaganda).get(reverse("foodbelt:import_deliveries")).content.decode()
    assert "Молоко и молочная продукция" in html and "Коды категорий и регионов тоже принимаются" in html


def test_russian_names_and_codes_import_alike_and_an_export_reimports(demo):
    farm = supplier("КХ «Береке»", demo.karaganda)
    bin_ = farm.organization.bin
    rows = [template_headers(),
            [bin_, "", "Молоко и молочная продукция", "2018-03-01", "1", "100", "Астана", "", "RU-1"],
            [bin_, "", "dairy", "2018-03-02", "1", "100", "KZ-71", "", "RU-2"]]
    result = DeliveryImporter().run(rows)
    assert result.ok and result.added == 2, result.errors
    assert set(Delivery.objects.filter(document_number__startswith="RU-").values_list("category__slug", flat=True)) \
        == {"dairy"}
    delivery(farm, demo.astana, slug="vegetables")
    exported = list(export_rows(Delivery.objects.filter(supplier=farm)))
    assert "Овощи" in {row[2] for row in exported}
    rerun = DeliveryImporter().run([template_headers(), *exported], commit=False)
    assert rerun.ok and rerun.added == 0, rerun.errors
