"""Every page and its ``.json`` twin answer, with the data of the stored examples in the right places."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

ISSUE = "hanbit_2025_issue_report.txt"
PLAN = "hanbit_2024_plan_office.txt"
PAGES = ["/", "/docs", "/search?q=예산", "/units", "/audit", "/plans", "/questions", "/upload", "/api-docs",
         "/unit?office=" + quote("기획조정실") + "&name=" + quote("협력상생담당관")]


@pytest.mark.parametrize("url", PAGES)
def test_page_and_json_twin_answer(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    assert "<html lang=\"ko\">" in r.text
    if url in ("/upload", "/api-docs"):
        return
    path, _, query = url.partition("?")
    twin = ("/index" if path == "/" else path) + ".json" + ("?" + query if query else "")
    j = client.get(twin)
    assert j.status_code == 200 and isinstance(j.json(), dict)


def test_dashboard_counts(client, docs):
    r = client.get("/")
    assert re.search(r"<h1>[^<]*대시보드", r.text)
    d = client.get("/index.json").json()
    assert d["documents"] == len(docs)
    assert sum(r["documents"] for r in d["by_office_year"]) == len(docs)
    codes = {c["code"] for c in d["findings_by_code"]}
    assert {"T101", "T106"} <= codes
    assert d["findings_by_severity"]["error"] >= 1
    assert d["open_audit_items"] >= 1 and sum(d["audit_by_status"].values()) >= d["open_audit_items"]
    assert len(d["recent"]) >= 1


def test_document_list_filters(client, docs):
    all_ = client.get("/docs.json").json()
    assert all_["total"] == len(docs)
    office = client.get("/docs.json", params={"office": "기획예산실"}).json()
    assert 0 < office["total"] < all_["total"] and all(x["office"] == "기획예산실" for x in office["documents"])
    errs = client.get("/docs.json", params={"has_errors": "1"}).json()
    assert errs["total"] >= 1 and all(x["findings"]["error"] > 0 for x in errs["documents"])
    clean = client.get("/docs.json", params={"has_errors": "0"}).json()
    assert errs["total"] + clean["total"] == all_["total"]
    page = client.get("/docs", params={"year": "2024"}).text
    assert PLAN in page and 'id="result-count"' in page


def test_table_findings_are_marked_in_their_cells(client, docs):
    doc = docs[ISSUE]
    d = client.get(f"/doc/{doc}.json").json()
    page = client.get(f"/doc/{doc}").text
    placed = [f for f in d["findings"] if f["table"] and f["row_index"] is not None and f["col_index"] is not None]
    assert any(f["code"] == "T101" for f in placed)
    for f in placed:
        cell = re.search(rf'<td id="{f["table"]}-r{f["row_index"]}-c{f["col_index"]}"([^>]*)>', page)
        assert cell, f
        assert "has-finding" in cell.group(1) and "sev-" in cell.group(1)
        assert f["code"] in re.search(r'data-codes="([^"]*)"', cell.group(1)).group(1).split()
    # each table once, each placed finding's message beside its row, with a link to the line
    assert page.count('<table class="doc-table">') == len(d["tables"])
    t101 = next(f for f in placed if f["code"] == "T101")
    assert re.search(rf'<p class="finding sev-error">.*?T101.*?href="#L{t101["line"]}"', page)


def test_source_tab_has_numbered_lines_and_highlights(client, docs):
    doc = docs[PLAN]
    page = client.get(f"/doc/{doc}", params={"hl": "담당관"}).text
    assert '<span id="L1" class="line">' in page
    assert re.search(r'<span id="L\d+" class="line">.*?<mark>담당관</mark>', page)
    outline = client.get(f"/doc/{doc}.json").json()["outline"]
    assert outline and f'href="#L{outline[0]["line"]}"' in page
    assert all(tab in page for tab in ("표 (", "과제·일정", "감사 처리", "점검 결과", "원문"))


def test_missing_document_is_404(client):
    assert client.get("/doc/999999").status_code == 404
    assert client.get("/doc/999999.json").status_code == 404
    assert client.get("/api/documents/999999").status_code == 404
    assert "찾을 수 없습니다" in client.get("/doc/999999").text


def test_search_hits_link_to_highlighted_line(client):
    d = client.get("/search.json", params={"q": "협력상생담당관"}).json()
    assert d["count"] >= 1 and d["hits"][0]["highlights"]
    page = client.get("/search", params={"q": "협력상생담당관"}).text
    count = re.search(r'id="result-count">(\d+)<', page)
    assert count and int(count.group(1)) == d["count"]
    links = re.findall(r'<li class="hit"><a class="hit-link" href="(/doc/(\d+)\?hl=[^"#]+#L(\d+))"', page)
    assert len(links) == d["count"]
    assert "<mark>" in page.split('class="hit"', 1)[1]
    href, _, line = links[0]
    target = client.get(href.replace("&amp;", "&").split("#")[0])
    assert re.search(rf'<span id="L{line}" class="line">[^\n]*<mark>', target.text)


def test_search_filters(client):
    every = client.get("/search.json", params={"q": "예산"}).json()
    only = client.get("/search.json", params={"q": "예산", "office": "기획예산실"}).json()
    assert every["count"] >= only["count"] >= 1 and all(h["office"] == "기획예산실" for h in only["hits"])
    assert client.get("/search.json", params={"q": ""}).json()["count"] == 0


def test_unit_page_follows_a_rename(client):
    d = client.get("/unit.json", params={"office": "기획조정실", "name": "협력상생담당관"}).json()
    renamed = [e for e in d["events"] if e["kind"] == "renamed"]
    assert any(e["old"].replace(" ", "") == "대외협력담당관" for e in renamed)
    assert {r["unit"].replace(" ", "") for r in d["series"]} >= {"대외협력담당관", "협력상생담당관"}
    page = client.get("/unit", params={"office": "기획조정실", "name": "협력상생담당관"}).text
    assert '<svg class="chart"' in page and "<polyline" in page
    event = page.split('class="unit-event', 1)[1].split("</div>", 1)[0]
    assert re.search(r'<a href="/unit\?office=[^"]+&amp;name=%EB%8C%80', event)  # 대… (the old name)
    assert 'action="/unit/decide"' in event and 'name="csrf"' in event


def test_unknown_unit_is_404_and_missing_params_400(client):
    assert client.get("/unit", params={"office": "기획조정실", "name": "없는부서이름"}).status_code == 404
    assert client.get("/unit").status_code == 400


def test_audit_board_open_first_and_marked(client):
    d = client.get("/audit.json").json()
    assert d["count"] >= 1
    done = [s["current"] == "done" for s in d["series"]]
    assert done == sorted(done)  # open items first
    only_open = client.get("/audit.json", params={"status": "open"}).json()
    assert only_open["count"] == d["open"] and all(s["current"] != "done" for s in only_open["series"])
    page = client.get("/audit").text
    assert 'id="result-count"' in page and 'class="audit-row' in page
    if any(s["recurring"] for s in d["series"]):
        assert "flag-recurring" in page


def test_plans_timeline_with_evidence_or_no_trace(client):
    d = client.get("/plans.json", params={"office": "기획조정실"}).json()
    assert d["count"] >= 1
    page = client.get("/plans", params={"office": "기획조정실"}).text
    assert page.count('<li class="plan') == d["count"]
    for p in d["plans"]:
        assert (p["evidence"] is not None) or p["status"] in ("no_trace", "not_due")
    if any(not p["evidence"] for p in d["plans"]):
        assert "흔적 없음" in page
    overdue = client.get("/plans.json", params={"office": "기획조정실", "overdue": "1"}).json()
    assert all(p["overdue"] for p in overdue["plans"])


def test_question_candidates_with_sources_and_csv(client):
    d = client.get("/questions.json", params={"office": "기획조정실"}).json()
    assert d["count"] >= 1
    assert all(q["reason"] and q["link"].startswith("/doc/") for q in d["questions"] if q["document_id"])
    assert {q["kind"] for q in d["questions"]} & {"감사 처리", "일정", "점검 결과", "인력 변동"}
    r = client.get("/questions.csv", params={"office": "기획조정실"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf") and "구분,내용,이유" in r.content.decode("utf-8-sig")
    page = client.get("/questions", params={"office": "기획조정실"}).text
    assert 'media="print"' in page and "print-button" in page


def test_questions_csv_is_formula_safe():
    from bogo.web.tracking import questions_csv

    text = questions_csv({"questions": [{"kind": "점검 결과", "text": "=cmd|' /C calc'!A0", "reason": "+1",
                                         "document_id": 1, "line": 2, "link": "/doc/1#L2"}]})
    row = text.splitlines()[1]
    assert row.startswith("점검 결과,'=cmd") and ",'+1," in row


def test_questions_for_one_unit_follow_its_rename(client):
    d = client.get("/questions.json", params={"office": "기획조정실", "unit": "협력상생담당관"}).json()
    staff = [q for q in d["questions"] if q["kind"] == "인력 변동"]
    assert staff and all(q["link"] == f"/doc/{q['document_id']}#L{q['line']}" for q in staff)
    assert "협력상생담당관" in staff[0]["text"] and "정원" in staff[0]["reason"]


def test_pages_on_an_empty_store(tmp_path):
    from fastapi.testclient import TestClient

    from bogo.web import create_app

    with TestClient(create_app(str(tmp_path / "empty.db"), token="t")) as c:
        for url in ["/", "/docs", "/search?q=예산", "/units", "/audit", "/plans", "/questions", "/questions.csv"]:
            assert c.get(url).status_code == 200, url
        assert c.get("/index.json").json()["documents"] == 0
        assert c.get("/plans.json").json()["plans"] == []
