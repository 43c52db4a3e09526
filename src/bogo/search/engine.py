"""Search engines behind one interface: SQLite FTS5 and PostgreSQL tsvector.

Both index the same pre-tokenised text (:mod:`.tokens`) plus *facet tokens*
that encode the document's office, year, kind and the passage type, so filters
are applied inside the full-text match before anything is ranked.  The number of
candidates a frequent word can pull into ranking is capped (newest first), so
latency stays bounded however large the store grows.  Snippets are highlighted
by re-tokenising the few hits shown, with exact character offsets.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Protocol

from sqlalchemy import Connection, text

from .tokens import line_tokens, query_terms, tokenize

DEFAULT_LIMIT = 10
DEFAULT_CANDIDATE_CAP = 2000
SNIPPET_CONTEXT = 50
LOCAL_TRIES = 3  # written occurrences of a query word tried before analysing a whole passage
LOCAL_SLACK = 10
HEAD_WEIGHT = 4.0  # BM25 weight of a passage's first line (title) against its body


@dataclass(frozen=True)
class SearchFilters:
    office: str | None = None
    year: int | None = None
    kind: str | None = None
    type: str | None = None


@dataclass
class Hit:
    document_id: int
    path: str
    office: str | None
    date: str | None
    kind: str | None
    type: str
    ref: str | None
    line: int | None
    score: float
    text: str
    snippet: str = ""
    highlights: list[tuple[int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("document_id", "path", "office", "date", "kind", "type", "ref",
                                               "line", "score", "snippet")} | {"highlights": self.highlights}


def _facet(prefix: str, value: object) -> str:
    return "z" + prefix + hashlib.sha1(str(value).encode()).hexdigest()[:12]


def facet_tokens(office: str | None, year: int | None, kind: str | None, type_: str) -> str:
    """The facet tokens appended to an entry's index text."""
    vals = [_facet("o", office) if office else "", _facet("y", year) if year else "",
            _facet("k", kind) if kind else "", _facet("t", type_)]
    return " ".join(v for v in vals if v)


def _filter_terms(f: SearchFilters) -> list[str]:
    return [t for t in (_facet("o", f.office) if f.office else "", _facet("y", f.year) if f.year else "",
                        _facet("k", f.kind) if f.kind else "", _facet("t", f.type) if f.type else "") if t]


class Engine(Protocol):
    def candidates(self, conn: Connection, phrases: list[list[str]], facets: list[str],
                   limit: int, cap: int) -> list[tuple[int, float]]: ...


