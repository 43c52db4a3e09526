"""The library entry points that the CLI, the web app, tests and benches call.

``parse(path)`` runs the pipeline: reader → structure (tables, outline, meta) →
typed extraction, and returns the contract model :class:`~bogo.model.Report`.
``check(paths)`` parses each file and runs the registered checks; ``iter_check``
streams the same, one outcome per file, in worker processes when asked
(:mod:`bogo.batch`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from . import readers
from .blocks import Paragraph
from .model import Report, Source
from .settings import SETTINGS, Settings


def parse(path: str | Path, settings: Settings = SETTINGS) -> Report:
    """Parse one report file into the contract model ``bogo.report/1``."""
    from .extract import extract_all
    from .structure import analyse

    p, data = readers.load_bytes(path, settings)
    doc = readers.read_bytes(p, data, settings)
    layout = analyse(doc)
    source = Source(
        path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=doc.format,
        bytes=len(data), encoding=doc.encoding, pages=doc.pages, warnings=list(doc.warnings),
    )
    report = Report(source=source, meta=layout.meta, outline=layout.outline, tables=layout.tables)
    extract_all(layout, report)
    report._paragraphs = [(b.line, b.marker, b.text, b.indent) for b in layout.blocks if isinstance(b, Paragraph)]
    return report


def check(paths: Iterable[str | Path] | str | Path, select: Iterable[str] | None = None,
          ignore: Iterable[str] | None = None, settings: Settings = SETTINGS, jobs: int = 1,
          keep_context: bool = True):
    """Parse each file and run the accuracy pre-check; returns a ``BatchResult``
    (a ``CheckResult`` that also lists the files that failed or were read in part).

    One path: a file that cannot be read raises its :class:`~bogo.errors.BogoError`.
    Several paths: such a file is listed in ``result.failed`` and the others are
    checked all the same.  ``jobs`` > 1 checks in that many worker processes
    (results in input order).  ``keep_context`` keeps, per file, the tables and
    lines the findings point at (for the HTML report); nothing else of a report
    is kept.  :func:`iter_check` is the streaming form.
    """
    from .batch import BatchResult

    single = isinstance(paths, (str, Path))
    result = BatchResult()
    for o in iter_check([paths] if single else paths, select, ignore, settings, jobs, keep_context):
        if single and o.status == "failed":
            parse(paths, settings)  # raise the file's own error
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
