"""Corpus benchmark of the store: generate N fictional reports, ingest them, search them.

The reports are made from the examples by varying the office, the year, the unit
names (with renames between years), every figure, and the wording: each report
also gets sentences built from a synthetic vocabulary that keeps growing with
the corpus (about ``VOCAB_PER_DOC`` new words per report), so no cache of
analysed words makes the figure meaningless.  Recurring audit requests come from
reusing a report's audit section in the office's next year.

Prints documents per second, peak memory (writer and workers), store size, the
share of time spent in Korean analysis (measured separately, on a sample), and
search latency p50/p95 over 200 queries of mixed frequency — on SQLite, and on
PostgreSQL when ``--pg URL`` is given (or a local server can be started).
``--store`` measures only the search of a store kept from an earlier run
(``--keep DIR`` keeps the SQLite one; a PostgreSQL URL given to ``--pg`` keeps
its database), each query several times, without generating or ingesting.

    python bench/corpus.py --n 10000 [--jobs 2] [--pg postgresql://…]
    python bench/corpus.py --n 10000 --store DIR/bench.db      # search only, on a kept store
"""

from __future__ import annotations

import argparse
import contextlib
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests" / "store"))

EXAMPLES = sorted((REPO / "examples").glob("*.txt"))
SYLLABLES = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토포호구누두루무부수우주추"
CITIES = ["한빛시", "누리시", "가람군", "다솜구", "별빛시", "새봄군", "마루구", "온누리시"]
VOCAB_PER_DOC = 3
OFFICE_GROUP = 50
N_QUERIES = 200


def pseudo_word(rng: random.Random, i: int) -> str:
    """The i-th synthetic word (2–4 syllables; deterministic per i)."""
    r = random.Random(i)
    return "".join(r.choice(SYLLABLES) for _ in range(2 + i % 3))


def _spaced(word: str) -> re.Pattern:
    """``word`` as written with or without spaces between its characters."""
    return re.compile(r"\s?".join(map(re.escape, word)))


@dataclass
class Source:
    """One example report and what the generator varies in it."""

    text: str
    office: str  # the cover's office name
    units: list[str]  # the staffing table's unit names (rename candidates)


def load_sources() -> list[Source]:
    import bogo
    from bogo.readers.text import decode

    out = []
    for p in EXAMPLES:
        rep = bogo.parse(p)
        units = [r.unit for r in (rep.staffing.rows if rep.staffing else []) if len("".join(r.unit.split())) >= 4]
        out.append(Source(decode(p, p.read_bytes())[0], rep.meta.office or "", units))  # UTF-8 and CP949 mixed
    return out


def office_prefix(group: int, city: str) -> str:
    """The fictional organisation of an office group (a city and a district-like name)."""
    return city + pseudo_word(random.Random(), 10_000_000 + group)


def vary_report(src: Source, rng: random.Random, prefix: str, year: int, vocab_start: int) -> tuple[str, list[str]]:
    """One fictional report: office, year and figures changed, a unit renamed, growing-vocabulary sentences added.

    The office (cover line) gets the organisation's name in front; from a pivot
    year of its own on, one unit of the staffing table carries a new name (the
    same one each year, so the store sees one rename per office).
    """
    text = src.text
    if src.office:
        text = _spaced(src.office).sub(prefix + src.office, text, count=1)
    text = re.sub(r"한빛시", prefix[:3], text)
    text = re.sub(r"20(2[0-9])", lambda m: str(year + int(m.group(1)) - 24), text)
    text = re.sub(r"(?<![\d.])(\d{2,3})(?![\d.])", lambda m: str(max(1, int(m.group(1)) + rng.randint(-3, 3))), text)
    org = random.Random(prefix)
    if src.units and year >= 2015 + org.randrange(12):
        old = org.choice(src.units)
        suffix = next((s for s in ("담당관", "과", "팀", "실", "소") if old.endswith(s)), "과")
        text = _spaced(old).sub(pseudo_word(org, 20_000_000 + org.randrange(10**6)) + suffix, text)
    words = [pseudo_word(rng, vocab_start + k) for k in range(VOCAB_PER_DOC)]
    extra = "\n".join(f"  ○ {w}사업 추진 및 {w} 협력체계 운영" for w in words)
    return text.rstrip("\n") + "\n" + extra + "\n", words


