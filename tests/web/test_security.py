"""Security of the workbench: headers, escaping, the upload token, limits, CSRF and the optional login."""

from __future__ import annotations

import re

import pytest

from .conftest import TOKEN

SCRIPT_DOC = ("주 요 업 무 보 고\n\n2024. 7.\n\n보안시험과\n\nⅠ. 일반 현황\n\n"
              "<script>alert(1)</script> 현황 설명 <img src=x onerror=alert(2)>\n\n"
              "구 분\t2023년\t2024년\n계\t10\t20\n<b>가과</b>\t5\t15\n").encode()


def _csrf(client) -> str:
    page = client.get("/upload").text
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def _upload(client, files, token=TOKEN, csrf=None):
    data = {"token": token, "csrf": _csrf(client) if csrf is None else csrf}
    return client.post("/upload", data=data, files=[("files", f) for f in files])


def _count(client) -> int:
    return client.get("/index.json").json()["documents"]


@pytest.mark.parametrize("url", ["/", "/docs", "/doc/1", "/search?q=예산", "/upload", "/index.json", "/api/documents",
                                 "/static/bogo.css", "/doc/999999"])
def test_security_headers(client, url):
    h = client.get(url).headers
    assert h["content-security-policy"].startswith("default-src 'self'; script-src 'self'")
    assert "'unsafe-inline'" not in h["content-security-policy"] and "frame-ancestors 'none'" in h["content-security-policy"]
    assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
    assert h["referrer-policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style(client, docs):
    for url in ["/", "/docs", f"/doc/{next(iter(docs.values()))}", "/search?q=예산", "/upload", "/audit", "/plans",
                "/questions"]:
        page = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)", page), url
        assert " style=" not in page and "<style" not in page and " onclick=" not in page, url
        assert "http://" not in page and "https://" not in page, url  # nothing from elsewhere


def test_no_cdn_swagger_and_local_api_docs(client):
    assert client.get("/redoc").status_code == 404
    assert "swagger" not in client.get("/docs").text.lower()
    spec = client.get("/api/openapi.json").json()
    assert "/api/documents/{doc_id}/contract" in spec["paths"] and "/api/search" in spec["paths"]
    page = client.get("/api-docs").text
    assert "/api/documents" in page and "/api/openapi.json" in page


def test_upload_without_token_is_refused_and_nothing_stored(fresh):
    c = fresh()
    before = _count(c)
    r = _upload(c, [("보고.txt", SCRIPT_DOC, "text/plain")], token="wrong")
    assert r.status_code == 401 and "토큰" in r.text
    r = _upload(c, [("보고.txt", SCRIPT_DOC, "text/plain")], token="")
    assert r.status_code == 401
    r = c.post("/api/upload", files=[("files", ("a.txt", SCRIPT_DOC, "text/plain"))])
    assert r.status_code == 401
    assert _count(c) == before


def test_upload_without_csrf_is_refused(fresh):
    c = fresh()
    before = _count(c)
    r = _upload(c, [("보고.txt", SCRIPT_DOC, "text/plain")], csrf="forged")
    assert r.status_code == 403 and "CSRF" in r.text
    r = c.post("/upload", data={"token": TOKEN, "csrf": _csrf(c)}, files=[("files", ("a.txt", SCRIPT_DOC))],
               headers={"Origin": "http://evil.example"})
    assert r.status_code == 403
    assert _count(c) == before


