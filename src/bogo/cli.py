"""The ``bogo`` command line: a thin Typer adapter over :mod:`bogo.api`.

Commands parse their options, call one library function and render the result.
Every outcome goes through one handler (:mod:`bogo.cli_errors`): a
:class:`~bogo.errors.BogoError` is one Korean line on stderr and exit code 2, a
bug is one line and exit code 3 (the traceback only with ``--debug``).  Every
string from a document is shown through :func:`bogo.render.display.term` (markup
escaped, control characters visible).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table as RichTable
from rich.text import Text
from rich.tree import Tree
from typer.core import TyperCommand

from . import __version__, api
from .cli_errors import (
    EXIT_CLEAN,
    EXIT_CODES_HELP,
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_INTERNAL,
    KoreanCommand,
    KoreanGroup,
    error_line,
)
from .errors import BogoError, UsageError
from .model import Report, Section
from .render.display import term, visible
from .settings import ENV_ERROR

app = typer.Typer(
    help="bogo(보고): 지방의회 업무보고·행정사무감사 자료를 읽고 검증합니다.\n\n" + EXIT_CODES_HELP,
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, cls=KoreanGroup,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
_STATE = {"debug": False}
FORMATS = ("table", "json", "html", "xlsx")
_FORMAT_BY_SUFFIX = {".json": "json", ".html": "html", ".htm": "html", ".xlsx": "xlsx", ".txt": "table"}
#: the unit of ``line`` per source format, as a reader finds it again in the document
_LOCATOR = {"hwp": "문단", "hwpx": "문단", "docx": "문단"}


def _show_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"bogo {__version__}\n")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="오류가 나면 전체 추적 정보를 보여 줍니다.")] = False,
    version: Annotated[bool, typer.Option("--version", help="bogo의 버전을 보여 주고 끝냅니다.",
                                          callback=_show_version, is_eager=True)] = False,
) -> None:
    _STATE["debug"] = debug
    KoreanGroup.debug = debug
    if ENV_ERROR is not None:
        raise ENV_ERROR


def _fail(e: BogoError) -> None:
    """Hand an expected error to the one handler (:class:`~bogo.cli_errors.KoreanGroup`)."""
    raise e


@app.command("parse", cls=KoreanCommand,
             help="보고서 파일 하나를 읽어 구조(목차·표·메타)를 보여 주거나 JSON으로 출력합니다.")
def parse_cmd(
    file: Annotated[Path, typer.Argument(help="읽을 파일 (.txt .md .html .hwpx .hwp .pdf .docx)",
                                         metavar="파일", show_default=False)],
    as_json: Annotated[bool, typer.Option("--json", help="계약 형식 bogo.report/1 의 JSON으로 출력합니다.")] = False,
    pretty: Annotated[bool, typer.Option("--pretty", help="JSON을 들여쓰기해 출력합니다.")] = False,
    debug: Annotated[str | None, typer.Option(
        "--debug", metavar="단계", help="단계별 판독 과정을 보여 줍니다: tables (표마다 머리행·라벨 열·합계·셀 값 단계)")] = None,
) -> None:
    try:
        if debug not in (None, "tables"):
            raise UsageError(None, f"알 수 없는 --debug 값입니다: {debug} (tables)")
        report = api.parse(file)
    except BogoError as e:
        _fail(e)
        return
    if debug == "tables":
        render_table_stages(report)
        return
    if as_json:
        sys.stdout.write(report.to_json(pretty=pretty) + "\n")
        return
    render_summary(report)


def _section_label(s: Section, unit: str) -> Text:
    """An outline entry: the locator first (never cut), then the heading, wrapped."""
    label = Text(f"({s.line}{unit}) ", style="dim")
    label.append(visible(f"{s.marker} {s.title}".strip()))
    label.overflow = "fold"
    return label


def render_summary(report: Report, console: Console | None = None) -> None:
    con = console or out
    m = report.meta
    unit = _LOCATOR.get(report.source.format, "행")
    con.rule(Text(visible(m.title or report.source.path), style="bold"))
    info = RichTable.grid(padding=(0, 2))
    for label, value in (("기관", m.office), ("종류", m.kind), ("날짜", m.date), ("회기", m.session),
                         ("위원회", m.committee), ("형식", report.source.format)):
        info.add_row(Text(label, style="dim"), Text(visible(value or "-")))
    con.print(info)
    for w in report.source.warnings:
        con.print(f"[bold yellow]읽기 경고[/] {term(w)} — 일부만 읽었습니다", highlight=False)
    tree = Tree(Text("목차", style="bold"))

    def add(node: Tree, sections: list[Section]) -> None:
        for s in sections:
            add(node.add(_section_label(s, unit)), s.children)

    add(tree, report.outline)
    con.print(tree, soft_wrap=False)  # wrap long headings under their locator, never cut them
    t = RichTable(title="표", show_lines=False)
    for col in ("id", unit, "제목", "단위", "머리행", "본문행×열"):
        t.add_column(col, overflow="fold")
    for tb in report.tables:
        ncols = len(tb.rows[0]) if tb.rows else (len(tb.header[0]) if tb.header else 0)
        t.add_row(Text(visible(tb.id)), str(tb.line), Text(visible(tb.caption or "-")), Text(visible(tb.unit or "-")),
                  str(len(tb.header)), f"{len(tb.rows)}×{ncols}")
    con.print(t)
    counts = RichTable.grid(padding=(0, 2))
    counts.add_row("인력 행", str(len(report.staffing.rows) if report.staffing else 0))
    counts.add_row("예산 항목", str(len(report.budget_lines)))
    counts.add_row("주요 과제", str(len(report.tasks)))
    counts.add_row("일정(계획)", str(len(report.milestones)))
    counts.add_row("감사 처리 항목", str(len(report.audit.items) if report.audit else 0))
    con.print(counts)


def render_table_stages(report: Report) -> None:
    """Each table, then each stage of its view with what the stage found."""
    for name, stages in api.table_stages(report):
        out.rule(escape(name))
        for stage, account in stages:
            out.print(f"[bold]{stage}[/] {escape(account)}", highlight=False)


def _report_crashes(result) -> None:
    """A check that raised is a bug: one line each, exit 3 (the traceback with --debug)."""
    for path, code, exc in result.crashes:
        if _STATE["debug"]:
            raise exc
        err.print(f"[bold red]내부 오류[/] {escape(path)}: 점검 {code} 실행 중 예외 "
                  f"({escape(type(exc).__name__)}: {escape(str(exc))})", highlight=False)
    raise typer.Exit(EXIT_INTERNAL)


@app.command("check", cls=KoreanCommand,
             help="보고서의 수치·교차참조·날짜·표기를 점검합니다 (제출 전 사전 점검).\n\n" + EXIT_CODES_HELP)
def check_cmd(
    files: Annotated[list[Path], typer.Argument(help="점검할 파일(여러 개 가능). 저장한 parse --json 도 됩니다",
                                                metavar="파일", show_default=False)],
    fmt: Annotated[str | None, typer.Option(
        "--format", metavar="형식",
        help="출력 형식: table, json, html, xlsx (생략하면 -o 파일의 확장자로 정하고, 없으면 table)")] = None,
    select: Annotated[str | None, typer.Option("--select", metavar="코드", help="이 코드만 점검 (예: T1,X201)")] = None,
    ignore: Annotated[str | None, typer.Option("--ignore", metavar="코드", help="이 코드는 건너뜀 (예: W405)")] = None,
    fail_on: Annotated[str, typer.Option("--fail-on", metavar="기준",
                                         help="종료 코드 1의 기준: error, warning, never")] = "error",
    output: Annotated[Path | None, typer.Option("-o", "--output", metavar="파일",
                                                help="결과를 저장할 파일 (.json .html .xlsx .txt)")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, metavar="개수",
                                             help="동시에 점검할 작업 프로세스 수 (기본: CPU 코어 수)")] = None,
    db: Annotated[str | None, typer.Option(
        "--db", metavar="저장소",
        help="저장소와 비교하는 점검(C5xx, W403)도 합니다: SQLite 경로 또는 postgresql://…")] = None,
) -> None:
    try:
        fmt = check_options(fmt, fail_on, output)
        live = fmt == "table" and output is None and db is None
        if db is None:
            result = _run_batch(files, fmt, _codes(select), _codes(ignore), jobs, live)
        else:
            from .batch import BatchResult

            result = BatchResult.of(api.check(files, select=_codes(select), ignore=_codes(ignore),
                                              history=cli_store.history(db)))
    except BogoError as e:
        _fail(e)
        return
    if not live:
        from .render import findings_output

        findings_output(result, fmt, output, out)
    _print_batch_summary(result, len(files), "table" if live else fmt)
    if result.crashes:
        _report_crashes(result)
    if output is not None:
        err.print(Text(f"저장했습니다: {visible(output)}"), highlight=False)
    raise typer.Exit(EXIT_INPUT if result.failed else exit_code(result, fail_on))


def check_options(fmt: str | None, fail_on: str, output: Path | None) -> str:
    """Validate ``check``'s options before any work; returns the output format to use."""
    if fmt is None:
        fmt = _FORMAT_BY_SUFFIX.get(output.suffix.lower(), "table") if output is not None else "table"
    if fmt not in FORMATS:
        raise UsageError(None, f"알 수 없는 출력 형식입니다: {visible(fmt)} (table, json, html, xlsx 중 하나)")
    if fail_on not in ("error", "warning", "never"):
        raise UsageError(None, f"--fail-on 값이 잘못되었습니다: {visible(fail_on)} (error, warning, never 중 하나)")
    if fmt == "xlsx" and output is None:
        raise UsageError(None, "xlsx 형식은 -o 로 저장할 파일을 지정해야 합니다")
    if output is not None:
        check_output_path(output)
    return fmt


