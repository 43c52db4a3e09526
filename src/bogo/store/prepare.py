"""Turning one file into what the writer stores: the work of an ingest worker.

``prepare(path)`` parses the file, runs the single-document checks, builds and
tokenises the search passages, and returns a :class:`Prepared` of plain data
(picklable, no database involved), or raises the file's :class:`BogoError`.
The Korean analysis happens here, in the worker processes, not in the writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Report


@dataclass
class Prepared:
    """One parsed report ready to be written: the contract JSON and its search passages."""

    path: str
    sha256: str
    report: dict[str, Any]
    #: search passages as (type, ref, line, text, tokens, head tokens)
    entries: list[tuple[str, str | None, int | None, str, str, str]] = field(default_factory=list)
    #: the prose paragraphs as {line, marker, text}, while the contract does not carry them
    paragraphs: list[dict[str, Any]] = field(default_factory=list)
    #: text → its word set (:func:`bogo.track.similarity.word_set`) for the texts the trackers compare
    #: (paragraphs, audit requests, milestones), so the writer does no Korean analysis of its own
    words: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def meta(self) -> dict[str, Any]:
        return self.report.get("meta") or {}


def prepare_report(report: Report, run_checks: bool = True) -> Prepared:
    """A parsed report (with its paragraphs) as a :class:`Prepared`."""
    from ..search.entries import report_entries, tokenize_entries

    if run_checks:
        from ..checks.runner import run_checks as run

        run([report])
    cache: dict = {}  # line → tokens, shared by the passages and the word sets of this document
    entries = tokenize_entries(report_entries(report), cache)
    paragraphs = [{"line": p.line, "marker": p.marker, "text": p.text} for p in report.paragraphs]
    report_json = report.to_dict()
    return Prepared(report.source.path, report.source.sha256, report_json,
                    [(e.type, e.ref, e.line, e.text, e.tokens, e.head) for e in entries], paragraphs,
                    tracked_words(report_json, paragraphs, cache))


def tracked_words(report_json: dict[str, Any], paragraphs: list[dict[str, Any]],
                  cache: dict | None = None) -> dict[str, frozenset[str]]:
    """The word sets of the texts that tracking compares across reports."""
    from ..track.functions import unit_functions
    from ..track.similarity import compact, word_set
    from ..track.texts import milestone_text

    texts = [p["text"] for p in paragraphs]
    units = {compact(r.get("unit")) for r in (report_json.get("staffing") or {}).get("rows") or []}
    texts += list(unit_functions(report_json.get("tables") or [], paragraphs, units).values()) if units else []
    texts += [a.get("text") or "" for a in (report_json.get("audit") or {}).get("items") or []]
    texts += [milestone_text(m) for m in report_json.get("milestones") or []]
    return {t: word_set(t, cache) for t in texts if t}


def prepare(path: str) -> Prepared:
    """Parse, check and tokenise one file (the ingest worker's job)."""
    from ..api import parse

    return prepare_report(parse(path))