def test_upload_with_token_stores_and_shows_findings_and_escapes_script(fresh):
    c = fresh()
    before = _count(c)
    r = _upload(c, [("<i>보고.txt", SCRIPT_DOC, "text/plain")])
    assert r.status_code == 200, r.text[:300]
    assert r.text.count('class="upload-result') == 1 and "upload-error" not in r.text
    doc = int(re.search(r'href="/doc/(\d+)"', r.text).group(1))
    assert _count(c) == before + 1
    assert "&lt;i&gt;보고.txt" in r.text and "<i>보고" not in r.text
    findings = c.get(f"/doc/{doc}.json").json()["findings"]
    assert any(f["code"] == "T101" for f in findings)  # 5 + 15 ≠ 10… the total row is wrong
    assert "T101" in r.text and 'class="finding sev-' in r.text
    page = c.get(f"/doc/{doc}").text
    assert "<script>alert" not in page and "<img src=x" not in page and "<b>가과" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert c.get(f"/doc/{doc}.json").json()["document"]["path"] == "업로드/<i>보고.txt"
    assert '<span class="flag">업로드</span>' in c.get("/").text  # listed among the recent documents


def test_api_upload_with_bearer_token(fresh):
    c = fresh()
    r = c.post("/api/upload", files=[("files", ("api.txt", SCRIPT_DOC.replace(b"10", b"11"), "text/plain"))],
               headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["results"][0]["ok"] is True


def test_oversize_and_wrong_type_are_refused_with_a_korean_line(fresh):
    c = fresh(max_upload_bytes=4000)
    before = _count(c)
    r = _upload(c, [("big.txt", SCRIPT_DOC * 40, "text/plain"), ("bin.hwp", bytes(range(256)) * 8, "application/x-hwp"),
                    ("empty.txt", b"", "text/plain")])
    assert r.status_code == 200
    errors = re.findall(r'<section class="upload-result upload-error">.*?<p class="error-line">([^<]*)</p>', r.text, re.S)
    assert len(errors) == 3
    assert "너무 큽니다" in errors[0] and "한도 4 KB" in errors[0]
    assert "형식" in errors[1]
    assert "빈 파일" in errors[2]
    assert _count(c) == before


def test_uploaded_name_never_reaches_the_file_system(fresh, tmp_path):
    from bogo.web import upload

    c = fresh()
    workdir = c.app.state.workdir
    r = _upload(c, [("../../../../tmp/evil.txt", SCRIPT_DOC.replace(b"20", b"21"), "text/plain")])
    assert r.status_code == 200 and "upload-error" not in r.text
    assert list(workdir.iterdir()) == []  # the generated file is removed after ingest
    assert upload.display_name("../../x/evil.txt") == "evil.txt" and upload.display_name("a\nb") == "a␊b"
    assert not (tmp_path.parent / "evil.txt").exists()


def test_unit_decision_needs_csrf_and_token(fresh):
    c = fresh()
    form = {"office": "기획조정실", "a": "대외협력담당관", "b": "협력상생담당관", "action": "unlink", "name": "협력상생담당관"}
    assert c.post("/unit/decide", data=form | {"csrf": "x", "token": TOKEN}).status_code == 403
    csrf = _csrf(c)
    assert c.post("/unit/decide", data=form | {"csrf": csrf, "token": "wrong"}).status_code == 403
    r = c.post("/unit/decide", data=form | {"csrf": csrf, "token": TOKEN}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/unit?")
    d = c.get("/unit.json", params={"office": "기획조정실", "name": "협력상생담당관"}).json()
    assert not any(e["kind"] == "renamed" and e["old"].replace(" ", "") == "대외협력담당관" for e in d["events"])


def test_require_login(fresh):
    c = fresh(require_login=True)
    r = c.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert c.get("/docs.json").status_code == 401 and c.get("/api/documents").status_code == 401
    assert c.get("/static/bogo.css").status_code == 200
    page = c.get("/login").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    assert c.post("/login", data={"token": "wrong", "csrf": csrf}).status_code == 403
    r = c.post("/login", data={"token": TOKEN, "csrf": csrf}, follow_redirects=False)
    assert r.status_code == 303 and "bogo_auth" in r.headers["set-cookie"] and TOKEN not in r.headers["set-cookie"]
    assert c.get("/").status_code == 200 and "대시보드" in c.get("/").text
    assert c.get("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
