"""Which rows and columns a total sums: the part groups of a table view.

Row totals: in a table whose first data row is a total ("top" orientation, the
Korean norm) a 소계 row sums the rows below it up to the next total, and the
계/합계 row sums the 소계 rows plus the rows outside any 소계 group; in a "bottom"
table the same holds upwards.  With two label columns, a 소계 sums the rows of its
own group (same first label).  Column totals follow the header tree: a total
column sums, per sibling group under the same parent, that group's own total
column if it has one, else its columns; rate/average/change columns never count.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from ..normalize.labels import is_non_part, is_total, total_kind
from ..normalize.markers import marker_kind, split_marker
from .view import TableView


def _per_view(fn: Callable[[TableView], list]) -> Callable[[TableView], list]:
    """Compute ``fn(g)`` once per view (the checks share it; callers do not mutate it)."""
    @wraps(fn)
    def inner(g: TableView) -> list:
        key = fn.__name__
        if key not in g.memo:
            g.memo[key] = fn(g)
        return g.memo[key]
    return inner


@_per_view
def row_groups(g: TableView) -> list[tuple[int, list[int]]]:
    """(total row, part rows) pairs for the row totals of ``g``."""
    data = g.data_rows()
    if not data or not any(g.row_kind[r] for r in data) or _folded(g):
        return []
    top = g.row_kind[data[0]] is not None
    out: list[tuple[int, list[int]]] = []
    seq = data if top else list(reversed(data))
    for i, r in enumerate(seq):
        kind = g.row_kind[r]
        if kind is None:
            continue
        parts: list[int] = []
        if kind == "sub" and g.label_cols >= 2 and g.row_labels[r][0] and \
                total_kind(g.row_labels[r][0]) is None:
            grp = g.row_labels[r][0]
            parts = [x for x in data if x != r and g.row_kind[x] is None and g.row_labels[x][0] == grp]
        else:
            in_sub = False
            for x in seq[i + 1:]:
                k = g.row_kind[x]
                if k == "grand" or (k == "sub" and kind == "sub"):
                    break
                if k == "sub":
                    parts.append(x)
                    in_sub = True
                elif not in_sub or kind == "sub":
                    parts.append(x)
                elif kind == "grand" and g.label_cols >= 2 and not _in_any_sub(g, x, data):
                    parts.append(x)
        parts = _without_breakdowns(g, r, _top_level(g, _without_children(g, parts)))
        if parts:
            out.append((r, sorted(parts)))
    return out


#: a row breaks down the part above it only where it agrees in this many columns or more
BREAKDOWN_COLUMNS = 2


def _without_breakdowns(g: TableView, total: int, parts: list[int]) -> list[int]:
    """Rows that break down the part just above them, where the export lost the
    indentation that showed it: a run of two or more rows right under a part that
    add up to it exactly in each of its figures — at least
    :data:`BREAKDOWN_COLUMNS` of them ("특별회계 3,392 | 3,153 | 239" over
    "교통사업특별회계 796 | 759 | 37", "광역교통시설특별회계 94 | 150 | △56",
    "도시철도사업특별회계 2,502 | 2,244 | 258").  They are taken for that part's own
    only when the total then holds in more columns than before: the structure must
    explain the figures, not merely fit some of them ("국비 99" over "시비 99", "기타 0"
    is no breakdown when the total sums all three).  A total that then still differs
    in a column is reported against the nested sum."""
    if len(parts) < 3:
        return parts
    cols = [c for c in part_columns(g) if c < g.ncols and g.cells[total][c].numeric
            and g.cells[total][c].value is not None]
    flat = _holding(g, total, parts, cols)
    if len(cols) < BREAKDOWN_COLUMNS or flat == len(cols):
        return parts
    out: list[int] = []
    i = 0
    while i < len(parts):
        out.append(parts[i])
        i += 1 + _breakdown(g, parts, i, cols)
    if len(out) == len(parts):
        return parts
    nested = _holding(g, total, out, cols)
    return out if nested > flat else parts


def _holding(g: TableView, total: int, parts: list[int], cols: list[int]) -> int:
    """In how many of ``cols`` the ``parts`` add up to row ``total`` exactly."""
    return sum(_close(sum(g.cells[r][c].value or 0 for r in parts), g.cells[total][c].value) for c in cols)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _breakdown(g: TableView, parts: list[int], i: int, cols: list[int]) -> int:
    """How many of the parts right after ``parts[i]`` (consecutive rows, two or more
    with a figure) add up to it in every column where it has one."""
    top = g.cells[parts[i]]
    figures = [c for c in cols if top[c].numeric and top[c].value is not None]
    if len(figures) < BREAKDOWN_COLUMNS:
        return 0
    sums = dict.fromkeys(figures, 0.0)
    filled = 0
    for k in range(1, len(parts) - i):
        r = parts[i + k]
        if r != parts[i] + k:
            return 0  # (a row between them is no part: not one run)
        filled += any(g.cells[r][c].value for c in figures)
        for c in figures:
            sums[c] += g.cells[r][c].value or 0
        if filled >= 2 and all(_close(sums[c], top[c].value) for c in figures):
            return k
    return 0


def _without_children(g: TableView, parts: list[int]) -> list[int]:
    """With two label columns, rows whose inner label sits under a parent row of
    the same outer label and no inner label ("특별회계" over "교통사업특별회계",
    "도시철도사업특별회계") are that parent's breakdown, not parts of the total."""
    if g.label_cols < 2:
        return parts
    parents = {g.row_labels[p][0] for p in parts if g.row_labels[p][0] and not any(g.row_labels[p][1:])}
    return [x for x in parts if not (g.row_labels[x][0] in parents and any(g.row_labels[x][1:]))]


