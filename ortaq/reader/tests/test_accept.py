"""Accepting proposals: records created or linked, each sourced to its sentence, within the editor's scope."""

from __future__ import annotations

from django.urls import reverse

from ortaq.agreements.models import Agreement
from ortaq.directory.models import Organization, Person
from ortaq.events.models import Event, Program, ReportedFigure
from ortaq.reader.models import Proposal
from ortaq.reader.tests.texts import CULTURE_DAYS, KARAGANDA_AGAIN, PAVLODAR
from ortaq.sources.models import sources_for


def memorandum(document, party: str) -> Proposal:
    return next(p for p in document.proposals.filter(kind="agreement") if party in p.payload["parties"])


def accept(client, proposal, **data):
    return client.post(reverse("reader:proposal_accept", args=[proposal.pk]), data, HTTP_HX_REQUEST="true")


def test_it_creates_a_memorandum_with_its_parties_and_source_sentence(users, client_as, read_text):
    document = read_text(PAVLODAR)
    proposal = memorandum(document, "Акимат Астаны")
    assert proposal.matched is None
    response = accept(client_as(users.admin), proposal)
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == "accepted" and proposal.decided_by == users.admin
    agreement = proposal.record
    assert isinstance(agreement, Agreement) and agreement.kind == "memorandum"
    sides = {str(party) for party in agreement.parties.all()}
    assert sides == {"Акимат города Астаны", "Павлодарская область"}
    source = sources_for(agreement).get()
    assert source.document == document and source.entered_by == users.admin
    [sentence] = source.fragments()
    assert sentence.startswith("По итогам форума подписан меморандум")
    assert "status-accepted" in response.content.decode()


def test_it_links_a_memorandum_already_in_the_registry_instead_of_duplicating(users, client_as, read_text):
    existing = Agreement.objects.get(title="Меморандум о сотрудничестве между акиматами Астаны и "
                                           "Карагандинской области")
    document = read_text(KARAGANDA_AGAIN)
    proposal = memorandum(document, "Акимат Астаны")
    assert proposal.matched == existing
    count = Agreement.objects.count()
    accept(client_as(users.karaganda), proposal)
    proposal.refresh_from_db()
    assert proposal.record == existing
    assert Agreement.objects.count() == count
    assert sources_for(existing).filter(document=document).exists()
    page = client_as(users.karaganda).get(reverse("reader:document_review", args=[document.pk]))
    assert existing.get_absolute_url() in page.content.decode()


def test_an_editor_out_of_scope_cannot_accept_and_nothing_is_stored(users, client_as, read_text):
    document = read_text(PAVLODAR)
    proposal = memorandum(document, "Акимат Астаны")
    agreements, organizations = Agreement.objects.count(), Organization.objects.count()
    response = accept(client_as(users.outsider), proposal)
    assert "вне вашей зоны" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "pending" and proposal.record is None
    assert (Agreement.objects.count(), Organization.objects.count()) == (agreements, organizations)


def test_a_viewer_cannot_accept_or_reject(users, client_as, read_text):
    proposal = memorandum(read_text(PAVLODAR), "Акимат Астаны")
    client = client_as(users.viewer)
    assert accept(client, proposal).status_code == 403
    assert client.post(reverse("reader:proposal_reject", args=[proposal.pk])).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == "pending"


def test_it_accepts_a_person_after_the_reviewer_edits_the_post(users, client_as, read_text):
    document = read_text(PAVLODAR)
    proposal = document.proposals.get(kind="person", payload__name="Болат Мукашев")
    prefix = f"p{proposal.pk}"
    client = client_as(users.admin)
    edit = client.get(reverse("reader:proposal_edit", args=[proposal.pk]))
    assert f'name="{prefix}-last_name"' in edit.content.decode()
    accept(client, proposal, edited="1", **{f"{prefix}-first_name": "Болат", f"{prefix}-last_name": "Мукашев",
                                            f"{prefix}-title": "аким", f"{prefix}-region": "KZ-55"})
    person = Person.objects.get(last_name="Мукашев")
    position = person.positions.get()
    assert (position.title, position.region.code) == ("аким", "KZ-55")
    assert sources_for(position).filter(document=document).exists()


def test_it_rejects_a_proposal_without_writing_records(users, client_as, read_text):
    proposal = memorandum(read_text(PAVLODAR), "ТОО «Павлодар Туризм»")
    count = Agreement.objects.count()
    client_as(users.astana).post(reverse("reader:proposal_reject", args=[proposal.pk]), HTTP_HX_REQUEST="true")
    proposal.refresh_from_db()
    assert proposal.status == "rejected" and Agreement.objects.count() == count


def test_a_count_goes_onto_the_program_the_reviewer_picks(users, client_as, read_text):
    document = read_text(CULTURE_DAYS)
    proposal = document.proposals.get(kind="figure", payload__unit="меморандум")
    client = client_as(users.astana)
    response = accept(client, proposal)
    assert "Выберите программу" in response.content.decode()
    program = Program.objects.get(name="Дни культуры Астаны")
    prefix = f"p{proposal.pk}"
    accept(client, proposal, edited="1", **{f"{prefix}-kind": "count", f"{prefix}-value": "12",
                                            f"{prefix}-unit": "меморандум", f"{prefix}-program": program.pk,
                                            f"{prefix}-metric": "memoranda_signed"})
    figure = ReportedFigure.objects.get(program=program, value=12)
    assert figure.metric == "memoranda_signed"
    assert sources_for(figure).get().document == document


