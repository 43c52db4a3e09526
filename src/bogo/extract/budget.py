"""Budget lines: one :class:`BudgetLine` per numeric cell of every finance table.

A table is a finance table when its unit is a money unit (원, 천원, 백만원, 억원,
조원 …: the table's stated unit, a "(단위 : …)" line a little higher up, or a
money unit written in a header cell such as "(건/억원)"), or when its caption or
header speaks of money (예산, 회계, 기금, 집행, 세입, 세출, 재정, 사업비, 결산 …)
and no other unit (명, 건 …) is stated.

Each line: ``table`` = caption (or the table id), ``item`` = the row label(s)
without spaces (several label columns joined with " "), ``column`` = the full
header text of the column (header rows joined with " ", a merged label said
once), ``amount`` in the table's unit (△ or a leading minus → negative; "41조
5,459" in a 억원 table → 415459), ``count`` = the parenthesised 사업수 ("(-)" → null),
``row``/``col`` = indices into ``TableRec.rows`` and its columns.

Decisions: percentage cells (a "%" cell, or a column labelled 비중/증가율/…율/…률)
are kept with unit "%"; a percentage in parentheses ("56,732 (15.9%)") is not a
count and is dropped.  Pure count columns (건수, 사업수, 인원 …) of a mixed table
are skipped: they are not amounts.  Label columns and non-numeric cells are skipped.
"""

from __future__ import annotations

import re

from pydantic import TypeAdapter

from ..blocks import Paragraph, Table
from ..model import BudgetLine, Report, TableRec
from ..normalize.labels import norm_label
from ..normalize.measures import MONEY_IN_TEXT, money_unit, starts_with_unit
from ..normalize.numbers import parse_jo_amount
from ..normalize.text import compact
from ..structure import Layout
from ..structure.headers import column_labels
from ..tables import TableView, view_of

FINANCE_WORDS = ("예산", "회계", "기금", "집행", "세입", "세출", "재정", "사업비", "결산", "지출", "편성",
                 "교부금", "보조금", "출연금", "재원")
COUNT_LABELS = {"건수", "사업수", "인원", "개소", "개수", "건", "명", "개", "횟수", "인원수"}
PERCENT_LABEL = re.compile(r"(율|률|비중|비율|%|％)(\(%\))?$")
_UNIT_LINE = re.compile(r"단위\s*[:：]")


def extract(layout: Layout, report: Report) -> None:
    lines: list[BudgetLine] = []
    staffing_table = report.staffing.table if report.staffing else None
    for i, t in enumerate(layout.tables):
        if t.role != "data" or not t.rows or t.id == staffing_table:
            continue
        unit = finance_unit(layout, i, t)
        if unit is False:
            continue
        lines.extend(table_lines(layout, i, view_of(report, t, layout.settings.tables), unit or None))
    report.budget_lines = lines


_money = money_unit



def _preceding_text(layout: Layout, i: int) -> list[str]:
    if i >= len(layout.table_index):
        return []
    k = layout.table_index[i]
    out = []
    for b in reversed(layout.blocks[max(0, k - 5):k]):
        if isinstance(b, Table):
            break
        if isinstance(b, Paragraph):
            out.append(b.text)
    return out


def finance_unit(layout: Layout, i: int, t: TableRec) -> str | bool | None:
    """The money unit of a finance table; None when it is one with no stated
    unit; False when it is not a finance table."""
    unit = _money(t.unit)
    if unit:
        return unit
    words_in = " ".join([t.caption or ""] + [c for h in t.header for c in h])
    has_words = any(w in compact(words_in) for w in FINANCE_WORDS)
    if t.unit:
        # a stated non-money unit (명, 건 …): finance only with money in a header cell
        m = MONEY_IN_TEXT.search(" ".join(c for h in t.header for c in h))
        return m.group(1) if m and has_words else False
    # the unit may be stated a little higher up, above the caption
    from ..structure.captions import find_unit
    for text in _preceding_text(layout, i):
        if _UNIT_LINE.search(text):
            u = find_unit(text)
            if u:
                mu = _money(u)
                return mu if mu else False
    m = MONEY_IN_TEXT.search(" ".join(c for h in t.header for c in h))
    if m and has_words:
        return m.group(1)
    return None if has_words else False


_COUNT_HEAD = re.compile(r".*\((건|명|개|개소)\)")


def column_headers(t: TableRec) -> list[str]:
    """The full header text per column (multi-row headers joined with a space)."""
    return column_labels(t.header, max([len(r) for r in t.header + t.rows] or [0]))


