"""``ingest``: many files into the store, parsed in worker processes, written by one writer.

Files and folders are walked recursively (folders contribute the report formats
bogo reads; README files are skipped).  Each file is hashed first: one already
stored is skipped without parsing.  The others are parsed, checked and tokenised
by ``jobs`` worker processes (:func:`~bogo.store.prepare.prepare`) while this
process writes each result in its own transaction.  At most ``2 × jobs`` files
are in flight, so memory stays flat however many files there are.  A file that
fails is recorded with its one-line reason and the batch goes on.  Where it is
safe (fork exists, no other thread runs, no analyser with threads is loaded) this
process loads the Korean analyser once, taught the store's unit names, and forks
the workers so that they share it; otherwise they are spawned and load their own.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import procs
from ..errors import BogoError
from .prepare import Prepared, prepare
from .store import Store

REPORT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".hwpx", ".hwp", ".pdf", ".docx"})
IN_FLIGHT_PER_JOB = 2
HASH_CHUNK = 1 << 20


@dataclass
class IngestSummary:
    files: int = 0
    new: int = 0
    versions: int = 0
    skipped: int = 0
    records: int = 0
    findings: Counter = field(default_factory=Counter)
    failures: list[tuple[str, str]] = field(default_factory=list)


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """The files to ingest: given files as they are, folders walked recursively (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES
                              and not f.name.lower().startswith("readme")))
        else:
            out.append(p)
    return out


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _init_worker(user_words: list[str], threads: int | None = None) -> None:
    from .. import analyser
    from ..search.tokens import add_user_words

    if threads is not None:
        analyser.THREADS = threads  # the worker processes already share the cores
    add_user_words(user_words)


def _prepare_safe(path: str) -> Prepared | tuple[str, str]:
    try:
        return prepare(path)
    except BogoError as e:
        return (path, e.reason)
    except Exception as e:  # noqa: BLE001 — a parser bug on one file must not end the batch
        return (path, f"처리 중 내부 오류: {type(e).__name__}: {e}")


def _init_forked_worker() -> None:
    from .. import analyser

    analyser.drop_unusable()  # keeps the analysers the parent loaded for sharing


def _shared_analyser_fork(store: Store, user_words: list[str]) -> bool:
    """Load the analyser here, thread-free and taught the user words, for workers forked
    next to share (one model for all); False when forking is not safe here (another
    thread runs, or this process holds an analyser with threads)."""
    from .. import analyser

    if not procs.can_fork_safely() or not analyser.can_share():
        return False
    analyser.share_when_loaded()
    try:
        _init_worker(user_words)  # the analyser loads here, thread-free, to be taught the words
    finally:
        analyser.share_when_loaded(False)
    analyser.preload_shared(bool(user_words))  # rebuilt for the words taught (and the plain one)
    store.engine.dispose()  # no open database connection is copied into a worker
    procs.prepare_fork()
    return True


def _results(todo: list[str], jobs: int, user_words: list[str],
             store: Store | None = None) -> Iterator[Prepared | tuple[str, str]]:
    if not todo:
        return  # every file already stored: no analyser to load, no worker to start
    if jobs <= 1:
        _init_worker(user_words)
        yield from map(_prepare_safe, todo)
        return
    if store is not None and _shared_analyser_fork(store, user_words):
        pool = ProcessPoolExecutor(jobs, mp_context=procs.fork_context(), initializer=_init_forked_worker)
    else:  # spawned workers load their own analyser
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(user_words, 1))
    with pool:
        yield from in_input_order(pool, _prepare_safe, todo, jobs * IN_FLIGHT_PER_JOB)