def _quote_fts(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class Fts5Engine:
    """SQLite: BM25 over the FTS5 table ``search_fts``."""

    def candidates(self, conn, phrases, facets, limit, cap):
        q = " AND ".join([" ".join(_quote_fts(w) for w in p) if len(p) == 1
                          else '"' + " ".join(w.replace('"', '""') for w in p) + '"' for p in phrases]
                         + [_quote_fts(f) for f in facets])
        # one pass of the index: the newest ``cap`` matches with their scores, then the best ``k`` of them
        # (``rowid IN (subquery)`` beside MATCH would re-run the full-text query once per candidate)
        sql = text(f"WITH c AS MATERIALIZED (SELECT rowid AS id, bm25(search_fts, {HEAD_WEIGHT}, 1.0) AS s "
                   "FROM search_fts WHERE search_fts MATCH :q ORDER BY rowid DESC LIMIT :cap) "
                   "SELECT id, s FROM c ORDER BY s, id LIMIT :k")
        return [(r[0], -float(r[1])) for r in conn.execute(sql, {"q": q, "cap": cap, "k": limit})]


WEIGHTS = "{0.1,0.1,0.1,%s}" % (0.1 * HEAD_WEIGHT)  # ts_rank's weights of D, C, B, A (A: the head)
_RANK = "ts_rank(CAST(:w AS real[]), tsv, to_tsquery('simple', :q), 1)"


def _quote_ts(word: str) -> str:
    return "'" + word.replace("'", "''").replace("\\", "\\\\") + "'"


class PgEngine:
    """PostgreSQL: ``ts_rank`` over the GIN-indexed ``tsv`` column ('simple' configuration).

    The newest ``cap`` matches are ranked.  The newest ``FIRST_WINDOW`` entries are searched first, as the planner
    sees fit (along the primary key for a frequent word, found there at once;
    through the GIN index for a rare one).  A word not found there is looked
    for in all older entries through the GIN index; otherwise the search goes
    on backwards in id ranges sized from the density seen, never reading an
    entry twice: a dense word walks the primary key, a sparse one reads the
    GIN index AND the range, so only matching rows are read.  The GIN index
    alone would make PostgreSQL read every row of a frequent word before
    keeping the newest; walking the key alone would read every entry for a
    word that is rare among the newest.  Each match is ranked as its row is
    read for the match (the range functions of migration r0007), never read a
    second time to be ranked.  The result is the same as ranking the newest
    ``cap`` matches of the whole table.
    """

    FIRST_WINDOW = 20_000
    MARGIN = 1.5  # a range is sized for this many times the matches still missing
    SPARSE = 0.2  # below this share of matching entries, a range is read through the GIN index (measured: GIN
    # AND the range takes 15 ms where the walk takes 40 at a 7% share of 20,000 entries; at 30% the walk wins)

    def candidates(self, conn, phrases, facets, limit, cap):
        q = " & ".join(["(" + " <-> ".join(_quote_ts(w) for w in p) + ")" for p in phrases]
                       + [_quote_ts(f) for f in facets])
        rows = self._newest_ranked(conn, q, cap)
        return sorted(((r[0], float(r[1])) for r in rows), key=lambda r: (-r[1], r[0]))[:limit]

    def newest(self, conn, q: str, cap: int) -> list[int]:
        """The ids of the newest ``cap`` entries matching the tsquery ``q``, newest first."""
        return [r[0] for r in self._newest_ranked(conn, q, cap)]

    def _newest_ranked(self, conn, q: str, cap: int) -> list[tuple[int, float]]:
        """The newest ``cap`` matches of ``q`` as (id, rank), newest first."""
        rows, hi, lo = self._first(conn, q, cap, _one_word(q))
        return rows + self._older(conn, q, len(rows), hi, lo, cap) if len(rows) < cap and lo > 0 else rows

    def _first(self, conn, q: str, cap: int, one_word: bool) -> tuple[list, int, int]:
        """The matches among the newest ``FIRST_WINDOW`` entries with their ranks, and that window (hi, lo).

        For one word the planner picks the way: the primary key for a frequent word
        (found there at once), GIN for a rare one.  Its estimate for a phrase or
        several words (or a word with filters) is far too low, and it would then
        recheck every match of the whole table before keeping the window's: those
        are read through the GIN index AND the window."""
        hi = conn.execute(text("SELECT max(id) FROM search_entries")).scalar() or 0
        lo = max(0, hi - self.FIRST_WINDOW)
        if not one_word:
            return self._gin_range(conn, q, lo, hi, cap), hi, lo
        rows = conn.execute(text(
            f"SELECT id, {_RANK} FROM search_entries "
            "WHERE tsv @@ to_tsquery('simple', :q) AND id > :lo ORDER BY id DESC LIMIT :n"),
            {"q": q, "w": WEIGHTS, "lo": lo, "n": cap}).all()
        return [tuple(r) for r in rows], hi, lo

    def _older(self, conn, q: str, found: int, hi: int, lo: int, cap: int) -> list[tuple[int, float]]:
        """The newest ``cap - found`` matches with ``id <= lo`` as (id, rank), having seen ``found`` in ``(lo, hi]``."""
        if not found:  # not among the newest: a rare word, the GIN index finds all of it at once
            return [tuple(r) for r in conn.execute(text(
                f"SELECT id, {_RANK} FROM search_entries WHERE tsv @@ to_tsquery('simple', :q) AND id <= :lo "
                "ORDER BY id DESC LIMIT :n"), {"q": q, "w": WEIGHTS, "lo": lo, "n": cap})]
        rows: list[tuple[int, float]] = []
        seen = hi - lo
        while found + len(rows) < cap and lo > 0:
            missing, density = cap - found - len(rows), (found + len(rows)) / seen
            hi, lo = lo, max(0, lo - max(int(missing * self.MARGIN / density), self.FIRST_WINDOW))
            sparse = density < self.SPARSE  # reading every entry of the range would cost more than the index
            rows += (self._gin_range if sparse else self._walk)(conn, q, lo, hi, missing)
            seen += hi - lo
        return rows

    @staticmethod
    def _gin_range(conn, q: str, lo: int, hi: int, n: int) -> list[tuple[int, float]]:
        """The newest ``n`` matches with ``lo < id <= hi``: the GIN index AND the id range (matching rows read only)."""
        return _range(conn, "bogo_search_gin_ranked", q, lo, hi, n)

    @staticmethod
    def _walk(conn, q: str, lo: int, hi: int, n: int) -> list[tuple[int, float]]:
        """The newest ``n`` matches with ``lo < id <= hi``, read backwards along the primary key."""
        return _range(conn, "bogo_search_walk_ranked", q, lo, hi, n)


def _one_word(q: str) -> bool:
    """Whether the tsquery ``q`` is one word (no phrase, no second word, no filter)."""
    return "&" not in q and "<->" not in q


def _range(conn: Connection, function: str, q: str, lo: int, hi: int, n: int) -> list[tuple[int, float]]:
    """One range read, (id, rank) newest first, by a function of migration r0007 (with its own planner settings)."""
    return [tuple(r) for r in conn.execute(
        text(f"SELECT entry_id, score FROM {function}(to_tsquery('simple', :q), CAST(:w AS real[]), :lo, :hi, :n)"),
        {"q": q, "w": WEIGHTS, "lo": lo, "hi": hi, "n": n})]


def engine_for(conn: Connection) -> Engine:
    """The engine of the connection's database."""
    return PgEngine() if conn.dialect.name == "postgresql" else Fts5Engine()


def highlight(text_: str, words: set[str]) -> list[tuple[int, int]]:
    """Character spans of ``text_`` whose tokens are among ``words`` (merged, in order)."""
    return _merged(sorted((t.start, t.end) for t in tokenize(text_) if t.form in words))


def _snippet(text_: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    if not spans:
        return text_[:2 * SNIPPET_CONTEXT].replace("\n", " "), []
    lo = max(0, spans[0][0] - SNIPPET_CONTEXT)
    hi = min(len(text_), spans[0][1] + SNIPPET_CONTEXT)
    inside = [(s - lo, e - lo) for s, e in spans if s >= lo and e <= hi]
    return text_[lo:hi].replace("\n", " "), inside


def _window(text_: str, pos: int) -> tuple[int, int]:
    """The stretch of ``text_`` around ``pos`` that a snippet can show, cut at whitespace."""
    reach = SNIPPET_CONTEXT + LOCAL_SLACK
    lo, hi = max(0, pos - reach), min(len(text_), pos + reach)
    while lo > 0 and not text_[lo - 1].isspace():
        lo -= 1
    while hi < len(text_) and not text_[hi].isspace():
        hi += 1
    return lo, hi


def snippet_of(text_: str, words: set[str]) -> tuple[str, list[tuple[int, int]]]:
    """The snippet of a hit and its highlighted spans.

    Only the stretch around the first place a query word is written is analysed
    (a passage holds up to thousands of characters); the spans are those of a
    full analysis there.  When no written occurrence is a token (a spaced-out
    label, a word inside others) the lines are analysed in turn (:func:`_line_spans`).
    """
    low = text_.lower()
    for pos in sorted(p for w in words for p in [low.find(w.lower())] if p >= 0)[:LOCAL_TRIES]:
        lo, hi = _window(text_, pos)
        spans = [(s + lo, e + lo) for s, e in highlight(text_[lo:hi], words)]
        first = next((sp for sp in spans if sp[0] >= pos), None)
        if first and (lo == 0 or first[0] - lo >= SNIPPET_CONTEXT) and (hi == len(text_) or hi - first[1] >= SNIPPET_CONTEXT):
            return _snippet(text_, [sp for sp in spans if sp[0] >= first[0]])
    return _snippet(text_, _line_spans(text_, words))


def _line_spans(text_: str, words: set[str]) -> list[tuple[int, int]]:
    """The highlighted spans of the first lines that hold a query word, by the index's own analysis.

    Lines are analysed one by one, as they were indexed (:func:`.tokens.tokens_by_line`,
    each distinct line once per process), until one holds a query word; the lines that a
    snippet around it can show are analysed too.  A passage of thousands of characters is
    not analysed whole for a word that hides inside others ("사" in 사업 …)."""
    pos = 0
    lines = text_.split("\n")
    for n, line in enumerate(lines):
        spans = [(pos + t.start, pos + t.end) for t in line_tokens(line) if t.form in words]
        if spans:
            reach, after = spans[0][1] + SNIPPET_CONTEXT, pos + len(line) + 1
            for nxt in lines[n + 1:]:
                if after >= reach:
                    break
                spans += [(after + t.start, after + t.end) for t in line_tokens(nxt) if t.form in words]
                after += len(nxt) + 1
            return _merged(sorted(spans))
        pos += len(line) + 1
    return []


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def search(conn: Connection, query: str, filters: SearchFilters = SearchFilters(),
           limit: int = DEFAULT_LIMIT, cap: int = DEFAULT_CANDIDATE_CAP) -> list[Hit]:
    """Ranked hits of ``query`` (Korean, any inflection) under ``filters``."""
    phrases = query_terms(query)
    if not phrases:
        return []
    ranked = engine_for(conn).candidates(conn, phrases, _filter_terms(filters), limit, cap)
    if not ranked:
        return []
    ids = ",".join(str(int(i)) for i, _ in ranked)
    rows = conn.execute(text(
        "SELECT e.id, e.document_id, d.path, d.office, d.date, d.kind, e.type, e.ref, e.line, e.text "
        f"FROM search_entries e JOIN documents d ON d.id = e.document_id WHERE e.id IN ({ids})")).all()
    by_id = {r[0]: r for r in rows}
    words = {w for p in phrases for w in p}
    hits = []
    for eid, score in ranked:
        r = by_id[eid]
        snippet, spans = snippet_of(r[9], words)
        hits.append(Hit(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], score, r[9], snippet, spans))
    return hits
