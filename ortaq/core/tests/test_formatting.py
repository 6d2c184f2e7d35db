"""One Russian format everywhere: dates dd.mm.yyyy, `1 500,5`, `35 млрд ₸`, «2 обязательства»."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from html import unescape

from django.urls import reverse
from django.utils.translation import npgettext, override

from ortaq.core import formatting
from ortaq.core.tests.test_exports import _fill_lists, _list_urls

ISO_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")
RU_DATE = re.compile(r"\b\d\d\.\d\d\.\d{4}\b")
UNGROUPED_DECIMAL = re.compile(r"(?<![\d\xa0 ])\d{4,},\d")  # 1500,50 instead of 1 500,50
POINT_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")
CELL = re.compile(r"<t[dh][^>]*>(.*?)</t[dh]>|<div class=\"number\"[^>]*>(.*?)</div>", re.S)
TAG = re.compile(r"<[^>]+>")


def test_numbers_money_dates_and_plurals_follow_russian_rules():
    assert formatting.number(Decimal("28.00")) == "28"
    assert formatting.number(Decimal("49.8047")) == "49,8"
    assert formatting.number(Decimal("1500.50"), 2) == "1\xa0500,50"
    assert formatting.number(1750000) == "1\xa0750\xa0000"
    assert formatting.money(Decimal("1500.50")) == "1\xa0500,50\xa0₸"
    assert formatting.money(Decimal("35000000000"), short=True) == "35\xa0млрд\xa0₸"
    assert formatting.percent(Decimal("73.33")) == "73,3\xa0%"
    assert formatting.date(datetime.date(2026, 12, 20)) == "20.12.2026"
    assert formatting.date(datetime.date(2026, 12, 20), long=True) == "20 декабря 2026 г."
    assert formatting.date("2026-11-25") == "25.11.2026"
    assert formatting.year(2026) == "2026"
    forms = [f"{n} {npgettext('число', 'обязательство', 'обязательств', n)}" for n in (1, 2, 5, 21)]
    assert forms == ["1 обязательство", "2 обязательства", "5 обязательств", "21 обязательство"]


def test_another_language_plugs_in_through_its_format_module():
    with override("en"):
        assert formatting.number(Decimal("1500.5")) == "1,500.5"
    with override("ru"):
        assert formatting.number(Decimal("1500.5")) == "1\xa0500,5"


def _visible_cells(html: str) -> list[str]:
    body = html.split("<main", 1)[-1]
    body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
    return [unescape(TAG.sub("", a or b)).strip() for a, b in CELL.findall(body)]


def _pages(demo) -> list[str]:
    from ortaq.foodbelt.models import SupplyProgram

    pages = [reverse(name) for name in _list_urls()]
    pages += [reverse("home"), reverse("agreements:commitment_list") + "?state=all",
              demo.karaganda.get_absolute_url(), reverse("analytics:pair", args=[demo.astana.pk, demo.karaganda.pk]),
              reverse("analytics:brief_html", args=[demo.karaganda.pk])]
    pages += [program.get_absolute_url() for program in SupplyProgram.objects.all()]
    return pages


def test_no_page_shows_an_iso_date_or_a_decimal_point(client_as, users, demo):
    _fill_lists(demo)
    client = client_as(users.admin)
    wrong = []
    for url in _pages(demo):
        response = client.get(url)
        assert response.status_code == 200, url
        for cell in _visible_cells(response.content.decode()):
            text = RU_DATE.sub("", cell)
            if ISO_DATE.search(cell) or POINT_DECIMAL.search(text) or UNGROUPED_DECIMAL.search(text):
                wrong.append((url, cell[:80]))
    assert not wrong, wrong


def test_tiles_use_the_short_money_form_and_russian_plurals(client_as, users, demo):
    _fill_lists(demo)
    page = client_as(users.admin).get(reverse("home")).content.decode()
    assert re.search(r"\d+\xa0обязательств[оа]?\b|\d+\s*</div><div>обязательств[оа]?<", page)


def test_kazakh_conventions():
    with override("kk"):
        assert formatting.date(datetime.date(2026, 12, 20), long=True) == "2026 жылғы 20 желтоқсан"
        assert formatting.date(datetime.date(2026, 3, 1), long=True) == "2026 жылғы 1 наурыз"
        assert formatting.date(datetime.date(2026, 12, 20)) == "20.12.2026"
        assert formatting.number(Decimal("1500.5")) == "1\xa0500,5"
        assert formatting.money(Decimal("1500.50")) == "1\xa0500,50\xa0₸"
        assert formatting.money(Decimal("35000000000"), short=True) == "35\xa0млрд\xa0₸"
        assert formatting.short_number(Decimal("12000")) == "12\xa0мың"
        assert formatting.plain(True) == "иә"
        assert [npgettext("число", "обязательство", "обязательств", n) for n in (1, 5)] == ["міндеттеме"] * 2


def test_english_conventions():
    with override("en"):
        assert formatting.date(datetime.date(2026, 12, 20), long=True) == "20 December 2026"
        assert formatting.date(datetime.date(2026, 12, 20)) == "20.12.2026"
        assert formatting.number(1750000) == "1,750,000"
        assert formatting.money(Decimal("1500.50")) == "1,500.50\xa0₸"
        assert formatting.money(Decimal("35000000000"), short=True) == "35\xa0bn\xa0₸"
        assert formatting.percent(Decimal("73.33")) == "73.3\xa0%"
        assert formatting.plain(False) == "no"
        forms = [f"{n} {npgettext('число', 'обязательство', 'обязательств', n)}" for n in (1, 2, 21)]
        assert forms == ["1 commitment", "2 commitments", "21 commitments"]
