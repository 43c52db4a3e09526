"""Streaming batches: each file read, checked and released, on every core.

:func:`iter_outcomes` yields one :class:`Outcome` per input path, in input
order, while at most a small window of files is in flight: a report is dropped
as soon as its findings are taken, so memory does not grow with the batch.  With
``jobs > 1`` the files go to worker processes.  A file that cannot be read
(:class:`~bogo.errors.BogoError`), a check pipeline that raises, or even a worker
that dies is reported as a *failed* outcome with its reason — the batch goes on.
A file read only in part (its reader left warnings) is a *partial* outcome: it
is checked, and never shown as clean.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .checks.runner import CheckResult, run_checks
from .errors import BogoError
from .model import Finding, Report
from .procs import fork_context, prepare_fork
from .settings import SETTINGS, Settings

#: files in flight per worker: enough to keep a worker busy, few enough to hold
IN_FLIGHT_PER_JOB = 4
WORKER_DIED = "검사 중 작업 프로세스가 비정상 종료되었습니다"
#: checks that use the Korean analyser
ANALYSER_CHECKS = frozenset({"W402"})
#: a batch this large checks its first file before forking the workers, so that an
#: analyser it loads is shared by all of them (a small batch is not worth the wait)
SHARED_ANALYSER_MIN_FILES = 16


@dataclass
class Outcome:
    """What is kept of one file after its check: findings, never the whole report."""

    path: str
    status: Literal["checked", "partial", "failed"]
    sha256: str = ""
    findings: list[Finding] = field(default_factory=list)
    reason: str = ""  # the failure's one-line reason, or the reading warnings
    warnings: list[str] = field(default_factory=list)
    context: Report | None = None  # the tables and lines the findings point at
    crashes: list[tuple[str, BaseException]] = field(default_factory=list)  # (check code, exception)


def default_jobs() -> int:
    """Worker processes by default: the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class _Task:
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    settings: Settings
    keep_context: bool


def _check_one(path: str, task: _Task) -> Outcome:
    """Read and check one file; every failure becomes a failed outcome."""
    from .pipeline import load

    try:
        report = load(path, task.settings)
        result = run_checks([report], select=task.select, ignore=task.ignore, settings=task.settings)
    except BogoError as e:
        return Outcome(path=path, status="failed", reason=e.reason)
    except Exception as e:  # noqa: BLE001 — a bug on one file must not stop the batch
        return Outcome(path=path, status="failed", reason=f"처리 중 내부 오류 ({type(e).__name__}: {e})")
    findings = result.files[0][2]
    warnings = list(report.source.warnings)
    return Outcome(path=path, status="partial" if warnings else "checked", sha256=report.source.sha256,
                   findings=findings, reason="; ".join(warnings), warnings=warnings,
                   context=trimmed_report(report, findings) if task.keep_context else None,
                   crashes=[(code, e) for _, code, e in result.crashes])


def trimmed_report(report: Report, findings: list[Finding]) -> Report:
    """A copy holding only what renderers quote: the tables and the prose lines
    that the findings point at (so a batch keeps kilobytes per file, not the report)."""
    tables = {f.table for f in findings if f.table}
    lines = {f.line for f in findings if f.line}
    out = Report(source=report.source, meta=report.meta, tables=[t for t in report.tables if t.id in tables])
    out.paragraphs = [p for p in report.paragraphs if p.line in lines]
    out.findings = findings
    return out


def _init_worker() -> None:
    """A forked worker keeps the thread-free analyser its parent preloaded for it
    (shared memory); any other inherited analyser it drops and loads its own, one-threaded."""
    from . import analyser

    analyser.drop_unusable()


def iter_outcomes(paths: Iterable[str | Path], select: Iterable[str] | None = None,
                  ignore: Iterable[str] | None = None, settings: Settings = SETTINGS, jobs: int = 1,
                  keep_context: bool = False) -> Iterator[Outcome]:
    """One outcome per path, in input order; ``jobs`` worker processes (1: in this process)."""
    task = _Task(tuple(select) if select else None, tuple(ignore) if ignore else None, settings, keep_context)
    names = [str(p) for p in paths]
    if jobs <= 1 or len(names) <= 1:
        for name in names:
            yield _check_one(name, task)
        return
    yield from _pooled(names, task, min(jobs, len(names)))


