"""List pages make the same number of queries whatever the number of rows (no N+1)."""

import pytest
from django.urls import reverse

from ortaq.agreements.tests.factories import agreement, commitment, organization
from ortaq.events.models import Event
from ortaq.projects.models import JointProject

pytestmark = pytest.mark.django_db

LISTS = ["agreements:agreement_list", "agreements:commitment_list", "directory:organization_list",
         "directory:person_list", "events:event_list", "events:program_list", "projects:jointproject_list",
         "regions:region_list", "directory:position_list"]


def add_rows(demo, count: int, offset: int) -> None:
    for number in range(offset, offset + count):
        side = organization(f"ТОО «Строка {number}»", demo.karaganda)
        memorandum = agreement(f"Меморандум {number}", side, demo.astana)
        commitment(memorandum, f"Обязательство {number}", owner=side)
        Event.objects.create(title=f"Встреча {number}", start_date="2024-01-01", region=demo.karaganda)
        project = JointProject.objects.create(title=f"Проект {number}")
        project.regions.set([demo.karaganda, demo.astana])


@pytest.mark.parametrize("route", LISTS)
def test_a_list_page_query_count_does_not_grow(client_as, users, demo, route, django_assert_max_num_queries):
    client = client_as(users.viewer)
    url = reverse(route)
    add_rows(demo, 2, 0)
    client.get(url)
    with django_assert_max_num_queries(40) as small:
        assert client.get(url).status_code == 200
    add_rows(demo, 5, 2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("export_format", ["csv", "xlsx", "json"])
def test_a_filtered_list_exports_only_its_rows(client, demo, export_format):
    agreement("Меморандум о туризме", organization("ТОО «Тур»", demo.karaganda), demo.astana)
    agreement("Меморандум о спорте", organization("ТОО «Спорт»", demo.karaganda), demo.astana)
    response = client.get(reverse("agreements:agreement_list"), {"title": "туризме", "_export": export_format})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "xlsx":
        import io

        import openpyxl

        sheet = openpyxl.load_workbook(io.BytesIO(body)).active
        body = "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row).encode()
    text = body.decode("utf-8")
    assert "туризме" in text and "спорте" not in text
