"""행정사무감사 처리결과: every listed request (the 총괄 summary: :mod:`.audit_summary`).

Items come in two forms, read in document order:

* **tables** with a request column (header "시정 및 처리 요구사항", "건의 사항",
  "자료제출 등 기타사항", "요구사항" …) and a result column ("조치결과 및
  향후추진계획", "처리결과" …).  The result cell is split into its "□"
  sections: 추진상황 (the status), 추진내용 / 조치결과 / 추진근거 … (actions) and
  향후계획 (plans); each section's items are split on "○".
* **cards**: a table per request (or several stacked) whose field names run down
  it, each value in the cell right of its name ("요구사항 | …", "처리결과 | …",
  "처리상태 | 완료", "소관부서 | …": :mod:`.audit_cards`).
* **paragraphs**: a category heading ("□ 시정·처리요구사항"), then a request
  ("1. … (부서)", or under its field name: "○ 요구사항 : … (부서)") followed by "○ 추진상황 : …", "○ 조치결과 : …", "○ 향후계획 : …"
  paragraphs (sub-bullets "-" join the item above them).

The category comes from a 구분 column naming each row's ("시정", "건의", "기타") or a
row across the table naming it for the rows below, else from the item table's header,
else from the nearest category heading.  The request text loses its trailing "(부서, 부서)", which gives
``departments``.  A request with neither a status nor any action is not an item.
"""

from __future__ import annotations

import re

from ..blocks import Paragraph, Table
from ..model import Audit, AuditItem, Report, TableRec
from ..normalize.departments import normalize_unit, parse_department_list, strip_departments
from ..normalize.labels import STATUS_KEY
from ..normalize.text import compact
from ..structure import Layout
from .audit_cards import cards, field_of
from .audit_summary import prose_summary, status_from_summary, summary_table
from .audit_words import (  # noqa: F401 - re-exported: the vocabulary of audit pages
    CATEGORIES,
    STATUSES,
    TOTAL_WORDS,
    category_of,
    is_category_heading,
    normalize_status,
    status_text,
)

_SECTION = re.compile(
    rf"^(?P<key>{STATUS_KEY}|추진\s*내용|조치\s*(?:결과|내용|사항)|처리\s*(?:결과|내용)"
    r"|추진\s*(?:결과|근거|실적|경과)|향후\s*(?:추진\s*|조치\s*)?계획)"
    r"(?P<tail>(?:\s*및\s*(?:향후\s*)?(?:추진\s*)?(?:계획|내용|결과))*)\s*[:：]?\s*(?P<rest>.*)$",
    re.S,
)
_BOX = re.compile(r"[□■▢☐❑◆]")    # pieces are stripped by the callers
_ITEM = re.compile(r"[○◦●]")
_SUB_MARKERS = {"-", "·", "※", "▷", "▶", "‣", "◇", "*", "ㅇ", "•", "▪"}


_AUDIT_WORDS = re.compile(r"요구사항|건의|지적사항|기타사항|자료제출|처리결과|조치결과|추진상황|처리상황|추진완료|행정사무감사")


def _mentions_audit(layout: Layout) -> bool:
    """Audit items hang off category headings or result tables: a report none of
    whose short paragraphs and table headers speaks of them has none."""
    for t in layout.tables:
        if any(_AUDIT_WORDS.search(c) for h in t.header for c in h) or (t.rows and _AUDIT_WORDS.search(t.rows[0][0])):
            return True
    return any(isinstance(b, Paragraph) and len(b.text) <= 40 and _CATEGORY_HINT.search(b.text)
               and is_category_heading(b.text) for b in layout.blocks)


_CATEGORY_HINT = re.compile(r"요구|건의|기타|지적|자료")


