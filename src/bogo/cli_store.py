"""CLI commands over the store: ``ingest``, ``search``, ``show`` and ``track``.

A thin adapter like :mod:`bogo.cli`: each command opens the store named by
``--db`` (or ``BOGO_DB``, or ``./bogo.db``), calls one library function and
renders the result with Rich.  ``register(app)`` adds the commands to the main
Typer app.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table as RichTable

from .errors import BogoError

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
DbOption = Annotated[str | None, typer.Option("--db", help="저장소: SQLite 파일 경로 또는 postgresql://… (기본: BOGO_DB 또는 ./bogo.db)")]
track_app = typer.Typer(help="보고서 사이의 추적: 부서 이력, 계획 이행, 감사 처리 상황.", no_args_is_help=True)


def open_store(db: str | None):
    from .store import Store

    try:
        return Store(db)
    except BogoError:
        raise
    except Exception as e:  # noqa: BLE001 — a database that cannot be opened is one Korean line
        raise BogoError(db or os.environ.get("BOGO_DB") or "bogo.db",
                        "저장소를 열 수 없습니다 (폴더가 없거나, 쓸 권한이 없거나, 서버에 연결할 수 없습니다; "
                        f"{type(e).__name__})") from e


def history(db: str | None):
    """The store history for ``bogo check --db`` (None without ``--db``)."""
    if db is None:
        return None
    from .track import StoreHistory

    return StoreHistory(open_store(db))


def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="보고서 파일 또는 폴더(하위 폴더까지)")],
    db: DbOption = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="읽기 작업 프로세스 수 (기본: CPU 코어 수)")] = None,
) -> None:
    """보고서를 읽어 저장소에 넣습니다 (이미 있는 파일은 건너뜁니다)."""
    from .store import ingest

    store = open_store(db)
    # refreshed by each file, not by a thread of its own: with no other thread running, the
    # workers may be forked sharing this process's analyser (see bogo.store.ingest)
    with Progress(TextColumn("[bold]읽는 중"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal, auto_refresh=False) as bar:
        task = bar.add_task("ingest", total=None)
        summary = ingest(store, paths, jobs=jobs,
                         progress=lambda d, t: bar.update(task, completed=d, total=t, refresh=True))
    _print_summary(summary)
    store.close()
    raise typer.Exit(1 if summary.failures else 0)


def _print_summary(s) -> None:
    t = RichTable(title="저장 결과")
    for col in ("파일", "새 문서", "새 판", "건너뜀", "실패", "레코드", "오류", "경고", "정보"):
        t.add_column(col, justify="right")
    t.add_row(*map(str, (s.files, s.new, s.versions, s.skipped, len(s.failures), s.records,
                         s.findings.get("error", 0), s.findings.get("warning", 0), s.findings.get("info", 0))))
    out.print(t)
    for path, reason in s.failures:
        err.print(f"[red]실패[/] {escape(path)}: {escape(reason)}", highlight=False)


def search_cmd(
    query: Annotated[str, typer.Argument(help="찾을 말 (활용형·복합어의 일부도 찾습니다)")],
    db: DbOption = None,
    office: Annotated[str | None, typer.Option("--office", help="이 기관의 문서만")] = None,
    year: Annotated[int | None, typer.Option("--year", help="이 해의 문서만")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="이 종류의 문서만 (예: 주요업무보고)")] = None,
    rtype: Annotated[str | None, typer.Option("--type", help="이 단위만: section, table, task, audit_item")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="보여 줄 결과 수")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="JSON으로 출력합니다.")] = False,
) -> None:
    """저장소에서 한국어로 검색합니다 (순위, 강조된 발췌, 문서와 행)."""
    from .search import SearchFilters, search

    store = open_store(db)
    with store.connect() as conn:
        hits = search(conn, query, SearchFilters(office, year, kind, rtype), limit=limit)
    store.close()
    if as_json:
        sys.stdout.write(json.dumps([h.to_dict() for h in hits], ensure_ascii=False) + "\n")
        return
    if not hits:
        out.print("검색 결과가 없습니다.")
        return
    for i, h in enumerate(hits, 1):
        out.print(f"[bold]{i}.[/] {escape(h.path)}:{h.line or '-'} [dim]{escape(h.office or '-')} · "
                  f"{escape(h.date or '-')} · {h.type} {escape(h.ref or '')}[/]", highlight=False)
        out.print("   " + _marked(h.snippet, h.highlights), highlight=False)


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    parts, pos = [], 0
    for s, e in spans:
        parts.append(escape(text[pos:s]) + "[bold yellow]" + escape(text[s:e]) + "[/]")
        pos = e
    return "".join(parts) + escape(text[pos:])


def show_cmd(
    doc: Annotated[str, typer.Argument(help="문서 번호, sha256(앞부분) 또는 경로")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON으로 출력합니다.")] = False,
) -> None:
    """저장된 문서 하나의 정보와 레코드 수, 판(버전)을 보여 줍니다."""
    from .store.query import show_document

    store = open_store(db)
    info = show_document(store, doc)
    store.close()
    if as_json:
        sys.stdout.write(json.dumps(info, ensure_ascii=False, default=str) + "\n")
        return
    d = info["document"]
    out.rule(f"[bold]{escape(d['title'] or d['path'])}")
    grid = RichTable.grid(padding=(0, 2))
    for label, key in (("번호", "id"), ("경로", "path"), ("기관", "office"), ("종류", "kind"), ("날짜", "date"),
                       ("판", "version"), ("sha256", "sha256")):
        grid.add_row(f"[dim]{label}[/]", escape(str(d.get(key) or "-")))
    out.print(grid)
    t = RichTable(title="레코드")
    t.add_column("종류")
    t.add_column("수", justify="right")
    for k, n in info["records"].items():
        t.add_row(k, str(n))
    out.print(t)
    if len(info["versions"]) > 1:
        out.print("판: " + ", ".join(f"{v['version']}판(#{v['id']})" for v in info["versions"]))


def register(app: typer.Typer) -> None:
    """Add the store commands to the main app."""
    app.command("ingest", help="보고서 파일·폴더를 읽어 저장소에 넣습니다 (병렬 읽기, 진행 막대, 요약표).")(ingest_cmd)
    app.command("search", help="저장소를 한국어로 검색합니다.")(search_cmd)
    app.command("show", help="저장된 문서 하나를 보여 줍니다.")(show_cmd)
