"""A region's page: partners ranked both ways, its latest records, and a query count that does not grow."""

import pytest
from django.urls import reverse

from ortaq.agreements.tests.factories import agreement, organization
from ortaq.analytics.services import ranked_partners

pytestmark = pytest.mark.django_db


def test_partners_count_agreements_and_events_in_both_directions(demo):
    astana_partners = {row["region"].code: row for row in ranked_partners(demo.astana)}
    karaganda_partners = {row["region"].code: row for row in ranked_partners(demo.karaganda)}
    # The seed: five agreements between them, and Astana's delegation at events held in Karaganda region.
    assert astana_partners["KZ-35"]["agreements"] == 5
    assert karaganda_partners["KZ-71"]["agreements"] == 5
    assert astana_partners["KZ-35"]["events"] == karaganda_partners["KZ-71"]["events"] >= 2


def test_partners_are_ranked_by_shared_records(demo):
    east_side = organization("ТОО «Восток»", demo.east)
    agreement("Меморандум с востоком", east_side, demo.karaganda)
    ranked = [row["region"].code for row in ranked_partners(demo.karaganda)]
    assert ranked[:2] == ["KZ-71", "KZ-63"]


def test_the_region_page_query_count_does_not_grow_with_agreements(client, demo, django_assert_max_num_queries):
    url = reverse("regions:region_detail", args=[demo.karaganda.pk])
    client.get(url)  # warm caches (content types, pymorphy)
    with django_assert_max_num_queries(60) as first:
        client.get(url)
    for number in range(15):
        agreement(f"Меморандум №{number}", organization(f"ТОО «Партнёр {number}»", demo.astana), demo.karaganda)
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(url)


def test_the_page_lists_the_latest_records_of_the_region_newest_first(client, demo):
    import datetime

    partner = organization("ТОО «Свежий партнёр»", demo.east)
    newest = agreement("Меморандум самый новый", partner, demo.karaganda, signed_on=datetime.date(2030, 1, 5))
    response = client.get(reverse("regions:region_detail", args=[demo.karaganda.pk]))
    listed = response.context["agreements"]
    assert listed[0] == newest
    assert all(item.signed_on is None or item.signed_on <= newest.signed_on for item in listed)
    east_page = client.get(reverse("regions:region_detail", args=[demo.east.pk]))
    assert newest in east_page.context["agreements"]  # through its party organization's region
    deleted = newest.pk
    newest.delete()
    after = client.get(reverse("regions:region_detail", args=[demo.karaganda.pk])).context["agreements"]
    assert deleted not in [item.pk for item in after]