def extract(layout: Layout, report: Report) -> None:
    if not _mentions_audit(layout):
        return
    summary = None
    items: list[AuditItem] = []
    category: str | None = None
    cur: dict | None = None       # the paragraph-form item being read
    section = "actions"
    attach = False

    def close() -> None:
        nonlocal cur
        if cur is not None and (cur["status"] or cur["actions"] or cur["plans"]):
            items.append(_item(len(items) + 1, cur))
        cur = None

    for i, b in enumerate(layout.blocks):
        if isinstance(b, Table):
            t = _rec_of(layout, b)
            if t is None or t.role != "data" or not t.rows:
                continue
            if summary is None and (s := summary_table(t)) is not None:
                summary = s
                continue
            got = _table_items(layout, t, b, category) or _card_items(t, b, category)
            if got:
                close()
                for g in got:
                    items.append(_item(len(items) + 1, g))
            continue
        if not isinstance(b, Paragraph) or not b.text:
            continue
        text = b.text
        h = layout.section_of[i] if i < len(layout.section_of) else None
        if h is not None and h.index == i and h.level == 1 and category_of(text) is None \
                and not (category is not None and _has_sections(layout.blocks, i)):
            close()                            # a chapter of its own ends the category
            category = None
            continue
        m = _SECTION.match(text)
        if m is None and is_category_heading(text):
            close()
            category = category_of(text)
            continue
        if m is None and (labelled := _labelled_request(text)) is not None:
            close()                            # "요구사항 : … (부서)": a request under its field name
            label, rest = labelled
            body, deps = strip_departments(rest)
            cur = {"category": category or category_of(label), "text": body, "departments": deps, "status": None,
                   "status_text": None, "actions": [], "plans": [], "line": b.line}
            section, attach = "actions", False
            continue
        if m is not None and cur is not None:
            kind = _kind(m.group("key"))
            rest = m.group("rest").strip()
            if kind == "status":
                if normalize_status(rest):
                    cur["status"], cur["status_text"] = normalize_status(rest), status_text(rest)
            else:
                section = kind
                parts = _split_items(rest)
                cur[kind].extend(parts)
                attach = bool(parts)   # sub-bullets belong to the heading's own text
            continue
        if cur is not None and (b.marker in _SUB_MARKERS or b.marker in ("○", "◦")) \
                and (cur["status"] or cur["actions"] or cur["plans"]):
            lst = cur[section]
            if b.marker in ("○", "◦") or not lst or not attach:
                lst.append(text)
                attach = attach or b.marker in ("○", "◦")
            else:
                lst[-1] = f"{lst[-1]} {b.marker} {text}".strip()
            continue
        if category is not None and m is None:
            close()
            body, deps = strip_departments(text)
            cur = {"category": category, "text": body, "departments": deps, "status": None, "status_text": None,
                   "actions": [], "plans": [], "line": b.line}
            section, attach = "actions", False
    close()
    if summary is None:
        summary = prose_summary(layout)
    if summary is None and not items:
        return
    if summary is not None:
        status_from_summary(summary, items)
    report.audit = Audit(summary=summary, items=items)


# ---------------------------------------------------------------- helpers

def _rec_of(layout: Layout, b: Table) -> TableRec | None:
    for k, tb in enumerate(layout.table_blocks):
        if tb is b:
            return layout.tables[k]
    return None


def _has_sections(blocks: list, i: int) -> bool:
    """Whether the paragraph after block ``i`` opens a status or result section ("○ 추진상황
    : 완료"): block ``i`` is then a request, even where the outline reads its number as
    a heading of the top level."""
    nxt = next((b for b in blocks[i + 1:i + 3] if isinstance(b, Paragraph) and b.text), None)
    return nxt is not None and _SECTION.match(nxt.text) is not None


_LABELLED = re.compile(r"^([^:：]{2,16}?)\s*[:：]\s*(\S.*)$", re.S)


def _labelled_request(text: str) -> tuple[str, str] | None:
    """(field name, request) of a paragraph that gives a request under its field name
    ("요구사항 : 청사 주차장 … 바람 (총무과)", "건의사항: …"), else None."""
    m = _LABELLED.match(text)
    return (m.group(1), m.group(2).strip()) if m and field_of(m.group(1)) == "request" else None


def _kind(key: str) -> str:
    k = compact(key)
    if k.endswith("상황") or k.endswith("상태"):
        return "status"
    if k.startswith("향후"):
        return "plans"
    return "actions"


def _split_items(body: str) -> list[str]:
    return [p.strip() for p in _ITEM.split(body or "") if p.strip()]


def _item(n: int, d: dict) -> AuditItem:
    return AuditItem(id=f"a{n}", category=d["category"] or "기타", text=d["text"], departments=d["departments"],
                     status=d["status"], status_text=d.get("status_text"), actions=d["actions"], plans=d["plans"],
                     line=d["line"])


