"""The web workbench's application: ``create_app(db, token, require_login)``.

Opens the store once, builds the template environment (the web's pages in
front of the shared templates of :mod:`bogo.render`, autoescape always on),
serves the local static files, installs the security middleware and mounts the
page routes and the ``/api`` routes.  FastAPI's CDN-loaded documentation pages
are switched off; the OpenAPI document is at ``/api/openapi.json`` and a local
Korean list of the endpoints at ``/api-docs``.
"""

from __future__ import annotations

import os
import secrets
from importlib.resources import files

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from jinja2 import PackageLoader
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from ..render.templating import environment
from ..store import Store
from . import api, pages
from .options import select_html
from .security import Guard, install
from .upload import DEFAULT_MAX_UPLOAD_BYTES, private_dir


def new_token() -> str:
    """A fresh upload token (for ``bogo serve`` without ``--token`` or ``BOGO_TOKEN``)."""
    return secrets.token_urlsafe(18)


def create_app(db: str | None = None, token: str | None = None, require_login: bool = False,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> FastAPI:
    """The workbench over the store ``db``; uploads need ``token`` (or ``BOGO_TOKEN``, else a generated one)."""
    from .. import __version__

    app = FastAPI(title="bogo 작업대 API", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json", swagger_ui_oauth2_redirect_url=None)
    st = app.state
    st.store = Store(db)
    st.guard = Guard(token or os.environ.get("BOGO_TOKEN") or new_token(), require_login)
    st.env = environment(PackageLoader("bogo.web", "templates"))
    st.env.globals["select_html"] = select_html
    st.version = __version__
    st.max_upload = max_upload_bytes
    st.workdir = private_dir()
    _search_words(st.store)
    install(app, st.guard)

    report_css = files("bogo.render").joinpath("templates/report.css").read_bytes()

    @app.get("/static/report.css", include_in_schema=False)
    def shared_css() -> Response:
        return Response(report_css, media_type="text/css")

    app.mount("/static", StaticFiles(packages=[("bogo.web", "static")]), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/") or request.url.path.endswith(".json"):
            return pages.json_response({"detail": exc.detail}, exc.status_code)
        msg = "페이지를 찾을 수 없습니다" if exc.status_code == 404 else str(exc.detail)
        return pages.render(request, "error.html", {"error": msg}, exc.status_code)

    return app


def _search_words(store: Store) -> None:
    """Teach the tokeniser the store's unit names, as ``bogo ingest`` does for its workers."""
    from ..search.tokens import add_user_words

    add_user_words(store.unit_names())
