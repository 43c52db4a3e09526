"""Key tasks with their parts, and the dated plan items under them.

A task is a numbered heading (a bare "1", "1." or Ⅰ-level item) whose children
include sub-headings such as 추진방향, 추진실적 or 향후계획 (□-headings or
unmarked part headings).  Each task appears once: summary lists were dropped by
the outline builder.  ``number`` is "area-task" when the task sits under a
numbered area ("1. 민선7기 …" → "1-3"), else the task's own number.  Each part
keeps its heading as written (whitespace normalised) with the text of its
bullets.  Dated items under plan headings become milestones
(:mod:`bogo.extract.milestones`), and so do the items dated from the report's
month on of a task in a chapter of plans that has no part headings (its own
text is its plan).
"""

from __future__ import annotations

import re

from ..blocks import Paragraph, Table
from ..model import Milestone, Report, Task
from ..normalize.dates import find_dates
from ..normalize.markers import marker_kind, marker_number
from ..structure import Layout
from ..structure.outline import PART_HEADING, RANK, Heading, strip_trailing_paren
from .gantt import cell_plans, chart_milestones
from .milestones import (
    PlanItem,
    date_led,
    extract_milestones,
    is_plan_heading,
    period_of_heading,
    plan_heading_kind,
)

_TASK_KINDS = ("bare_num", "num", "decimal", "circled", "box_title")
_PART_KINDS = ("square", "part", "mdhead")
_SCHEDULE = re.compile(r"일\s*정|추진\s*계획")  # a table named a schedule by caption or header
_YEAR_PREFIX = re.compile(r"^(['’]?\d{2}년|\d{4}년)\s*")


def part_key(title: str) -> str:
    """A part heading as written, whitespace normalised: "추진 방향" → "추진방향",
    "'18년 추진계획" keeps its year prefix."""
    title = strip_trailing_paren(title) or title
    m = _YEAR_PREFIX.match(title)
    prefix = (m.group(1) + " ") if m else ""
    rest = title[m.end():] if m else title
    if len(rest) <= 12:
        rest = rest.replace(" ", "")
    return (prefix + rest).strip()


def _has_parts(h: Heading) -> bool:
    return h.kind in _TASK_KINDS and any(c.kind in _PART_KINDS for c in h.children)


def _has_named_parts(h: Heading) -> bool:
    """Among its children a part heading by name (추진실적, 향후계획 …), not only □ items:
    in a chapter of results or of the policy setting (성과, 여건, 진단) a numbered
    heading over □ items ("1 주요 성과 / □ …") is a topic, not a task."""
    return any(c.kind in _PART_KINDS and not c.title.startswith("참고")
               and PART_HEADING.match(strip_trailing_paren(c.title)) for c in h.children)


_AUDIT_SECTION = re.compile(r"행정사무감사|감사\s*처리|처리\s*결과|처리\s*요구|조치\s*결과")
# the chapter that lists the year's tasks ("Ⅲ. 2025년 주요업무계획", "Ⅴ. 주요 역점 시책")
_PLAN_CHAPTER = re.compile(r"업무\s*계획|추진\s*계획|역점|시책|중점\s*과제|추진\s*과제|주요\s*업무|현안")
_NOT_PLAN = re.compile(r"성과|실적|현황|결과|여건|진단|비전|전략|목표|개요")


def _numbered_children(h: Heading) -> list[Heading]:
    return [c for c in h.children if c.kind in _TASK_KINDS]


def _has_lead(layout: Layout, h: Heading) -> bool:
    """Text of its own between the heading and its first sub-heading (a lead
    paragraph, bullets)."""
    stop = h.children[0].index if h.children else h.end
    return any(isinstance(b, Paragraph) and b.text for b in layout.blocks[h.index + 1:stop])


def _task_headings(layout: Layout, roots: list[Heading]) -> list[Heading]:
    """Tasks as the outline shows them.  Anywhere: a numbered heading with part
    headings (□ 추진계획 …) is a task.  In a chapter of plans: a numbered heading
    under a numbered group (1. → 1, ①, 1-1) is a task when it has no numbered
    children or when it has a lead paragraph of its own (its numbered children are
    then its parts, not tasks); a numbered heading with numbered children and no
    lead is a group and its children are looked at — unless they are numbered with
    a kind ranked above its own (a list the outline gave it: they are its items)."""
    out: list[Heading] = []

    def visit(h: Heading, in_plans: bool, past: bool) -> None:
        if _AUDIT_SECTION.search(h.title) or h.kind == "appendix":
            return  # audit requests are items of the audit; an appendix holds reference pages
        if h.kind in ("roman", "mdhead", "appendix") or (h.kind == "num" and h.parent is None):
            in_plans = bool(_PLAN_CHAPTER.search(h.title)) and not _NOT_PLAN.search(h.title) or (
                in_plans and h.kind != "roman")
            if h.kind in ("roman", "appendix"):
                past = bool(_NOT_PLAN.search(h.title))  # "2024년 주요 업무성과", "정책환경 진단"
        if _has_parts(h) and (not past or _has_named_parts(h)):
            out.append(h)
            return
        kids = _numbered_children(h)
        under_group = h.parent is not None and h.parent.kind in _TASK_KINDS + ("roman",)
        if in_plans and h.kind in _TASK_KINDS and under_group and h.parent.kind != "roman" or (
                in_plans and h.kind in ("decimal", "circled", "bare_num") and not kids):
            # numbered children of a kind ranked above its own ("6-4 사업소 / 1. 시장") are its items
            if _has_lead(layout, h) or kids and all(RANK[c.kind] < RANK[h.kind] for c in kids):
                out.append(h)
                return
        for c in h.children:
            visit(c, in_plans, past)

    for r in roots:
        visit(r, False, False)
    return out


