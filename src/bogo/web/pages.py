"""The workbench's pages: each URL renders one data function as HTML, and its ``.json`` twin as JSON.

Routes only read the query, call the function of :mod:`.data` or
:mod:`.tracking` and render its result with the page's template; the JSON twin
(same path with ``.json``) returns exactly that result.  Forms that write
(unit decisions) check the CSRF field and the token.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import BogoError
from . import data, tracking
from .security import csrf_ok, csrf_token
from .upload import MAX_FILES, ingest_upload

router = APIRouter(include_in_schema=False)
STATUS_KO = {"done": "완료", "in_progress": "추진중", "not_due": "기한 전", "no_trace": "흔적 없음",
             "reviewing": "검토중", "not_adopted": "미반영", "unreported": "보고 없음", "unknown": "알 수 없음", None: "-"}
EVENT_KO = {"renamed": "명칭 변경", "merged": "통합", "split": "분리", "created": "신설", "abolished": "폐지",
            "possible": "연결 후보"}


def as_int(v: str | None) -> int | None:
    v = (v or "").strip()
    return int(v) if v.isdigit() else None


def opt(v: str | None) -> str | None:
    v = (v or "").strip()
    return v or None


def json_response(payload: Any, status: int = 200) -> Response:
    body = json.dumps(payload, ensure_ascii=False, default=str)
    return Response(body, status_code=status, media_type="application/json")


def render(request: Request, template: str, payload: Any, status: int = 200, **extra: Any) -> Response:
    """``payload`` as JSON on a ``.json`` path, else the page ``template`` showing it."""
    if request.url.path.endswith(".json"):
        return json_response(payload, status)
    st = request.app.state
    html = st.env.get_template(template).render(
        d=payload, csrf=csrf_token(request), path=request.url.path, query=request.query_params,
        logged_in=st.guard.logged_in(request), require_login=st.guard.require_login, version=st.version,
        STATUS_KO=STATUS_KO, EVENT_KO=EVENT_KO, **extra)
    return HTMLResponse(html, status)


def not_found(request: Request, what: str) -> Response:
    return render(request, "error.html", {"error": f"{what}을(를) 찾을 수 없습니다"}, 404)


def store(request: Request):
    return request.app.state.store


@router.get("/", response_class=HTMLResponse)
@router.get("/index.json")
def dashboard_page(request: Request):
    return render(request, "dashboard.html", data.dashboard(store(request)))


@router.get("/docs", response_class=HTMLResponse)
@router.get("/docs.json")
def docs_page(request: Request, office: str | None = None, year: str | None = None, kind: str | None = None,
              has_errors: str | None = None, page: str | None = None):
    flag = {"1": True, "yes": True, "true": True, "0": False, "no": False, "false": False}.get((has_errors or "").lower())
    d = data.document_list(store(request), opt(office), as_int(year), opt(kind), flag, as_int(page) or 1)
    return render(request, "docs.html", d, facets=data.facets(store(request)))


@router.get("/doc/{doc_id:int}.json")
@router.get("/doc/{doc_id:int}", response_class=HTMLResponse)
def doc_page(request: Request, doc_id: int, hl: str | None = None):
    d = data.document_view(store(request), doc_id)
    if d is None:
        return not_found(request, "문서")
    words = [w[:100] for w in (hl or "").split() if w][:20]
    return render(request, "doc.html", d, hl=words)


@router.get("/search", response_class=HTMLResponse)
@router.get("/search.json")
def search_page(request: Request, q: str = "", office: str | None = None, year: str | None = None,
                kind: str | None = None, type: str | None = None):
    d = data.search_results(store(request), q[:500], opt(office), as_int(year), opt(kind), opt(type))
    return render(request, "search.html", d, facets=data.facets(store(request)))


@router.get("/units", response_class=HTMLResponse)
@router.get("/units.json")
def units_page(request: Request, office: str | None = None):
    return render(request, "units.html", tracking.units(store(request), opt(office)), facets=data.facets(store(request)))


@router.get("/unit", response_class=HTMLResponse)
@router.get("/unit.json")
def unit_page(request: Request, office: str = "", name: str = ""):
    if not office.strip() or not name.strip():
        return render(request, "error.html", {"error": "기관(office)과 부서 이름(name)이 필요합니다"}, 400)
    d = tracking.unit_page(store(request), office.strip(), name.strip())
    if not d["series"] and not d["events"]:
        return not_found(request, "부서")
    from .charts import series_chart

    return render(request, "unit.html", d, chart=series_chart(d["series"]))


@router.post("/unit/decide")
def unit_decide(request: Request, office: str = Form(""), a: str = Form(...), b: str = Form(...),
                action: str = Form(...), name: str = Form(""), csrf: str = Form(""), token: str = Form("")):
    if not csrf_ok(request, csrf):
        return render(request, "error.html", {"error": "요청을 확인할 수 없습니다 (CSRF 토큰이 맞지 않음). 페이지를 새로 고친 뒤 다시 시도하세요"}, 403)
    if not request.app.state.guard.authorized(request, token):
        return render(request, "error.html", {"error": "토큰이 맞지 않습니다. 부서 연결을 바꾸려면 토큰이 필요합니다"}, 403)
    from ..track.identity import decide_and_refresh

    try:
        decide_and_refresh(store(request), a, b, action, opt(office))  # the stored identity events follow
    except BogoError as e:
        return render(request, "error.html", {"error": e.reason}, 400)
    from urllib.parse import urlencode

    return RedirectResponse("/unit?" + urlencode({"office": office, "name": name or b}), status_code=303)


@router.get("/audit", response_class=HTMLResponse)
@router.get("/audit.json")
def audit_page(request: Request, office: str | None = None, status: str | None = None,
               department: str | None = None, year: str | None = None):
    d = tracking.audit_board(store(request), opt(office), opt(status), opt(department), as_int(year))
    return render(request, "audit.html", d, facets=data.facets(store(request)))


def _default_office(request: Request, office: str | None) -> str | None:
    offices = data.facets(store(request))["offices"]
    return opt(office) or (offices[0] if offices else None)


@router.get("/plans", response_class=HTMLResponse)
@router.get("/plans.json")
def plans_page(request: Request, office: str | None = None, overdue: str | None = None):
    off = _default_office(request, office)
    d = (tracking.plans_page(store(request), off, overdue=bool(opt(overdue))) if off
         else {"office": None, "plans": [], "count": 0, "overdue": 0, "overdue_only": False, "today": ""})
    return render(request, "plans.html", d, facets=data.facets(store(request)))


@router.get("/questions", response_class=HTMLResponse)
@router.get("/questions.json")
@router.get("/questions.csv")
def questions_page(request: Request, office: str | None = None, unit: str | None = None):
    off = _default_office(request, office)
    d = tracking.questions(store(request), off, opt(unit)) if off else {"office": None, "unit": None,
                                                                       "count": 0, "questions": []}
    if request.url.path.endswith(".csv"):
        body = "\ufeff" + tracking.questions_csv(d)
        return Response(body.encode("utf-8"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": "attachment; filename=\"questions.csv\""})
    return render(request, "questions.html", d, facets=data.facets(store(request)))


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request):
    return render(request, "login.html", {"error": None})


@router.post("/login")
def login(request: Request, token: str = Form(""), csrf: str = Form("")):
    guard = request.app.state.guard
    if not csrf_ok(request, csrf) or not guard.token_ok(token):
        return render(request, "login.html", {"error": "토큰이 맞지 않습니다"}, 403)
    from .security import AUTH_COOKIE

    resp = RedirectResponse("/", status_code=303)
    resp.set_cookie(AUTH_COOKIE, guard.auth_value(), httponly=True, samesite="strict")
    return resp


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")):
    from .security import AUTH_COOKIE

    if not csrf_ok(request, csrf):
        return render(request, "error.html", {"error": "요청을 확인할 수 없습니다 (CSRF 토큰이 맞지 않음)"}, 403)
    resp = RedirectResponse("/", status_code=303)
    resp.delete_cookie(AUTH_COOKIE)
    return resp


@router.get("/api-docs", response_class=HTMLResponse)
def api_docs(request: Request):
    spec = request.app.openapi()
    routes = [{"path": path, "methods": [m.upper() for m in ops], "summary": next(iter(ops.values())).get("summary")}
              for path, ops in spec["paths"].items()]
    return render(request, "api_docs.html", {"routes": routes})



@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request):
    st = request.app.state
    return render(request, "upload.html", {"max_mb": st.max_upload // 1048576, "max_files": MAX_FILES})


async def read_uploads(request: Request) -> tuple[Any, list[tuple[str | None, bytes]]]:
    """The form and its files (each read up to one byte past the limit, so an oversize file is known)."""
    form = await request.form(max_files=MAX_FILES, max_fields=20)
    files = []
    for f in form.getlist("files"):
        if hasattr(f, "read"):
            files.append((f.filename, await f.read(request.app.state.max_upload + 1)))
    return form, files


def too_large(request: Request) -> bool:
    length = request.headers.get("content-length", "")
    return length.isdigit() and int(length) > request.app.state.max_upload * MAX_FILES + 1048576


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request):
    st = request.app.state
    if too_large(request):
        return render(request, "error.html", {"error": f"요청이 너무 큽니다 (파일당 {st.max_upload // 1048576} MB, "
                                              f"최대 {MAX_FILES}개)"}, 413)
    try:
        form, files = await read_uploads(request)
    except Exception:  # noqa: BLE001 — a malformed or over-long multipart body is one line
        return render(request, "error.html", {"error": f"업로드 양식을 읽을 수 없습니다 (파일은 최대 {MAX_FILES}개)"}, 400)
    if not csrf_ok(request, str(form.get("csrf") or "")):
        return render(request, "error.html", {"error": "요청을 확인할 수 없습니다 (CSRF 토큰이 맞지 않음). "
                                              "페이지를 새로 고친 뒤 다시 시도하세요"}, 403)
    if not st.guard.authorized(request, str(form.get("token") or "")):
        return render(request, "error.html", {"error": "토큰이 맞지 않습니다. 업로드에는 서버를 시작할 때 "
                                              "알려 준 토큰이 필요합니다"}, 401)
    if not files:
        return render(request, "error.html", {"error": "올린 파일이 없습니다"}, 400)
    results = await run_in_threadpool(lambda: [ingest_upload(st.store, n, b, st.workdir, st.max_upload)
                                               for n, b in files])
    return render(request, "upload_result.html", {"results": results})
