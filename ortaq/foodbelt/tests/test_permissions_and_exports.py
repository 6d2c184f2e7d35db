"""Editors change only their regions' food-belt records; every list exports to CSV and XLSX."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ortaq.foodbelt.importer import DeliveryImporter
from ortaq.foodbelt.models import Delivery, SupplyPlan
from ortaq.foodbelt.tests.factories import category, delivery, supplier

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(demo):
    farm = supplier("КХ «Карагандинское»", demo.karaganda)
    plan = SupplyPlan.objects.get(region=demo.karaganda, year=2018)
    return {"supplier": farm, "plan": plan, "delivery": delivery(farm, demo.astana, number="P-1")}


@pytest.mark.parametrize("kind", ["supplier", "plan", "delivery"])
def test_only_editors_of_the_region_change_its_records(users, records, kind):
    record = records[kind]
    name = f"foodbelt.change_{record._meta.model_name}"
    assert users.karaganda.has_perm(name, record) and users.admin.has_perm(name, record)
    assert not users.outsider.has_perm(name, record) and not users.viewer.has_perm(name, record)


def test_an_outsider_cannot_open_the_edit_page_of_a_karaganda_delivery(users, records, client_as):
    url = records["delivery"].get_edit_url()
    assert client_as(users.outsider).get(url).status_code == 403
    assert client_as(users.karaganda).get(url).status_code == 200


def test_an_edit_through_the_form_updates_the_dashboard_figures(users, records, client_as, demo):
    item = records["delivery"]
    response = client_as(users.karaganda).post(item.get_edit_url(), {
        "supplier": item.supplier_id, "category": category("meat").pk, "date": "2018-05-05",
        "volume_tonnes": "3", "value_tenge": "9000", "consumer_region": demo.astana.pk, "consumer": "",
        "document_number": "P-1", "loaded_version": item.version})
    assert response.status_code == 302, response.content.decode()[:2000]
    from ortaq.foodbelt.models import DeliveryRollup

    cell = DeliveryRollup.objects.get(supplier_region=demo.karaganda, consumer_region=demo.astana,
                                      category=category("meat"), year=2018, month=5)
    assert (cell.value_tenge, cell.deliveries) == (Decimal("9000"), 1)


@pytest.mark.parametrize("url_name", ["supplier_list", "supplyplan_list", "reportedsupplytotal_list",
                                      "productcategory_list", "supplyprogram_list", "delivery_list"])
def test_every_list_exports_to_csv_and_xlsx(records, client, url_name):
    url = reverse(f"foodbelt:{url_name}")
    assert client.get(url).status_code == 200
    response = client.get(url + "?_export=csv")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert len(content.decode("utf-8-sig").splitlines()) >= 2
    response = client.get(url + "?_export=xlsx")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert load_workbook(io.BytesIO(content)).active.max_row >= 2


def test_exported_deliveries_import_again_as_they_are(records, client, demo):
    farm = records["supplier"]
    delivery(farm, demo.astana, slug="fish", date=datetime.date(2018, 7, 1), tonnes="0.125", tenge="31250.5",
             number="P-2")
    response = client.get(reverse("foodbelt:delivery_list") + f"?supplier={farm.pk}&_export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3 and "0,125" in rows[1] + rows[2] and "01.07.2018" in rows[1] + rows[2]
    result = DeliveryImporter().run(rows)
    assert (result.error_count, result.added, result.skipped) == (0, 0, 2)
    assert Delivery.objects.filter(supplier=farm).count() == 2
