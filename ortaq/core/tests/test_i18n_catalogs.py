"""The Kazakh and English catalogues are complete, not fuzzy, compiled and as fresh as the code's strings."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation

PACKAGE = Path(__file__).resolve().parents[2]
LOCALE = PACKAGE / "locale"
LANGUAGES = ("kk", "en")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


def _keys(po: polib.POFile) -> set[tuple[str | None, str, str]]:
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in po if not entry.obsolete}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    po = _catalogue(language)
    assert not po.metadata_is_fuzzy
    assert po.metadata["Plural-Forms"].startswith("nplurals=2;")
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    half_plural = [entry.msgid for entry in po if entry.msgid_plural and not all(entry.msgstr_plural.get(i) for i in (0, 1))]
    assert (untranslated, fuzzy, half_plural) == ([], [], [])


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language):
    wrong = []
    for entry in _catalogue(language):
        pairs = [(entry.msgid, entry.msgstr_plural.get(0, "")), (entry.msgid_plural, entry.msgstr_plural.get(1, ""))] \
            if entry.msgid_plural else [(entry.msgid, entry.msgstr)]
        wrong += [source for source, text in pairs if set(PLACEHOLDER.findall(source)) - set(PLACEHOLDER.findall(text))
                  and "%(counter)s" not in source]
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_the_source(language):
    po = _catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    assert _keys(po) == _keys(mo)
    assert {(e.msgctxt, e.msgid): e.msgstr for e in po if not e.msgid_plural} == \
        {(e.msgctxt, e.msgid): e.msgstr for e in mo if not e.msgid_plural}


@pytest.mark.parametrize("language", LANGUAGES)
def test_gettext_finds_every_singular_entry(language):
    """A msgid used both with and without a plural hides the singular from gettext: none may be left."""
    hidden = []
    with translation.override(language):
        for entry in _catalogue(language):
            if entry.msgid_plural:
                continue
            found = translation.pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt else translation.gettext(entry.msgid)
            if found != entry.msgstr:
                hidden.append(entry.msgid)
    assert hidden == []


def test_catalogues_hold_every_string_of_the_code(tmp_path, monkeypatch):
    """makemessages over the package now yields exactly the committed catalogue's entries."""
    # A copy without the catalogues: makemessages writes into a package's own locale folder when it finds one.
    copy = tmp_path / "ortaq"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("locale", "static", "__pycache__", "*.pyc"))
    monkeypatch.chdir(copy)
    with override_settings(LOCALE_PATHS=[str(tmp_path / "locale")]):
        call_command("makemessages", locale=["kk"], verbosity=0, no_obsolete=True)
    fresh = _keys(polib.pofile(str(tmp_path / "locale" / "kk" / "LC_MESSAGES" / "django.po")))
    for language in LANGUAGES:
        committed = _keys(_catalogue(language))
        assert (sorted(fresh - committed, key=str), sorted(committed - fresh, key=str)) == ([], []), \
            f"{language}: run makemessages -l kk -l en and translate the new strings"
