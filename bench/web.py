"""Web bench: p50/p95 latency of every workbench page on a generated corpus store.

Builds a store of N fictional reports with the corpus bench's generator
(:func:`bench.corpus.generate`), or reuses the store given by ``--db`` when it
already holds documents, then requests each page about 50 times through
FastAPI's TestClient (varying documents, queries, offices and units) and prints
p50/p95 per page with PASS/FAIL against the 200 ms budget (spec §8 / issue 13).
Tracking pages cache their result per store state: the first request of each
distinct URL is a cold computation; p50/p95 count every request, cold ones
included, and the worst first-time request is printed beside them.

    python bench/web.py --n 500            # quick run
    python bench/web.py --n 10000 --db /tmp/web10k.db   # the full corpus (kept for reuse)

``--no-user-words`` skips the app's start-up step that teaches the Korean
analyser the store's unit names (thousands on a 10,000-report store, where
that step alone takes many minutes); pages are measured the same way.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "bench"))
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")

BUDGET_MS = 200.0
REQUESTS = 50


def _utf8(path: Path) -> bool:
    try:
        path.read_text(encoding="utf-8")
        return True
    except UnicodeDecodeError:
        return False


def build(db: str, n: int, jobs: int | None) -> None:
    import corpus

    # the generator reads its templates as UTF-8: leave out an example kept in another encoding (CP949)
    corpus.EXAMPLES = [p for p in corpus.EXAMPLES if _utf8(p)]
    generate = corpus.generate

    from bogo.store import Store, ingest

    store = Store(db)
    with store.connect() as conn:
        from sqlalchemy import text

        have = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()  # all versions
    if have:
        print(f"reusing {db}: {have} documents")
        store.close()
        return
    with tempfile.TemporaryDirectory(prefix="bogo-webbench-") as tmp:
        t0 = time.perf_counter()
        generate(n, Path(tmp))
        summary = ingest(store, [tmp], jobs=jobs)
        print(f"built {db}: {summary.new} new documents and {summary.versions} new versions of them in "
              f"{time.perf_counter() - t0:.1f} s ({len(summary.failures)} failures)")
    store.close()


def _urls(client, rng: random.Random) -> dict[str, list[str]]:
    dash = client.get("/index.json").json()
    offices = sorted({r["office"] for r in dash["by_office_year"] if r["office"]})
    docs = client.get("/api/documents", params={"per_page": 200}).json()["documents"]
    ids = [d["id"] for d in docs]
    units = client.get("/units.json").json()["units"]
    unit_pairs = [(u["office"], u["name"]) for u in units if u["office"]][:200]
    words = ["예산", "협력", "담당관", "추진", "계획", "회의", "시스템", "평가", "조례", "지원"]
    pick = lambda xs: xs[rng.randrange(len(xs))]  # noqa: E731
    q = lambda path, **kw: path + "?" + urlencode(kw)  # noqa: E731
    return {
        "/": ["/"] * REQUESTS,
        "/docs": [q("/docs", office=pick(offices), page=rng.randint(1, 3)) for _ in range(REQUESTS)],
        "/doc/{id}": [f"/doc/{pick(ids)}" for _ in range(REQUESTS)],
        "/doc/{id}.json": [f"/doc/{pick(ids)}.json" for _ in range(REQUESTS)],
        "/search (mixed)": [q("/search", q=pick(words) if i % 2 else pick(unit_pairs)[1]) for i in range(REQUESTS)],
        "/search (frequent)": [q("/search", q=pick(words)) for _ in range(REQUESTS)],
        "/unit": [q("/unit", office=o, name=u) for o, u in (pick(unit_pairs) for _ in range(REQUESTS))],
        "/audit": [q("/audit", office=pick(offices)) for _ in range(REQUESTS)],
        "/plans": [q("/plans", office=pick(offices)) for _ in range(REQUESTS)],
        "/questions": [q("/questions", office=pick(offices)) for _ in range(REQUESTS)],
        "/api/documents": [q("/api/documents", page=rng.randint(1, 5)) for _ in range(REQUESTS)],
    }


def measure(db: str) -> bool:
    from fastapi.testclient import TestClient

    from bogo.web import create_app

    client = TestClient(create_app(db, token="bench"))
    client.get("/search", params={"q": "예산"})  # load the Korean analyser once
    ok = True
    n = client.get("/api/documents", params={"per_page": 1}).json()["total"]
    print(f"store: {n} current documents; tracking pages compare each office's latest reports only")
    print(f"{'page':18} {'p50 ms':>8} {'p95 ms':>8} {'max cold':>9}  budget {BUDGET_MS:.0f} ms (p95)")
    for page, urls in _urls(client, random.Random(11)).items():
        seen: set[str] = set()
        lat, cold = [], []
        for url in urls:
            t0 = time.perf_counter()
            r = client.get(url)
            ms = (time.perf_counter() - t0) * 1000
            if r.status_code not in (200, 404):
                raise SystemExit(f"{url}: HTTP {r.status_code}")
            lat.append(ms)
            if url not in seen:
                cold.append(ms)
                seen.add(url)
        lat.sort()
        p95 = lat[max(0, int(len(lat) * 0.95) - 1)]
        verdict = "PASS" if p95 < BUDGET_MS else "FAIL"
        ok &= verdict == "PASS"
        print(f"{page:18} {statistics.median(lat):8.1f} {p95:8.1f} {max(cold):9.1f}  {verdict}")
    return ok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=500, help="reports to generate (when the store is new)")
    ap.add_argument("--db", default=None, help="store to build or reuse (default: a temporary file)")
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--no-user-words", action="store_true", help="skip teaching the analyser the unit names")
    args = ap.parse_args()
    if args.no_user_words:
        import bogo.web.app

        bogo.web.app._search_words = lambda store: None
    with tempfile.TemporaryDirectory(prefix="bogo-webbench-db-") as tmp:
        db = args.db or str(Path(tmp) / "web.db")
        build(db, args.n, args.jobs)
        ok = measure(db)
    print("all pages within budget" if ok else "some pages over budget")


if __name__ == "__main__":
    main()