def parse_result(text: str) -> tuple[str | None, list[str], list[str], str | None]:
    """(status, actions, plans, status as written) from a result cell split into □ sections."""
    status = written = None
    out: dict[str, list[str]] = {"actions": [], "plans": []}
    segments = [s for s in _BOX.split(text or "") if s.strip()]
    for n, seg in enumerate(segments):
        m = _SECTION.match(seg.strip())
        if m is None:
            if n == 0 or out["actions"] or out["plans"]:
                (out["plans"] if out["plans"] else out["actions"]).extend(_split_items(seg))
            continue
        kind = _kind(m.group("key"))
        rest = m.group("rest").strip()
        if kind == "status":
            # "추진 중" may be followed by more text when the cell had no □ markers
            sm = _STATUS_WORD.match(rest)
            phrase = sm.group(1) if sm and normalize_status(sm.group(1)) else rest
            status, written = normalize_status(phrase), status_text(phrase)
        else:
            out[kind].extend(_split_items(rest))
    if status is None:
        status, written = _status_tag(out)
    return status, out["actions"], out["plans"], written if status else None


#: a status tagged in brackets at either end of a result ("… 설계용역 발주 (추진중)", "[완료] …")
_TAG_END = re.compile(r"\s*[(\[【〈<]\s*([^()\[\]【】〈〉<>]{1,12}?)\s*[)\]】〉>]\s*$")
_TAG_START = re.compile(r"^\s*[(\[【〈<]\s*([^()\[\]【】〈〉<>]{1,12}?)\s*[)\]】〉>]\s*")


def _status_tag(out: dict[str, list[str]]) -> tuple[str | None, str | None]:
    """A status written as a bracketed tag at the end of a result's last item or at the
    start of its first ("(추진중)", "[완료]", "【완료 예정】"): the status, taken out of
    the item's text.  Anything else in brackets ("(총 6명)") is left alone."""
    items = out["plans"] or out["actions"]
    for k, rx in ((-1, _TAG_END), (0, _TAG_START)):
        if not items:
            break
        m = rx.search(items[k])
        if m and normalize_status(m.group(1)):
            rest = (items[k][:m.start()] + items[k][m.end():]).strip()
            if rest:
                items[k] = rest
            else:
                del items[k]
            return normalize_status(m.group(1)), status_text(m.group(1))
    return None, None


_STATUS_WORD = re.compile(r"^(\S+(?:\s*중)?)")
#: the header words of an audit table's columns: request, result, department, status
_REQ_HEAD = re.compile(r"요구사항|건의사항|지적사항|요청사항|기타사항|시정|자료제출|질의")
_RES_HEAD = re.compile(r"조치|처리결과|처리내용|추진상황|추진결과|추진내용|결과")
_DEP_HEAD = re.compile(r"부서|소관|담당")
_STATUS_HEAD = re.compile(r"상황|상태")


def _col(cols: list[str], pattern: re.Pattern[str], exclude: set[int] = frozenset()) -> int | None:
    for j, c in enumerate(cols):
        if j not in exclude and pattern.search(c):
            return j
    return None


def _table_items(layout: Layout, t: TableRec, b: Table, category: str | None) -> list[dict]:
    if not t.header:
        return []
    n = max(len(r) for r in t.header + t.rows)
    cols = ["".join(dict.fromkeys(compact(h[j]) for h in t.header if j < len(h))) for j in range(n)]
    req = _col(cols, _REQ_HEAD)
    if req is None:
        return []
    res = _col(cols, _RES_HEAD, {req})
    if res is None:
        return []
    dep = _col(cols, _DEP_HEAD, {req, res})
    st = _col(cols, _STATUS_HEAD, {req, res})
    if st is None:
        st = _status_column(t.rows, {req, res})
    cat = category_of(t.header[0][req] if t.header else "") or category_of(cols[req]) or category
    kinds = _category_column(t.rows, {req, res} | {x for x in (dep, st) if x is not None})
    out: list[dict] = []
    hn = len(t.header)
    for r, row in enumerate(t.rows):
        if kinds is not None and kinds < len(row) and category_of(row[kinds]):
            cat = category_of(row[kinds])      # a 구분 column: each row's category ("시정", "건의")
        filled = [x.strip() for x in row if x.strip()]
        if len(set(filled)) == 1 and len(filled[0]) <= _CATEGORY_ROW_MAX and category_of(filled[0]):
            cat = category_of(filled[0])       # a row across the table naming the category below it
            continue
        req_text = row[req].strip() if req < len(row) else ""
        res_text = row[res].strip() if res < len(row) else ""
        status, actions, plans, written = _result_of(res_text, row[st] if st is not None and st < len(row) else "")
        if not req_text:
            if out and (actions or plans):   # a row continued across a page break
                out[-1]["actions"].extend(actions)
                out[-1]["plans"].extend(plans)
                if not out[-1]["status"]:
                    out[-1]["status"], out[-1]["status_text"] = status, written
            continue
        if status is None and not actions and not plans:
            continue
        body = _ITEM.sub(" ", req_text, count=1).strip() if _ITEM.match(req_text) else req_text
        body, deps = _request_and_departments(body, row[dep] if dep is not None and dep < len(row) else "")
        out.append({"category": cat, "text": body, "departments": deps, "status": status, "status_text": written,
                    "actions": actions, "plans": plans, "line": _line_of(b, t, hn + r, req)})
    return out


