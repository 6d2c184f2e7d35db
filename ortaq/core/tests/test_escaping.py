"""HTML typed into a name is shown as text, never run."""

import pytest
from django.urls import reverse

from ortaq.agreements.tests.factories import agreement, organization

pytestmark = pytest.mark.django_db

NASTY = '<script>alert("x")</script><b>ТОО</b>'


def test_html_in_names_is_escaped_on_every_page(client, demo):
    record = organization(NASTY, demo.karaganda)
    other = organization("ТОО «Сосед»", demo.karaganda)
    memorandum = agreement(NASTY, record, other)
    pages = [
        record.get_absolute_url(), reverse("directory:organization_list"), memorandum.get_absolute_url(),
        reverse("agreements:agreement_list"), demo.karaganda.get_absolute_url(),
        reverse("core:search") + "?q=ТОО",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;" in html, url
