"""One highlighted menu item per page; one commitments page (the tracker's figures above the list)."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

NAV = re.compile(r'<nav class="nav"[^>]*>(.*?)</nav>', re.S)
ACTIVE = re.compile(r'<a href="([^"]+)" class="active"')


def _active_items(html: str) -> list[str]:
    return ACTIVE.findall(NAV.search(html).group(1))


def test_each_page_highlights_exactly_its_own_menu_item(client, demo):
    from ortaq.agreements.models import Agreement, Area, Commitment
    from ortaq.directory.models import Organization, Person

    person = Person.objects.first()
    expected = {
        reverse("directory:organization_list"): reverse("directory:organization_list"),
        Organization.objects.first().get_absolute_url(): reverse("directory:organization_list"),
        reverse("directory:person_list"): reverse("directory:person_list"),
        person.get_absolute_url(): reverse("directory:person_list"),
        reverse("agreements:agreement_list"): reverse("agreements:agreement_list"),
        Agreement.objects.first().get_absolute_url(): reverse("agreements:agreement_list"),
        Area.objects.first().get_absolute_url(): reverse("agreements:agreement_list"),
        reverse("agreements:commitment_list"): reverse("agreements:commitment_list"),
        reverse("events:program_list"): reverse("events:program_list"),
        reverse("events:event_list"): reverse("events:event_list"),
        demo.karaganda.get_absolute_url(): reverse("regions:region_list"),
        reverse("foodbelt:home"): reverse("foodbelt:home"),
    }
    if Commitment.objects.exists():
        expected[Commitment.objects.first().get_absolute_url()] = reverse("agreements:commitment_list")
    for url, item in expected.items():
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert _active_items(response.content.decode()) == [item], url


def test_the_home_and_search_pages_highlight_nothing(client, demo):
    for url in (reverse("home"), reverse("core:search") + "?q=акимат"):
        assert _active_items(client.get(url).content.decode()) == []


def test_the_commitments_page_shows_the_figures_above_the_filterable_list(client, demo):
    html = client.get(reverse("agreements:commitment_list"), {"state": "all"}).content.decode()
    assert html.index('id="by-owner"') < html.index('id="by-region"') < html.index('id="commitment-list"')
    assert 'class="filters"' in html and 'name="state"' in html
    assert html.count(f'href="{reverse("agreements:commitment_list")}"') >= 1  # in the menu


def test_the_old_tracker_address_redirects_with_its_filters(client, demo):
    response = client.get("/analytics/commitments/", {"state": "overdue", "region": demo.karaganda.pk})
    assert response.status_code == 301
    assert response["Location"].startswith(reverse("agreements:commitment_list") + "?")
    assert "state=overdue" in response["Location"] and f"region={demo.karaganda.pk}" in response["Location"]
