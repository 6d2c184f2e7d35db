"""Intensity, counts and fulfilment match the records built in the test, and follow edits."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from ortaq.analytics import services
from ortaq.analytics.intensity import intensity
from ortaq.analytics.models import PairYear
from ortaq.analytics.rollups import ensure_fresh, refresh_all
from ortaq.analytics.tests.builders import pavlodar_kostanay

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(demo):
    return pavlodar_kostanay(timezone.localdate())


def test_it_counts_the_pair_by_year(pair):
    ensure_fresh()
    rows = {row.year: row for row in PairYear.objects.filter(region_a__in=[pair.pavlodar, pair.kostanay],
                                                             region_b__in=[pair.pavlodar, pair.kostanay])}
    assert (rows[2023].agreements, rows[2023].events, rows[2023].projects) == (2, 1, 0)
    assert (rows[2024].agreements, rows[2024].events, rows[2024].projects) == (1, 1, 1)


def test_intensity_weighs_agreements_events_projects_and_supply(pair):
    partners = services.ranked_partners(pair.pavlodar)
    kostanay = next(row for row in partners if row["region"] == pair.kostanay)
    assert (kostanay["agreements"], kostanay["events"], kostanay["projects"]) == (3, 2, 1)
    assert kostanay["intensity"] == Decimal("16.00")  # 3×3 + 1×2 + 5×1
    assert intensity({"agreements": 1, "supply_tenge": Decimal("2500000000")}) == Decimal("8.00")
    assert "16 = 3×3 + 1×2 + 5×1" in kostanay["explain"]


def test_the_partner_ranking_puts_the_strongest_first(pair):
    partners = services.ranked_partners(pair.pavlodar)
    assert partners[0]["region"] == pair.kostanay


def test_intensity_by_year_of_a_pair(pair):
    rows = {row["year"]: row["intensity"] for row in services.intensity_by_year(pair.pavlodar, pair.kostanay)}
    assert rows == {2023: Decimal("7.00"), 2024: Decimal("9.00")}


def test_region_counts_count_each_record_once(pair):
    counts = services.region_counts(pair.pavlodar)
    assert (counts["agreements"], counts["events"], counts["projects"]) == (3, 3, 1)
    assert counts["agreement_status"] == {"signed": 3}


def test_commitment_fulfilment_of_a_region(pair):
    figures = services.commitment_figures(pair.kostanay)
    assert figures == {"total": 4, "done": 1, "overdue": 1, "due_soon": 1, "open": 3, "done_percent": 25}


def test_the_whole_registry_commitments_include_the_test_ones(pair):
    before = services.commitment_figures()
    from ortaq.agreements.tests.factories import commitment

    commitment(pair.agreements[0], "Ещё одно просроченное", due_date=timezone.localdate() - datetime.timedelta(1))
    after = services.commitment_figures()
    assert after["overdue"] == before["overdue"] + 1 and after["total"] == before["total"] + 1


def test_an_edit_refreshes_the_rollups(pair):
    services.ranked_partners(pair.pavlodar)
    pair.agreements[2].parties.filter(region=pair.kostanay).update(region=pair.pavlodar)  # bypasses signals
    refresh_all()
    pair.forum.delete()
    kostanay = next(row for row in services.ranked_partners(pair.pavlodar) if row["region"] == pair.kostanay)
    assert (kostanay["agreements"], kostanay["events"]) == (2, 1)


def test_the_full_rebuild_equals_the_incremental_one(pair):
    ensure_fresh()
    incremental = sorted(PairYear.objects.values_list("region_a", "region_b", "year", "agreements", "events",
                                                      "projects"))
    refresh_all()
    assert sorted(PairYear.objects.values_list("region_a", "region_b", "year", "agreements", "events",
                                               "projects")) == incremental


def test_the_seed_pair_has_its_agreements_events_and_projects(demo):
    row = {r["region"]: r for r in services.ranked_partners(demo.karaganda)}[demo.astana]
    assert (row["agreements"], row["projects"]) == (5, 2)
    assert row["events"] >= 3