def _folded(g: TableView) -> bool:
    """A long list printed in two halves side by side (직급별|정원|현원 twice):
    its total row sums both halves, which the row structure cannot express."""
    labs = [lab.replace(" ", "") for lab in g.labels]
    n = len(labs)
    return any(labs[:k] == labs[k:2 * k] and any(labs[:k]) for k in range(2, n // 2 + 1))


def _level(g: TableView, r: int) -> str:
    label = next((x for x in g.row_labels[r] if x), "")
    return marker_kind(split_marker(label)[0])


def _top_level(g: TableView, parts: list[int]) -> list[int]:
    """Rows under a total whose labels carry outline markers (사업비 / □ 사업 /
    - 세부사업) nest: the total sums only the level of its first part."""
    if len(parts) < 2:
        return parts
    levels = [_level(g, x) for x in parts]
    if len(set(levels)) < 2:
        return parts
    return [x for x, lv in zip(parts, levels, strict=True) if lv == levels[0]]


def _in_any_sub(g: TableView, x: int, data: list[int]) -> bool:
    grp = g.row_labels[x][0]
    return any(g.row_kind[r] == "sub" and g.row_labels[r][0] == grp for r in data)


@_per_view
@_per_view
def part_columns(g: TableView) -> list[int]:
    """Data columns whose cells may be summed (not labels, rates, changes)."""
    out = []
    for c in range(g.label_cols, g.ncols):
        if is_non_part(g.labels[c]):
            continue
        vals = [row[c] for row in g.cells if row[c].numeric]
        if vals and not any(v.pct for v in vals) and not _rate_by_values(g, c):
            out.append(c)
    return out


#: rows in which a column must be another's percentage of a third to be read as a
#: rate: with a figure in all three, and of them with a non-zero share
RATE_ROWS, RATE_SHARES = 3, 2


def _rate_by_values(g: TableView, c: int) -> bool:
    """Column ``c`` shows, row by row, one column as a percentage of another
    (``100 × a ÷ b`` to its printed decimals) — a rate whose header the reading
    lost or never named ("증 감 (B-A) %" broken over lines, a bare "%"): it is no
    part of a sum.  Only columns with a decimal figure are tried, and the relation
    must hold in every row where it can be computed: at least :data:`RATE_ROWS`,
    :data:`RATE_SHARES` of them with a non-zero share."""
    col = [row[c] for row in g.cells]
    if not any(v.decimals for v in col if v.numeric):
        return False
    others = [d for d in range(g.label_cols, g.ncols) if d != c]
    for b in others:
        for a in others:
            if a != b and _percent_of(g, c, a, b):
                return True
    return False


def _percent_of(g: TableView, c: int, a: int, b: int) -> bool:
    rows = shares = 0
    for row in g.cells:
        vc, va, vb = row[c], row[a], row[b]
        if not (vc.numeric and va.numeric and vb.numeric) or vc.value is None \
                or va.value is None or not vb.value:
            continue
        if abs(vc.value - 100 * va.value / vb.value) > 0.5 * 10 ** -vc.decimals + 1e-9:
            return False
        rows += 1
        shares += va.value != 0
    return rows >= RATE_ROWS and shares >= RATE_SHARES


def _measure_level(g: TableView) -> bool:
    """True when the last header row repeats a measure (건수/예산 under each group)."""
    if len(g.paths[0]) < 2:
        return False
    last = [p[-1] for p in g.paths[g.label_cols:] if p[-1] and p[-1] != p[-2] and not _tot(p[-1])]
    return len(last) != len(set(last))


@_per_view
def col_groups(g: TableView) -> list[tuple[int, list[int]]]:
    """(total column, part columns) pairs for the column totals of ``g``."""
    cols = part_columns(g)
    if not g.paths or not cols:
        return []
    measure = _measure_level(g)
    depth = len(g.paths[0]) - (1 if measure else 0)
    out = []
    for c in cols:
        path = g.paths[c]
        lvl = next((i for i in range(depth) if _tot(path[i])), None)
        if lvl is None:
            continue
        cands = [d for d in cols if d != c and g.paths[d][:lvl] == path[:lvl]
                 and not _tot(g.paths[d][lvl])
                 and (not measure or g.paths[d][-1] == path[-1])]
        groups: dict[str, list[int]] = {}
        for d in cands:
            groups.setdefault(g.paths[d][lvl], []).append(d)
        parts: list[int] = []
        for members in groups.values():
            reps = [d for d in members if any(_tot(x) for x in g.paths[d][lvl + 1:depth])]
            if reps:
                parts.append(min(reps, key=lambda d: _first_tot(g.paths[d], lvl + 1, depth)))
            else:
                parts.extend(members)
        if len(parts) >= 1:
            out.append((c, sorted(parts)))
    return out


def _tot(label: str) -> bool:
    return is_total(label)


def _first_tot(path: list[str], lo: int, hi: int) -> int:
    return next((i for i in range(lo, hi) if _tot(path[i])), hi)
