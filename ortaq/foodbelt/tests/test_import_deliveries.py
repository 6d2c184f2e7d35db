"""Importing deliveries: a preview with every error by row and column, then all rows in one transaction."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from ortaq.foodbelt import importer
from ortaq.foodbelt.forms import DeliveryForm
from ortaq.foodbelt.importer import DeliveryImporter, template_headers
from ortaq.foodbelt.models import Delivery, DeliveryImport, DeliveryRollup
from ortaq.foodbelt.tests.factories import category, delivery, supplier
from ortaq.foodbelt.tests.test_rollups import _assert_equal_to_a_rebuild

pytestmark = pytest.mark.django_db
HEADER = ",".join(f'"{name}"' if "," in name else name for name in template_headers())


@pytest.fixture
def farms(demo):
    return supplier("КХ «Нура»", demo.karaganda), supplier("ТОО «Сут»", demo.karaganda)


def _csv(farms, *lines: str) -> bytes:
    first, second = farms
    text = "\n".join([HEADER, *lines]).format(a=first.organization.bin, b=second.organization.bin)
    return text.encode("utf-8")


def _upload(client, content: bytes, name: str = "deliveries.csv"):
    return client.post(reverse("foodbelt:import_deliveries"), {"file": SimpleUploadedFile(name, content)}, follow=True)


CLEAN = ('{a},,dairy,2018-03-01,"12,5","3 125 000",KZ-71,ТОО «Рынок»,ТТН-1',
         '{b},,Мясо,15.04.2018,2,4400000,Астана,,ТТН-2',
         ',ТОО «Сут»,vegetables,2018-09-10,30.5,4575000,,,ТТН-3')


def test_it_refuses_a_file_with_bad_rows_listing_every_error_and_importing_nothing(farms, users, client_as):
    content = _csv(farms,
                   '{a},,dairy,2018-03-01,1,100,KZ-71,,OK-1',
                   '999999999999,,dairy,2018-03-01,1,100,KZ-71,,E-2',
                   '{a},,caviar,2018-03-01,1,100,KZ-71,,E-3',
                   '{a},,dairy,2018-03-01,-4,100,KZ-71,,E-4',
                   '{a},,dairy,2018-03-01,много,100,KZ-71,,E-5',
                   '{a},,dairy,1999-12-31,1,100,KZ-71,,E-6',
                   '{a},,dairy,2018-03-01,1,100,KZ-71,,OK-1',
                   '{a},,dairy,2018-03-01,1,100,Атлантида,,E-8')
    before = Delivery.objects.count()
    response = _upload(client_as(users.karaganda), content)
    assert response.status_code == 422
    errors = [(error.row, error.column) for error in response.context["result"].errors]
    assert errors == [(3, "БИН поставщика"), (4, "Категория"), (5, "Объём, т"), (6, "Объём, т"), (7, "Дата"),
                      (8, "Номер документа"), (9, "Регион-потребитель")]
    page = response.content.decode()
    assert "Неизвестный поставщик" in page and "Неизвестная категория" in page and "больше нуля" in page
    assert "не число" in page and "вне допустимого диапазона" in page and "впервые в строке 2" in page
    assert 'id="confirm-form"' not in page
    assert Delivery.objects.count() == before and not DeliveryImport.objects.exists()


def test_it_imports_a_clean_file_after_the_preview_in_one_go(farms, users, client_as, demo):
    client = client_as(users.karaganda)
    preview = _upload(client, _csv(farms, *CLEAN))
    assert preview.status_code == 200 and preview.context["result"].added == 3
    assert not Delivery.objects.filter(document_number__startswith="ТТН").exists()
    token = preview.context["token"]
    response = client.post(reverse("foodbelt:import_deliveries"), {"token": token, "file_name": "deliveries.csv"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("foodbelt:delivery_list")
    imported = Delivery.objects.filter(document_number__startswith="ТТН").order_by("document_number")
    assert [(d.volume_tonnes, d.value_tenge) for d in imported] == [(12.5, 3125000), (2, 4400000), (30.5, 4575000)]
    assert imported[1].date == datetime.date(2018, 4, 15) and imported[1].category.slug == "meat"
    assert {d.source_row for d in imported} == {2, 3, 4} and imported[0].batch.file_name == "deliveries.csv"
    assert imported[0].batch.imported_by == users.karaganda
    assert DeliveryRollup.objects.get(supplier_region=demo.karaganda, consumer_region=demo.astana, year=2018,
                                      month=9).value_tenge == 4575000


def test_a_rerun_of_the_same_file_adds_nothing(farms):
    content = _csv(farms, *CLEAN)
    first = DeliveryImporter(default_consumer=farms[0].organization.region).run(_rows(content))
    again = DeliveryImporter(default_consumer=farms[0].organization.region).run(_rows(content))
    assert (first.added, again.added, again.skipped, again.error_count) == (3, 0, 3, 0)
    assert Delivery.objects.filter(document_number__startswith="ТТН").count() == 3
    _assert_equal_to_a_rebuild()  # the sums the import added to the rollups are the deliveries' sums


def test_it_refuses_a_document_number_already_used_with_other_data(farms, demo):
    delivery(farms[0], demo.astana, number="ТТН-1", tenge="1")
    result = DeliveryImporter(default_consumer=demo.astana).run(_rows(_csv(farms, *CLEAN)))
    assert [(error.row, error.column) for error in result.errors] == [(2, "Номер документа")]
    assert "уже есть в реестре с другими данными" in result.errors[0].message
    assert not Delivery.objects.filter(document_number="ТТН-2").exists()


def test_a_failure_while_writing_leaves_nothing_behind(farms, monkeypatch, demo):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer.writes, "bulk_written", broken)  # after the rows and rollups are written
    with pytest.raises(RuntimeError):
        DeliveryImporter(default_consumer=demo.astana).run(_rows(_csv(farms, *CLEAN)))
    assert not Delivery.objects.filter(document_number__startswith="ТТН").exists()
    assert not DeliveryImport.objects.exists()


def test_it_reads_xlsx_with_spreadsheet_numbers_and_dates(farms, users, client_as):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(template_headers())
    sheet.append([int(farms[0].organization.bin), None, "Яйца", datetime.datetime(2018, 2, 3), 1.25, 625000.5,
                  "KZ-71", None, 77])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = client_as(users.karaganda)
    preview = _upload(client, buffer.getvalue(), "deliveries.xlsx")
    assert preview.context["result"].ok, preview.context["result"].errors
    client.post(reverse("foodbelt:import_deliveries"), {"token": preview.context["token"], "file_name": "x.xlsx"}, follow=True)
    imported = Delivery.objects.get(document_number="77")
    assert (imported.date, imported.volume_tonnes, imported.category) == (
        datetime.date(2018, 2, 3), 1.25, category("eggs"))


def test_it_refuses_rows_of_suppliers_outside_an_editors_regions(farms, users, client_as):
    response = _upload(client_as(users.outsider), _csv(farms, *CLEAN))
    assert response.status_code == 422 and response.context["result"].error_count == 3
    assert "не относится к вашим регионам" in response.content.decode()
    assert client_as(users.viewer).get(reverse("foodbelt:import_deliveries")).status_code == 403


def test_it_offers_templates_in_csv_and_xlsx(client):
    response = client.get(reverse("foodbelt:import_template", args=["deliveries", "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text), delimiter=";")) == next(csv.reader(io.StringIO(HEADER)))
    assert text.splitlines()[1].split(";")[3:6] == ["15.03.2018", "12,5", "3125000"]
    response = client.get(reverse("foodbelt:import_template", args=["deliveries", "csv"]) + "?sep=,")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.splitlines()[0] == HEADER and text.splitlines()[1].split(",")[3:6] == ["2018-03-15", "12.5", "3125000"]
    response = client.get(reverse("foodbelt:import_template", args=["suppliers", "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert next(sheet.iter_rows(values_only=True))[:2] == ("Название", "БИН")


def test_the_form_and_the_file_refuse_a_volume_by_the_same_rule(farms, users, demo):
    form = DeliveryForm({"supplier": farms[0].pk, "category": category("dairy").pk, "date": "2018-03-01",
                         "volume_tonnes": "-4", "value_tenge": "1", "consumer_region": demo.astana.pk,
                         "document_number": "F-1"}, user=users.admin)
    assert not form.is_valid()
    result = DeliveryImporter().run(_rows(_csv(farms, "{a},,dairy,2018-03-01,-4,1,KZ-71,,F-1")))
    assert form.errors["volume_tonnes"] == [result.errors[0].message]


def _rows(content: bytes):
    import csv

    return list(csv.reader(io.StringIO(content.decode("utf-8"))))


def test_the_template_is_in_the_interface_language_and_files_in_any_language_are_read():
    from django.utils.translation import override

    from ortaq.foodbelt.importer import header_key, template_headers

    with override("kk"):
        kazakh = template_headers()
    with override("en"):
        english = template_headers()
    assert "Санат" in kazakh and "Category" in english and "Категория" in template_headers()
    for headers in (kazakh, english):
        assert [header_key(name) for name in headers] == [header_key(name) for name in template_headers()]
