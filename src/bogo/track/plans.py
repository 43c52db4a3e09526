"""Plan follow-up: each milestone of a report against the office's later reports.

A milestone's words (its text without the date) are looked for in every
paragraph of each later report of the same office.  The best paragraph that
holds at least ``plan_containment`` of them (and ``plan_min_shared`` words; see
:class:`~bogo.settings.TrackSettings`) is the evidence.  Its wording decides the status: completion words (개최, 완료, 수립 …)
under a results heading or without a future marker → ``done``; otherwise
``in_progress``.  Without evidence the milestone is ``not_due`` when its end date
is after the latest later report, else ``no_trace`` (due and never mentioned).
Only milestones with a later report to compare against are classified.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass
from typing import Any
from weakref import WeakKeyDictionary

from ..lru import LRU
from ..settings import SETTINGS, TrackSettings
from .docinfo import DocInfo, History
from .similarity import containment, word_set
from .texts import milestone_text

_DONE_WORDS = re.compile(r"완료|개최|실시|수립|체결|구성|발표|선정|제정|개정|시행|설치|출범|개소|발간|배포|공개|마련|신설|준공|착공")
_FUTURE = re.compile(r"예정|계획\s*$|추진\s*예정|할\s*계획")
_RESULT_HEADING = re.compile(r"실적|경과|성과|추진현황|그간|결과")
_PLAN_HEADING = re.compile(r"향후|추진계획|계획")
GENERIC = frozenset({"추진", "계획", "예정", "운영", "관련", "사업", "분야", "강화", "확대", "지원", "실시"})


@dataclass
class PlanStatus:
    status: str  # done, in_progress, not_due, no_trace
    office: str | None
    planned_in: int
    planned_date: str | None
    milestone: str
    line: int
    end: str | None
    evidence_doc: int | None = None
    evidence_path: str | None = None
    evidence_line: int | None = None
    evidence: str | None = None
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def milestone_words(m: dict[str, Any]) -> frozenset[str]:
    return frozenset(w for w in word_set(milestone_text(m)) if w not in GENERIC)


_HEADINGS: WeakKeyDictionary = WeakKeyDictionary()  # history → {document id → headings}
_POSTINGS: WeakKeyDictionary = WeakKeyDictionary()  # history → LRU {document id → paragraphs, word postings}
POSTINGS_PER_HISTORY = 64  # documents; more later reports than this are scanned instead


def _headings(history: History, doc: DocInfo) -> tuple[list[int], list[str]]:
    """The start lines of a document's sections and their heading chains (once per history and document)."""
    try:
        per_doc = _HEADINGS.setdefault(history, {})
    except TypeError:  # a history that cannot be weakly referenced: no cache
        per_doc = {}
    if doc.id not in per_doc:
        per_doc[doc.id] = _compute_headings(history, doc)
    return per_doc[doc.id]


def _compute_headings(history: History, doc: DocInfo) -> tuple[list[int], list[str]]:
    secs = sorted(history.records(doc.id, "section"), key=lambda s: s["line"])
    stack: list[tuple[int, str]] = []
    lines, chains = [], []
    for s in secs:
        while stack and stack[-1][0] >= s["level"]:
            stack.pop()
        stack.append((s["level"], s["title"]))
        lines.append(s["line"])
        chains.append(" ".join(t for _, t in stack))
    return lines, chains


def _status_of(text: str, heading: str) -> str:
    if _RESULT_HEADING.search(heading) and not _PLAN_HEADING.search(heading.split()[-1] if heading else ""):
        return "done"
    if _DONE_WORDS.search(text) and not _FUTURE.search(text) and not _PLAN_HEADING.search(heading):
        return "done"
    return "in_progress"