_HEAD_UNIT = re.compile(r"[(（]\s*([^()（）]{1,10}?)\s*[)）]\s*$")
_MEASURE_SIGNS = "㎥㎡㎢㎞㎝㎜ℓ㎏㎾㎿"


def _header_unit(head: str) -> str | bool | None:
    """The unit a column's header states in a trailing parenthesis: a money unit, False for
    another unit ("(천㎥)", "(명)", "(km)": the column holds no amounts), None when it states none."""
    m = _HEAD_UNIT.search(head or "")
    if not m:
        return None
    inner = m.group(1)
    money = _money(inner)
    if money:
        return money
    core = inner.lstrip("천백만십")
    if not core or PERCENT_LABEL.search(core):
        return None
    return False if core[0] in _MEASURE_SIGNS or (starts_with_unit(core) and len(core) <= 3) else None


def _amount(text: str, unit: str | None) -> int | float | None:
    jo = parse_jo_amount(text, unit)
    return jo[0] if jo is not None and not jo[1] else None


def table_lines(layout: Layout, i: int, v: TableView, unit: str | None) -> list[BudgetLine]:
    t = v.table
    tb = layout.table_blocks[i] if i < len(layout.table_blocks) else None
    hn = len(t.header)
    filled = tb.grid(fill_spans=True)[hn:] if tb is not None else t.rows
    if len(filled) != len(t.rows):
        filled = t.rows
    heads = column_headers(t)
    nlab = v.label_cols
    # per column, once: a count column (건수, 사업수 …) is not money; a rate column's
    # cells are percentages
    lasts = [compact(h.split(" ")[-1]) if h else "" for h in heads]
    count_col = [last in COUNT_LABELS or bool(_COUNT_HEAD.fullmatch(last)) for last in lasts]
    own_unit = [_header_unit(h) for h in heads]   # "사업비 (억원)": money in its own unit; "용량 (천㎥)": not money
    # "예산비율 (b/a*100)": a rate word before a parenthesised formula or unit still names a rate
    pct_col = [bool(PERCENT_LABEL.search(compact(h)) or PERCENT_LABEL.search(norm_label(h))) for h in heads]
    out: list[dict] = []
    prev: list[str] = []
    for r, row in enumerate(t.rows):
        # hierarchical labels (관/항/목) printed once: a blank outer label continues
        # the one above when an inner label is printed on this row (also a 소계 of an
        # inner level, "| | 보조금수입 소계 | |": the outer labels are still the group's)
        lab_cells = [compact(filled[r][j]) if j < len(filled[r]) else "" for j in range(nlab)]
        if nlab > 1 and any(lab_cells[1:]) and prev:
            for j in range(nlab - 1):
                if lab_cells[j]:
                    break
                lab_cells[j] = prev[j]
        prev = lab_cells
        labels: list[str] = []
        for j in range(nlab):
            lab = lab_cells[j]
            if lab and lab not in labels:
                labels.append(lab)
        item = " ".join(labels)
        for j in range(nlab, len(row)):
            text = row[j].strip()
            if not text:
                continue
            head = heads[j] if j < len(heads) else ""
            if j < len(count_col) and count_col[j]:
                continue
            col_unit = own_unit[j] if j < len(own_unit) else None
            if col_unit is False:
                continue
            cv = v.value(r, j)
            cell_unit = col_unit or unit
            if cv.unit and cv.unit != cell_unit:
                continue  # a figure with a unit of its own ("60건", "1,230억원") is not in the table's unit
            c = cv.c
            amount = count = None
            if c.numeric and c.value is not None and not c.is_pair:
                amount = c.value
                if c.pct or (j < len(pct_col) and pct_col[j]):
                    cell_unit = "%"
                if c.paren is not None and not c.paren_pct:
                    count = int(c.paren)
            else:
                amount = _amount(text, cell_unit)
                if amount is None:
                    continue
            cell = tb.cell_at(hn + r, j) if tb is not None else None
            out.append({
                "table": t.caption or t.id, "item": item, "column": head, "amount": amount, "count": count,
                "unit": cell_unit, "line": (cell.line if cell is not None and cell.line else t.line),
                "table_id": t.id, "row": r, "col": j,
            })
    return _LINES.validate_python(out)


#: validates a table's budget lines in one call (as strictly as the model's constructor)
_LINES = TypeAdapter(list[BudgetLine])
