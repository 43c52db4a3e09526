"""Cell values: every body cell of a table parsed once, when its view is built.

``parse_cell(text, unit)`` reads what a printed cell holds — a number with its
sign (△/▲/-), decimals and percent sign; a composite "정원 / 현원 (여성)"; a
parenthesised count or percent; a number with its unit ("60건"); an amount
written with 조 in a 억원 table ("15조 6,397"); and an *annotated* number whose
parenthesis holds words ("512 (1,200강)") or a breakdown
("9,800 (시비 6,500, 국비 3,300)") — the main number counts, the annotation is
kept beside it.  Extraction, checks and renderers read these values; none of
them parses cell strings again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..normalize.measures import NUMBER_WITH_UNIT
from ..normalize.numbers import (
    ANNOTATED_NUMBER,
    Composite,
    decimals,
    parse_composite,
    parse_jo_amount,
    parse_number,
)

_LABELLED_NUMBER = re.compile(r"(?P<label>[가-힣A-Za-z·]+)\s*:?\s*(?P<n>[△▲\-]?\d+(?:,\d{3})*(?:\.\d+)?)")


@dataclass(frozen=True, slots=True)
class CellValue:
    """One parsed body cell.  ``c`` keeps the composite reading; ``unit`` is a unit
    written in the cell ("60건"); ``note`` the words of an annotated number;
    ``breakdown`` the labelled parts of "9,800 (시비 6,500, 국비 3,300)"."""

    text: str
    c: Composite
    decimals: int = 0
    unit: str | None = None
    note: str | None = None
    breakdown: tuple[tuple[str, float], ...] = field(default=())

    @property
    def value(self):
        return self.c.value

    @property
    def numeric(self) -> bool:
        return self.c.numeric

    @property
    def is_pair(self) -> bool:
        return self.c.is_pair

    @property
    def pct(self) -> bool:
        return self.c.pct

    @property
    def quota(self) -> int | None:
        return self.c.quota

    @property
    def current(self) -> int | None:
        return self.c.current

    @property
    def paren(self):
        """A parenthesised count (not a percent)."""
        return None if self.c.paren_pct else self.c.paren

    @property
    def paren_pct(self):
        """A parenthesised percent."""
        return self.c.paren if self.c.paren_pct else None


def _numeric(text: str, value, paren=None, paren_pct=False, pct=False) -> Composite:
    """A numeric composite for a cell read by a rule ``parse_composite`` does not know."""
    return Composite(text=text, value=value, paren=paren, paren_pct=paren_pct, empty=False, numeric=True, pct=pct)


def _annotated(t: str) -> CellValue | None:
    m = ANNOTATED_NUMBER.match(t)
    if not m:
        return None
    main = m.group("main").replace(" ", "")
    v = parse_number(main)
    if v is None:
        return None
    inner = m.group("inner").strip()
    parts = tuple((x.group("label"), float(parse_number(x.group("n")) or 0))
                  for x in _LABELLED_NUMBER.finditer(inner))
    c = _numeric(t, v, pct=main.endswith("%"))
    return CellValue(t, c, decimals(main), note=inner, breakdown=parts if len(parts) >= 2 else ())


def parse_cell(text: str | None, unit: str | None = None) -> CellValue:
    """The value of one printed cell, in a table counted in ``unit``."""
    t = (text or "").strip()
    c = parse_composite(t)
    if c.numeric or not t:
        return CellValue(t, c, decimals(t.split("(")[0]) if c.numeric else 0)
    jo = parse_jo_amount(t, unit) if (unit or "").startswith("억") else None
    if jo is not None:
        val, tail = jo
        c2 = parse_composite(f"{val} {tail}".strip())
        if c2.numeric:
            return CellValue(t, _numeric(t, val, c2.paren, c2.paren_pct), 0)
    m = NUMBER_WITH_UNIT.match(t)
    if m:
        c2 = parse_composite(m.group("n"))
        if c2.numeric and not c2.is_pair:
            return CellValue(t, _numeric(t, c2.value, c2.paren, c2.paren_pct, c2.pct),
                             decimals(m.group("n")), unit=m.group("u"))
    return _annotated(t) or CellValue(t, c, 0)