def check_output_path(output: Path) -> None:
    """Refuse an ``-o`` target that cannot be written, before the check runs."""
    import os

    if output.is_dir():
        raise UsageError(output, "저장할 곳이 디렉터리입니다. 파일 이름을 지정하세요")
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(output, f"저장할 폴더가 없습니다 ({visible(parent)})")
    if not os.access(parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        raise UsageError(output, "이 위치에 저장할 권한이 없습니다")


def exit_code(result, fail_on: str) -> int:
    """1 when findings reach ``fail_on`` or a file was only partly read (unless ``never``), else 0."""
    if fail_on == "never":
        return EXIT_CLEAN
    s = result.summary
    failing = s["error"] > 0 or (fail_on == "warning" and s["warning"] > 0)
    return EXIT_FINDINGS if failing or getattr(result, "partial", 0) else EXIT_CLEAN
def _run_batch(files: list[Path], fmt: str, select: list[str] | None, ignore: list[str] | None,
               jobs: int | None, live: bool):
    """Check the files one by one (in workers), printing as they finish when
    ``live``: a table per file, a failed file's reason at once, a progress bar on
    a terminal.  Returns the :class:`~bogo.batch.BatchResult`."""
    from .batch import BatchResult, default_jobs

    result = BatchResult()
    outcomes = api.iter_check(files, select, ignore, jobs=jobs or default_jobs(), keep_context=fmt == "html")
    with _progress(len(files)) as advance:
        for o in outcomes:
            result.add(o)
            _print_outcome(o, live)
            advance()
    return result


def _progress(total: int):
    """A context giving an ``advance()`` callable: a transient bar on a terminal, else nothing."""
    from contextlib import nullcontext

    if total < 2 or not err.is_terminal:
        return nullcontext(lambda: None)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    class _Bar:
        def __enter__(self):
            # no refresh thread: the workers are forked while the bar is shown
            self.p = Progress("점검", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                              console=err, transient=True, auto_refresh=False)
            self.p.__enter__()
            task = self.p.add_task("check", total=total)

            def advance() -> None:
                self.p.advance(task)
                self.p.refresh()

            return advance

        def __exit__(self, *exc):
            return self.p.__exit__(*exc)

    return _Bar()


def _print_outcome(o, live: bool) -> None:
    """A failed file's reason at once; in live table output, the file's findings."""
    if o.status == "failed":
        err.print(Text(error_line(BogoError(o.path, o.reason))), highlight=False)
        return
    if not live:
        return
    from .checks.runner import CheckResult
    from .render.findings_table import print_sections

    one = CheckResult(files=[(o.path, o.sha256, o.findings)])
    if o.warnings:
        one.notes[(o.path, o.sha256)] = list(o.warnings)
    print_sections(one, out)


def _print_batch_summary(result, n_files: int, fmt: str) -> None:
    """Totals: on stdout under the tables; for the other formats on stderr, and
    only when a file failed or was read in part (stdout holds the document)."""
    s, c = result.summary, result.counts
    if n_files == 1 and c["failed"]:
        return  # the one error line says it all
    line = f"합계: 오류 {s['error']}, 경고 {s['warning']}, 참고 {s['info']}"
    if n_files > 1 or c["failed"] or c["partial"]:
        line += f" — 파일 {n_files}개 중 점검 {c['checked']}, 실패 {c['failed']}, 일부만 읽음 {c['partial']}"
    if fmt == "table":
        out.print(line, highlight=False)
    elif c["failed"] or c["partial"]:
        err.print(line, highlight=False)


def _codes(v: str | None) -> list[str] | None:
    return [c.strip() for c in v.split(",") if c.strip()] if v else None


@app.command("demo", cls=KoreanCommand, help="예제 보고서를 읽어 요약과 점검 결과를 보여 줍니다.")
def demo_cmd(
    folder: Annotated[Path, typer.Argument(help="예제 폴더", metavar="폴더")] = Path("examples"),
) -> None:
    files = sorted(p for p in folder.glob("*") if p.suffix.lower() in (".txt", ".md", ".html", ".hwpx", ".hwp", ".pdf")
                   and p.stem.lower() != "readme")
    if not files:
        _fail(BogoError(folder, "예제 파일이 없습니다"))
    for f in files:
        try:
            render_summary(api.parse(f))
        except BogoError as e:
            err.print(Text(error_line(e)), highlight=False)


from . import cli_store, cli_track, cli_web  # noqa: E402 — the store commands register onto the app

cli_store.register(app)
app.command("export", help="저장소의 레코드를 JSON·CSV·XLSX로 내보냅니다.")(cli_track.export_cmd)
cli_track.register_track(cli_store.track_app)
app.add_typer(cli_store.track_app, name="track")
cli_web.register(app)


def _korean_help_everywhere(t: typer.Typer) -> None:
    """Every command, wherever it was registered, gets the Korean help and usage."""
    for c in t.registered_commands:
        if c.cls in (None, TyperCommand):
            c.cls = KoreanCommand
    for g in t.registered_groups:
        if not (isinstance(g.cls, type) and issubclass(g.cls, KoreanGroup)):
            g.cls = KoreanGroup
        if g.typer_instance is not None:
            _korean_help_everywhere(g.typer_instance)


_korean_help_everywhere(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
