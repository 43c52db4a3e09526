"""CLI: ``bogo track unit|plans|audit`` and ``bogo export`` over the store.

Thin adapters over :mod:`bogo.track` and :mod:`bogo.store.export`; Korean
tables on the terminal, ``--json`` for machines.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table as RichTable

from .cli_store import DbOption, open_store, out
from .errors import BogoError

STATUS_KO = {"done": "완료", "in_progress": "추진중", "not_due": "기한 전", "no_trace": "언급 없음",
             "reviewing": "검토중", "not_adopted": "미반영", "unreported": "보고 없음", None: "-"}
EVENT_KO = {"renamed": "명칭 변경", "merged": "통합", "split": "분리", "created": "신설", "abolished": "폐지",
            "possible": "후보(약함)"}


def _print_json(items) -> None:
    sys.stdout.write(json.dumps([i.to_dict() if hasattr(i, "to_dict") else i for i in items],
                                ensure_ascii=False, default=str) + "\n")


def unit_cmd(
    name: Annotated[str | None, typer.Argument(help="부서 이름 (생략하면 모든 변동), 또는 link/unlink")] = None,
    a: Annotated[str | None, typer.Argument(help="link/unlink: 이전 부서 이름")] = None,
    b: Annotated[str | None, typer.Argument(help="link/unlink: 이후 부서 이름")] = None,
    db: DbOption = None,
    office: Annotated[str | None, typer.Option("--office", help="이 기관만")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON으로 출력합니다.")] = False,
    budget_only: Annotated[bool, typer.Option("--budget", help="부서 이름과 함께: 예산 추이만 보여 줍니다.")] = False,
) -> None:
    """부서의 이력(명칭 변경·통합·분리)과 인력·예산 추이를 보여 주거나, 두 부서를 같은 부서로 잇거나 끊습니다."""
    from .track import StoreHistory, budget_series, unit_events, unit_series
    from .track.identity import decide_and_refresh

    store = open_store(db)
    if name in ("link", "unlink"):
        if not (a and b):
            raise BogoError(None, f"track unit {name} 에는 부서 이름 두 개가 필요합니다")
        decide_and_refresh(store, a, b, name, office)
        out.print(f"{'연결' if name == 'link' else '연결 해제'}: {escape(a)} → {escape(b)}")
        return
    hist = StoreHistory(store)
    if name:
        offices = [office] if office else sorted({d.office for d in hist.documents() if d.office})
        # each row says its office: a unit name may exist in several offices' reports
        series = [{**row, "office": off} for off in offices for row in unit_series(hist, off, name)]
        budget = [{**row, "office": off} for off in offices for row in budget_series(hist, off, name)]
        if as_json:  # the staffing series, as before; --budget for the budget lines
            _print_json(budget if budget_only else series)
            return
        if budget_only:
            series = []
        _print_unit(name, series, budget)
        return
    events = unit_events(hist, office)
    if as_json:
        _print_json(events)
        return
    t = RichTable(title="부서 변동")
    for c in ("날짜", "변동", "이전", "이후", "신뢰도", "출처", "근거"):
        t.add_column(c)
    for e in events:
        evid = ", ".join(f"{k}={v}" for k, v in e.evidence.items() if k != "shared_words")
        kind = EVENT_KO[e.kind] + ("" if e.linked or e.kind in ("created", "abolished") else " (제안)")
        t.add_row(e.date or "-", kind, e.old or "-", e.new or "-", f"{e.confidence:.2f}",
                  "사용자" if e.source == "user" else "자동", evid)
    out.print(t)


def _print_unit(name: str, series: list[dict], budget: list[dict]) -> None:
    if series:
        t = RichTable(title=f"{name} 인력 추이")
        for c in ("기관", "날짜", "부서", "정원", "현원", "파일:행"):
            t.add_column(c)
        for r in series:
            t.add_row(escape(r["office"] or "-"), r["date"] or "-", escape(r["unit"]), str(r["quota"]),
                      str(r["current"]), escape(f"{r['path']}:{r['line']}"))
        out.print(t)
    if not series and not budget:
        out.print(f"{escape(name)}: 저장소에 이 부서의 인력·예산 기록이 없습니다.")
    if not budget:
        return
    t = RichTable(title=f"{name} 예산 추이")
    for c in ("기관", "날짜", "부서", "표", "열", "금액", "단위", "파일:행"):
        t.add_column(c)
    for r in budget:
        amount = "-" if r["amount"] is None else f"{r['amount']:,}"
        t.add_row(escape(r["office"] or "-"), r["date"] or "-", escape(r["unit"]), r["table"] or "-",
                  escape(r["column"] or "-"), amount, r["money_unit"] or "-", escape(f"{r['path']}:{r['line']}"))
    out.print(t)


def plans_cmd(
    db: DbOption = None,
    office: Annotated[str | None, typer.Option("--office", help="이 기관만")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="기한이 지났는데 완료 보고가 없는 일정만")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON으로 출력합니다.")] = False,
) -> None:
    """이전 보고서의 일정이 이후 보고서에서 완료·추진중·언급 없음 중 어디인지 보여 줍니다."""
    from .track import StoreHistory
    from .track.plans import plan_followup

    items = plan_followup(StoreHistory(open_store(db)), office)
    if overdue:
        items = [i for i in items if i.status in ("no_trace", "in_progress")]
    if as_json:
        _print_json(items)
        return
    t = RichTable(title="계획 이행")
    for c in ("기관", "계획(날짜:행)", "일정", "상태", "근거"):
        t.add_column(c)
    for i in items:
        t.add_row(i.office or "-", f"{i.planned_date}:{i.line}", i.milestone, STATUS_KO[i.status],
                  f"{i.evidence_line}행 {i.evidence}" if i.evidence else "-")
    out.print(t)


def audit_cmd(
    db: DbOption = None,
    office: Annotated[str | None, typer.Option("--office", help="이 기관만")] = None,
    open_only: Annotated[bool, typer.Option("--open", help="완료되지 않은 항목만")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON으로 출력합니다.")] = False,
) -> None:
    """행정사무감사 요구사항의 연도별 처리 상황(반복, 완료 후 재지적, 보고 누락)을 보여 줍니다."""
    from .track import StoreHistory
    from .track.audit import audit_series

    series = audit_series(StoreHistory(open_store(db)), office)
    if open_only:
        series = [s for s in series if s.current != "done"]
    if as_json:
        _print_json(series)
        return
    t = RichTable(title="감사 처리 추적")
    for c in ("기관", "요구", "이력", "현재", "표시"):
        t.add_column(c)
    for s in series:
        hist = " → ".join(f"{e['date'] or '?'} {e['raw_status'] or '-'}" for e in s.entries)
        flags = " ".join(f for f, on in (("반복", s.recurring), ("완료 후 재지적", s.raised_again),
                                         ("보고 없음", s.unreported)) if on)
        t.add_row(s.office or "-", s.request[:60], hist, STATUS_KO.get(s.current, s.current), flags)
    out.print(t)


def export_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="저장할 파일")],
    fmt: Annotated[str, typer.Option("--format", help="형식: json, csv, xlsx")] = "json",
    types: Annotated[str | None, typer.Option("--type", help="레코드 종류 (예: staff_row,audit_item)")] = None,
    db: DbOption = None,
) -> None:
    """저장소의 레코드를 JSON·CSV·XLSX(종류별 시트)로 내보냅니다."""
    from .store.export import export

    n = export(open_store(db), fmt, output, [t.strip() for t in types.split(",")] if types else None)
    out.print(f"{n}건을 {escape(str(output))}에 저장했습니다.")


def register_track(track_app: typer.Typer) -> None:
    track_app.command("unit", help="부서 이력과 인력 추이; link/unlink 로 사용자 결정을 기록합니다.")(unit_cmd)
    track_app.command("plans", help="계획(일정)의 이행 상황을 추적합니다.")(plans_cmd)
    track_app.command("audit", help="행정사무감사 요구사항의 처리 이력을 추적합니다.")(audit_cmd)