def _span_end(layout: Layout, h: Heading) -> int:
    """Block index where heading ``h``'s section ends."""
    return h.end


def _part_texts(layout: Layout, start: int, end: int) -> list[str]:
    out: list[str] = []
    for b in layout.blocks[start + 1:end]:
        if isinstance(b, Paragraph) and b.text:
            out.append(b.text if b.marker in ("", "-", "○", "·", "•", "▪") or not b.marker
                       else f"{b.marker} {b.text}")
        elif isinstance(b, Table):
            continue
    return out


def extract(layout: Layout, report: Report) -> None:
    roots = _roots(layout)
    plan_items = []
    body_plans: list[tuple[str, int, int]] = []  # tasks of a chapter of plans told in their own text
    for n, h in enumerate(_task_headings(layout, roots), 1):
        # the group a task is numbered under: "1. 분야 / 1 과제" → 1-1, "1 분야 / ❶ 과제" → 1-1
        area = h.parent if h.parent is not None and h.parent.kind in ("num", "bare_num", "divider") \
            and h.kind != h.parent.kind and (h.kind != "num" or h.parent.kind != "num") else None
        tno = marker_number(h.marker) or n
        if h.kind == "decimal":
            number = h.marker.replace(".", "-")
        else:
            number = f"{marker_number(area.marker)}-{tno}" if area is not None else str(tno)
        task_id = f"k{len(report.tasks) + 1}"
        parts: dict[str, list[str]] = {}
        if not any(c.kind in _PART_KINDS for c in h.children):
            _lead_parts(layout, h, parts)
            if _in_plan_chapter(h):
                body_plans.append((task_id, h.index, _span_end(layout, h)))
        for c in h.children:
            if c.kind not in _PART_KINDS:
                continue
            key = part_key(c.title)
            end = _span_end(layout, c)
            texts = _part_texts(layout, c.index, end)
            parts.setdefault(key, []).extend(texts)
            plan_items.append((task_id, key, c.index, end))
        report.tasks.append(Task(
            id=task_id, number=number, group=area.title if area is not None else (h.parent.title if h.parent else None),
            title=h.title, section=h.id, line=h.line, parts=parts,
        ))
    _milestones(layout, report, plan_items, body_plans)


# a chapter of the tasks under way rather than of the year's plans ("Ⅵ. 주요현안",
# "Ⅴ. 마을돌봄사업 추진상황", "공모사업 추진상황"): its tasks carry plan headings of their own
_UNDER_WAY = re.compile(r"현\s*안|상\s*황|경\s*과|공\s*모")


def _in_plan_chapter(h: Heading) -> bool:
    """Whether ``h`` lies in a chapter of the year's plans: its top heading is one
    (``_PLAN_CHAPTER``: "Ⅳ. 2025년 주요업무 계획", "Ⅴ. 주요 역점 시책"), not one of
    results, of the setting or of the tasks under way."""
    top = h
    while top.parent is not None:
        top = top.parent
    return top is not h and bool(_PLAN_CHAPTER.search(top.title)) and not _NOT_PLAN.search(top.title) \
        and not _UNDER_WAY.search(top.title)


def _lead_parts(layout: Layout, h: Heading, parts: dict[str, list[str]]) -> None:
    """A task without part headings: its own text is its 추진내용, and each
    numbered sub-item with its text is a part named by its title."""
    stop = h.children[0].index if h.children else h.end
    lead = _part_texts(layout, h.index, stop)
    if lead:
        parts["추진내용"] = lead
    for c in h.children:
        parts.setdefault(part_key(c.title), []).extend(_part_texts(layout, c.index, c.end))


def _roots(layout: Layout) -> list[Heading]:
    return [h for h in layout.headings if h.parent is None]