def in_input_order(pool: Executor, fn: Callable[[str], Any], todo: list[str], limit: int) -> Iterator[Any]:
    """``fn`` of each of ``todo`` run by ``pool``, the results in the order of ``todo``, at most ``limit`` in flight
    (running, or done and waiting for an earlier one).  The order is the input's, not
    the order the workers finish in: the corpus checks compare each report with those
    stored before it, so a store must not depend on which worker was faster."""
    futures: dict[int, Future] = {}
    following = 0                       # index of the next result to hand on
    for i, path in enumerate(todo):
        futures[i] = pool.submit(fn, path)
        while len(futures) >= limit:
            wait([futures[following]])
            while following in futures and futures[following].done():
                yield futures.pop(following).result()
                following += 1
    while following in futures:
        yield futures.pop(following).result()
        following += 1


def ingest(store: Store, paths: Iterable[str | Path], jobs: int | None = None,
           progress: Callable[[int, int], None] | None = None) -> IngestSummary:
    """Ingest files and folders into ``store``; ``progress(done, total)`` is called per file."""
    files = discover(paths)
    summary = IngestSummary(files=len(files))
    todo: list[str] = []
    done = 0
    for f in files:
        try:
            known = store.has(file_sha256(f))
        except OSError as e:
            summary.failures.append((str(f), f"읽을 수 없습니다: {e.strerror or e}"))
            known = None
        if known or known is None:
            summary.skipped += bool(known)
            done += 1
            if progress:
                progress(done, len(files))
        else:
            todo.append(str(f))
    offices: set[str] = set()
    for res in _results(todo, jobs or os.cpu_count() or 1, store.unit_names(), store):
        if isinstance(res, tuple):
            summary.failures.append(res)
        else:
            wrote = store.write(with_corpus_findings(store, res), identity=False)
            _count(summary, wrote)
            if wrote.status != "duplicate" and res.meta.get("office"):
                offices.add(res.meta["office"])
        done += 1
        if progress:
            progress(done, len(files))
    for office in sorted(offices):  # once per office, not once per report (the corpus checks compare
        store.refresh_identity([office])  # snapshots of their own and never read these events)
    if summary.new or summary.versions:
        store.settle()
    return summary


def with_corpus_findings(store: Store, prep: Prepared) -> Prepared:
    """``prep`` with the findings of the corpus checks against what the store holds so far."""
    from ..checks.registry import select_checks
    from ..checks.runner import check_report
    from ..model import Report
    from ..track.similarity import remember

    for t, words in prep.words.items():
        remember(t, words)
    history = _WriteHistory(store)
    office, date = (prep.report.get("meta") or {}).get("office"), _tracking_date(prep)
    if not office or not date or not any((d.date or "") < date for d in history.documents(office)):
        return prep  # every corpus check compares with an earlier document of the office
    corpus = [c for c in select_checks() if c.scope == "corpus"]
    rep = Report.model_validate(prep.report)
    own = list(rep.findings)
    found = check_report(rep, corpus, history=history)
    extra = [f for f in found if f.code in {c.code for c in corpus}]
    if extra:
        prep.report["findings"] = [f.model_dump(mode="json") for f in own + extra]
    return prep


def _tracking_date(prep: Prepared) -> str | None:
    """The date tracking gives the report (as :func:`bogo.track.history.report_date`)."""
    from ..records import inferred_date

    return (prep.report.get("meta") or {}).get("date") or inferred_date(prep.paragraphs)


class _WriteHistory:
    """The store's history during one write: an office's document list read once for all corpus checks."""

    def __init__(self, store: Store):
        from ..track import StoreHistory

        self._h = StoreHistory(store)
        self.snapshots = self._h.snapshots
        self._docs: dict = {}
        self._decided: dict | None = None

    def documents(self, office=None):
        if office not in self._docs:
            self._docs[office] = self._h.documents(office)
        return list(self._docs[office])

    def records(self, doc_id, rtype):
        return self._h.records(doc_id, rtype)

    def decisions(self):
        if self._decided is None:
            self._decided = self._h.decisions()
        return self._decided


def _count(summary: IngestSummary, res) -> None:
    if res.status == "duplicate":
        summary.skipped += 1
        return
    summary.new += res.status == "new"
    summary.versions += res.status == "version"
    summary.records += res.records
    summary.findings.update(res.findings)
