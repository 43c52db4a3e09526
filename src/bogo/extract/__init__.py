"""Typed extraction: blocks and tables → the records of the contract.

Each extractor is a function ``(layout, report) -> None`` that fills one part of
the report, registered in :data:`EXTRACTORS` with the records it fills and the
records it reads (``needs``): ``budget`` reads ``staffing`` to leave the staffing
table out.  :func:`extract_all` runs them in an order that honours those needs
(never by the order of a list of names).  An extractor that does not recognise
a layout leaves its records empty; one that raises on an unusual document is
isolated and recorded as a reader warning, so a report always parses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Report
from ..structure import Layout
from . import audit, budget, staffing, tasks

Extractor = Callable[[Layout, Report], None]


@dataclass(frozen=True, slots=True)
class Step:
    """One extractor: its name, what it fills, what it reads first."""

    name: str
    run: Extractor
    fills: tuple[str, ...]
    needs: tuple[str, ...] = ()


EXTRACTORS: tuple[Step, ...] = (
    Step("budget", budget.extract, fills=("budget_lines",), needs=("staffing",)),
    Step("staffing", staffing.extract, fills=("staffing",)),
    Step("tasks", tasks.extract, fills=("tasks", "milestones")),
    Step("audit", audit.extract, fills=("audit",)),
)


def ordered(steps: tuple[Step, ...] = EXTRACTORS) -> list[Step]:
    """``steps`` so that every step runs after the steps filling what it needs."""
    filler = {rec: s for s in steps for rec in s.fills}
    out: list[Step] = []
    seen: set[str] = set()

    def visit(s: Step, path: tuple[str, ...]) -> None:
        if s.name in seen:
            return
        if s.name in path:
            raise ValueError(f"extractors need each other: {' → '.join(path + (s.name,))}")
        for rec in s.needs:
            if rec not in filler:
                raise ValueError(f"extractor {s.name} needs {rec}, which no extractor fills")
            visit(filler[rec], path + (s.name,))
        seen.add(s.name)
        out.append(s)

    for s in steps:
        visit(s, ())
    return out


def extract_all(layout: Layout, report: Report) -> None:
    for step in ordered():
        try:
            step.run(layout, report)
        except Exception as e:  # an extractor bug must not lose the parse
            report.source.warnings.append(f"{step.name} 추출 실패: {type(e).__name__}: {e}")
