"""The demo's review queue holds the seed press release, read, with proposals linked to the demo's records."""

from __future__ import annotations

from django.urls import reverse

from ortaq.agreements.models import Agreement
from ortaq.portal.demo import load_all_demo
from ortaq.reader.models import Proposal, Reading


def test_the_seed_is_read_and_its_proposals_link_the_demo_records(demo, shared_dir, users, client_as):
    reading = Reading.objects.select_related("document").get(document__file_name__startswith="000_")
    proposals = list(reading.document.proposals.all())
    accepted = [p for p in proposals if p.status == Proposal.Status.ACCEPTED]
    assert accepted and all(p.record is not None for p in accepted)
    assert any(isinstance(p.record, Agreement) for p in accepted)
    assert any(p.kind == "region" and p.label == "Карагандинская область" for p in accepted)
    page = client_as(users.viewer).get(reverse("reader:document_review", args=[reading.document.pk]))
    html = page.content.decode()
    assert "status-accepted" in html
    assert accepted[0].record.get_absolute_url() in html


def test_loading_the_demo_again_reads_the_seed_once(demo, shared_dir):
    count = Proposal.objects.count()
    load_all_demo()
    assert Reading.objects.filter(document__file_name__startswith="000_").count() == 1
    assert Proposal.objects.count() == count


KAZAKH_TEXT = ("Қарағанды облысының әкімі Астана қаласының делегациясын қабылдады. Тараптар сауда және туризм "
               "салаларындағы ынтымақтастық туралы меморандумға қол қойды.")


def test_a_kazakh_text_is_said_to_be_kazakh_and_only_known_regions_are_proposed(users, client_as):
    client = client_as(users.karaganda)
    response = client.post(reverse("reader:document_create"), {"text": KAZAKH_TEXT}, follow=True)
    html = response.content.decode()
    assert "на казахском языке" in html
    reading = Reading.objects.get(document__text=KAZAKH_TEXT)
    kinds = {p.kind for p in reading.document.proposals.all()}
    codes = {p.payload.get("code") for p in reading.document.proposals.filter(kind="region")}
    assert kinds == {"region"} and codes == {"KZ-35", "KZ-71"}
