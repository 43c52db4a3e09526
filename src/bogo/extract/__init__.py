"""Typed extraction: blocks and tables → the records of the contract.

Each extractor is a function ``(layout, report) -> None`` that fills one part of
the report.  An extractor that does not recognise a layout leaves its records
empty; it must never raise on an unusual document — ``extract_all`` isolates
them and records a warning instead, so a report always parses.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Report
from ..structure import Layout

Extractor = Callable[[Layout, Report], None]


def _extractors() -> list[tuple[str, Extractor]]:
    out: list[tuple[str, Extractor]] = []
    for name in ("staffing", "budget", "tasks", "audit"):
        try:
            mod = __import__(f"{__name__}.{name}", fromlist=["extract"])
        except ModuleNotFoundError as e:
            if e.name and e.name.startswith(__name__):
                continue
            raise
        out.append((name, mod.extract))
    return out


def extract_all(layout: Layout, report: Report) -> None:
    for name, fn in _extractors():
        try:
            fn(layout, report)
        except Exception as e:  # an extractor bug must not lose the parse
            report.source.warnings.append(f"{name} 추출 실패: {type(e).__name__}: {e}")
