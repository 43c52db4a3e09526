"""X2xx — cross-references: a figure printed twice must agree with itself.

X201 compares a summary table's row with the detail table that the row names
(the detail's caption starts with the row label, "일반회계 : 총 5,556억원"); X202 a
headline amount in prose or a caption with the total of the table under it;
X203 the audit 총괄 with the items counted by category and status.  The prose
checks X204 (총 N건 vs its breakdown) and X205 (A → B, N% 증가) live in
:mod:`bogo.checks.prose`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Finding, TableRec
from ..normalize.labels import STATUS_KEY, is_grand_total, is_non_part, norm_label
from ..normalize.numbers import UNIT_IN_WON, parse_korean_amount
from ..tables import TableView, table_name
from .arith import round_half_up, truncate
from .context import Context
from .prose import change_rate, total_breakdown  # noqa: F401  (registers X204, X205)
from .registry import REGISTRY, register

_YEAR = re.compile(r"(?:19|20)\d\d")
_HEAD = re.compile(r"^[○◦□■▪‣•\-－·\s]*")


def _caption_head(t: TableRec) -> str:
    cap = _HEAD.sub("", t.caption or "")
    return norm_label(re.split(r"[:：]", cap)[0])


def _total_row(g: TableView) -> int | None:
    data = g.data_rows()
    tots = [r for r in data if g.row_kind[r] == "grand"]
    if tots:
        return tots[0]
    return data[0] if len(data) == 1 else None


def _col_key(g: TableView, c: int) -> str:
    years = _YEAR.findall(g.labels[c])
    return years[0] if len(years) == 1 else g.labels[c]


@register("X201", "summary-detail-mismatch", "error",
          "{table} '{row}' 행 '{col}' 열: {what} {found} ≠ 세부표 {other}의 {expected}",
          scope="document")
def summary_detail(ctx: Context) -> Iterator[Finding]:
    """The same quantity differs between a summary table and its detail table.

    Bad:
        총괄표:  일반회계 | 927,561 (62)
        일반회계 : 총 5,556억원 — 합계 | 927,561 (61)
    Good:
        both print 927,561 (61)

    The detail table is the one whose caption starts with the summary row's
    label; its 합계 row (or its only row) is compared column by column (columns
    matched by header text, or by the year in it), amount and count separately.

    Traps:
        Only exact caption-head matches in the same unit pair tables, and at least
        one figure of the pair must agree (else they are different quantities,
        e.g. a city-wide 일반회계 vs an office's); columns that cannot be
        matched one-to-one are skipped; "(-)" and "(0)" are equal.
    """
    chk = REGISTRY["X201"]
    heads = {}
    for t in ctx.report.tables:
        h = _caption_head(t)
        if h:
            heads.setdefault(h, []).append(t)
    for s in ctx.report.tables:
        gs = ctx.grid(s)
        for r in gs.data_rows():
            lab = gs.row_labels[r][-1] if gs.row_labels[r] else ""
            details = [d for d in heads.get(lab, []) if d.id != s.id]
            if len(details) != 1:
                continue
            d = details[0]
            if (s.unit or "").replace(" ", "") != (d.unit or "").replace(" ", ""):
                continue
            gd = ctx.grid(d)
            dr = _total_row(gd)
            if dr is None:
                continue
            yield from _compare_rows(chk, s, gs, r, d, gd, dr)


def _compare_rows(chk, s, gs, r, d, gd, dr) -> Iterator[Finding]:
    found, agree = [], 0
    keys = {}
    for c in range(gd.label_cols, gd.ncols):
        keys.setdefault(_col_key(gd, c), []).append(c)
    for c in range(gs.label_cols, gs.ncols):
        if is_non_part(gs.labels[c]) and "증감" not in gs.labels[c]:
            continue
        cands = keys.get(_col_key(gs, c), [])
        if len(cands) != 1:
            continue
        a, b = gs.cells[r][c], gd.cells[dr][cands[0]]
        kw = dict(**gs.at(r, c), other=table_name(d))
        if a.value is not None and b.value is not None:
            if abs(a.value - b.value) > 1e-9:
                found.append(chk.finding(found=a.value, expected=b.value, what="금액", **kw))
            else:
                agree += 1
        pa, pb = a.paren or 0, b.paren or 0
        if a.paren is not None or b.paren is not None:
            if abs(pa - pb) > 1e-9:
                found.append(chk.finding(found=a.paren, expected=b.paren, what="괄호 안 수", **kw))
            else:
                agree += 1
    if agree:  # the rows must be the same quantity: at least one figure agrees
        yield from found


_HEADLINE = re.compile(r"(총\s*규모|총규모|총액|총\s|총(?=\d)|규모)")


def _headline(ctx: Context, t: TableRec, prev_end: int):
    texts = [(t.line, t.caption or "")]
    texts += [(ln.no, ln.text) for ln in reversed(ctx.lines_before(t.line, 4)) if ln.no > prev_end]
    for line, text in texts:
        m = _HEADLINE.search(text)
        if not m:
            continue
        amounts = [a for a in parse_korean_amount(text[m.start():]) if a.won >= 1e8]
        if amounts:
            return line, amounts[0]
    return None


def _year_col(g: TableView, year: int | None) -> int | None:
    cols = [c for c in range(g.label_cols, g.ncols) if not is_non_part(g.labels[c])
            and str(year) in g.labels[c]]
    return cols[0] if len(cols) == 1 else None


@register("X202", "headline-table-mismatch", "error",
          "'{raw}' ≠ {table}의 {row} {col} {value} {unit} (= {expected})", scope="document")
def headline_total(ctx: Context) -> Iterator[Finding]:
    """A headline amount in prose or a caption differs from the table it heads.

    Bad:
        ○ 기금 : 총 7,995억원 (단위 : 백만원) — 합계 | 799,726
    Good:
        ○ 기금 : 총 7,997억원

    Units are converted (백만원 table, 억원/조원 headline); the headline may be
    rounded half-up or truncated to its last printed digit.  The table value is
    the 합계 row (or the only row) in the report year's column.

    Traps:
        A headline that equals any other figure of the total row (another year)
        is accepted; tables without a unit in 원 or without the report year's
        column are skipped.
    """
    chk = REGISTRY["X202"]
    prev_end = 0
    for t in ctx.report.tables:
        mult = UNIT_IN_WON.get((t.unit or "").replace(" ", ""))
        end = t.end_line or t.line
        head = _headline(ctx, t, prev_end) if mult else None
        prev_end = end
        g = ctx.grid(t)
        tr = _total_row(g)
        if not head or tr is None:
            continue
        line, amt = head
        vals = [g.cells[tr][c].value for c in range(g.label_cols, g.ncols)
                if g.cells[tr][c].value is not None and not is_non_part(g.labels[c])]
        if any(_shows(amt, v * mult) for v in vals):
            continue
        c = _year_col(g, ctx.year)
        if c is None or g.cells[tr][c].value is None:
            continue
        v = g.cells[tr][c].value
        exp = round_half_up(v * mult / amt.precision_won, 0) * amt.precision_won
        yield chk.finding(found=amt.raw, expected=_won_text(exp), raw=amt.raw, value=f"{v:,}",
                          unit=t.unit, **{**g.at(tr, c), "line": line})


def _shows(amt, won: float) -> bool:
    p = amt.precision_won
    return any(abs(f(won / p, 0) * p - amt.won) < p * 1e-6 for f in (round_half_up, truncate))


def _won_text(won: float) -> str:
    eok = round(won / 1e8)
    jo, rest = divmod(eok, 10_000)
    return (f"{jo}조 " if jo else "") + (f"{rest:,}억원" if rest or not jo else "원")


_CATS = (("시정", "시정·처리요구사항"), ("처리요구", "시정·처리요구사항"), ("건의", "건의사항"),
         ("기타", "기타"))


def _cat(name: str) -> str:
    n = norm_label(name)
    return next((v for k, v in _CATS if k in n), n)


@register("X203", "audit-summary-mismatch", "error",
          "감사 총괄 '{row}' {col}: {found}건 ≠ 목록에서 센 {expected}건", scope="document")
def audit_summary(ctx: Context) -> Iterator[Finding]:
    """The audit summary (총괄) disagrees with the items counted by category and status.

    Bad:
        총괄: 건의사항 | 계 11 | 추진완료 6 | 추진중 4 | 검토중 1
        (listed: 11 건의사항 items, 7 of them 추진완료)
    Good:
        총괄: 건의사항 | 계 11 | 추진완료 7 | 추진중 3 | 검토중 1

    Traps:
        Category names vary ("기타(자료제출 등)", "시정 · 처리 요구사항"): compared by
        key word.  When no item of a category was read, that category is skipped
        (the reader may have missed the list, which is not the report's fault).
        A finding names the source line of the summary row (the table's start line
        when the row cannot be found).
    """
    chk = REGISTRY["X203"]
    audit = ctx.report.audit
    if not audit or not audit.summary or not audit.items:
        return
    counts: dict[str, dict[str, int]] = {}
    for it in audit.items:
        c = counts.setdefault(_cat(it.category), {"계": 0})
        c["계"] += 1
        st = re.sub(r"\s+", "", it.status or "")
        if st:
            c[st] = c.get(st, 0) + 1
    partly = _statuses_stated(ctx) > len(audit.items)  # more items state a status than were read
    rows_at = _summary_row_lines(ctx, audit.summary.table)
    for row in audit.summary.rows:
        line = rows_at.get(norm_label(row.category), audit.summary.line)
        cat = _cat(row.category)
        got = counts.get(cat)
        if is_grand_total(cat):
            got = {"계": sum(v["계"] for v in counts.values())}
            for v in counts.values():
                for k, n in v.items():
                    if k != "계":
                        got[k] = got.get(k, 0) + n
        if not got:
            continue
        fields = {"계": row.total, **{re.sub(r"\s+", "", k): v for k, v in (row.model_extra or {}).items()}}
        for key, val in fields.items():
            val = 0 if val is None else val
            if not isinstance(val, (int, float)):
                continue
            if val != got.get(key, 0):
                f = chk.finding(found=val, expected=got.get(key, 0), line=line,
                                table=audit.summary.table, row=row.category, col=key)
                yield f.model_copy(update={"severity": "warning", "message": f.message + _PARTLY_READ}) \
                    if partly else f


#: an item's own statement of its status ("□ 추진상황 : 추진완료")
_STATUS_STATED = re.compile(STATUS_KEY + r"\s*[:：]")
_PARTLY_READ = " (목록 일부만 읽음: 처리 상황을 밝힌 항목이 읽은 항목보다 많아 경고로 낮춤)"


def _statuses_stated(ctx: Context) -> int:
    """How many times the report states an item's status, in its text and its tables'
    cells: each audit item does once, so more statements than items read means the
    reader missed part of the list (a table it could not read is left as lines of text)."""
    texts = [p.text for p in ctx.report.paragraphs]
    texts += [cell for t in ctx.report.tables for row in t.rows for cell in row]
    return sum(len(_STATUS_STATED.findall(x)) for x in texts if x)


def _summary_row_lines(ctx: Context, table_id: str | None) -> dict[str, int]:
    """Normalised first label of each body row of the 총괄 table → its source line."""
    t = next((t for t in ctx.report.tables if t.id == table_id), None) if table_id else None
    if t is None:
        return {}
    g = ctx.grid(t)
    out: dict[str, int] = {}
    for r, labels in enumerate(g.row_labels):
        lab = next((x for x in labels if x), "")
        if lab and r < len(g.body_lines):
            out.setdefault(lab, g.body_lines[r])
    return out
