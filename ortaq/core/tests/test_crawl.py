"""A crawl from the home page as each role over the demo, bounded, failing on any 5xx or on a link to a 404;
and a page fuzzer: every GET form's fields (list filters, search) sent with values a person may mistype or an
attacker may try, every form page's query-string presets likewise. Bounded by ORTAQ_CRAWL_LIMIT per role."""

from __future__ import annotations

import os
import re
from collections import deque
from html import unescape
from urllib.parse import urldefrag, urlencode, urlsplit

import pytest

pytestmark = pytest.mark.django_db

LIMIT = int(os.environ.get("ORTAQ_CRAWL_LIMIT", "80"))
SKIP = ("/static/", "/media/", "/admin/", "/accounts/logout", "/api/schema", "_export=", "/brief.pdf")
HREF = re.compile(r'href="([^"#][^"]*)"')
GET_FORM = re.compile(r'<form(?![^>]*method="post")[^>]*>(.*?)</form>', re.S | re.I)
FIELD = re.compile(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', re.I)
BAD_VALUES = ["-1", "abc", "99999999999999999999", "\x00"]


def links(page: str) -> list[str]:
    found = []
    for href in HREF.findall(page):
        url = urldefrag(unescape(href))[0]
        if url.startswith("/") and not url.startswith("//") and not any(part in url for part in SKIP):
            found.append(url)
    return found


def crawl(client, limit: int) -> dict[str, str]:
    """{url: page} of up to `limit` pages reached from /, asserting no 5xx and no link to a 404."""
    seen, queue, pages = {"/"}, deque([("/", "(start)")]), {}
    while queue and len(pages) < limit:
        url, referrer = queue.popleft()
        response = client.get(url)
        assert response.status_code < 500, f"{url} (linked from {referrer}) → {response.status_code}"
        assert response.status_code != 404, f"{url} (linked from {referrer}) is a 404"
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        pages[url] = response.content.decode()
        for link in links(pages[url]):
            if link not in seen:
                seen.add(link)
                queue.append((link, url))
    return pages


def fuzz_forms(client, url: str, page: str) -> int:
    """Every field of the page's GET forms set to each bad value in turn; returns the requests made."""
    names = {name for form in GET_FORM.findall(page) for name in FIELD.findall(form)}
    names -= {"csrfmiddlewaretoken"}
    path = urlsplit(url).path
    for name in sorted(names):
        for value in BAD_VALUES:
            response = client.get(f"{path}?{urlencode({name: value})}")
            assert response.status_code < 500, f"{path}?{name}={value!r} → {response.status_code}"
    return len(names) * len(BAD_VALUES)


@pytest.mark.parametrize("role", ["anonymous", "viewer", "karaganda", "outsider", "admin"])
def test_crawl_from_home_finds_no_error_and_no_dead_link(role, users, client_as):
    client = client_as(None if role == "anonymous" else getattr(users, role))
    pages = crawl(client, LIMIT)
    assert len(pages) > 10


def test_every_list_filter_and_form_preset_survives_bad_values(users, client_as):
    client = client_as(users.admin)
    pages = crawl(client, LIMIT)
    lists = {urlsplit(url).path: page for url, page in pages.items() if GET_FORM.search(page)}
    assert sum(fuzz_forms(client, url, page) for url, page in lists.items()) > 0
    forms = {urlsplit(url).path for url in pages if urlsplit(url).path.endswith(("/new/", "/edit/"))}
    for path in forms:
        page = pages.get(path) or client.get(path).content.decode()
        names = set(FIELD.findall(page)) - {"csrfmiddlewaretoken"}
        for name in names:
            response = client.get(f"{path}?{urlencode({name: 'abc'})}")
            assert response.status_code < 500, f"{path}?{name}=abc → {response.status_code}"
