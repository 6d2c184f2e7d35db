"""Choice fields over large tables search as you type instead of listing every record."""

import pytest
from django.urls import reverse

from ortaq.agreements.forms import CommitmentForm, PartyForm
from ortaq.agreements.tests.factories import organization
from ortaq.core.widgets import AutocompleteSelect

pytestmark = pytest.mark.django_db


def test_it_finds_organizations_by_a_word_form(client, demo):
    response = client.get(reverse("core:autocomplete", args=["directory.organization"]), {"q": "карагандинской"})
    texts = [row["text"] for row in response.json()["results"]]
    assert "Акимат Карагандинской области" in texts


def test_it_refuses_unknown_kinds(client, demo):
    assert client.get(reverse("core:autocomplete", args=["auth.user"]), {"q": "a"}).status_code in (403, 404)
    assert client.get(reverse("core:autocomplete", args=["nothing.here"]), {"q": "a"}).status_code == 404


def test_it_respects_the_read_setting(client, settings, demo):
    settings.ORTAQ_ANONYMOUS_READ = False
    response = client.get(reverse("core:autocomplete", args=["directory.organization"]), {"q": "акимат"})
    assert response.status_code in (302, 403)


def test_large_tables_get_a_search_box_and_regions_a_drop_down(demo):
    form = PartyForm()
    assert isinstance(form.fields["organization"].widget, AutocompleteSelect)
    assert not isinstance(form.fields["region"].widget, AutocompleteSelect)
    assert isinstance(CommitmentForm().fields["agreement"].widget, AutocompleteSelect)


def test_the_widget_does_not_list_every_record(demo):
    for number in range(30):
        organization(f"ТОО «Много {number}»", demo.karaganda)
    html = str(PartyForm()["organization"])
    assert "Много 17" not in html and 'type="hidden"' in html


def test_the_widget_shows_the_chosen_record(demo):
    chosen = organization("ТОО «Выбранное»", demo.karaganda)
    html = str(PartyForm(initial={"organization": chosen.pk})["organization"])
    assert "ТОО «Выбранное»" in html and f'value="{chosen.pk}"' in html
