"""The searchable passages of a report: sections, tables, tasks and audit items.

``report_entries(report)`` turns a parsed report into :class:`Entry` records
(type, ref, line, text).  A section's text is its title and the paragraphs up to
the next heading; a table's is its caption and cells; a task's its title and
parts; an audit item's its request, actions and plans.  Tokenising happens
separately (:func:`tokenize_entries`), in the ingest workers.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..model import Report, Section
from .tokens import Token, index_text, tokens_by_line

MAX_ENTRY_CHARS = 4000


@dataclass(slots=True)
class Entry:
    type: str
    ref: str | None
    line: int | None
    text: str
    tokens: str = field(default="")
    head: str = field(default="")  # the tokens of the first line (title), weighted higher in ranking


def _flat(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    for s in sections:
        out.append(s)
        out.extend(_flat(s.children))
    return out


def _section_entries(report: Report) -> list[Entry]:
    sections = sorted(_flat(report.outline), key=lambda s: s.line)
    starts = [s.line for s in sections]
    bodies: list[list[str]] = [[] for _ in sections]
    for line, text in ((p.line, p.text) for p in report.paragraphs):
        i = bisect_right(starts, line) - 1
        if i >= 0 and line != starts[i]:
            bodies[i].append(text)
    return [Entry("section", s.id, s.line, "\n".join([f"{s.marker} {s.title}".strip(), *body])[:MAX_ENTRY_CHARS])
            for s, body in zip(sections, bodies, strict=True)]


def _table_entries(report: Report) -> list[Entry]:
    out = []
    for t in report.tables:
        if t.role != "data":
            continue
        lines = [t.caption or ""] + ["\t".join(r) for r in t.header + t.rows]
        out.append(Entry("table", t.id, t.line, "\n".join(x for x in lines if x.strip())[:MAX_ENTRY_CHARS]))
    return out


def report_entries(report: Report) -> list[Entry]:
    """All searchable passages of ``report`` (not yet tokenised)."""
    out = _section_entries(report) + _table_entries(report)
    for t in report.tasks:
        parts = [x for items in t.parts.values() for x in items]
        out.append(Entry("task", t.id, t.line, "\n".join([t.title, *parts])[:MAX_ENTRY_CHARS]))
    for a in report.audit.items if report.audit else []:
        out.append(Entry("audit_item", a.id, a.line, "\n".join([a.text, *a.actions, *a.plans])[:MAX_ENTRY_CHARS]))
    return [e for e in out if e.text.strip()]


def tokenize_entries(entries: list[Entry], cache: dict[str, list[Token]] | None = None) -> list[Entry]:
    """Fill each entry's ``tokens`` (all its Kiwi tokens) and ``head`` (those of its first line).

    ``cache`` (line → tokens) lets the caller reuse the analysis of the same
    lines elsewhere in the document; each distinct line is analysed once.
    """
    cache = {} if cache is None else cache
    texts: dict[str, str] = {}  # line → the index text of its tokens, for this call
    for e in entries:
        lines = []
        for line, toks in zip(e.text.split("\n"), tokens_by_line(e.text, cache), strict=True):
            got = texts.get(line)
            if got is None:
                got = texts[line] = index_text(toks)
            lines.append(got)
        e.head = lines[0]
        e.tokens = " ".join(x for x in lines if x)
    return entries