def _uses_analyser(task: _Task) -> bool:
    from .checks.registry import select_checks

    return any(c.code in ANALYSER_CHECKS for c in select_checks(task.select, task.ignore))


def _pooled(names: list[str], task: _Task, jobs: int) -> Iterator[Outcome]:
    window = jobs * IN_FLIGHT_PER_JOB
    if _context() is not None and len(names) >= SHARED_ANALYSER_MIN_FILES and _uses_analyser(task):
        # the first file is checked here, before the workers are forked: if it needs
        # the analyser (words not in the disk cache), the analyser is loaded here once
        # and shared by every worker; if not, no worker pays for one it may not need
        from .analyser import share_when_loaded

        share_when_loaded()
        try:
            yield _check_one(names[0], task)
        finally:
            share_when_loaded(False)
        names = names[1:]
    pool = _new_pool(jobs)
    pending: deque[tuple[str, Future]] = deque()
    todo = iter(names)
    try:
        while True:
            while len(pending) < window:
                name = next(todo, None)
                if name is None:
                    break
                pending.append((name, _submit(pool, name, task)))
            if not pending:
                # every file is done: wait for the idle workers to leave, so that no
                # manager thread is left for the interpreter's exit to wake (a closed
                # pipe there prints "Exception ignored … Bad file descriptor")
                pool.shutdown(wait=True)
                return
            name, fut = pending.popleft()
            try:
                yield fut.result()
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                yield _isolated(name, task)
                pool = _new_pool(jobs)
                pending = deque((n, f if _finished(f) else _submit(pool, n, task)) for n, f in pending)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _finished(fut: Future) -> bool:
    return fut.done() and not fut.cancelled() and fut.exception() is None


def _context():
    """Fork where there is fork: workers start at once with bogo already imported."""
    return fork_context()


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    if _context() is not None:
        # the objects already made (imports, the analyser's wrapper, the first report) are left
        # out of the collector in the workers: collecting them would write to their pages and
        # unshare them from the parent's
        prepare_fork()
    return ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, mp_context=_context())


def _submit(pool: ProcessPoolExecutor, name: str, task: _Task) -> Future:
    return pool.submit(_check_one, name, task)


def _isolated(name: str, task: _Task) -> Outcome:
    """Re-run one file alone after its pool broke: if it kills a worker again, it failed."""
    with _new_pool(1) as solo:
        try:
            return solo.submit(_check_one, name, task).result()
        except BrokenProcessPool:
            return Outcome(path=name, status="failed", reason=WORKER_DIED)


class BatchResult(CheckResult):
    """A :class:`CheckResult` that also names the files that failed or were read
    only in part; its JSON adds ``batch`` (counts) and ``failed``/``partial`` lists."""

    def __init__(self) -> None:
        super().__init__()
        self.failed: list[tuple[str, str]] = []
        self.partial_files: list[tuple[str, list[str]]] = []

    @classmethod
    def of(cls, result: CheckResult) -> BatchResult:
        """A batch view of a result checked in one go (every file read)."""
        out = cls()
        out.files, out.reports, out.crashes, out.notes = result.files, result.reports, result.crashes, result.notes
        out.partial_files = [(p, w) for (p, _), w in result.notes.items()]
        return out

    def add(self, o: Outcome) -> None:
        if o.status == "failed":
            self.failed.append((o.path, o.reason))
            return
        self.files.append((o.path, o.sha256, o.findings))
        self.crashes.extend((o.path, code, e) for code, e in o.crashes)
        if o.warnings:
            self.notes[(o.path, o.sha256)] = list(o.warnings)
        if o.status == "partial":
            self.partial_files.append((o.path, o.warnings))
        if o.context is not None:
            self.reports.append(o.context)

    @property
    def counts(self) -> dict[str, int]:
        return {"checked": len(self.files), "failed": len(self.failed), "partial": len(self.partial_files)}

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d["batch"] = self.counts
        d["failed"] = [{"path": p, "reason": r} for p, r in self.failed]
        d["partial"] = [{"path": p, "warnings": w} for p, w in self.partial_files]
        return d
