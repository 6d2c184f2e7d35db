"""Pasting or uploading a press release: stored once, read once, proposals queued."""

from __future__ import annotations

import io

import docx
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ortaq.reader.models import Proposal, Reading
from ortaq.reader.tests.texts import PAVLODAR
from ortaq.sources.models import Document


def paste(client, text: str):
    return client.post(reverse("reader:document_create"), {"text": text})


def test_it_reads_a_pasted_text_into_proposals(users, client_as):
    response = paste(client_as(users.astana), PAVLODAR)
    document = Document.objects.get(text=PAVLODAR.strip())
    assert response.status_code == 302 and response["Location"] == reverse("reader:document_review",
                                                                            args=[document.pk])
    kinds = set(Proposal.objects.filter(document=document).values_list("kind", flat=True))
    assert {"region", "person", "organization", "agreement", "figure"} <= kinds
    assert document.uploaded_by == users.astana
    page = client_as(users.astana).get(response["Location"])
    assert page.status_code == 200
    content = page.content.decode()
    assert "ТОО «Павлодар Туризм»" in content and "<mark" in content


def test_it_stores_the_same_text_once(users, client_as):
    client = client_as(users.astana)
    paste(client, PAVLODAR)
    count = Proposal.objects.count()
    second = paste(client, PAVLODAR)
    assert Document.objects.filter(text=PAVLODAR.strip()).count() == 1
    assert Reading.objects.filter(document__text=PAVLODAR.strip()).count() == 1
    assert Proposal.objects.count() == count
    assert second.status_code == 302


def test_it_reads_an_uploaded_docx(users, client_as):
    buffer = io.BytesIO()
    word = docx.Document()
    for paragraph in PAVLODAR.split("\n\n"):
        word.add_paragraph(paragraph)
    word.save(buffer)
    upload = SimpleUploadedFile("pavlodar.docx", buffer.getvalue())
    response = client_as(users.karaganda).post(reverse("reader:document_create"), {"file": upload})
    assert response.status_code == 302
    document = Document.objects.get(file_name="pavlodar.docx")
    assert "ТОО «Павлодар Туризм»" in document.text
    assert document.proposals.filter(kind="agreement").exists()


def test_it_lists_documents_with_their_pending_proposals(users, client_as):
    paste(client_as(users.astana), PAVLODAR)
    page = client_as(users.viewer).get(reverse("reader:document_list"))
    assert page.status_code == 200
    assert "Астана и Павлодарская область" in page.content.decode()


def test_a_viewer_cannot_upload(users, client_as):
    response = paste(client_as(users.viewer), PAVLODAR)
    assert response.status_code == 403
    assert not Document.objects.filter(text=PAVLODAR.strip()).exists()
