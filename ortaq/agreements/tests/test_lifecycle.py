"""The agreement lifecycle, overdue commitments and progress reports."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ortaq.agreements.models import Agreement, Commitment
from ortaq.agreements.tests.factories import agreement, commitment, organization

pytestmark = pytest.mark.django_db


def agreement_form_data(record: Agreement, **changes) -> dict:
    data = {"kind": record.kind, "title": record.title, "status": record.status, "loaded_version": record.version,
            "signed_on": "2024-05-01", "parties-TOTAL_FORMS": 2, "parties-INITIAL_FORMS": 2,
            "parties-MIN_NUM_FORMS": 0, "parties-MAX_NUM_FORMS": 1000}
    for index, party in enumerate(record.parties.all()):
        data[f"parties-{index}-id"] = party.pk
        data[f"parties-{index}-agreement"] = record.pk
        data[f"parties-{index}-organization"] = party.organization_id or ""
        data[f"parties-{index}-region"] = party.region_id or ""
    data.update(changes)
    return data


def test_a_signed_agreement_comes_into_force(client_as, users, demo):
    record = agreement("Меморандум", organization("ТОО «А»", demo.karaganda), demo.astana)
    response = client_as(users.karaganda).post(record.get_edit_url(), agreement_form_data(record, status="in_force"))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == "in_force"


def test_a_terminated_agreement_cannot_come_back_into_force(client_as, users, demo):
    record = agreement("Меморандум", organization("ТОО «Б»", demo.karaganda), demo.astana, status="terminated")
    response = client_as(users.karaganda).post(record.get_edit_url(), agreement_form_data(record, status="in_force"))
    assert response.status_code == 200
    assert "не может смениться" in response.content.decode()
    record.refresh_from_db()
    assert record.status == "terminated"


def test_removing_a_party_below_two_is_refused_by_the_form(client_as, users, demo):
    record = agreement("Меморандум", organization("ТОО «В»", demo.karaganda), demo.astana)
    data = agreement_form_data(record, **{"parties-1-DELETE": "on"})
    response = client_as(users.karaganda).post(record.get_edit_url(), data)
    assert response.status_code == 200
    assert "не меньше двух сторон" in response.content.decode()
    assert record.parties.count() == 2


def test_replacing_a_party_in_one_submit_is_allowed(client_as, users, demo):
    record = agreement("Меморандум", demo.astana, organization("ТОО «Г»", demo.karaganda))
    replacement = organization("ТОО «Замена»", demo.karaganda)
    data = agreement_form_data(record, **{"parties-1-DELETE": "on", "parties-TOTAL_FORMS": 3,
                                          "parties-2-organization": replacement.pk})
    response = client_as(users.karaganda).post(record.get_edit_url(), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert {str(party) for party in record.parties.all()} == {str(demo.astana), "ТОО «Замена»"}
    record.refresh_from_db()
    assert record.party_count == 2


def test_an_editor_cannot_remove_another_regions_party(client_as, users, demo):
    record = agreement("Меморандум", organization("ТОО «Г2»", demo.karaganda), demo.astana)
    replacement = organization("ТОО «Замена 2»", demo.karaganda)
    data = agreement_form_data(record, **{"parties-1-DELETE": "on", "parties-TOTAL_FORMS": 3,
                                          "parties-2-organization": replacement.pk})
    response = client_as(users.karaganda).post(record.get_edit_url(), data)
    assert response.status_code == 200
    assert "чужой регион" in response.content.decode()
    assert {party.region_id for party in record.parties.all()} == {None, demo.astana.pk}


def test_a_commitment_past_its_date_is_overdue_until_done(demo):
    record = agreement("Меморандум", organization("ТОО «Д»", demo.karaganda), demo.astana)
    late = commitment(record, "Открыть представительство", due_date=timezone.localdate() - datetime.timedelta(days=1))
    soon = commitment(record, "Провести форум", due_date=timezone.localdate() + datetime.timedelta(days=10))
    assert late.is_overdue and not soon.is_overdue
    assert set(Commitment.objects.overdue()) >= {late}
    assert soon in Commitment.objects.due_soon() and late not in Commitment.objects.due_soon()
    late.status = Commitment.Status.DONE
    late.save()
    assert late not in Commitment.objects.overdue()
    assert record.commitment_summary() == {"total": 2, "done": 1, "overdue": 0}


def test_a_progress_report_moves_the_actual_value(client_as, users, demo):
    owner = organization("ТОО «Е»", demo.karaganda)
    record = agreement("Меморандум", owner, demo.astana)
    item = commitment(record, "Поставить 100 тонн", owner=owner, unit="т", baseline=0, target=100)
    response = client_as(users.karaganda).post(reverse("agreements:progressreport_create"), {
        "commitment": item.pk, "date": "2024-06-01", "value": "40", "note": "первая партия"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.actual == 40 and item.status == "in_progress"
    assert item.fulfilment_percent == 40.0
    assert item.reports.get().reported_by == users.karaganda
