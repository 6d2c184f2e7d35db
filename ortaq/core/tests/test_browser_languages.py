"""In a real Chromium: a user switches to Kazakh (then English) on the home page and walks the main pages — the
region page, an agreement, the commitments, the food-belt dashboard, the reader — meeting no Russian interface word.

Interface text is what the site itself writes: navigation, headings, labels, buttons, table headings, tiles.
Record content (names, titles typed by users) is data and is not checked. A word counts as Russian when it is a
word of the Russian message ids and not a word of the target language's translations."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LOCALE = Path(__file__).resolve().parents[2] / "locale"
WORD = re.compile(r"[а-яёәғқңөұүһі]+", re.IGNORECASE)
# Interface elements; `data-i18n-skip` is not used: data inside them is removed by the DATA selectors below.
INTERFACE = "header nav, h1, h2, h3, h4, label, button, th, td, dt, dd, legend, .tile, .muted, .footer, .filters, caption, p, li"
# Record content inside interface elements: links to records, user-typed values, the language switch (each
# language named in itself).
DATA = "a[href*='/regions/'], a[href*='/directory/'], a[href*='/agreements/'], a[href*='/events/'], " \
       "a[href*='/projects/'], a[href*='/foodbelt/suppliers/'], a[href*='/reader/documents/'], .language-switch, " \
       "select, option, input, textarea, .user span, blockquote, mark, .number"


def _words(texts) -> set[str]:
    return {word.lower() for text in texts for word in WORD.findall(text or "")}


def russian_vocabulary(language: str) -> set[str]:
    """Words of the Russian interface texts that the target language's translations never use."""
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    source = _words([e.msgid for e in po] + [e.msgid_plural for e in po])
    target = _words([e.msgstr for e in po] + [text for e in po for text in e.msgstr_plural.values()])
    return source - target


def interface_text(page) -> list[str]:
    """The visible interface texts of the page, record content removed."""
    return page.evaluate(
        """([interfaceSelector, dataSelector]) => {
            const texts = [];
            for (const element of document.querySelectorAll(interfaceSelector)) {
                if (element.closest('.language-switch') || !element.offsetParent && element.tagName !== 'BODY') continue;
                const copy = element.cloneNode(true);
                copy.querySelectorAll(dataSelector).forEach(node => node.remove());
                texts.push(copy.innerText || copy.textContent || '');
            }
            texts.push(document.title.split('·').slice(-1)[0]);
            return texts;
        }""",
        [INTERFACE, DATA],
    )


def record_titles() -> list[str]:
    """Names and titles typed by users or taken from press releases (data shown among interface text): longest
    first, so a name is removed whole before any shorter name inside it."""
    from ortaq.agreements.models import Agreement
    from ortaq.directory.models import Organization, Position
    from ortaq.events.models import Event, Program
    from ortaq.foodbelt.models import SupplyProgram
    from ortaq.projects.models import JointProject
    from ortaq.regions.models import Region
    from ortaq.sources.models import Document

    titles = [*Agreement.objects.values_list("title", flat=True), *Event.objects.values_list("title", flat=True),
              *Program.objects.values_list("name", flat=True), *SupplyProgram.objects.values_list("name", flat=True),
              *JointProject.objects.values_list("title", flat=True), *Document.objects.values_list("title", flat=True),
              *Organization.objects.values_list("name", flat=True), *Position.objects.values_list("title", flat=True),
              *Region.objects.values_list("name_ru", flat=True), *Region.objects.values_list("centre", flat=True)]
    return sorted({title for title in titles if title}, key=len, reverse=True)


def leftover_russian(page, vocabulary: set[str], titles: list[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for text in interface_text(page):
        text = " ".join(text.split())
        for title in titles:
            text = text.replace(" ".join(title.split()), " ")
        for word in WORD.findall(text):
            if word.lower() in vocabulary:
                found.setdefault(word, []).append(" ".join(text.split())[:80])
    return found


def _pages(demo) -> list[tuple[str, str]]:
    from ortaq.agreements.models import Agreement
    from ortaq.foodbelt.demo import capital_program
    from ortaq.reader.models import Reading

    agreement = Agreement.objects.order_by("pk").first()
    pages = [
        ("home", "/"),
        ("region", demo.karaganda.get_absolute_url()),
        ("agreement", agreement.get_absolute_url()),
        ("commitments", reverse("analytics:tracker")),
        ("commitment-list", reverse("agreements:commitment_list")),
        ("foodbelt", capital_program().get_absolute_url()),
        ("reader", reverse("reader:document_list")),
        ("reader-upload", reverse("reader:document_create")),
        ("brief", reverse("analytics:brief_html", args=[demo.karaganda.pk])),
    ]
    reading = Reading.objects.order_by("pk").first()
    if reading is not None:
        pages.append(("reader-review", reading.get_absolute_url()))
    return pages


def log_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=username]", "alice")
    page.fill("input[name=password]", "pw-alice-1")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")


@pytest.mark.parametrize("language, button", [("kk", "ҚАЗ"), ("en", "ENG")])
def test_main_pages_have_no_russian_interface_word(live_server, chromium, users, demo, artifacts_dir,
                                                    language, button):
    vocabulary = russian_vocabulary(language)
    page = chromium.new_page()
    log_in(page, live_server.url)
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == language
    leftovers = {}
    for name, url in _pages(demo):
        page.goto(f"{live_server.url}{url}")
        assert page.locator("html").get_attribute("lang") == language, name
        page.screenshot(path=str(artifacts_dir / f"i18n-{language}-{name}.png"), full_page=True)
        found = leftover_russian(page, vocabulary, record_titles())
        if found:
            leftovers[name] = found
    page.close()
    assert leftovers == {}, "\n".join(f"{name}: {found}" for name, found in leftovers.items())