def generate(n: int, out: Path) -> list[str]:
    """Write n reports under ``out``; returns the generated vocabulary (for queries).

    Offices are groups of one organisation (``OFFICE_GROUP`` consecutive reports
    share a group number; the city cycles), so each office has a history of
    several years, with recurring audit requests and a rename.
    """
    rng = random.Random(7)
    sources = load_sources()
    vocab: list[str] = []
    for i in range(n):
        prefix = office_prefix(i // OFFICE_GROUP, CITIES[i % len(CITIES)])
        year = 2015 + (i // len(CITIES)) % 12
        text, words = vary_report(sources[i % len(sources)], rng, prefix, year, len(vocab))
        vocab.extend(words)
        (out / f"r{i:05d}.txt").write_text(text, encoding="utf-8")
    return vocab


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def analysis_share(files: list[Path], sample: int = 40) -> tuple[float, float]:
    """Korean analysis in one worker's ``prepare``, on a sample: (share of its time, ms per report).

    Every call into the process's one Kiwi analyser during ``prepare`` (shared by the search
    tokeniser, which also makes the tracking word sets, and the typo check) is timed inside the
    real ingest path.
    """
    from bogo import analyser
    from bogo.store import prepare

    spent = [0.0]

    def timing(real):
        def timed(*a, **kw):
            t = time.perf_counter()
            out = real(*a, **kw)
            if not hasattr(out, "__len__"):
                out = list(out)  # batch analysis is lazy: count it here
            spent[0] += time.perf_counter() - t
            return out
        return timed

    prepare(str(files[0]))  # analysers loaded, not timed
    kiwis = [analyser.kiwi()]
    reals = [k.tokenize for k in kiwis]
    for k, real in zip(kiwis, reals, strict=True):
        k.tokenize = timing(real)
    try:
        t0 = time.perf_counter()
        for f in files[1:sample + 1]:
            prepare(str(f))
        total = time.perf_counter() - t0
    finally:
        for k, real in zip(kiwis, reals, strict=True):
            k.tokenize = real
    n = len(files[1:sample + 1])
    return (spent[0] / total if total else 0.0), spent[0] / max(n, 1) * 1000


COMMON = ["예산", "추진", "인력 현황", "행정사무감사", "주민자치회", "시민참여예산", "신속집행", "재정 건전성"]


def queries(vocab: list[str], rng: random.Random) -> list[str]:
    rare = rng.sample(vocab, min(len(vocab), N_QUERIES))
    return [COMMON[i % len(COMMON)] if i % 2 else rare[i % len(rare)] for i in range(N_QUERIES)]


def fresh_word_cache(label: str) -> None:
    """Point the typo check's on-disk word cache at an empty folder for this run (unless the caller set one):
    a cache filled by an earlier run of the same vocabulary would make the figure meaningless."""
    import os

    if os.environ.get("BOGO_BENCH_KEEP_WORD_CACHE"):
        return
    os.environ["BOGO_CACHE_DIR"] = tempfile.mkdtemp(prefix=f"bogo-bench-words-{label}-")


def _rss_mb(pid: int | str = "self") -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            return next(int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS:")) / 1024
    except (OSError, StopIteration):
        return 0.0


def _memory_probe(samples: list[tuple[int, float, float]], every: int):
    """A progress callback that records (files done, writer RSS, largest worker RSS) every ``every`` files."""
    import multiprocessing

    def progress(done: int, total: int) -> None:
        if done % every == 0 or done == total:
            kids = [_rss_mb(p.pid) for p in multiprocessing.active_children()]
            samples.append((done, _rss_mb(), max(kids, default=0.0)))
    return progress


def ingest_corpus(folder: Path, db: str, jobs: int | None = None, memory: list | None = None):
    """Ingest a generated folder into the store at ``db`` (a path or URL); returns (store URL, summary, seconds).

    Other benches (bench/web.py) reuse a corpus store this way.  With a ``memory`` list, the
    writer's and the largest worker's resident memory are appended to it ten times along the way.
    """
    from bogo.store import Store, ingest

    store = Store(db)
    try:
        n = sum(1 for _ in folder.rglob("*.txt"))
        progress = _memory_probe(memory, max(1, n // 10)) if memory is not None else None
        t0 = time.perf_counter()
        summary = ingest(store, [folder], jobs=jobs, progress=progress)
        return store.url, summary, time.perf_counter() - t0
    finally:
        store.close()


def run(db: str, folder: Path, jobs: int, qs: list[str], label: str) -> None:
    from bogo.store import Store

    memory: list[tuple[int, float, float]] = []
    fresh_word_cache(label)
    url, summary, dt = ingest_corpus(folder, db, jobs, memory)
    print(f"[{label}] memory along the ingest (files: writer MB / largest worker MB): "
          + ", ".join(f"{d}: {w:.0f}/{k:.0f}" for d, w, k in memory))
    store = Store(url)
    lat = search_latency(store, qs)
    own, kids = peak_mb()
    size = _size(store, db)
    print(f"[{label}] {summary.new} documents in {dt:.1f} s = {summary.new / dt:.1f} docs/s; "
          f"failures {len(summary.failures)}; peak RSS writer {own:.0f} MB, workers {kids:.0f} MB; "
          f"store {size / 1e6:.1f} MB; search {_stats(lat)} over {len(lat)} queries")
    store.close()


def _p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[max(0, int(len(xs) * 0.95) - 1)]


def _stats(xs: list[float]) -> str:
    return f"p50 {statistics.median(xs):.1f} ms, p95 {_p95(xs):.1f} ms"


def search_latency(store, qs: list[str], rounds: int = 1) -> list[float]:
    """Milliseconds per query of ``qs`` (each run ``rounds`` times) on ``store``, after one warm-up query."""
    from bogo.search import search

    lat = []
    with store.connect() as conn:
        search(conn, COMMON[0], limit=10)  # the Korean analyser loaded, not timed
        for _ in range(rounds):
            for q in qs:
                t1 = time.perf_counter()
                search(conn, q, limit=10)
                lat.append((time.perf_counter() - t1) * 1000)
                conn.rollback()  # each query in its own transaction, as a web request
    return lat


def measure_kept(db: str, qs: list[str], rounds: int) -> None:
    """Search latency on a store kept from an earlier run (a path or URL): no generation, no ingest.

    Prints the figure over all queries and separately for the frequent and the rare ones."""
    from bogo.store import Store

    store = Store(db)
    try:
        with store.connect() as conn:
            from sqlalchemy import text

            n = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
        lat = search_latency(store, qs, rounds)
        common = [x for i, x in enumerate(lat) if qs[i % len(qs)] in COMMON]
        rare = [x for i, x in enumerate(lat) if qs[i % len(qs)] not in COMMON]
        print(f"[{store.dialect}] {n} documents; search {_stats(lat)} over {len(lat)} queries "
              f"({rounds} rounds); frequent {_stats(common)}; rare {_stats(rare)}")
    finally:
        store.close()


def _size(store, db: str) -> int:
    if store.dialect == "postgresql":
        from sqlalchemy import text

        with store.connect() as c:
            return c.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    path = Path(db)
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--pg", default=None, help="PostgreSQL URL; 'local' starts a throw-away server")
    ap.add_argument("--keep", type=Path, default=None, help="keep the reports and the SQLite store in this folder")
    ap.add_argument("--reports", type=Path, default=None, help="reuse reports generated before (same --n)")
    ap.add_argument("--pg-only", action="store_true", help="only the PostgreSQL run (with --pg)")
    ap.add_argument("--store", default=None,
                    help="only measure search on this kept store (SQLite path or postgresql:// URL; same --n)")
    ap.add_argument("--rounds", type=int, default=3, help="times each query runs with --store")
    args = ap.parse_args()
    if args.store:
        vocab = [pseudo_word(None, i) for i in range(args.n * VOCAB_PER_DOC)]
        measure_kept(args.store, queries(vocab, random.Random(3)), args.rounds)
        return
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    with (contextlib.nullcontext(str(args.keep)) if args.keep
          else tempfile.TemporaryDirectory(prefix="bogo-corpus-")) as tmp:
        folder = args.reports or Path(tmp) / "reports"
        if args.reports:  # generated before by this bench with the same --n: only the vocabulary is rebuilt
            vocab = [pseudo_word(None, i) for i in range(args.n * VOCAB_PER_DOC)]
        else:
            folder.mkdir(exist_ok=True)
            t0 = time.perf_counter()
            vocab = generate(args.n, folder)
            print(f"generated {args.n} reports ({len(vocab)} distinct new words) in {time.perf_counter() - t0:.1f} s")
            fresh_word_cache("analysis")
            share, ms = analysis_share(sorted(folder.glob("*.txt")))
            print(f"Korean analysis: {share:.0%} of a worker's prepare time, {ms:.0f} ms per report (sample of 40)")
        qs = queries(vocab, random.Random(3))
        if not args.pg_only:
            run(str(Path(tmp) / "bench.db"), folder, args.jobs, qs, "sqlite")
        if args.pg:
            server = None
            url = args.pg
            if url == "local":
                from pgserver import PgServer

                server = PgServer()
                server.start()
                url = server.create_database("bench")
            try:
                run(url, folder, args.jobs, qs, "postgresql")
            finally:
                if server:
                    server.stop()


if __name__ == "__main__":
    main()
