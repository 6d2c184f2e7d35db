"""Empty sections say so in words, with a link to add where the user may; undated posts show no «… — …»."""

import datetime
import re

import pytest
from django.urls import reverse

from ortaq.agreements.tests.factories import agreement, organization

pytestmark = pytest.mark.django_db

# What an empty section must never look like: a bare dash, an ellipsis range, an empty table body.
BARE_MARKS = [
    re.compile(r'<li class="muted">\s*—\s*</li>'),
    re.compile(r"<td colspan=[^>]*>\s*—\s*</td>"),  # a whole empty row (a missing figure in a cell is fine)
    re.compile(r"<tbody>\s*</tbody>"),
    re.compile(r"…\s*—\s*…"),
    re.compile(r"•\s*—"),
]


def _assert_no_bare_marks(html: str, url: str) -> None:
    for mark in BARE_MARKS:
        found = mark.search(html)
        assert found is None, f"{url}: {found.group(0)!r}"


@pytest.fixture
def empty_records(demo):
    """One record of each kind with nothing attached to it."""
    from ortaq.agreements.models import Area
    from ortaq.directory.models import Person
    from ortaq.events.models import Event, Program
    from ortaq.foodbelt.models import Supplier
    from ortaq.projects.models import JointProject

    org = organization("ТОО «Пустое»", demo.karaganda, kind="company")
    project = JointProject.objects.create(title="Проект без этапов", kind="other", status="active")
    project.regions.add(demo.karaganda)
    return {
        "organization": org,
        "person": Person.objects.create(last_name="Безддатов", first_name="Ерлан"),
        "event": Event.objects.create(title="Встреча без участников", start_date=datetime.date(2025, 3, 3),
                                      region=demo.karaganda),
        "program": Program.objects.create(name="Программа без событий"),
        "agreement": agreement("Соглашение без обязательств", demo.karaganda, demo.astana),
        "project": project,
        "area": Area.objects.create(slug="empty-area", name_ru="Пустая сфера"),
        "supplier": Supplier.objects.create(organization=organization("КХ «Без поставок»", demo.karaganda,
                                                                      kind="company")),
    }


@pytest.mark.parametrize("role", ["viewer", "karaganda"])
def test_every_empty_record_page_says_its_sections_are_empty_in_words(client_as, users, empty_records, role):
    client = client_as(getattr(users, role))
    for record in empty_records.values():
        url = record.get_absolute_url()
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        _assert_no_bare_marks(html, url)
        assert 'class="empty"' in html, url


def test_an_editor_is_offered_to_add_what_is_missing_and_a_viewer_is_not(client_as, users, empty_records):
    url = empty_records["organization"].get_absolute_url()
    create = reverse("agreements:agreement_create")
    editor_html = client_as(users.karaganda).get(url).content.decode()
    assert "Соглашений с участием организации пока нет" in editor_html and create in editor_html
    viewer_html = client_as(users.viewer).get(url).content.decode()
    assert "Соглашений с участием организации пока нет" in viewer_html and create not in viewer_html


def test_an_event_page_offers_an_agreement_signed_there(client_as, users, empty_records):
    event = empty_records["event"]
    html = client_as(users.karaganda).get(event.get_absolute_url()).content.decode()
    assert f'{reverse("agreements:agreement_create")}?signing_event={event.pk}' in html
    assert "Участники пока не указаны" in html


def test_a_post_without_dates_shows_no_dates_and_a_post_with_one_date_says_since(client, empty_records, demo):
    from ortaq.directory.models import Position

    person = empty_records["person"]
    Position.objects.create(person=person, title="советник", region=demo.karaganda)
    Position.objects.create(person=person, title="аким района", region=demo.karaganda,
                            start_date=datetime.date(2021, 2, 1))
    html = client.get(person.get_absolute_url()).content.decode()
    assert "советник" in html and "…" not in html
    assert "с 01.02.2021" in html
    _assert_no_bare_marks(html, person.get_absolute_url())


def test_the_home_page_and_demo_record_pages_have_no_bare_dashes(client, demo):
    from ortaq.agreements.models import Agreement
    from ortaq.directory.models import Person

    urls = [reverse("home"), demo.karaganda.get_absolute_url(), demo.east.get_absolute_url()]
    urls += [record.get_absolute_url() for record in Agreement.objects.all()[:5]]
    urls += [record.get_absolute_url() for record in Person.objects.all()[:5]]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_no_bare_marks(response.content.decode(), url)
