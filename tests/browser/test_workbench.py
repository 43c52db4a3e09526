"""The workbench in a real headless Chromium: dashboard, search to a highlighted
hit, a finding highlighted in its cell, a unit followed across a rename, upload
with and without the token, and injected HTML that never runs."""

from __future__ import annotations

import json
import re
import urllib.parse
import urllib.request

import pytest

from .conftest import EXAMPLES, TOKEN

pytestmark = pytest.mark.xdist_group("browser")


def _json(base: str, path: str):
    with urllib.request.urlopen(base + path, timeout=10) as r:
        return json.load(r)


def _docs(base: str) -> list[dict]:
    out, page = [], 1
    while True:
        data = _json(base, f"/docs.json?page={page}")
        out += data["documents"]
        if page >= data["pages"]:
            return out
        page += 1


def test_dashboard_opens_without_script_errors(page):
    page.goto(page.base + "/")
    assert "대시보드" in page.inner_text("h1")
    body = page.inner_text("body")
    assert "기획조정실" in body                        # documents by office
    assert page.failed_responses == []
    assert page.console_errors == []                  # CSP holds without blocking our own script


def test_search_lands_on_the_highlighted_hit(page):
    page.goto(page.base + "/search?q=" + urllib.parse.quote("협력상생"))
    count = int(re.sub(r"\D", "", page.inner_text("#result-count")) or 0)
    assert count >= 1
    first = page.locator("li.hit", has_text="협력상생").first
    assert first.count() == 1
    marked = "".join(first.locator("mark").all_inner_texts())
    assert "협력" in marked and "상생" in marked     # the query's words marked in the snippet
    first.locator("a.hit-link").click()
    page.wait_for_load_state()
    assert "/doc/" in page.url and "#L" in page.url
    line = page.url.rsplit("#", 1)[1]
    target = page.locator(f"[id='{line}']")
    assert target.count() == 1
    assert any("협력" in m for m in target.locator("mark").all_inner_texts())


def test_document_shows_a_finding_in_its_cell(page):
    docs = [d for d in _docs(page.base) if d["findings"]["error"] > 0]
    assert docs, "the examples carry error findings"
    doc = docs[0]
    page.goto(f"{page.base}/doc/{doc['id']}")
    cell = page.locator("td.has-finding.sev-error").first
    assert cell.count() == 1
    codes = cell.get_attribute("data-codes")
    assert re.fullmatch(r"[A-Z]\d{3}( [A-Z]\d{3})*", codes)
    assert re.fullmatch(r"t\d+-r\d+-c\d+", cell.get_attribute("id"))
    message = page.locator(".finding", has_text=codes.split()[0]).first
    assert message.count() == 1 and message.is_visible()


def test_unit_followed_across_a_rename(page):
    q = urllib.parse.urlencode({"office": "기획조정실", "name": "대외협력담당관"})
    page.goto(f"{page.base}/unit?{q}")
    assert page.locator("svg.chart").count() >= 1
    event = page.locator(".unit-event", has_text="협력상생담당관").first
    assert event.count() == 1
    event.locator("a", has_text="협력상생담당관").first.click()
    page.wait_for_load_state()
    assert "협력상생담당관" in urllib.parse.unquote(page.url)
    assert "협력상생담당관" in page.inner_text("h1")
    assert page.locator("svg.chart").count() >= 1


def _upload(page, token: str):
    page.goto(page.base + "/upload")
    page.fill("#upload-form input[name=token]", token)
    page.set_input_files("#upload-form input[type=file]", str(EXAMPLES / "hanbit_2024_plan_office.txt"))
    page.click("#upload-form button[type=submit]")
    page.wait_for_load_state()


def test_upload_without_the_token_is_refused_and_stores_nothing(page):
    before = len(_docs(page.base))
    _upload(page, "wrong-token")
    assert "토큰" in page.inner_text("body")
    assert page.locator(".upload-result a[href^='/doc/']").count() == 0
    assert len(_docs(page.base)) == before


def test_upload_with_the_token_shows_the_result(page, tmp_path):
    _upload(page, TOKEN)
    result = page.locator(".upload-result").first
    assert result.count() == 1
    result.locator("a[href^='/doc/']").first.click()
    page.wait_for_load_state()
    assert re.search(r"/doc/\d+", page.url)


def test_injected_html_is_shown_as_text_and_never_runs(page):
    doc = next(d for d in _docs(page.base) if "injected_report" in (d.get("path") or ""))
    page.goto(f"{page.base}/doc/{doc['id']}")
    page.wait_for_load_state()
    assert page.evaluate("window.__xss") is None
    page.goto(f"{page.base}/doc/{doc['id']}?tab=source")
    assert "<script>window.__xss = 3</script>" in page.inner_text("body")
    assert page.evaluate("window.__xss") is None
    page.goto(page.base + "/search?q=" + urllib.parse.quote("주입점검과"))
    assert page.evaluate("window.__xss") is None
    assert page.locator("script:not([src])").count() == 0   # no inline script anywhere
