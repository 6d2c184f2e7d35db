"""Text normalization that keeps a map from every normalized character back to the original text."""

from __future__ import annotations

import re
from dataclasses import dataclass

SPACES = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000\t"
DROP = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
OPENING_QUOTES = "«“„‘‚"
CLOSING_QUOTES = "»”’"
AMBIGUOUS_QUOTES = "\"'"
WORD_CHAR = re.compile(r"\w")


@dataclass
class Normalized:
    """Normalized text plus, for each of its characters, the index of the original character."""

    original: str
    text: str
    offsets: list[int]
    ends: list[int] | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalized text to the original text."""
        if start >= len(self.offsets):
            return len(self.original), len(self.original)
        o_start = self.offsets[start]
        ends = self.ends or [o + 1 for o in self.offsets]
        o_end = ends[end - 1] if end > start else o_start
        return o_start, max(o_start, o_end)


def _is_opening(prev: str, nxt: str) -> bool:
    """An ambiguous quote opens when it follows a space/bracket/other quote and precedes a word."""
    before_ok = prev == "" or prev.isspace() or prev in "([{-—:;,/" or prev in OPENING_QUOTES
    after_ok = nxt != "" and not nxt.isspace() and nxt not in ".,;:!?)]}"
    return before_ok and after_ok


def _quote_roles(text: str) -> dict[int, str]:
    """Decide «/» for every quote character, keeping nesting balanced where the text allows it."""
    roles: dict[int, str] = {}
    depth = 0
    for i, ch in enumerate(text):
        if ch not in OPENING_QUOTES + CLOSING_QUOTES + '"':
            continue
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if ch in OPENING_QUOTES and ch != "‘":
            if ch == "“" and depth > 0 and not _is_opening(prev, nxt):
                roles[i] = "»"  # “…“ typed as a closing quote
                depth -= 1
                continue
            roles[i] = "«"
            depth += 1
        elif ch in CLOSING_QUOTES and ch != "’":
            roles[i] = "»"
            depth = max(0, depth - 1)
        elif ch == '"':
            if _is_opening(prev, nxt) and not (prev.isalnum()):
                roles[i] = "«"
                depth += 1
            elif depth > 0 or WORD_CHAR.match(prev or " ") or prev in ".!?»…" or prev in '"':
                roles[i] = "»"
                depth = max(0, depth - 1)
            else:
                roles[i] = "«"
                depth += 1
    return roles


def normalize(text: str) -> Normalized:
    """Normalize quotes to «», spaces to plain spaces, spaced dashes to «—»; drop invisible characters."""
    roles = _quote_roles(text)
    out: list[str] = []
    offsets: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in DROP:
            i += 1
            continue
        if ch == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                i += 1
                continue
            ch = "\n"
        if ch in SPACES:
            ch = " "
        elif i in roles:
            ch = roles[i]
        elif ch in DASHES:
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < n else " "
            ch = "—" if (prev.isspace() or nxt.isspace()) else "-"
        elif ch == "-" and i and i + 1 < n and text[i - 1] in " \u00a0" and text[i + 1] in " \u00a0":
            ch = "—"
        elif ch == "-" and i + 1 < n and text[i + 1] == "-" and (i + 2 >= n or text[i + 2] != "-"):
            out.append("—")
            offsets.append(i)
            ends.append(i + 2)
            i += 2
            continue
        out.append(ch)
        offsets.append(i)
        ends.append(i + 1)
        i += 1
    return Normalized(text, "".join(out), offsets, ends)
