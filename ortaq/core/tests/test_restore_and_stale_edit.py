"""Signatory posts are shown; restoring asks first and the history names the restored version; a stale edit
is reported once."""

import pytest
from django.urls import reverse

from ortaq.agreements.tests.factories import agreement, organization
from ortaq.agreements.tests.test_lifecycle import agreement_form_data
from ortaq.core.tests.test_history import edit_organization

pytestmark = pytest.mark.django_db


def test_signatory_posts_entered_on_an_agreement_are_shown(client_as, users, demo):
    from ortaq.directory.models import Person

    signer = Person.objects.create(last_name="Абенов", first_name="Ержан")
    record = agreement("Меморандум о подписантах", demo.karaganda, demo.astana)
    data = agreement_form_data(record, **{"parties-0-signatory": signer.pk,
                                          "parties-0-signatory_title": "аким Карагандинской области",
                                          "parties-1-signatory_title": "заместитель акима города Астаны"})
    client = client_as(users.karaganda)
    assert client.post(reverse("agreements:agreement_edit", args=[record.pk]), data).status_code == 302
    html = client.get(record.get_absolute_url()).content.decode()
    assert "аким Карагандинской области" in html  # with a signatory chosen
    assert "заместитель акима города Астаны" in html  # a post without a person chosen
    assert "аким Карагандинской области" in client.get(signer.get_absolute_url()).content.decode()


def test_restoring_a_version_asks_first_and_changes_nothing_until_confirmed(client_as, users, demo):
    record = organization("ТОО «Было»", demo.karaganda, kind="company")
    edit_organization(client_as(users.karaganda), record, name="ТОО «Стало»")
    first = record.history.order_by("history_date").first()
    url = reverse("core:restore", args=["directory.organization", record.pk, first.history_id])
    client = client_as(users.admin)
    history_page = client.get(reverse("core:history", args=["directory.organization", record.pk])).content.decode()
    assert f'href="{url}"' in history_page  # a link to the confirmation, not a form that restores at once
    confirm = client.get(url)
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "Восстановить версию от" in html and "ТОО «Стало»" in html and "ТОО «Было»" in html
    record.refresh_from_db()
    assert record.name == "ТОО «Стало»"
    assert client_as(users.karaganda).get(url).status_code == 403


def test_the_history_says_which_version_was_restored(client_as, users, demo):
    from ortaq.core import formatting

    record = organization("ТОО «Первое»", demo.karaganda, kind="company")
    edit_organization(client_as(users.karaganda), record, name="ТОО «Второе»")
    first = record.history.order_by("history_date").first()
    client = client_as(users.admin)
    client.post(reverse("core:restore", args=["directory.organization", record.pk, first.history_id]))
    record.refresh_from_db()
    assert record.name == "ТОО «Первое»"
    html = client.get(reverse("core:history", args=["directory.organization", record.pk])).content.decode()
    assert f"восстановление версии от {formatting.datetime_(first.history_date)}" in html


def test_a_stale_edit_is_reported_once(client_as, users, demo):
    record = organization("ТОО «Общее»", demo.karaganda, kind="company")
    loaded = record.version
    edit_organization(client_as(users.admin), record, name="ТОО «Общее» (админ)", loaded_version=loaded)
    response = edit_organization(client_as(users.karaganda), record, name="ТОО «Общее» (редактор)",
                                 loaded_version=loaded)
    html = response.content.decode()
    assert html.count("Запись изменилась, пока вы её редактировали") == 1
    assert html.count('id="stale-changes"') == 1 and "ТОО «Общее» (админ)" in html
