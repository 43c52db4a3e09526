"""The 주요기능 (functions) text of each unit in one document.

Two layouts are read, both general: a table row whose first cell is the unit's
name and whose other cells are prose (the 구분 | 담당업무 table), and a paragraph
that is just the unit's name (possibly broken over two lines) followed by its
bullet lines up to the next unit's name.  HTML list markup in cells is removed.
"""

from __future__ import annotations

import re
from typing import Any

from .similarity import compact

_TAGS = re.compile(r"<[^>]+>")
_HANGUL = re.compile(r"[가-힣]")
MIN_PROSE_CHARS = 6
MAX_FUNCTION_LINES = 8


def _prose(cell: str) -> str:
    text = _TAGS.sub(" ", cell)
    return " ".join(text.split()) if len(_HANGUL.findall(text)) >= MIN_PROSE_CHARS else ""


def _from_tables(tables: list[dict[str, Any]], names: set[str], out: dict[str, list[str]]) -> None:
    for t in tables:
        for row in t.get("rows") or []:
            key = compact(row[0]) if row else ""
            if key in names:
                out.setdefault(key, []).extend(p for p in map(_prose, row[1:]) if p)


def _from_paragraphs(paragraphs: list[dict[str, Any]], names: set[str], out: dict[str, list[str]]) -> None:
    """A paragraph naming a unit opens its block; bulleted lines join it; other prose closes it."""
    current: str | None = None
    prev = ""
    for p in paragraphs:
        key = compact(p.get("text"))
        if key in names or (compact(prev) + key) in names:
            current = key if key in names else compact(prev) + key
            taken = 0
        elif current and p.get("marker") and taken < MAX_FUNCTION_LINES:
            out.setdefault(current, []).append(" ".join(p["text"].split()))
            taken += 1
        elif not p.get("marker"):
            current = None
        prev = p.get("text") or ""


def unit_functions(tables: list[dict[str, Any]], paragraphs: list[dict[str, Any]],
                   names: set[str]) -> dict[str, str]:
    """Compact unit name → its functions text, for the ``names`` found in this document."""
    out: dict[str, list[str]] = {}
    _from_tables(tables, names, out)
    _from_paragraphs(paragraphs, names, out)
    return {k: " ".join(v) for k, v in out.items() if v}
