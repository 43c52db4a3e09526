"""The library entry points that the CLI, the web app, tests and benches call.

``parse(path)`` and ``load(path)`` (:mod:`bogo.pipeline`) read one file, or a
saved ``bogo parse --json``, into the contract model :class:`~bogo.model.Report`.
``check(paths)`` loads each file and runs the registered checks;
``iter_check``
streams the same, one outcome per file, in worker processes when asked
(:mod:`bogo.batch`); ``table_stages(report)`` tells, table by table, how each view was built.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .model import Report
from .pipeline import load, paragraph_records, parse
from .settings import SETTINGS, Settings

__all__ = ["check", "iter_check", "load", "paragraph_records", "parse", "table_stages"]


def table_stages(report: Report, settings: Settings = SETTINGS) -> list[tuple[str, list[tuple[str, str]]]]:
    """For each table: its id and caption, and each stage of its view with its account."""
    from .tables import table_name, view_of
    return [(table_name(t), view_of(report, t, settings.tables).trace) for t in report.tables]


def check(paths: Iterable[str | Path] | str | Path, select: Iterable[str] | None = None,
          ignore: Iterable[str] | None = None, settings: Settings = SETTINGS, jobs: int = 1,
          keep_context: bool = True, history=None):
    """Parse each file and run the accuracy pre-check; returns a ``BatchResult``
    (a ``CheckResult`` that also lists the files that failed or were read in part).

    One path: a file that cannot be read raises its :class:`~bogo.errors.BogoError`.
    Several paths: such a file is listed in ``result.failed`` and the others are
    checked all the same.  ``jobs`` > 1 checks in that many worker processes
    (results in input order).  ``keep_context`` keeps, per file, the tables and
    lines the findings point at (for the HTML report); nothing else of a report
    is kept.  :func:`iter_check` is the streaming form.  ``history`` (e.g.
    ``bogo.track.StoreHistory(store)``) enables the corpus checks (C5xx, W403); the
    files are then checked in this process, with every report kept.
    """
    from .batch import BatchResult

    if history is not None:
        return _check_with_history(paths, select, ignore, settings, history)

    single = isinstance(paths, (str, Path))
    result = BatchResult()
    for o in iter_check([paths] if single else paths, select, ignore, settings, jobs, keep_context):
        if single and o.status == "failed":
            load(paths, settings)  # raise the file's own error
        result.add(o)
    return result


def iter_check(paths: Iterable[str | Path], select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None, settings: Settings = SETTINGS, jobs: int = 1,
               keep_context: bool = False):
    """Yield one :class:`~bogo.batch.Outcome` per path, in input order, as each is checked."""
    from .batch import iter_outcomes
    from .checks.registry import select_checks

    select_checks(select, ignore)  # an unknown code is a usage error before any file is read
    yield from iter_outcomes(paths, select, ignore, settings, jobs, keep_context)


def _check_with_history(paths, select, ignore, settings: Settings, history):
    from .checks.registry import select_checks
    from .checks.runner import run_checks

    select_checks(select, ignore)
    reports = [load(p, settings) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    return run_checks(reports, select=select, ignore=ignore, history=history, settings=settings)
