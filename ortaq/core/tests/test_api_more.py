"""The food belt, the reader's proposals and the sources through the API (read-only), token authentication for
programs, and the API's documentation pages served offline."""

from io import StringIO

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from ortaq.foodbelt.models import Delivery, ReportedSupplyTotal, Supplier, SupplyPlan, SupplyProgram
from ortaq.reader.models import Proposal
from ortaq.sources.models import Document, Source

pytestmark = pytest.mark.django_db
READ_ONLY = {
    "foodbelt/programs": SupplyProgram, "foodbelt/suppliers": Supplier, "foodbelt/plans": SupplyPlan,
    "foodbelt/deliveries": Delivery, "foodbelt/reported-totals": ReportedSupplyTotal, "documents": Document,
    "proposals": Proposal, "sources": Source,
}


@pytest.fixture
def api():
    return APIClient()


@pytest.mark.parametrize("route", sorted(READ_ONLY))
def test_each_endpoint_lists_and_shows_its_records_and_refuses_writes(api, users, route):
    model = READ_ONLY[route]
    api.force_authenticate(users.viewer)
    response = api.get(f"/api/{route}/")
    assert response.status_code == 200, response.content
    assert response.json()["count"] == model.objects.count()
    first = model.objects.order_by("pk").first()
    if first is not None:
        assert api.get(f"/api/{route}/{first.pk}/").json()["id"] == first.pk
    api.force_authenticate(users.admin)
    assert api.post(f"/api/{route}/", {}, format="json").status_code == 405
    if first is not None:
        assert api.delete(f"/api/{route}/{first.pk}/").status_code == 405
        assert model.objects.filter(pk=first.pk).exists()


def test_a_proposal_carries_its_decision(api, users, demo):
    decided = Proposal.objects.exclude(status=Proposal.Status.PENDING).select_related("decided_by").first()
    if decided is None:
        pytest.skip("the demo has no decided proposal (../shared seed absent)")
    api.force_authenticate(users.viewer)
    row = api.get(f"/api/proposals/{decided.pk}/").json()
    assert row["status"] == decided.status
    assert row["decided_by"] == (decided.decided_by.username if decided.decided_by else None)


def test_a_document_list_leaves_the_text_to_its_own_url(api, users):
    document = Document.objects.create(title="Пресс-релиз для API", text="Текст пресс-релиза.", sha256="a" * 64)
    api.force_authenticate(users.viewer)
    listed = next(row for row in api.get("/api/documents/").json()["results"] if row["id"] == document.pk)
    assert "text" not in listed
    assert api.get(f"/api/documents/{document.pk}/").json()["text"] == "Текст пресс-релиза."


def test_a_program_authenticates_with_the_token_from_ortaq_token(api, users):
    out = StringIO()
    call_command("token", users.karaganda.username, stdout=out)
    key = out.getvalue().strip()
    assert len(key) == 40
    assert APIClient().post("/api/organizations/", {"name": "ТОО «Без токена»"}, format="json").status_code in (401, 403)
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.get("/api/foodbelt/programs/")
    assert response.status_code == 200
    assert response.wsgi_request.user == users.karaganda
    again = StringIO()
    call_command("token", users.karaganda.username, "--reset", stdout=again)
    assert again.getvalue().strip() != key
    assert api.get("/api/foodbelt/programs/").status_code in (401, 403)  # the old key no longer works


def test_swagger_ui_and_redoc_are_served_offline_and_linked_from_the_footer(client, demo):
    page = client.get("/").content.decode()
    assert 'href="/api/docs/"' in page and 'href="/api/redoc/"' in page
    for url in ("/api/docs/", "/api/redoc/"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "cdn" not in html.lower() and "https://" not in html and "//fonts." not in html
        assert "<script>" not in html  # the Content-Security-Policy allows no inline script
    assert "swagger-ui-bundle" in client.get("/api/docs/").content.decode()
    assert client.get("/api/docs/?script=").status_code == 200