def _table_rows(layout: Layout, i: int) -> list[tuple[str, int]]:
    """(row text, line) of each body row of the table at block ``i``: a schedule
    table ("추진일정 | 내용" with dates in the cells) lists one plan per row."""
    try:
        k = layout.table_index.index(i)
    except ValueError:
        return []
    rec = layout.tables[k]
    out = []
    for r, row in enumerate(rec.rows):
        text = " ".join(c for c in row if c)
        if text:
            out.append((text, rec.row_lines[r] if r < len(rec.row_lines) else rec.line))
    return out


# "○ 향후계획 : '24. 3월 착수" — a plan stated as a labelled line, not under a heading
_PLAN_LABEL = re.compile(r"^\s*[(\[【]?\s*(?P<key>[^:：()\[\]【】]{2,20}?)\s*[)\]】]?\s*[:：]\s*(?P<rest>.+)$")
# "○ (추진계획) 실·국별 전략 수립(8~10월)" — the label in brackets leads the line, no colon
_PLAN_LEAD = re.compile(r"^\s*[(\[【<〈]\s*(?P<key>[^:：()\[\]【】<>〈〉]{2,20}?)\s*[)\]】>〉]\s*(?P<rest>\S.*)$")


_BARE_LABEL = re.compile(r"^\s*[(\[【<〈]\s*(?P<key>[^:：()\[\]【】<>〈〉]{2,20}?)\s*[)\]】>〉]\s*$")
_SUB_KINDS = ("dash", "dot", "small_square", "small_circle")


def _sub_items(blocks: list, i: int) -> list[int]:
    """Indices of the sub-item paragraphs ("- …", "· …") right after block ``i``."""
    out = []
    for k in range(i + 1, len(blocks)):
        b = blocks[k]
        if not isinstance(b, Paragraph) or marker_kind(b.marker) not in _SUB_KINDS:
            break
        out.append(k)
    return out


def _section_items(layout: Layout, task_id: str | None, key: str, start: int, end: int,
                   covered: set[int], PlanItem, keep=None, charts: list | None = None) -> list:
    """Plan items of the section ``start``..``end``; ``keep(text)`` selects the lines
    of a mixed section (done and planned).  A schedule chart's milestones (months
    as columns, marks in the cells) go to ``charts``."""
    items = []
    for i in range(start + 1, end):
        if i in covered:
            continue
        b = layout.blocks[i]
        if isinstance(b, Paragraph) and b.text:
            if keep is None or keep(b.text):
                items.append(PlanItem(task=task_id, heading=key, text=b.text, line=b.line))
        elif isinstance(b, Table):
            steps = _schedule_plans(layout, i, task_id, key, charts)
            if steps is not None:
                items.extend(steps)
            else:
                items.extend(PlanItem(task=task_id, heading=key, text=t, line=ln)
                             for t, ln in _table_rows(layout, i) if keep is None or keep(t))
        covered.add(i)
    return items


def _schedule_plans(layout: Layout, i: int, task_id: str | None, key: str, charts: list | None) -> list | None:
    """When the table at block ``i`` is a schedule — a chart of marks, or steps written
    in the cells — its milestones go to ``charts`` and its dated steps are returned as
    plan items ([] for a chart); None when it is no schedule."""
    if charts is None:
        return None
    chart = _chart(layout, i, task_id, key)
    if chart is not None:
        charts.extend(chart)
        return []
    return _schedule_steps(layout, i, task_id, key, charts)


def _schedule_steps(layout: Layout, i: int, task_id: str | None, key: str, charts: list) -> list | None:
    """The steps of the table at block ``i`` when it is a schedule written in words
    (:func:`~bogo.extract.gantt.cell_plans`): a step with a date of its own is a plan
    item (dated as written, in its columns' year); one without is dated by its
    columns, into ``charts``."""
    year = layout.year_month[0]
    if year is None or i not in layout.table_index:
        return None
    plans = cell_plans(layout.tables[layout.table_index.index(i)], year)
    if plans is None:
        return None
    items = []
    for p in plans:
        col_year = int(p.first.start[:4])  # a step's month is of its column's year ("2026년" over the quarters)
        if find_dates(p.text, col_year):
            # listed under its columns: D304 sees a step dated outside them ("(5월)" under 1/4분기)
            item = PlanItem(task=task_id, heading=_column_heading(p) or key, text=p.text, line=p.line)
            if col_year == year:
                items.append(item)
            else:
                charts.extend(extract_milestones([item], col_year))
        else:
            raw = p.first.label if p.first == p.last else f"{p.first.label}~{p.last.label}"
            charts.append(Milestone(task=task_id, raw=raw, start=p.first.start, end=p.last.end,
                                    line=p.line, heading=key, text=p.text))
    return items


