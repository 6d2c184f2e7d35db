"""The markup a screen reader relies on: the page's language, a skip link, table captions and header scopes,
errors tied to their fields and summarised, the combobox of search-as-you-type fields."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_a_list_page_has_skip_link_language_icon_and_a_captioned_table(client_as, users):
    html = client_as(users.viewer).get("/agreements/").content.decode()
    assert '<html lang="ru">' in html
    assert re.search(r'<body[^>]*>\s*<a class="skip-link" href="#content">Перейти к содержанию</a>', html)
    assert '<main id="content" tabindex="-1">' in html
    assert 'rel="icon"' in html and 'aria-expanded="false" aria-controls="site-menu"' in html
    assert '<caption class="visually-hidden">Соглашения</caption>' in html
    assert '<th scope="col"' in html
    assert 'class="table-scroll" role="region" tabindex="0" aria-label="Соглашения"' in html
    assert 'role="status" aria-live="polite"' in html


def test_a_form_sent_with_errors_summarises_them_and_ties_each_to_its_field(client_as, users):
    html = client_as(users.admin).post("/agreements/new/", {
        "kind": "memorandum", "status": "signed", "title": "",
        "parties-TOTAL_FORMS": "2", "parties-INITIAL_FORMS": "0",
        "parties-MIN_NUM_FORMS": "0", "parties-MAX_NUM_FORMS": "1000"}).content.decode()
    summary = re.search(r'<div class="error-summary" role="alert" tabindex="-1".*?</div>', html, re.S).group(0)
    assert '<a href="#id_title">Название</a>' in summary
    assert "не меньше двух сторон" in summary
    assert re.search(r'<input[^>]*aria-describedby="id_title_error"[^>]*id="id_title"', html) or \
        re.search(r'<input[^>]*id="id_title"[^>]*aria-describedby="id_title_error"', html)
    assert 'id="id_title_error"' in html


def test_a_search_as_you_type_field_is_a_labelled_combobox(demo):
    from ortaq.agreements.forms import PartyForm

    field = PartyForm(prefix="parties-0")["organization"]
    html = str(field)
    assert 'role="combobox"' in html and 'aria-expanded="false"' in html and 'aria-autocomplete="list"' in html
    assert f'id="{field.id_for_label}"' in html and f'aria-controls="{field.id_for_label}-list"' in html
    assert f'<ul class="autocomplete-list" role="listbox" id="{field.id_for_label}-list"' in html
    assert f'for="{field.id_for_label}"' in field.label_tag()
