"""A record's name in the interface language: the Kazakh or English name where the record has one, else Russian."""

from __future__ import annotations

from django.utils.translation import get_language


def interface_language() -> str:
    """`ru`, `kk` or `en`: the active language without a region suffix."""
    return (get_language() or "ru").split("-")[0]


def in_language(ru: str, kk: str = "", en: str = "") -> str:
    """The name to show: `kk` in the Kazakh interface, `en` in the English one, when filled; Russian otherwise."""
    chosen = {"kk": kk, "en": en}.get(interface_language(), "")
    return chosen or ru


def localized_name(record, field: str = "name") -> str:
    """`record.<field>_kk` / `_en` in those interfaces when filled, else `record.<field>_ru` or `record.<field>`."""
    russian = getattr(record, f"{field}_ru", None)
    if russian is None:
        russian = getattr(record, field, "")
    return in_language(russian, getattr(record, f"{field}_kk", "") or "", getattr(record, f"{field}_en", "") or "")
