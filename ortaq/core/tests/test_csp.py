"""Content-Security-Policy on every response, and no template that would need it loosened."""

import re
from pathlib import Path

import pytest

import ortaq

pytestmark = pytest.mark.django_db
TEMPLATES = sorted(Path(ortaq.__file__).parent.rglob("templates/**/*.html"))
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)
JS_URL = re.compile(r"javascript:", re.I)


def test_the_templates_are_found():
    assert len(TEMPLATES) > 30


@pytest.mark.parametrize("pattern", [INLINE_SCRIPT, HANDLER, JS_URL], ids=["inline-script", "handler", "js-url"])
def test_no_template_holds_inline_script_handlers_or_javascript_urls(pattern):
    offenders = [f"{path.relative_to(Path(ortaq.__file__).parent)}: {match.group(0)[:60]}"
                 for path in TEMPLATES for match in pattern.finditer(path.read_text(encoding="utf-8"))]
    assert not offenders, offenders


def test_the_scanner_would_catch_each_kind():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/x.js"></script>')
    assert HANDLER.search('<select name="year" onchange="this.form.submit()">')
    assert JS_URL.search('<a href="javascript:history.back()">')


@pytest.mark.parametrize("path", ["/", "/agreements/", "/analytics/", "/foodbelt/", "/reader/new/", "/api/regions/",
                                  "/accounts/login/", "/admin/login/", "/search/?q=Караганда", "/no-such-page/"])
def test_every_response_carries_the_policy(users, client_as, path):
    response = client_as(users.admin).get(path)
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if " " in part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "http" not in policy and "unsafe-eval" not in policy
