"""T1xx — table arithmetic: totals, differences, balances, percentages, counts.

Every check here is a table-scope check: it gets one :class:`~bogo.model.TableRec`
and the run :class:`~bogo.checks.context.Context`, reads the shared numeric grid
(:mod:`bogo.tables`) and the total structure (:mod:`bogo.tables.groups`),
and reports each cell that breaks its table's own arithmetic.  Structure that
is only guessed (column totals under a header without spans) must be confirmed
by most rows before a row is flagged.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Finding, TableRec
from ..tables import TableView, col_groups, part_columns, row_groups
from .arith import fmt_num, pair_combos, pair_mismatch, tolerance, value_of
from .context import Context
from .registry import REGISTRY, register
from .tables_diff import balance_findings, diff_findings  # noqa: F401  (T102, T103)
from .tables_pct import pct_findings  # noqa: F401  (registers T104)


def _pair_col(g: TableView, c: int) -> bool:
    vals = [row[c] for row in g.cells if row[c].numeric]
    return bool(vals) and sum(v.is_pair for v in vals) * 2 >= len(vals)


@register("T101", "total-row-mismatch", "error",
          "{table} '{row}' 행 '{col}' 열: {what} {found} ≠ 구성 항목의 합 {expected}")
def total_mismatch(table: TableRec, ctx: Context) -> Iterator[Finding]:
    """A 계/합계/소계/총계 row or column differs from the sum of its parts.

    Bad:
        구분 | 2018년
        합계 | 1,000
        A    | 600
        B    | 300
    Good:
        합계 | 900   (= 600 + 300)

    Rows between two 소계 rows are the parts of the upper 소계 (partial
    subtotals); the 계 row then sums the 소계 rows.  "a / b" (정원/현원) cells
    are compared side by side; a lone number in such a column may be either
    side.  Parenthesised counts are T105's, not this check's.

    Traps:
        Rate, average, 증감 and 비고 columns are never summed.  정원/현원 columns of
        a table with bare "/" cells (space-separated source, columns uncertain)
        are left to T106, which does not depend on column placement.  A sum may be
        off by n × 0.5 unit only where the table shows rounding — a 반올림/단수조정
        note, small differences in two totals that share no cell, or one whose
        every cell another exact relation confirms, or a table counted in
        억원/조원 (bogo.tables.rounding); 백만원 alone is no evidence, so such a
        table with a single unconfirmed one-unit difference is reported.  A column total guessed from
        an unmerged header must hold in most rows before one row is flagged; a
        total row that differs in three or more columns (half or more), all in
        the same direction, is a structure
        we misread (a row lost or split over two lines), not flagged — unless
        the group's parenthesised figures ("(+22)" daily changes) add up across
        it in some row, which confirms the columns on their own.  When the reader
        placed the cells of short rows by making the column sums match the total
        row (``placement: totals``), those sums decided the layout and prove
        nothing, and when it could not tell their columns (``placement:
        inferred``) they are its guess: the row totals of such a table are not
        checked.
    """
    chk = REGISTRY["T101"]
    g = ctx.grid(table)
    cols = part_columns(g)
    for tr, parts in ([] if g.placed_by_totals else row_groups(g)):
        found: list[Finding] = []
        compared = bad = 0
        signs: set[bool] = set()
        for c in cols:
            tot = g.cells[tr][c]
            if not tot.numeric or (tot.value is None and not tot.is_pair):
                continue
            cells = [g.cells[r][c] for r in parts]
            if not any(x.numeric for x in cells):
                continue
            compared += 1
            kw = dict(**g.at(tr, c))
            if _pair_col(g, c):
                if g.misaligned:
                    continue
                combos = pair_combos(cells, [True] * len(cells), ctx.settings.checks.max_ambiguous_cells)
                miss = pair_mismatch(tot, combos) if combos else []
                bad += bool(miss)
                signs.update(f > e for _, f, e in miss[:1])
                for what, f, e in miss:
                    found.append(chk.finding(found=f, expected=e, what=what, **kw))
                continue
            s = sum(value_of(x) for x in cells)
            if abs(value_of(tot) - s) > tolerance(g, len(cells), cells + [tot]):
                bad += 1
                signs.add(value_of(tot) > s)
                found.append(chk.finding(found=fmt_num(tot.value), expected=fmt_num(s), what="합계", **kw))
        if structure_ok(bad, compared, len(signs) <= 1):
            yield from found
    yield from _column_totals(g, table, chk)


def _column_totals(g: TableView, table: TableRec, chk) -> Iterator[Finding]:
    per_group = []
    broken: list[set[tuple[int, int]]] = []
    for tc, parts in col_groups(g):
        if _pair_col(g, tc):
            continue  # 정원/현원 totals across a row are T106's
        found, holds = [], 0
        for r in g.data_rows():
            tot = g.cells[r][tc]
            cells = [g.cells[r][c] for c in parts]
            if tot.value is None or not any(x.numeric for x in cells):
                continue
            s = sum(value_of(x) for x in cells)
            if abs(value_of(tot) - s) <= tolerance(g, len(cells), cells + [tot]):
                holds += 1
                continue
            broken.append({(r, tc), *((r, c) for c in parts)})
            found.append(chk.finding(found=fmt_num(tot.value), expected=fmt_num(s), what="합계",
                                     **g.at(r, tc)))
        # the parenthesised figures (daily changes "(+22)") adding up across the
        # group in some row confirm the columns independently of the amounts
        confirmed = any(_parens_add_up(g, r, tc, parts) for r in g.data_rows())
        per_group.append((found, holds, len(parts), confirmed))
    all_holds = sum(h for _, h, _, _ in per_group)
    # totals broken through one shared cell (a 소계 that is also a part of the 계)
    # are one wrong figure, not a misread header
    n_bad = 1 if len(broken) > 1 and set.intersection(*broken) else len(broken)
    all_n = all_holds + n_bad
    # two groups or more that hold exactly somewhere, and at least as often as
    # they break, confirm a header guessed from 계/소계 columns
    table_ok = len(per_group) >= 2 and all_holds >= 1 and all_holds * 2 >= all_n
    for found, holds, nparts, confirmed in per_group:
        n = holds + len(found)
        if holds * 2 > n or (confirmed and nparts >= 2):
            yield from found
        elif (holds * 2 >= n or n == 1) and nparts >= 2 and (table_ok or g.strict_header):
            yield from found


@register("T105", "count-sum-mismatch", "error",
          "{table} '{row}' 행 '{col}' 열: 괄호 안 수 {found} ≠ 구성 항목의 합 {expected}")
def count_mismatch(table: TableRec, ctx: Context) -> Iterator[Finding]:
    """Parenthesised counts (사업수, 여성 수) do not add up to the total's count.

    Bad:
        합계 | 927,561 (61)
        A    | 500,000 (40)
        B    | 427,561 (22)
    Good:
        합계 | 927,561 (62)

    "(-)" counts as zero when other parts carry a count.

    Traps:
        When the total's amounts disagree in three or more columns the same way, a
        row was lost or split
        by the reader (a label wrapped over two lines): counts are not judged.
        A ※ note saying the 사업수 excludes some items ("사업수는 행정운영경비 … 제외")
        makes the counts a different population: the check stays silent.
        Percentages in parentheses are T104's.  Across a row, the parenthesised
        figures of a 소계 column (a daily change "(+22)") are judged against its
        parts' only when every part carries one and the relation holds in at
        least as many rows as it breaks.
    """
    chk = REGISTRY["T105"]
    g = ctx.grid(table)
    if g.counts_excluded:
        return
    for tr, parts in row_groups(g):
        if not _amounts_consistent(g, tr, parts, ctx.settings.checks.max_ambiguous_cells):
            continue
        for c in range(g.label_cols, g.ncols):
            tot = g.cells[tr][c]
            if tot.paren is None:
                continue
            cells = [g.cells[r][c] for r in parts]
            if not any(x.paren is not None for x in cells):
                continue
            s = sum(x.paren or 0 for x in cells)
            if abs(tot.paren - s) > 1e-9:
                yield chk.finding(found=fmt_num(tot.paren), expected=fmt_num(s), **g.at(tr, c))
    yield from _column_counts(g, table, chk)


def _parens_add_up(g: TableView, r: int, tc: int, parts: list[int]) -> bool:
    tot, cells = g.cells[r][tc], [g.cells[r][c] for c in parts]
    if tot.paren is None or tot.paren_pct or any(x.paren_pct for x in cells):
        return False
    vals = [x.paren for x in cells if x.paren is not None]
    return len(vals) >= 2 and sum(1 for v in vals if v) >= 2 and abs(tot.paren - sum(vals)) <= 1e-9


def _column_counts(g: TableView, table: TableRec, chk) -> Iterator[Finding]:
    """Parenthesised figures across a row (a 소계 column's "(+22)" daily change
    against its parts' changes): judged where every cell of the group carries
    one, and only when they hold in at least as many rows as they break."""
    for tc, parts in col_groups(g):
        found, holds = [], 0
        for r in g.data_rows():
            tot, cells = g.cells[r][tc], [g.cells[r][c] for c in parts]
            if tot.paren is None or tot.paren_pct or any(x.paren_pct for x in cells):
                continue
            if sum(x.paren is not None for x in cells) < max(2, len(cells) - 1):
                continue
            s = sum(x.paren or 0 for x in cells)
            if abs(tot.paren - s) <= 1e-9:
                holds += 1
                continue
            found.append(chk.finding(found=fmt_num(tot.paren), expected=fmt_num(s), **g.at(r, tc)))
        if found and holds and holds >= len(found):
            yield from found


def _amounts_consistent(g: TableView, tr: int, parts: list[int], max_ambiguous: int) -> bool:
    """False when the total's main figures disagree in every compared column: the
    row structure was misread (a row lost or split), so its counts prove nothing."""
    compared = bad = 0
    signs: set[bool] = set()
    for c in part_columns(g):
        tot, cells = g.cells[tr][c], [g.cells[r][c] for r in parts]
        if not any(x.numeric for x in cells):
            continue
        if tot.is_pair:
            combos = pair_combos(cells, [True] * len(cells), max_ambiguous)
            if combos is None:
                continue
            compared += 1
            miss = pair_mismatch(tot, combos)
            bad += bool(miss)
            signs.update(f > e for _, f, e in miss[:1])
        elif tot.value is not None:
            compared += 1
            s = sum(value_of(x) for x in cells)
            if abs(value_of(tot) - s) > tolerance(g, len(cells), cells + [tot]):
                bad += 1
                signs.add(value_of(tot) > s)
    return structure_ok(bad, compared, len(signs) <= 1)


def structure_ok(bad: int, compared: int, same_sign: bool = True) -> bool:
    """One wrong cell breaks one column of a total row; when three or more
    columns (and at least half of them) disagree in the same direction, a row was
    lost, split or misplaced by the reader and the total proves nothing."""
    return bad < 3 or bad * 2 < compared or not same_sign


@register("T106", "composite-row-mismatch", "error",
          "{table} '{row}' 행: {col} {what} {found} ≠ 유형별 {what}의 합 {expected}")
def composite_row_mismatch(table: TableRec, ctx: Context) -> Iterator[Finding]:
    """A "정원 / 현원 (여성)" total cell disagrees with the same row's parts.

    Bad:
        구분       | 합계           | 일반직    | 임기제
        국제교류담당관 | 27 / 26 (15) | 17 / 15 | 10 / 10
    Good:
        국제교류담당관 | 27 / 25 (15) | 17 / 15 | 10 / 10

    The 합계 정원 must equal the sum of 정원 by employment type, the same for
    현원; the women count in parentheses cannot exceed 현원.

    Traps:
        "1 /" is 정원 1 현원 0, "/ 1" the reverse; a lone "1" in such a column may be
        either side and is tried both ways.  Rate columns are never parts.
    """
    chk = REGISTRY["T106"]
    g = ctx.grid(table)
    pair_cols = [c for c in part_columns(g) if _pair_col(g, c)]
    totals = [c for c in pair_cols if g.col_kind[c]]
    if not totals:
        return
    tc = totals[0]
    parts = [c for c in pair_cols if c != tc and not g.col_kind[c]]
    for r in g.data_rows():
        tot = g.cells[r][tc]
        if not tot.is_pair:
            continue
        kw = dict(**g.at(r, tc))
        women = tot.paren
        if women is not None and tot.c.current is not None and women > tot.c.current:
            yield chk.finding(found=fmt_num(women), expected=f"≤ {tot.c.current}", what="여성 수", **kw)
        cells = [g.cells[r][c] for c in parts]
        if len(parts) < 2 or not any(x.numeric for x in cells):
            continue
        combos = pair_combos(cells, [True] * len(cells), ctx.settings.checks.max_ambiguous_cells)
        for what, f, e in pair_mismatch(tot, combos) if combos else []:
            yield chk.finding(found=f, expected=e, what=what, **kw)
