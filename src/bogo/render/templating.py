"""Jinja2 templates shared by the findings report and the web workbench.

:func:`environment` builds the one template environment (autoescape always on;
document text is never marked safe); the web adds its own page templates in
front of the shared ones.  :func:`mark_table` maps a table's findings onto its
cells by their coordinates (``row_index``, ``col_index``) so a table is drawn
once with all its findings marked; :func:`marked` and :func:`mark_words` wrap
highlighted spans in ``<mark>`` after escaping every piece of text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader
from markupsafe import Markup, escape

from .display import visible

SEVERITY_KO = {"error": "오류", "warning": "경고", "info": "참고"}
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def _get(obj: Any, key: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(key, default)
    return getattr(obj, key, default)


def table_ordinal(table_id: str | None, position: int) -> int:
    """The 1-based ordinal of a table in its document (the number of its id ``t{n}`` when it has one)."""
    m = re.fullmatch(r"t(\d+)", table_id or "")
    return int(m.group(1)) if m else position + 1


def worst(findings: Iterable[Any]) -> str:
    """The most severe severity among ``findings``."""
    return min((_get(f, "severity") for f in findings), key=lambda s: SEVERITY_RANK.get(s, 9), default="info")


def mark_table(table: Any, findings: Iterable[Any], position: int) -> dict[str, Any]:
    """A table with its findings placed: per cell ``"r-c"``, per row, and for the whole table."""
    cells: dict[str, list[Any]] = {}
    rows: dict[int, list[Any]] = {}
    whole: list[Any] = []
    n_rows = len(_get(table, "rows") or [])
    for f in findings:
        r, c = _get(f, "row_index"), _get(f, "col_index")
        if r is not None and 0 <= r < n_rows:
            rows.setdefault(r, []).append(f)
            if c is not None:
                cells.setdefault(f"{r}-{c}", []).append(f)
        else:
            whole.append(f)
    return {"t": table, "ordinal": table_ordinal(_get(table, "id"), position), "cells": cells, "rows": rows,
            "whole": whole, "findings": [f for fs in rows.values() for f in fs] + whole}


def marked(text: Any, spans: Iterable[tuple[int, int]] | None) -> Markup:
    """``text`` escaped, with the character ``spans`` wrapped in ``<mark>``."""
    s = "" if text is None else str(text)
    out, pos = [], 0
    for a, b in sorted(spans or ()):
        if a < pos:
            continue
        out.append(escape(s[pos:a]))
        out.append(Markup("<mark>") + escape(s[a:b]) + Markup("</mark>"))
        pos = b
    out.append(escape(s[pos:]))
    return Markup("").join(out)


def word_spans(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of ``text`` where any of ``words`` occurs (case-insensitive, merged)."""
    low = text.lower()
    spans: list[tuple[int, int]] = []
    for w in {w.lower() for w in words if w and w.strip()}:
        start = low.find(w)
        while start >= 0:
            spans.append((start, start + len(w)))
            start = low.find(w, start + len(w))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def mark_words(text: Any, words: Iterable[str] | None) -> Markup:
    """``text`` escaped, every occurrence of ``words`` wrapped in ``<mark>``."""
    s = "" if text is None else str(text)
    return marked(s, word_spans(s, words or ()))


def environment(*loaders: BaseLoader) -> Environment:
    """The template environment: ``loaders`` first, then the shared templates of :mod:`bogo.render`."""
    env = Environment(loader=ChoiceLoader([*loaders, PackageLoader("bogo.render", "templates")]),
                      autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(marked=marked, mark_words=mark_words, visible=visible, worst=worst)
    env.globals.update(SEVERITY_KO=SEVERITY_KO, mark_table=mark_table)
    return env
