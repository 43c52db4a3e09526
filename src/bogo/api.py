"""The library entry points that the CLI, the web app, tests and benches call.

``parse(path)`` runs the pipeline: reader → structure (tables, outline, meta) →
typed extraction, and returns the contract model :class:`~bogo.model.Report`.
``check(paths)`` parses each file and runs the registered checks.
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
          ignore: Iterable[str] | None = None, settings: Settings = SETTINGS, history=None):
    """Parse each file and run the accuracy pre-check; returns a ``CheckResult``.
    ``history`` (e.g. ``bogo.track.StoreHistory(store)``) enables the corpus checks (C5xx, W403)."""
    from .checks.registry import select_checks
    from .checks.runner import run_checks

    if isinstance(paths, (str, Path)):
        paths = [paths]
    select_checks(select, ignore)  # an unknown code is a usage error before any file is read
    reports = [parse(p, settings) for p in paths]
    return run_checks(reports, select=select, ignore=ignore, history=history)
