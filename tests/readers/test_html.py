"""HTML pages: whitespace inside cells, page wrappers, block lines (bogo.readers.html)."""

from __future__ import annotations

import bogo
from bogo.blocks import Paragraph, Table
from bogo.readers import read

PAGE = """<%@ page language="java" contentType="text/html; charset=utf-8"%>
<html><head><title>t</title><script>var x = "<table><tr><td>no</td></tr></table>";</script></head>
<body>
\t<nav><ul><li>홈</li><li>정보공개</li></ul></nav>
\t<ul class="guide">
\t\t<li><strong>감사기간 </strong>: 2023.11.20~11.28</li>
\t\t<li><strong>시정요구사항</strong>
\t\t\t<table>
\t\t\t\t<thead><tr>
\t\t\t\t\t<th>연번</th><th>시정요구사항</th><th>처리결과</th><th>비고</th>
\t\t\t\t</tr></thead>
\t\t\t\t<tbody><tr>
\t\t\t\t\t<td>1</td>
\t\t\t\t\t<td>주차장 안내표지를
\t\t\t\t\t\t정비하기 바람</td>
\t\t\t\t\t<td>안내표지\t교체 완료</td>
\t\t\t\t\t<td>완료</td>
\t\t\t\t</tr></tbody>
\t\t\t</table>
\t\t</li>
\t</ul>
</body></html>
"""


def test_indented_page_gives_one_table_and_block_lines(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(PAGE, encoding="utf-8")
    doc = read(p)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert len(tables) == 1
    t = tables[0]
    assert (t.n_rows, t.n_cols, t.header_rows) == (2, 4, 1)
    assert t.grid()[1] == ["1", "주차장 안내표지를 정비하기 바람", "안내표지 교체 완료", "완료"]
    assert all("\t" not in c.raw and "\n" not in c.raw for c in t.cells)
    # a label and its value in one block are one line; navigation, scripts and the directive are gone
    assert "감사기간 : 2023.11.20~11.28" in texts
    assert not any("page" in x or "홈" in x or "var x" in x for x in texts)


def test_two_row_table_with_a_tab_in_a_cell_does_not_crash(tmp_path):
    p = tmp_path / "t.html"
    p.write_text("<html><body><table>\n<tr>\n<td>\t1</td><td>a</td></tr><tr><td>2</td><td>b</td></tr></table>"
                 "</body></html>", encoding="utf-8")
    r = bogo.parse(p)
    assert [t.rows for t in r.tables] == [[["1", "a"], ["2", "b"]]]


def test_tab_indented_html_in_a_text_export(tmp_path):
    p = tmp_path / "export.txt"
    p.write_text("주요 현황\n\t\t<table>\n\t\t\t<tr><td>구분</td><td>금액</td></tr>\n"
                 "\t\t\t<tr><td>사업\n\t\tA</td><td>100</td></tr>\n\t\t</table>\n", encoding="utf-8")
    r = bogo.parse(p)
    assert [(t.header, t.rows) for t in r.tables] == [([["구분", "금액"]], [["사업 A", "100"]])]


LEDGERS = """<html><body><table>
<thead>
<tr><th colspan="3">수입의 부</th><th colspan="3">지출의 부</th></tr>
<tr><th>과목</th><th>예산액(A)</th><th>결산액(B)</th><th>과목</th><th>예산액(C)</th><th>결산액(D)</th></tr>
</thead>
<tbody>
<tr><td>합계</td><td>300</td><td>280</td><td>합계</td><td>300</td><td>280</td></tr>
<tr><td>사용료</td><td>300</td><td>280</td><td>인건비</td><td>200</td><td>190</td></tr>
<tr><td></td><td></td><td></td><td>경비</td><td>100</td><td>90</td></tr>
</tbody></table></body></html>"""


def test_side_by_side_ledgers_become_two_tables(tmp_path):
    p = tmp_path / "settlement.html"
    p.write_text(LEDGERS, encoding="utf-8")
    r = bogo.parse(p)
    assert [(t.header[0][0], t.rows) for t in r.tables] == [
        ("수입의 부", [["합계", "300", "280"], ["사용료", "300", "280"]]),
        ("지출의 부", [["합계", "300", "280"], ["인건비", "200", "190"], ["경비", "100", "90"]]),
    ]


def test_groups_with_different_sub_headers_stay_one_table(tmp_path):
    p = tmp_path / "t.html"
    p.write_text(LEDGERS.replace("<th>결산액(D)</th>", "<th>비고</th>"), encoding="utf-8")
    assert len(bogo.parse(p).tables) == 1
