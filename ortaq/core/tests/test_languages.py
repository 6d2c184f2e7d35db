"""Records show their Kazakh (or English) name in that interface, the Russian one otherwise."""

import pytest
from django.utils.translation import override

from ortaq.core.languages import in_language

pytestmark = pytest.mark.django_db


def test_in_language_falls_back_to_russian():
    with override("kk"):
        assert in_language("Караганда", "Қарағанды", "Karaganda") == "Қарағанды"
        assert in_language("Караганда", "", "Karaganda") == "Караганда"
    with override("en"):
        assert in_language("Караганда", "Қарағанды", "Karaganda") == "Karaganda"
    with override("ru"):
        assert in_language("Караганда", "Қарағанды", "Karaganda") == "Караганда"


def test_reference_data_and_records_in_three_languages(demo):
    from ortaq.agreements.models import Area
    from ortaq.directory.models import Organization, Person
    from ortaq.foodbelt.models import ProductCategory

    akimat = Organization.objects.get(name="Акимат Карагандинской области")
    person = Person.objects.get(last_name="Кошанов")
    area = Area.objects.exclude(name_kk="").exclude(name_en="").first()
    category = ProductCategory.objects.exclude(name_kk="").exclude(name_en="").first()
    with override("kk"):
        assert str(demo.karaganda) == demo.karaganda.name_kk == "Қарағанды облысы"
        assert str(akimat) == "Қарағанды облысының әкімдігі"
        assert str(person) == "Ерлан Қошанов"
        assert str(area) == area.name_kk and str(category) == category.name_kk
    with override("en"):
        assert str(demo.karaganda) == demo.karaganda.name_en
        assert str(akimat) == akimat.name  # no English name: the Russian one
        assert str(area) == area.name_en and str(category) == category.name_en
    with override("ru"):
        assert str(demo.karaganda) == "Карагандинская область"
        assert str(akimat) == "Акимат Карагандинской области"


def test_editors_can_fill_the_kazakh_names():
    from ortaq.directory.forms import OrganizationForm
    from ortaq.events.forms import ProgramForm

    assert "name_kk" in OrganizationForm.base_fields and "name_kk" in ProgramForm.base_fields


def test_pdf_and_xlsx_briefs_are_written_in_the_chosen_language(client, demo):
    import io

    import openpyxl
    from weasyprint import HTML

    from ortaq.analytics import brief

    with override("kk"):
        document = HTML(string=brief.html(demo.karaganda)).render()
    text = " ".join(box.text for page in document.pages for box in page._page_box.descendants() if hasattr(box, "text"))
    assert "Анықтама".upper() in text.upper() and "Қарағанды облысы" in text
    assert "Справка" not in text and "Регионы-партнёры" not in text
    client.cookies["django_language"] = "en"
    response = client.get(f"/analytics/regions/{demo.karaganda.pk}/brief.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert {"Brief", "Partners", "Agreements", "Commitments", "Events"} <= set(book.sheetnames)


def test_exported_column_headings_follow_the_language(client, demo):
    from django.urls import reverse

    client.cookies["django_language"] = "kk"
    response = client.get(reverse("agreements:agreement_list") + "?_export=csv")
    content = b"".join(response.streaming_content) if response.streaming else response.content
    header = content.decode("utf-8-sig").splitlines()[0]
    assert "Атауы" in header or "атауы" in header, header
    assert "Название" not in header and "название" not in header
