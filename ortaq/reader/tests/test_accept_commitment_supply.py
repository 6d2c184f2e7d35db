"""Commitments and food-belt supply figures: proposed from the text, accepted into the registry under one scope rule."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from ortaq.agreements.models import Commitment
from ortaq.reader.tests.texts import COMMITMENT, SUPPLY
from ortaq.sources.models import sources_for


def accept(client, proposal, **data):
    return client.post(reverse("reader:proposal_accept", args=[proposal.pk]), data, HTTP_HX_REQUEST="true")


def test_a_commitment_goes_under_the_agreement_accepted_from_the_same_text(users, client_as, read_text):
    document = read_text(COMMITMENT)
    proposal = document.proposals.get(kind="commitment")
    assert proposal.payload["due_date"] == "2026-12-31"
    assert proposal.label.startswith("открыть в Омске торговый дом")
    client = client_as(users.admin)
    page = client.get(reverse("reader:document_review", args=[document.pk])).content.decode()
    assert "открыть в Омске торговый дом" in page and "обязательство" in page.lower()
    assert "Сначала примите соглашение" in accept(client, proposal).content.decode()
    assert not Commitment.objects.filter(text__startswith="открыть в Омске").exists()

    agreement_proposal = document.proposals.get(kind="agreement")
    accept(client, agreement_proposal)
    agreement_proposal.refresh_from_db()
    response = accept(client, proposal)
    assert response.status_code == 200 and "status-accepted" in response.content.decode()
    proposal.refresh_from_db()
    commitment = proposal.record
    assert isinstance(commitment, Commitment)
    assert commitment.agreement == agreement_proposal.record
    assert commitment.due_date == datetime.date(2026, 12, 31)
    assert commitment.text == "открыть в Омске торговый дом павлодарских производителей"
    assert sources_for(commitment).get().document == document


def test_a_commitment_needs_edit_rights_on_its_agreement(users, client_as, read_text):
    document = read_text(COMMITMENT)
    accept(client_as(users.admin), document.proposals.get(kind="agreement"))
    proposal = document.proposals.get(kind="commitment")
    response = accept(client_as(users.karaganda), proposal)
    assert "вне вашей зоны" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "pending" and not Commitment.objects.filter(text__startswith="открыть в Омске").exists()


@pytest.fixture
def program(users):
    from ortaq.foodbelt.models import SupplyProgram
    from ortaq.regions.models import Region

    program = SupplyProgram.objects.create(name="Пояс столицы (тест)", consumer_region=Region.objects.get(code="KZ-71"),
                                           start_year=2020)
    program.regions.add(Region.objects.get(code="KZ-55"))
    return program


def test_a_supply_figure_becomes_a_reported_total_of_its_region_product_and_year(users, client_as, read_text,
                                                                                 program):
    from ortaq.foodbelt.models import ReportedSupplyTotal

    document = read_text(SUPPLY)
    proposal = document.proposals.get(kind="supply")
    assert proposal.payload["product"] == "картофель" and proposal.payload["kind"] == "plan"
    response = accept(client_as(users.astana), proposal)
    assert "status-accepted" in response.content.decode()
    proposal.refresh_from_db()
    total = proposal.record
    assert isinstance(total, ReportedSupplyTotal) and total.program == program
    assert (total.region.code, total.year, total.kind, total.volume_tonnes) == ("KZ-55", 2025, "plan", 33000)
    assert total.category.slug == "potatoes"
    assert sources_for(total).get().spans == [[proposal.sentence_start, proposal.sentence_end]]
    assert "Павлодарская область, 2025" in proposal.label


def test_a_supply_figure_out_of_scope_is_refused_and_an_edit_is_kept(users, client_as, read_text, program):
    from ortaq.foodbelt.models import ReportedSupplyTotal

    proposal = read_text(SUPPLY).proposals.get(kind="supply")
    assert "вне вашей зоны" in accept(client_as(users.outsider), proposal).content.decode()
    assert not ReportedSupplyTotal.objects.filter(program=program).exists()
    prefix = f"p{proposal.pk}"
    client = client_as(users.admin)
    fields = {f"{prefix}-supply_program": program.pk, f"{prefix}-region": "KZ-55", f"{prefix}-year": "2025",
              f"{prefix}-kind": "actual", f"{prefix}-category": "vegetables"}
    assert "Укажите объём или сумму" in accept(client, proposal, edited="1", **fields).content.decode()
    accept(client, proposal, edited="1", **fields, **{f"{prefix}-value_tenge": "1500000000",
                                                      f"{prefix}-qualifier": "more_than"})
    total = ReportedSupplyTotal.objects.get(program=program)
    assert (total.kind, total.category.slug, total.value_tenge, total.qualifier) == \
        ("actual", "vegetables", 1_500_000_000, "more_than")
