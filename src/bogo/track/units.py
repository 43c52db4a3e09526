"""Unit identity across reports: the same unit through spacing variants and renames.

Between two consecutive reports of one office (both with a staffing table),
names equal after removing spaces are the same unit.  Only the units that
disappeared are then matched against those that appeared, scored by name
similarity together with the similarity of their 주요기능 text and the
continuity of their staffing (quota); name similarity alone would prefer a
look-alike over the true successor.  A pair scoring at least ``link_score`` (:class:`~bogo.settings.TrackSettings`) is a
*renamed* suggestion with that confidence; a weaker best pair is kept as a
*possible* suggestion and never linked; two disappeared units matched to one
appeared unit are *merged*, one matched to two is *split* (only when their
functions texts share duties); the rest are
*abolished* / *created*.  A user's decision (``link``/``unlink``) always wins.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from ..settings import SETTINGS, TrackSettings
from .docinfo import DocInfo, History
from .functions import unit_functions
from .similarity import compact, name_similarity, overlap, word_set

WEIGHTS = {"name": 0.35, "functions": 0.45, "staffing": 0.20}
_TRAILING_NOTE = re.compile(r"\s*[(（][^()（）]*[)）]\s*$")


@dataclass
class UnitEvent:
    kind: str  # renamed, merged, split, created, abolished, possible
    date: str | None
    office: str | None
    old: str | None
    new: str | None
    confidence: float
    source: str  # "auto" or "user"
    linked: bool
    from_doc: int | None = None
    to_doc: int | None = None
    evidence: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Snapshot:
    doc: DocInfo
    staff: dict[str, dict[str, Any]]  # compact name → staff row
    functions: dict[str, str]


def snapshot(history: History, doc: DocInfo) -> Snapshot:
    """The units of ``doc`` with their staff rows and functions (kept by a history that caches them)."""
    cache = getattr(history, "snapshots", None)
    if cache is not None and doc.id in cache:
        return cache[doc.id]
    staff = {compact(r["unit"]): r for r in history.records(doc.id, "staff_row")}
    funcs = unit_functions(history.records(doc.id, "table"), history.records(doc.id, "paragraph"), set(staff))
    snap = Snapshot(doc, staff, funcs)
    if cache is not None:
        cache[doc.id] = snap
    return snap


def _staff_continuity(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    qa, qb = a.get("quota"), b.get("quota")
    if not qa or not qb:
        return None
    return 1 - abs(qa - qb) / max(qa, qb)


def pair_score(old: str, new: str, before: Snapshot, after: Snapshot) -> tuple[float, dict[str, Any]]:
    """The match score of a disappeared and an appeared unit, with its evidence."""
    parts: dict[str, float] = {"name": name_similarity(old, new)}
    fa, fb = before.functions.get(old), after.functions.get(new)
    evidence: dict[str, Any] = {"name": round(parts["name"], 3)}
    if fa and fb:
        wa, wb = word_set(fa), word_set(fb)
        parts["functions"] = overlap(wa, wb)
        evidence["functions"] = round(parts["functions"], 3)
        evidence["shared_words"] = sorted(wa & wb)[:12]
    staff = _staff_continuity(before.staff[old], after.staff[new])
    if staff is not None:
        parts["staffing"] = staff
        evidence["staffing"] = [before.staff[old].get("quota"), after.staff[new].get("quota")]
    total = sum(WEIGHTS[k] for k in parts)
    return sum(WEIGHTS[k] * v for k, v in parts.items()) / total, evidence


def _raw(snap: Snapshot, key: str) -> str:
    return snap.staff[key]["unit"] if key in snap.staff else key


def compare(before: Snapshot, after: Snapshot, decisions: dict[tuple[str, str], str],
            settings: TrackSettings | None = None) -> list[UnitEvent]:
    """The identity events between two consecutive snapshots of one office."""
    t = settings or SETTINGS.track
    gone = [u for u in before.staff if u not in after.staff]
    new = [u for u in after.staff if u not in before.staff]
    ev = lambda kind, o, n, conf, src, linked, evid=None: UnitEvent(  # noqa: E731
        kind, after.doc.date, after.doc.office, o and _raw(before, o), n and _raw(after, n), round(conf, 3),
        src, linked, before.doc.id, after.doc.id, evid or {})
    events: list[UnitEvent] = []
    for o in list(gone):
        for n in list(new):
            if decisions.get((o, n)) == "link":
                events.append(ev("renamed", o, n, 1.0, "user", True))
                gone.remove(o)
                new.remove(n)
                break
    scored = sorted(((s, o, n, e) for o in gone for n in new if decisions.get((o, n)) != "unlink"
                     for s, e in [pair_score(o, n, before, after)]), key=lambda x: (-x[0], x[1], x[2]))
    used_o: dict[str, str] = {}
    used_n: dict[str, str] = {}
    for s, o, n, e in scored:
        if o not in used_o and n not in used_n and s >= t.link_score:
            used_o[o], used_n[n] = n, o
            events.append(ev("renamed", o, n, s, "auto", True, e))
    second = [(s, o, n, e) for s, o, n, e in scored
              if s >= t.second_link_score and e.get("functions", 0) >= t.second_link_functions]
    for s, o, n, e in second:
        if o in used_o:
            continue
        if n in used_n:
            used_o[o] = n
            events.append(ev("merged", o, n, s, "auto", True, e))
    for s, o, n, e in second:
        if n in used_n:
            continue
        if o in used_o:
            used_n[n] = o
            events.append(ev("split", o, n, s, "auto", True, e))
    for o in gone:
        if o not in used_o:
            best = next(((s, n, e) for s, oo, n, e in scored if oo == o and s >= t.weak_score), None)
            if best:
                events.append(ev("possible", o, best[1], best[0], "auto", False, best[2]))
            events.append(ev("abolished", o, None, 1.0, "auto", False))
    events.extend(ev("created", None, n, 1.0, "auto", False) for n in new if n not in used_n)
    return events


def unit_events(history: History, office: str | None = None,
                decisions: dict[tuple[str, str], str] | None = None) -> list[UnitEvent]:
    """All identity events of the offices' consecutive reports that have staffing tables.

    On a store (a history with ``stored_unit_events``) the stored events are
    read (:mod:`.identity`); they already reflect every decision recorded in
    the store, and ``decisions`` is not consulted.  On other histories the
    events are computed here, ``decisions`` winning over automatic matches.
    """
    stored = getattr(history, "stored_unit_events", None)
    if stored is not None:
        return stored(office)
    decisions = {(compact(a), compact(b)): v for (a, b), v in (decisions or {}).items()}
    offices = [office] if office else sorted({d.office for d in history.documents() if d.office})
    events: list[UnitEvent] = []
    for off in offices:
        snaps = [s for s in (snapshot(history, d) for d in history.documents(off)) if s.staff]
        for before, after in zip(snaps, snaps[1:], strict=False):
            events.extend(compare(before, after, decisions))
    return events


def unit_names(history: History, office: str, name: str,
               decisions: dict[tuple[str, str], str] | None = None,
               events: list[UnitEvent] | None = None) -> set[str]:
    """The compact names one unit carried in the office's reports, following linked events both ways.

    ``events`` are the office's :func:`unit_events` when the caller already has them.
    """
    if events is None:
        events = unit_events(history, office, decisions)
    links = [e for e in events if e.linked and e.old and e.new]
    names = {compact(name)}
    grew = True
    while grew:
        grew = False
        for e in links:
            a, b = compact(e.old), compact(e.new)
            if (a in names) != (b in names):
                names |= {a, b}
                grew = True
    return names


def unit_series(history: History, office: str, name: str,
                decisions: dict[tuple[str, str], str] | None = None,
                events: list[UnitEvent] | None = None) -> list[dict[str, Any]]:
    """The staffing of one unit across the office's reports, following linked renames both ways
    (``events``: the office's unit events, when the caller already has them)."""
    names = unit_names(history, office, name, decisions, events)
    out = []
    for d in history.documents(office):
        for r in history.records(d.id, "staff_row"):
            if compact(r["unit"]) in names:
                out.append({"date": d.date, "document_id": d.id, "path": d.path, "unit": r["unit"],
                            "quota": r.get("quota"), "current": r.get("current"), "line": r.get("line")})
    return out


def _budget_unit(item: str) -> str:
    """A budget line's item as a unit name: spacing and a trailing note in parentheses dropped."""
    return compact(_TRAILING_NOTE.sub("", item or ""))


def budget_series(history: History, office: str, name: str,
                  decisions: dict[tuple[str, str], str] | None = None,
                  events: list[UnitEvent] | None = None) -> list[dict[str, Any]]:
    """The budget lines attributed to one unit (its name as the line's item) across the office's reports.

    Renames are followed as in :func:`unit_series`; every column of the line
    is kept (the report's year, the previous year, the change …) with its
    table and money unit, so a jump can be traced to its source line.
    """
    names = unit_names(history, office, name, decisions, events)
    out = []
    for d in history.documents(office):
        for r in history.records(d.id, "budget_line"):
            if _budget_unit(r.get("item")) in names:
                out.append({"date": d.date, "document_id": d.id, "path": d.path, "unit": r["item"],
                            "table": r.get("table"), "column": r.get("column"), "amount": r.get("amount"),
                            "money_unit": r.get("unit"), "line": r.get("line")})
    return out