def _paragraph_index(history: History, doc: DocInfo) -> tuple[list[dict[str, Any]], dict[str, list[int]]]:
    """A document's paragraphs and, for each word, the paragraphs that hold it, in order (kept for
    ``POSTINGS_PER_HISTORY`` documents per history, the least recently used going first)."""
    try:
        per_doc = _POSTINGS.setdefault(history, LRU(POSTINGS_PER_HISTORY))
    except TypeError:
        per_doc = LRU(POSTINGS_PER_HISTORY)
    got = per_doc.get(doc.id)
    if got is None:
        paras = history.records(doc.id, "paragraph")
        postings: dict[str, list[int]] = {}
        for i, p in enumerate(paras):
            for w in word_set(p["text"]):
                postings.setdefault(w, []).append(i)
        got = per_doc[doc.id] = (paras, postings)
    return got


def _best_evidence(history: History, later: list[DocInfo], words: frozenset[str], t: TrackSettings):
    """The paragraph of ``later`` holding the largest share of ``words`` (first of equals), with
    its score, document and heading chain; None when none holds enough of them.

    Only paragraphs sharing a word are looked at: each word's postings are counted."""
    if not words or t.plan_min_shared < 1 or len(later) > POSTINGS_PER_HISTORY:
        # a paragraph sharing no word may count, or the postings of so many documents would not stay cached
        return _best_evidence_scan(history, later, words, t)
    best = None
    for d in later:
        starts, chains = _headings(history, d)
        paras, postings = _paragraph_index(history, d)
        shared: dict[int, int] = {}
        for w in words:
            for i in postings.get(w, ()):
                shared[i] = shared.get(i, 0) + 1
        for i in sorted(shared):
            score = shared[i] / len(words)  # = containment(words, the paragraph's words)
            if shared[i] >= t.plan_min_shared and score >= t.plan_containment and (best is None or score > best[0]):
                p = paras[i]
                j = bisect_right(starts, p["line"] or 0) - 1
                best = (score, d, p, chains[j] if j >= 0 else "")
    return best


def _best_evidence_scan(history: History, later: list[DocInfo], words: frozenset[str], t: TrackSettings):
    """:func:`_best_evidence` by reading every paragraph (the settings that let a paragraph sharing no word count)."""
    best = None
    for d in later:
        starts, chains = _headings(history, d)
        for p in history.records(d.id, "paragraph"):
            pw = word_set(p["text"])
            shared = len(words & pw)
            score = containment(words, pw)
            if shared >= t.plan_min_shared and score >= t.plan_containment and (best is None or score > best[0]):
                i = bisect_right(starts, p["line"] or 0) - 1
                best = (score, d, p, chains[i] if i >= 0 else "")
    return best


def plan_followup(history: History, office: str | None = None,
                  settings: TrackSettings | None = None) -> list[PlanStatus]:
    """The follow-up status of every milestone that has a later report of its office."""
    offices = [office] if office else sorted({d.office for d in history.documents() if d.office})
    out: list[PlanStatus] = []
    for off in offices:
        docs = history.documents(off)
        for i, doc in enumerate(docs):
            later = [d for d in docs[i + 1:] if (d.date or "") > (doc.date or "")]
            if not later:
                continue
            last = max(d.date or "" for d in later)
            for m in history.records(doc.id, "milestone"):
                out.append(classify_plan(history, doc, later, last, m, settings))
    return out


def classify_plan(history: History, doc: DocInfo, later: list[DocInfo], last: str, m: dict[str, Any],
                  settings: TrackSettings | None = None) -> PlanStatus:
    t = settings or SETTINGS.track
    st = PlanStatus("no_trace", doc.office, doc.id, doc.date, m.get("text") or m["raw"], m["line"], m.get("end"))
    words = milestone_words(m)
    best = _best_evidence(history, later, words, t) if len(words) >= t.plan_min_shared else None
    if best:
        score, d, p, heading = best
        st.status = _status_of(p["text"], heading)
        st.evidence_doc, st.evidence_path, st.evidence_line = d.id, d.path, p["line"]
        st.evidence, st.score = p["text"], round(score, 3)
    elif (m.get("end") or "") > last or not m.get("end"):
        st.status = "not_due"
    return st
