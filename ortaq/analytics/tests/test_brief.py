"""A region's brief is produced as PDF and XLSX and lists the region's agreements."""

import io

import openpyxl
import pytest
from django.urls import reverse

from ortaq.analytics import brief

pytestmark = pytest.mark.django_db

SEED_TITLES = ["Соглашение об укреплении межрегиональной кооперации",
               "Меморандум о сотрудничестве СПК «Астана» и СПК «Сарыарка»"]


def test_the_pdf_brief_is_a_pdf_laid_out_with_the_agreements(client, demo):
    response = client.get(reverse("analytics:brief_pdf", args=[demo.karaganda.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and "attachment" in response["Content-Disposition"]
    from weasyprint import HTML

    document = HTML(string=brief.html(demo.karaganda)).render()
    text = " ".join(box.text for page in document.pages for box in page._page_box.descendants()
                    if hasattr(box, "text"))
    assert "СПРАВКА" in text.upper()
    for title in SEED_TITLES:
        assert title.split()[0] in text and "Сарыарка" in text


def test_the_xlsx_brief_lists_the_agreements_and_partners(client, demo):
    response = client.get(reverse("analytics:brief_xlsx", args=[demo.karaganda.pk]))
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert {"Справка", "Партнёры", "Соглашения", "Обязательства", "События"} <= set(book.sheetnames)
    titles = {row[2] for row in book["Соглашения"].iter_rows(min_row=2, values_only=True)}
    assert set(SEED_TITLES) <= titles
    partners = {row[0] for row in book["Партнёры"].iter_rows(min_row=2, values_only=True)}
    assert "Астана" in partners


def test_the_printable_brief_is_in_russian(client, demo):
    page = client.get(reverse("analytics:brief_html", args=[demo.karaganda.pk])).content.decode()
    assert "Справка" in page and "Регионы-партнёры" in page and SEED_TITLES[0] in page


def _text_boxes(document):
    """(page box, text box) for every piece of text laid out in the document."""
    for page in document.pages:
        for box in page._page_box.descendants():
            if getattr(box, "text", "").strip():
                yield page._page_box, box


def test_every_table_of_the_demo_brief_fits_the_a4_page(demo):
    from weasyprint import HTML

    _fill_brief(demo)
    document = HTML(string=brief.html(demo.karaganda)).render()
    outside = []
    for page, box in _text_boxes(document):
        left, right = page.content_box_x(), page.content_box_x() + page.width
        if box.position_x < left - 1 or box.position_x + box.width > right + 1:
            outside.append(box.text)
    assert document.pages[0].width == pytest.approx(210 / 25.4 * 96, rel=0.01)  # A4 in CSS pixels
    assert not outside, outside[:10]


def _fill_brief(demo) -> None:
    """Long texts in every table of the brief: a commitment due soon and one overdue, with long words."""
    import datetime

    from django.utils import timezone

    from ortaq.agreements.tests.factories import agreement, commitment

    record = agreement("Соглашение о сотрудничестве в сфере агропромышленного комплекса и продовольственной "
                       "безопасности Карагандинской области и города Астаны", demo.astana, demo.karaganda)
    today = timezone.localdate()
    commitment(record, "Обеспечить поставки сельскохозяйственной продукции " * 3,
               due_date=today - datetime.timedelta(days=40))
    commitment(record, "Провести межрегиональный форум", due_date=today + datetime.timedelta(days=5))


def test_the_brief_names_each_document_once_and_its_sections_agree(demo):
    html = brief.html(demo.karaganda)
    assert "Меморандум: Меморандум" not in html and "Соглашение: Соглашение" not in html
    data = brief.context(demo.karaganda)
    if data["counts"]["events"]:
        assert "Событий нет" not in html
