"""The JSON API under ``/api``: the same data functions as the pages, as JSON.

Documented by OpenAPI at ``/api/openapi.json`` and by the local Korean page
``/api-docs`` (no CDN-hosted Swagger UI).  Uploading through the API needs the
token as ``Authorization: Bearer …``.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool

from . import data, tracking
from .pages import json_response, opt, read_uploads, too_large
from .upload import ingest_upload

router = APIRouter(prefix="/api")


def _store(request: Request):
    return request.app.state.store


@router.get("/dashboard", summary="대시보드 집계")
def api_dashboard(request: Request):
    return json_response(data.dashboard(_store(request)))


@router.get("/documents", summary="문서 목록 (기관·연도·종류·오류 여부, 쪽)")
def api_documents(request: Request, office: str | None = None, year: int | None = None, kind: str | None = None,
                  has_errors: bool | None = None, page: int = 1, per_page: int = data.DEFAULT_PER_PAGE):
    return json_response(data.document_list(_store(request), opt(office), year, opt(kind), has_errors, page, per_page))


@router.get("/documents/{doc_id}", summary="문서 하나 (목차, 표, 점검 결과, 과제, 일정, 감사 처리, 원문 줄)")
def api_document(request: Request, doc_id: int):
    return json_response(_found(data.document_view(_store(request), doc_id)))


@router.get("/documents/{doc_id}/contract", summary="문서의 계약 JSON (bogo.report/1)")
def api_contract(request: Request, doc_id: int):
    return json_response(_found(data.contract(_store(request), doc_id)))


def _found(d):
    """``d``, or a 404 when the document does not exist."""
    if d is None:
        raise HTTPException(404, "문서를 찾을 수 없습니다")
    return d


@router.get("/findings", summary="점검 결과 (문서·코드·심각도, 쪽)")
def api_findings(request: Request, document_id: int | None = None, code: str | None = None,
                 severity: str | None = None, page: int = 1, per_page: int = data.DEFAULT_PER_PAGE):
    return json_response(data.findings_list(_store(request), document_id, opt(code), opt(severity), page, per_page))


@router.get("/search", summary="한국어 검색 (강조 발췌, 문서와 행)")
def api_search(request: Request, q: str, office: str | None = None, year: int | None = None,
               kind: str | None = None, type: str | None = None, limit: int = data.SEARCH_LIMIT):
    return json_response(data.search_results(_store(request), q[:500], opt(office), year, opt(kind), opt(type), limit))


@router.get("/units", summary="부서 목록 (인력표에 나온 부서)")
def api_units(request: Request, office: str | None = None):
    return json_response(tracking.units(_store(request), opt(office)))


@router.get("/unit", summary="부서 하나: 인력 추이, 예산, 명칭 변경·연결, 감사 항목, 일정")
def api_unit(request: Request, office: str, name: str):
    return json_response(tracking.unit_page(_store(request), office, name))


@router.get("/audit", summary="감사 처리 항목의 이력 (상태·부서·연도)")
def api_audit(request: Request, office: str | None = None, status: str | None = None,
              department: str | None = None, year: int | None = None):
    return json_response(tracking.audit_board(_store(request), opt(office), opt(status), opt(department), year))


@router.get("/plans", summary="일정 이행 추적 (기관별)")
def api_plans(request: Request, office: str, overdue: bool = False):
    return json_response(tracking.plans_page(_store(request), office, overdue))


@router.get("/questions", summary="질문 후보 (기관, 부서)")
def api_questions(request: Request, office: str, unit: str | None = None):
    return json_response(tracking.questions(_store(request), office, opt(unit)))


@router.post("/upload", summary="파일 올리기 (Authorization: Bearer 토큰, multipart 'files')")
async def api_upload(request: Request):
    st = request.app.state
    auth = request.headers.get("authorization", "")
    if not (auth.lower().startswith("bearer ") and st.guard.token_ok(auth[7:].strip())):
        return json_response({"detail": "토큰이 필요합니다 (Authorization: Bearer …)"}, 401)
    if too_large(request):
        return json_response({"detail": "요청이 너무 큽니다"}, 413)
    _, files = await read_uploads(request)
    results = await run_in_threadpool(lambda: [ingest_upload(st.store, n, b, st.workdir, st.max_upload)
                                               for n, b in files])
    return json_response({"results": results})

