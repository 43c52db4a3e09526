"""CLI: ``bogo serve`` — the web workbench over a store, with uvicorn.

Prints the address and the upload token in Korean; the token comes from
``--token``, else ``BOGO_TOKEN``, else a fresh one made here.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

from .cli_store import DbOption, out


def serve_cmd(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="들을 주소 (기본: 이 컴퓨터에서만 127.0.0.1)")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="포트")] = 8000,
    token: Annotated[str | None, typer.Option("--token", help="업로드 토큰 (기본: BOGO_TOKEN, 없으면 새로 만듭니다)")] = None,
    require_login: Annotated[bool, typer.Option("--require-login", help="모든 화면에 토큰 로그인을 요구합니다.")] = False,
) -> None:
    """웹 작업대를 엽니다 (대시보드, 문서, 검색, 부서, 감사 처리, 일정, 질문 후보, 업로드)."""
    import uvicorn

    from .web import create_app, new_token

    given = token or os.environ.get("BOGO_TOKEN")
    token = given or new_token()
    app = create_app(db, token=token, require_login=require_login)
    shown = f"[{host}]" if ":" in host else host
    out.print(f"bogo 작업대: http://{shown}:{port}/ (끝내려면 Ctrl+C)", highlight=False)
    out.print("업로드 토큰: " + ("--token 또는 BOGO_TOKEN 의 값" if given else token), highlight=False)
    if require_login:
        out.print("모든 화면에 로그인이 필요합니다 (위 토큰).", highlight=False)
    out.file.flush()  # the address shows at once, also when the output goes to a log or a pipe
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve", help="웹 작업대를 엽니다 (FastAPI, 브라우저에서 봅니다).")(serve_cmd)