def _card_items(t: TableRec, b: Table, category: str | None) -> list[dict]:
    """The items of a table laid out as cards (:mod:`.audit_cards`): each request with
    its result, status, plans and department, the category that of the table's
    heading or caption."""
    cat = category_of(t.caption) if t.caption and len(t.caption) <= _CATEGORY_ROW_MAX else None
    out: list[dict] = []
    for card in cards(t.header + t.rows):
        value = {field: v[0] for field, v in card.items()}
        req, r, c = card["request"]
        status, actions, plans, written = _result_of(value.get("result", ""), value.get("status", ""))
        plans = [*plans, *_split_items(value.get("plans", ""))]
        if status is None and not actions and not plans:
            continue
        body, deps = _request_and_departments(req, value.get("department", ""))
        out.append({"category": cat or category, "text": body, "departments": deps, "status": status,
                    "status_text": written, "actions": actions, "plans": plans, "line": _line_of(b, t, r, c)})
    return out


def _result_of(result: str, status_cell: str) -> tuple[str | None, list[str], list[str], str | None]:
    """(status, actions, plans, status as written) of a result cell, the status of its
    own status cell first."""
    status, actions, plans, written = parse_result(result)
    if normalize_status(status_cell):
        status, written = normalize_status(status_cell), status_text(status_cell)
    return status, actions, plans, written


def _request_and_departments(request: str, department_cell: str) -> tuple[str, list[str]]:
    """The request without its trailing "(부서)" and the departments: of its own cell
    when it has one, else of that parenthesis."""
    body, deps = strip_departments(request)
    if department_cell.strip():
        deps = parse_department_list(department_cell) or [normalize_unit(department_cell)]
    return body, deps


def _line_of(b: Table, t: TableRec, row: int, col: int) -> int:
    """The line of a table cell (block row and column), else the table's."""
    cell = b.cell_at(row, col)
    return cell.line if cell is not None and cell.line else t.line


_STATUS_CELL_MAX = 12  # a status cell is a word or two ("추진 중", "추진불가"), never a sentence
_CATEGORY_ROW_MAX = 20  # a category row is a heading ("시정·처리요구사항 (5건)"), never a request


def _status_column(rows: list[list[str]], exclude: set[int]) -> int | None:
    """A column headed by another word (비고 …) whose filled cells are all status
    words: "완료", "추진중", "추진불가" — the status column of a result table."""
    return _word_column(rows, exclude, normalize_status)


def _category_column(rows: list[list[str]], exclude: set[int]) -> int | None:
    """A column whose filled cells all name a category ("시정", "건의", "기타"): each
    row's category; a cell left blank under a merged one keeps the category above."""
    return _word_column(rows, exclude, category_of)


def _word_column(rows: list[list[str]], exclude: set[int], names) -> int | None:
    """The first column outside ``exclude`` whose filled cells are all short words
    that ``names`` recognises (a word or two, never a sentence)."""
    n = max((len(r) for r in rows), default=0)
    for j in range(n):
        if j in exclude:
            continue
        cells = [r[j].strip() for r in rows if j < len(r) and r[j].strip()]
        if cells and all(len(c) <= _STATUS_CELL_MAX and names(c) for c in cells):
            return j
    return None