def _column_heading(p) -> str | None:
    """The period of a step's columns as a heading ("2025년 1/4분기", "2025년 2/4분기~3/4분기"),
    when both ends are of one year and the labels name the period with its year added."""
    year = p.first.start[:4]
    if p.last.end[:4] != year:
        return None
    label = p.first.label if p.first == p.last else f"{p.first.label}~{p.last.label}"
    heading = f"{year}년 {label}"
    per = period_of_heading(heading, int(year))
    return heading if per == (p.first.start, p.last.end) else None


def _chart(layout: Layout, i: int, task_id: str | None, key: str) -> list | None:
    """The milestones of the table at block ``i`` when it is a schedule chart."""
    year = layout.year_month[0]
    if year is None or i not in layout.table_index:
        return None
    return chart_milestones(layout.tables[layout.table_index.index(i)], year, task_id, key)


def _task_of(report: Report, layout: Layout, i: int) -> str | None:
    h = layout.section_of[i] if i < len(layout.section_of) else None
    while h is not None:
        for t in report.tasks:
            if t.section == h.id:
                return t.id
        h = h.parent
    return None


def _milestones(layout: Layout, report: Report, task_parts: list[tuple[str, str, int, int]],
                body_plans: list[tuple[str, int, int]]) -> None:
    year, month = layout.year_month
    if year is None:
        return
    items = []
    charts: list = []
    covered: set[int] = set()
    for task_id, key, start, end in task_parts:
        kind = plan_heading_kind(key)
        if kind == "plan":
            items.extend(_section_items(layout, task_id, key, start, end, covered, PlanItem, charts=charts))
        elif kind == "mixed":
            items.extend(_section_items(layout, task_id, key, start, end, covered, PlanItem,
                                        keep=lambda t: date_led(t, year), charts=charts))
    # plan headings outside tasks (an office-level 향후계획)
    for h in layout.headings:
        if h.kind in _PART_KINDS and is_plan_heading(h.title) and h.index + 1 not in covered:
            items.extend(_section_items(layout, None, part_key(h.title), h.index, _span_end(layout, h),
                                        covered, PlanItem, charts=charts))
    # schedule tables under no plan heading, named so by their caption or header
    # ("붙임 과제별 추진일정", "이행과제 | 주요 일정")
    for k, i in enumerate(layout.table_index):
        rec = layout.tables[k]
        words = " ".join([rec.caption or "", *(c for row in rec.header for c in row)])
        if i in covered or rec.role != "data" or not _SCHEDULE.search(words):
            continue
        key = " ".join(rec.caption.split()) if rec.caption else "일정"
        steps = _schedule_plans(layout, i, _task_of(report, layout, i), key, charts)
        if steps is not None:
            items.extend(steps)
            covered.add(i)
    # labelled plan lines anywhere ("향후계획 : '24. 하반기 착공", "(추진계획) 전략 수립(8월)")
    for i, b in enumerate(layout.blocks):
        if i in covered or not isinstance(b, Paragraph) or not b.text:
            continue
        bare = _BARE_LABEL.match(b.text) if b.text[0] in "([【<〈" else None
        if bare and is_plan_heading(bare.group("key")):
            # "○ (추진계획)" alone: the sub-items under it ("- 종합계획 수립(2월)") are the plans
            task = _task_of(report, layout, i)
            for k in _sub_items(layout.blocks, i):
                covered.add(k)
                items.append(PlanItem(task=task, heading=part_key(bare.group("key")),
                                      text=layout.blocks[k].text, line=layout.blocks[k].line))
            continue
        m = _PLAN_LEAD.match(b.text) if b.text[0] in "([【<〈" else None
        if m is None and (":" in b.text or "：" in b.text):
            m = _PLAN_LABEL.match(b.text)
        if m and plan_heading_kind(m.group("key")) is not None:
            # a mixed label ("추진상황 및 계획 : 선정('24.12.), 시행('25.1.~12.)") keeps only what is
            # not past (extract_milestones drops the years before the report)
            items.append(PlanItem(task=_task_of(report, layout, i), heading=part_key(m.group("key")),
                                  text=m.group("rest"), line=b.line))
            covered.add(i)
    # a task of a chapter of plans told in its own text, under no plan heading: its
    # items dated from the report's month on are its plans ("공연 개최('25. 4월중)"),
    # listed under no heading (so no period of one applies to them: D304)
    for task_id, start, end in body_plans:
        items.extend(PlanItem(task=task_id, heading=None, text=b.text, line=b.line, upcoming_only=True)
                     for i in range(start + 1, end) if i not in covered
                     and isinstance(b := layout.blocks[i], Paragraph) and b.text)
    items.sort(key=lambda x: x.line)
    found = extract_milestones(items, year, month) + charts
    found.sort(key=lambda x: x.line)
    report.milestones.extend(found)
