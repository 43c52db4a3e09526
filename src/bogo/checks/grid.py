"""A table as the arithmetic checks see it: labels, column paths, numeric cells.

``build_grid(table)`` is a chain of small pure steps: header rows are filled
(merged cells repeated over their span, or — when the source gave no spans — a
blank header cell inherits from the cell to its left under the same parent, or
from the cell above), every column gets a *path* of header labels from top to
bottom, the leading label columns are found, and each body cell is parsed with
:func:`bogo.normalize.numbers.parse_composite` (after dropping unit suffixes like
"60건" and reading "15조 6,397" in an 억원 table).  Total rows and columns are
recognised by their labels (계, 합계, 소계, 총계).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import TableRec
from ..normalize.numbers import Composite, decimals, parse_composite

GRAND_TOTALS = frozenset({"계", "합계", "총계", "총합계", "합", "전체"})
SUB_TOTALS = frozenset({"소계"})
#: header words marking a column that is not an additive part (rates, averages, changes…)
NON_PART_WORDS = ("%", "율", "률", "비율", "비중", "평균", "증감", "누계", "누적", "비고", "대비",
                  "기준", "순위", "전년", "차이")
_UNIT_SUFFIX = re.compile(r"^(?P<n>.*?\d)\s*(?:건|명|개소|개|회|곳|톤|억원|백만원|천원|원|인|일)$")
_JO = re.compile(r"^(?P<jo>\d[\d,]*)\s*조\s*(?P<rest>[\d,]*)\s*(?P<tail>\(.*\))?$")
_PAREN_TAIL = re.compile(r"\([^()]*\)$")
_COUNT_EXCLUDED = re.compile(r"(사업수|건수|개수|사업\s*수).{0,30}제외")
_ROUNDING_NOTE = re.compile(r"반올림|단수|절사|사사오입")
_COARSE_UNIT = re.compile(r"억원|조원")
_YEAR_LABEL = re.compile(r"^(?:19|20)\d\d(?:년도?)?(?:[.\s]*\d{1,2}(?:월(?:말)?)?\.?)?$")


def table_name(t: TableRec) -> str:
    """How a message names a table: its id and caption, "t3(총괄표)"."""
    cap = (t.caption or "").strip()
    return f"{t.id}({cap})" if cap else t.id


def norm_label(text: str) -> str:
    """A label without spaces, line breaks and a trailing parenthetical ("계 (건/억원)" → "계")."""
    t = re.sub(r"\s+", "", text or "")
    t = t.replace("<br>", "")
    while True:
        s = _PAREN_TAIL.sub("", t)
        if s == t or not s:
            break
        t = s
    return t


def total_kind(label: str) -> str | None:
    """"grand" for 계/합계/총계, "sub" for 소계, else None."""
    n = norm_label(label)
    if n in GRAND_TOTALS:
        return "grand"
    if n in SUB_TOTALS:
        return "sub"
    return None


def is_non_part(label: str) -> bool:
    return any(w in label for w in NON_PART_WORDS)


@dataclass(frozen=True, slots=True)
class Num:
    """A parsed body cell."""

    text: str
    c: Composite
    decimals: int = 0

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
    def paren(self):
        return None if self.c.paren_pct else self.c.paren

    @property
    def paren_pct(self):
        return self.c.paren if self.c.paren_pct else None


def parse_cell(text: str, unit: str | None = None) -> Num:
    t = (text or "").strip()
    c = parse_composite(t)
    if not c.numeric and t:
        m = _JO.match(t)
        if m and (unit or "").startswith("억"):
            val = int(m.group("jo").replace(",", "")) * 10_000 + int((m.group("rest") or "0").replace(",", "") or 0)
            tail = m.group("tail") or ""
            c2 = parse_composite(f"{val} {tail}".strip())
            if c2.numeric:
                c = Composite(text=t, value=val, paren=c2.paren, paren_pct=c2.paren_pct,
                              empty=False, numeric=True)
        else:
            m = _UNIT_SUFFIX.match(t)
            if m:
                c2 = parse_composite(m.group("n"))
                if c2.numeric and not c2.is_pair:
                    c = Composite(text=t, value=c2.value, paren=c2.paren, paren_pct=c2.paren_pct,
                                  empty=False, numeric=True, pct=c2.pct)
    main = t.split("(")[0]
    return Num(t, c, decimals(main) if c.numeric else 0)


def fill_header(header: list[list[str]], spans: list[list[int]], ncols: int) -> list[list[str]]:
    """Header rows with merged cells repeated over their span."""
    rows = [list(r) + [""] * (ncols - len(r)) for r in header]
    if spans:
        for r, c, rs, cs in spans:
            if r >= len(rows) or c >= ncols:
                continue
            text = rows[r][c]
            for i in range(r, min(r + rs, len(rows))):
                for j in range(c, min(c + cs, ncols)):
                    if not rows[i][j]:
                        rows[i][j] = text
        return rows
    for i, row in enumerate(rows):
        for j in range(ncols):
            if row[j]:
                continue
            same_parent = i == 0 or rows[i - 1][j] == rows[i - 1][j - 1] if j else False
            if j and row[j - 1] and i < len(rows) - 1 and same_parent:
                row[j] = row[j - 1]
            elif i:
                row[j] = rows[i - 1][j]
    return rows


@dataclass
class Grid:
    table: TableRec
    ncols: int
    paths: list[list[str]]
    labels: list[str]
    raw_labels: list[str]
    label_cols: int
    row_labels: list[list[str]]
    cells: list[list[Num]]
    #: sums may be off by ½ unit per part (set by :mod:`bogo.checks.rounding`)
    rounding: bool = False
    #: differences (증감, 잔액) may be off by one unit (idem)
    rounding_diff: bool = False
    #: a ※ note says the figures are rounded (반올림, 단수조정, 사사오입, 절사)
    rounding_note: bool = False
    #: amounts in 억원/조원 (unit or caption headline): rounded from won, as ratio operands
    coarse_unit: bool = False
    #: the table's own unit is 억원/조원: its figures are rounded from finer data
    own_unit_coarse: bool = False
    counts_excluded: bool = False
    strict_header: bool = False
    misaligned: bool = False
    body_lines: list[int] = field(default_factory=list)
    header_offset: int = 0
    col_kind: list[str | None] = field(default_factory=list)
    row_kind: list[str | None] = field(default_factory=list)
    #: derived structure (total groups, part columns) computed once per grid
    memo: dict[str, object] = field(default_factory=dict, repr=False)

    def row_name(self, r: int) -> str:
        parts = [x for x in self.row_labels[r] if x]
        return " ".join(dict.fromkeys(parts)) or f"{r + 1}행"

    def col_name(self, c: int) -> str:
        return self.labels[c] or f"{c + 1}열"

    def data_rows(self) -> list[int]:
        rows = self.memo.get("data_rows")
        if rows is None:
            rows = self.memo["data_rows"] = [
                r for r in range(len(self.cells))
                if any(self.cells[r][c].numeric for c in range(self.label_cols, self.ncols))]
        return rows

    def row_line(self, r: int) -> int:
        """Best guess of the source line of body row ``r``."""
        if r < len(self.body_lines):
            return self.body_lines[r]
        t = self.table
        n = len(t.header) + len(t.rows)
        if t.end_line and t.end_line - t.line + 1 == n:
            return t.line + len(t.header) + self.header_offset + r
        return t.line


def build_grid(table: TableRec) -> Grid:
    header = [list(r) for r in table.header]
    body = [list(r) for r in table.rows]
    offset = 0
    if not header and body and not any(parse_cell(x).numeric for x in body[0]):
        header, body, offset = [body[0]], body[1:], 1
    ncols = max([len(r) for r in header + body] or [0])
    hdr = fill_header(header, table.spans, ncols)
    paths = [[norm_label(h[j]) for h in hdr] for j in range(ncols)]
    labels = [" ".join(dict.fromkeys(p for p in path if p)) for path in paths]
    cells = [[parse_cell(r[j] if j < len(r) else "", table.unit) for j in range(ncols)] for r in body]
    label_cols = 0
    for j in range(ncols - 1):
        col = [row[j] for row in cells if row[j].text]
        if col and sum(x.numeric for x in col) * 2 >= len(col) and not _year_labels(col):
            break
        label_cols = j + 1
    row_labels = []
    prev: list[str] = [""] * label_cols
    for _r, row in enumerate(body):
        lab = [norm_label(row[j]) if j < len(row) else "" for j in range(label_cols)]
        if label_cols >= 2 and not lab[0] and any(lab[1:]):
            lab[0] = prev[0]
        row_labels.append(lab)
        prev = lab
    notes = " ".join(table.notes)
    # the unit, or a 억원/조원 headline in the caption ("일반회계 : 총 5,556억원"): the
    # amounts are rounded from won (a ratio of two of them is approximate); whether
    # sums may be off by half a unit per part is decided by bogo.checks.rounding
    unit = (table.unit or "") + " " + (table.caption or "")
    raw_labels = [" ".join(dict.fromkeys(h[j].strip() for h in hdr if h[j].strip())) for j in range(ncols)]
    g = Grid(table=table, ncols=ncols, paths=paths, labels=labels, raw_labels=raw_labels,
             label_cols=label_cols,
             row_labels=row_labels, cells=cells, header_offset=offset,
             rounding_note=bool(_ROUNDING_NOTE.search(notes)),
             coarse_unit=bool(_COARSE_UNIT.search(unit)) or bool(_ROUNDING_NOTE.search(notes)),
             own_unit_coarse=bool(_COARSE_UNIT.match((table.unit or "").strip())),
             counts_excluded=bool(_COUNT_EXCLUDED.search(notes)),
             strict_header=bool(table.spans) or len(header) == 1)
    # a bare "/" (an empty 정원/현원 pair) comes from space-separated layouts whose
    # cells cannot be placed in their column with certainty
    g.misaligned = any(x.strip() == "/" for r in body for x in r)
    g.col_kind = [_col_total(p) for p in paths]
    g.row_kind = [_row_total(lab) for lab in row_labels]
    from .rounding import analyse  # needs the total structure of the grid
    g.rounding, g.rounding_diff = analyse(g)
    return g


def _year_labels(col: list[Num]) -> bool:
    """A column of years ("2020.3월", "2019", "2018") labels its rows, it is not data."""
    return len(col) >= 2 and all(_YEAR_LABEL.match(x.text) for x in col)


def _col_total(path: list[str]) -> str | None:
    for p in path:
        k = total_kind(p)
        if k:
            return k
    return None


def _row_total(labels: list[str]) -> str | None:
    for i, lab in enumerate(labels):
        k = total_kind(lab)
        if k:
            return "grand" if (k == "grand" and i == 0) else "sub"
    return None