def test_an_event_needs_a_date_before_it_is_accepted(users, client_as, read_text):
    document = read_text(PAVLODAR)
    proposal = document.proposals.get(kind="event")
    client = client_as(users.admin)
    assert "укажите её" in accept(client, proposal).content.decode()
    prefix = f"p{proposal.pk}"
    accept(client, proposal, edited="1", **{f"{prefix}-kind": "business_forum", f"{prefix}-title": "Форум",
                                            f"{prefix}-region": "KZ-55", f"{prefix}-start_date": "2024-05-02"})
    assert Event.objects.get(title="Форум").region.code == "KZ-55"


def test_a_money_figure_goes_onto_the_food_belt_program_the_reviewer_picks(users, client_as, read_text):
    from ortaq.foodbelt.models import ReportedSupplyTotal, SupplyProgram

    program = SupplyProgram.objects.create(name="Пояс столицы (тест)", consumer_region=users.astana.profile
                                           .regions.get(), start_year=2020)
    proposal = read_text(PAVLODAR).proposals.get(kind="figure", payload__unit="KZT")
    client = client_as(users.admin)
    assert "Укажите год" in accept(client, proposal).content.decode()
    prefix = f"p{proposal.pk}"
    accept(client, proposal, edited="1", **{f"{prefix}-kind": "money", f"{prefix}-value": "3000000000",
                                            f"{prefix}-unit": "KZT", f"{prefix}-year": "2023",
                                            f"{prefix}-supply_program": program.pk, f"{prefix}-region": "KZ-55"})
    total = ReportedSupplyTotal.objects.get(program=program, year=2023)
    assert total.value_tenge == 3_000_000_000 and total.region.code == "KZ-55"
    assert sources_for(total).get().spans == [[proposal.sentence_start, proposal.sentence_end]]


def test_one_scope_rule_for_a_region_accepted_alone_or_as_a_party(users, client_as, read_text):
    """The Astana editor may not accept «Павлодарская область»; nor may she get an agreement with a Pavlodar
    party created through the memorandum proposal: the same refusal, nothing stored."""
    document = read_text(PAVLODAR)
    client = client_as(users.astana)
    region = document.proposals.get(kind="region", payload__code="KZ-55")
    assert "вне вашей зоны" in accept(client, region).content.decode()
    proposal = memorandum(document, "Акимат Астаны")
    agreements, organizations = Agreement.objects.count(), Organization.objects.count()
    response = accept(client, proposal)
    assert "вне вашей зоны" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == "pending" and proposal.record is None
    assert (Agreement.objects.count(), Organization.objects.count()) == (agreements, organizations)


def test_a_decided_card_keeps_its_title_and_shows_the_record_by_name(users, client_as, read_text):
    document = read_text(PAVLODAR)
    client = client_as(users.admin)
    region = document.proposals.get(kind="region", payload__code="KZ-55")
    person = document.proposals.get(kind="person", payload__name="Болат Мукашев")
    for proposal in (region, person):
        page = accept(client, proposal).content.decode()
        proposal.refresh_from_db()
        assert proposal.status == "accepted"
        assert "KZ-55" not in proposal.label and proposal.label
        assert proposal.label in page and str(proposal.record) in page
    assert region.label == "Павлодарская область"
    assert person.label == "Болат Мукашев"


def test_the_decider_or_an_administrator_reopens_a_decision(users, client_as, read_text):
    document = read_text(PAVLODAR)
    proposal = document.proposals.get(kind="region", payload__code="KZ-71")
    accept(client_as(users.astana), proposal)
    proposal.refresh_from_db()
    assert proposal.status == "accepted"
    reopen_url = reverse("reader:proposal_reopen", args=[proposal.pk])
    assert client_as(users.karaganda).post(reopen_url).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == "accepted"
    response = client_as(users.astana).post(reopen_url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.status == "pending" and proposal.record is None and proposal.decided_by is None
    assert proposal.payload["code"] == "KZ-71"
    client_as(users.karaganda).post(reverse("reader:proposal_reject", args=[proposal.pk]))
    proposal.refresh_from_db()
    if proposal.status == "rejected":
        assert client_as(users.admin).post(reopen_url).status_code == 302
        proposal.refresh_from_db()
        assert proposal.status == "pending"


def test_the_buttons_are_shown_only_to_those_who_may_decide(users, client_as, read_text):
    """An editor of another region reads the proposals of a document about Astana and Pavlodar, without the
    buttons the server would refuse, and is told who decides; the Astana editor sees them."""
    document = read_text(PAVLODAR)
    url = reverse("reader:document_review", args=[document.pk])
    outsider_page = client_as(users.outsider).get(url).content.decode()
    assert ">Принять</button>" not in outsider_page and ">Отклонить</button>" not in outsider_page
    assert 'id="not-your-document"' in outsider_page
    card = client_as(users.outsider).get(reverse("reader:proposal_card", args=[memorandum(document, "Акимат Астаны").pk]))
    assert ">Принять</button>" not in card.content.decode()
    astana_page = client_as(users.astana).get(url).content.decode()
    assert ">Принять</button>" in astana_page and 'id="not-your-document"' not in astana_page
    assert 'id="not-your-document"' not in client_as(users.viewer).get(url).content.decode()
