"""Reads stay bounded on a large store: the search's candidate cap holds, the PostgreSQL walk equals a full
scan, the planner uses the indexes meant, the workbench's read indexes exist on both engines, and the
dashboard's finding counts (all findings less those of superseded versions) equal a join over current ones."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from bogo.search import search
from bogo.search.engine import WEIGHTS, PgEngine, _quote_ts
from bogo.search.tokens import query_terms

QUERIES = ["담당관", "예산", "추진", "인력 현황", "행정사무감사", "협력상생담당관", "없는낱말입니다"]


def _tsquery(q: str) -> str:
    return " & ".join("(" + " <-> ".join(_quote_ts(w) for w in p) + ")" for p in query_terms(q))


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_candidate_cap_holds(pair, engine):
    """With a cap of c, only the newest c matching passages are ranked, and the best of them come out."""
    with pair[engine].connect() as conn:
        for q in ("담당관", "예산"):
            assert len(search(conn, q, limit=10_000, cap=10_000)) > 8, q  # more matches than the cap
            got = {(h.document_id, h.ref, h.type, h.line) for h in search(conn, q, limit=3, cap=8)}
            assert len(got) == 3 and got <= _newest_matching(conn, engine, q, 8), q


def _newest_matching(conn, engine: str, q: str, cap: int) -> set:
    if engine == "postgresql":
        sql = "SELECT id FROM search_entries WHERE tsv @@ to_tsquery('simple', :q) ORDER BY id DESC LIMIT :c"
        ids = conn.execute(text(sql), {"q": _tsquery(q), "c": cap}).scalars().all()
    else:
        fts = " AND ".join('"' + " ".join(p) + '"' for p in query_terms(q))
        ids = conn.execute(text("SELECT rowid FROM search_fts WHERE search_fts MATCH :q ORDER BY rowid DESC LIMIT :c"),
                           {"q": fts, "c": cap}).scalars().all()
    rows = conn.execute(text(f"SELECT document_id, ref, type, line FROM search_entries WHERE id IN ({','.join(map(str, ids))})"))
    return {tuple(r) for r in rows}


@pytest.mark.parametrize(("first", "sparse"), [(3, 0.05), (50, 1.0), (2, 0.0), (10_000, 0.05), (5, 0.3)])
def test_pg_walk_equals_a_full_scan(pair, first, sparse):
    """Whatever the first window and the density threshold, the newest ``cap`` matches are those of a
    plain ordered scan."""
    eng = PgEngine()
    eng.FIRST_WINDOW, eng.SPARSE = first, sparse
    with pair["postgresql"].connect() as conn:
        for q in QUERIES:
            for cap in (1, 7, 40, 2000):
                want = conn.execute(text("SELECT id FROM search_entries WHERE tsv @@ to_tsquery('simple', :q) "
                                         "ORDER BY id DESC LIMIT :c"), {"q": _tsquery(q), "c": cap}).scalars().all()
                assert eng.newest(conn, _tsquery(q), cap) == want, (q, cap)


def test_pg_ranks_read_with_the_matches_equal_a_ranking_by_id(pair):
    """The ranks the range functions compute while reading a match are those of ``ts_rank`` over the same rows."""
    eng = PgEngine()
    eng.FIRST_WINDOW = 3  # several ranges, both ways of reading them
    with pair["postgresql"].connect() as conn:
        for q in QUERIES:
            got = eng._newest_ranked(conn, _tsquery(q), 40)
            want = conn.execute(text("SELECT id, ts_rank(CAST(:w AS real[]), tsv, to_tsquery('simple', :q), 1) "
                                     "FROM search_entries WHERE tsv @@ to_tsquery('simple', :q) ORDER BY id DESC "
                                     "LIMIT 40"), {"q": _tsquery(q), "w": WEIGHTS}).all()
            assert [(i, float(r)) for i, r in got] == [(i, float(r)) for i, r in want], q


def _plan(conn, sql: str, params: dict, **settings: str) -> str:
    for k, v in settings.items():
        conn.execute(text("SELECT set_config(:k, :v, true)"), {"k": k, "v": v})
    return "\n".join(r[0] for r in conn.execute(text("EXPLAIN " + sql), params))


def test_pg_plans_use_the_gin_index_and_the_primary_key(pair):
    q = {"q": _tsquery("담당관"), "lo": 0, "hi": 10**9, "n": 10}
    with pair["postgresql"].connect() as conn:
        gin = _plan(conn, "SELECT id FROM search_entries WHERE tsv @@ to_tsquery('simple', :q) LIMIT :n", q,
                    enable_indexscan="off", enable_seqscan="off")
        assert "ix_search_entries_tsv" in gin
        conn.rollback()
        walk = _plan(conn, "SELECT id FROM search_entries WHERE tsv @@ to_tsquery('simple', :q) AND id > :lo "
                     "AND id <= :hi ORDER BY id DESC LIMIT :n", q, enable_bitmapscan="off", enable_seqscan="off")
        assert "Index Scan Backward using search_entries_pkey" in walk
        conn.rollback()


def test_pg_range_functions_carry_their_planner_settings(pair):
    with pair["postgresql"].connect() as conn:
        conf = dict(conn.execute(text("SELECT proname, proconfig FROM pg_proc WHERE proname LIKE 'bogo_search_%'")).all())
        search(conn, "행정사무감사", cap=5)
        after = conn.execute(text("SELECT current_setting('enable_indexscan'), current_setting('enable_bitmapscan'), "
                                  "current_setting('enable_seqscan')")).one()
    for name in ("bogo_search_walk", "bogo_search_walk_ranked"):
        assert set(conf[name]) == {"enable_bitmapscan=off", "enable_seqscan=off"}
    for name in ("bogo_search_gin", "bogo_search_gin_ranked"):
        assert set(conf[name]) == {"enable_indexscan=off", "enable_seqscan=off"}
    assert tuple(after) == ("on", "on", "on")  # the caller's transaction keeps its own


READ_INDEXES = {"documents": {"ix_documents_current_office_year", "ix_documents_current_date",
                              "ix_documents_ingested_at"},
                "findings": {"ix_findings_document_severity_code", "ix_findings_code_severity"},
                "audit_items": {"ix_audit_items_document_status"}, "milestones": {"ix_milestones_document_end"}}


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_read_indexes_exist(pair, engine):
    insp = inspect(pair[engine].engine)
    for table, names in READ_INDEXES.items():
        assert names <= {ix["name"] for ix in insp.get_indexes(table)}, table


def test_sqlite_dashboard_counts_read_indexes_only(pair):
    with pair["sqlite"].connect() as conn:
        plan = " ".join(r[3] for r in conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT code, severity, count(*) FROM findings GROUP BY code, severity")))
    assert "COVERING INDEX ix_findings_code_severity" in plan


def test_dashboard_finding_counts_leave_out_superseded_versions(store, prepared):
    import copy

    from bogo.web.data import _finding_counts

    first = next(p for p in prepared if (p.report.get("meta") or {}).get("date") and p.report.get("findings"))
    store.write(copy.deepcopy(first))
    again = copy.deepcopy(first)
    again.sha256 = "0" * 64
    again.report["findings"] = again.report["findings"][:1]
    assert store.write(again).status == "version"
    with store.connect() as conn:
        want = {(c, s): n for c, s, n in conn.execute(text(
            "SELECT f.code, f.severity, count(*) FROM findings f JOIN documents d ON d.id = f.document_id "
            "WHERE d.current = 1 GROUP BY f.code, f.severity"))}
        assert _finding_counts(conn) == want and sum(want.values()) == 1
