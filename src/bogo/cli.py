"""The ``bogo`` command line: a thin Typer adapter over :mod:`bogo.api`.

Commands parse their options, call one library function and render the result.
Every :class:`~bogo.errors.BogoError` becomes one Korean line on stderr and exit
code 2 (no traceback unless ``--debug``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table as RichTable
from rich.tree import Tree

from . import api
from .errors import BogoError, UsageError
from .model import Report, Section

app = typer.Typer(
    help="bogo(보고): 지방의회 업무보고·행정사무감사 자료를 읽고 검증합니다.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
_STATE = {"debug": False}


@app.callback()
def _main(debug: Annotated[bool, typer.Option("--debug", help="오류가 나면 전체 추적 정보를 보여 줍니다.")] = False) -> None:
    _STATE["debug"] = debug


def _fail(e: BogoError) -> None:
    if _STATE["debug"]:
        raise e
    err.print(f"[bold red]오류[/] {e}", markup=True, highlight=False)
    raise typer.Exit(e.exit_code)


@app.command("parse", help="보고서 파일 하나를 읽어 구조(목차·표·메타)를 보여 주거나 JSON으로 출력합니다.")
def parse_cmd(
    file: Annotated[Path, typer.Argument(help="읽을 파일 (.txt .md .html .hwpx .hwp .pdf .docx)")],
    as_json: Annotated[bool, typer.Option("--json", help="계약 형식 bogo.report/1 의 JSON으로 출력합니다.")] = False,
    pretty: Annotated[bool, typer.Option("--pretty", help="JSON을 들여쓰기해 출력합니다.")] = False,
) -> None:
    try:
        report = api.parse(file)
    except BogoError as e:
        _fail(e)
        return
    if as_json:
        sys.stdout.write(report.to_json(pretty=pretty) + "\n")
        return
    render_summary(report)


def render_summary(report: Report) -> None:
    m = report.meta
    out.rule(f"[bold]{m.title or report.source.path}")
    info = RichTable.grid(padding=(0, 2))
    for label, value in (("기관", m.office), ("종류", m.kind), ("날짜", m.date), ("회기", m.session),
                         ("위원회", m.committee), ("형식", report.source.format)):
        info.add_row(f"[dim]{label}[/]", value or "-")
    out.print(info)
    for w in report.source.warnings:
        out.print(f"[yellow]경고[/] {w}", highlight=False)
    tree = Tree("[bold]목차")

    def add(node: Tree, sections: list[Section]) -> None:
        for s in sections:
            add(node.add(f"{s.marker} {s.title} [dim]({s.line}행)[/]".strip(), highlight=False), s.children)

    add(tree, report.outline)
    out.print(tree)
    t = RichTable(title="표", show_lines=False)
    for col in ("id", "행", "제목", "단위", "머리행", "본문행×열"):
        t.add_column(col)
    for tb in report.tables:
        ncols = len(tb.rows[0]) if tb.rows else (len(tb.header[0]) if tb.header else 0)
        t.add_row(tb.id, str(tb.line), tb.caption or "-", tb.unit or "-", str(len(tb.header)), f"{len(tb.rows)}×{ncols}")
    out.print(t)
    counts = RichTable.grid(padding=(0, 2))
    counts.add_row("인력 행", str(len(report.staffing.rows) if report.staffing else 0))
    counts.add_row("예산 항목", str(len(report.budget_lines)))
    counts.add_row("주요 과제", str(len(report.tasks)))
    counts.add_row("일정(계획)", str(len(report.milestones)))
    counts.add_row("감사 처리 항목", str(len(report.audit.items) if report.audit else 0))
    out.print(counts)


@app.command("check", help="보고서의 수치·교차참조·날짜·표기를 점검합니다 (제출 전 사전 점검).")
def check_cmd(
    files: Annotated[list[Path], typer.Argument(help="점검할 파일(여러 개 가능)")],
    fmt: Annotated[str, typer.Option("--format", help="출력 형식: table, json, html, xlsx")] = "table",
    select: Annotated[str | None, typer.Option("--select", help="이 코드만 점검 (예: T1,X201)")] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", help="이 코드는 건너뜀 (예: W405)")] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", help="종료 코드 1의 기준: error, warning, never")] = "error",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="결과를 저장할 파일")] = None,
    db: Annotated[str | None, typer.Option("--db", help="저장소와 비교하는 점검(C5xx, W403)도 합니다: SQLite 경로 또는 postgresql://…")] = None,
) -> None:
    try:
        if fmt not in ("table", "json", "html", "xlsx"):
            raise UsageError(None, f"알 수 없는 출력 형식입니다: {fmt} (table, json, html, xlsx 중 하나)")
        if fail_on not in ("error", "warning", "never"):
            raise UsageError(None, f"--fail-on 값이 잘못되었습니다: {fail_on} (error, warning, never 중 하나)")
        if fmt == "xlsx" and output is None:
            raise UsageError(None, "xlsx 형식은 -o 로 저장할 파일을 지정해야 합니다")
        result = api.check(files, select=_codes(select), ignore=_codes(ignore), history=cli_store.history(db))
    except BogoError as e:
        _fail(e)
        return
    from .render import findings_output

    findings_output(result, fmt, output, out)
    s = result.summary
    failing = (fail_on == "error" and s["error"] > 0) or (fail_on == "warning" and (s["error"] + s["warning"]) > 0)
    raise typer.Exit(1 if failing else 0)


def _codes(v: str | None) -> list[str] | None:
    return [c.strip() for c in v.split(",") if c.strip()] if v else None


@app.command("demo", help="예제 보고서를 읽어 요약과 점검 결과를 보여 줍니다.")
def demo_cmd(
    folder: Annotated[Path, typer.Argument(help="예제 폴더")] = Path("examples"),
) -> None:
    files = sorted(p for p in folder.glob("*") if p.suffix.lower() in (".txt", ".md", ".html", ".hwpx", ".hwp", ".pdf")
                   and p.stem.lower() != "readme")
    if not files:
        _fail(BogoError(folder, "예제 파일이 없습니다"))
    for f in files:
        try:
            render_summary(api.parse(f))
        except BogoError as e:
            err.print(f"[red]오류[/] {e}", highlight=False)


from . import cli_store  # noqa: E402 — the store commands register onto the app

cli_store.register(app)


def main() -> None:
    try:
        app()
    except BogoError as e:  # raised outside a command
        err.print(f"오류 {e}", highlight=False)
        sys.exit(e.exit_code)


if __name__ == "__main__":
    main()
