"""Audit (행정사무감사 처리결과): the 총괄 summary and every listed item."""

from __future__ import annotations

from pathlib import Path

import pytest

import bogo
from bogo.blocks import Document, Paragraph, grid_to_table
from bogo.extract import audit, audit_summary
from bogo.extract.audit import category_of, normalize_status, parse_result
from bogo.model import Report, Source
from bogo.structure import analyse

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
HERE = Path(__file__).resolve().parent

S, G, E = "시정·처리요구사항", "건의사항", "기타"
# 003 section Ⅲ, read from the file (lines 252-316): (category, departments, status, line)
ITEMS_003 = [
    (S, ["총무과"], "추진중", 253), (S, ["인사과"], "추진중", 254), (S, ["공기업담당관"], "추진완료", 255),
    (S, ["총무과"], "추진완료", 258), (S, ["기획담당관"], "추진중", 259), (S, ["도시빛정책과"], "추진중", 260),
    (S, ["조직담당관"], "검토중", 263), (S, ["조직담당관"], "추진완료", 264), (S, ["조직담당관"], "추진중", 265),
    (G, ["여성권익담당관"], "추진완료", 270), (G, ["자치행정과"], "추진중", 271), (G, ["자치행정과"], "추진완료", 272),
    (G, ["기획담당관"], "추진중", 275), (G, ["도시농업과", "농수산물공사"], "추진완료", 276),
    (G, ["서울신용보증재단"], "추진완료", 282), (G, ["공기업담당관"], "검토중", 285),
    (G, ["총무과", "예산담당관"], "추진완료", 288), (G, ["인력개발과"], "추진완료", 289),
    (G, ["전환도시담당관"], "추진중", 292), (G, ["조직담당관"], "추진중", 293),
] + [(E, d, "추진완료", n) for d, n in [
    (["시장비서실"], 298), (["남북협력담당관"], 299), (["남북협력담당관"], 300), (["기획담당관"], 301),
    (["시장비서실"], 302), (["시장비서실"], 303), (["시민소통담당관"], 304), (["사회혁신담당관"], 305),
    (["법무담당관"], 306), (["인력개발과"], 309), (["시장비서실"], 310), (["총무과", "인사과"], 311),
    (["서울민주주의담당관"], 312), (["재무과"], 313), (["조직담당관"], 314), (["시민소통담당관"], 315),
    (["정보공개정책과"], 316)]]


@pytest.fixture(scope="module")
def r003():
    return bogo.parse(SEEDS / "003_cfa35aeae6f4c650.txt")


def test_003_summary(r003):
    s = r003.audit.summary
    assert s.total == 37 and s.table == "t3"
    rows = {r.category: r.model_dump() for r in s.rows}
    assert list(rows) == [S, G, E]
    assert rows[S] == {"category": S, "total": 9, "추진완료": 3, "추진중": 5, "검토중": 1, "미반영": 0}
    assert rows[G] == {"category": G, "total": 11, "추진완료": 6, "추진중": 4, "검토중": 1, "미반영": 0}
    assert rows[E] == {"category": E, "total": 17, "추진완료": 17, "추진중": 0, "검토중": 0, "미반영": 0}


def test_003_items(r003):
    items = r003.audit.items
    assert [(i.category, i.departments, i.status, i.line) for i in items] == ITEMS_003
    assert [i.id for i in items] == [f"a{n}" for n in range(1, 38)]
    # this document's items agree with its summary
    for cat, n in ((S, 9), (G, 11), (E, 17)):
        assert sum(1 for i in items if i.category == cat) == n


def test_003_item_texts_actions_plans(r003):
    items = r003.audit.items
    a1 = items[0]
    assert a1.text.startswith("행정사무감사 자료제출과 관련하여") and a1.text.endswith("시스템 마련이 필요함")
    assert len(a1.actions) == 2 and a1.plans == []     # "추진내용 및 향후계획" is one section
    assert a1.actions[0].startswith("'19년 행정사무감사 수감을 위해")
    assert "※ 비서실장 주재 검토회의" in a1.actions[0]
    a7 = items[6]
    assert len(a7.actions) == 3
    assert a7.plans == ["적격자 심의위원회 공정성 운영 방안 개선 추진", "제도개선 검토 및 민간위탁 관리지침 개정 : '20년 상반기"]
    a16 = items[15]                                       # 추진근거 counts as an action
    assert a16.actions[0] == "「지방공기업법」 제58조, 「지방출자출연법」 제9조"
    assert a16.plans == ["정부 '인사청문회' 도입일정에 맞추어 추진 : 연중"]
    last = items[-1]
    assert last.text == "최근 3년간 정보공개 청구 및 처리 상세내역"
    assert last.actions == ["자료 제출 완료 (2019. 11. 15.)"]
    assert all(i.actions for i in items)
    assert items[31].text == "최근 5년간 시장비서실, 정무부시장실 직원 출신(별정직) 중 산하기관 (수탁기관포함) 재취업현황"


def test_seeds_without_audit_have_none():
    for name in ("000_8bcafe1a101c0321.txt", "004_b40a5c2b04908ad5.txt"):
        assert bogo.parse(SEEDS / name).audit is None


PLAIN = """2019 행정사무감사 처리결과

2019. 12.

문화관광국

Ⅰ. 처리결과 총괄

구 분\t계\t완료\t진행중\t검토중\t미반영
계\t5\t2\t1\t1\t1
시정·처리요구사항\t2\t1\t1\t-\t-
건의사항\t2\t-\t-\t1\t1
기타\t1\t1\t-\t-\t-

Ⅱ. 처리내역

□ 시정·처리요구사항

1. 공연장 안전점검 결과를 의회에 보고하기 바람 (문화정책과)
 ○ 추진상황 : 조치완료
 ○ 조치결과 : 안전점검 결과 보고 완료('19. 12. 2.)
 ○ 향후계획 : 분기별 점검 결과 공유

2. 축제 예산 집행의 투명성을 높이기 바람 (관광정책과, 예산담당관)
 ○ 추진상황 : 진행중
 ○ 조치결과
  - 집행내역 공개 지침 마련
  - 정산 검토 강화
 ○ 향후 추진계획 : '20. 3월 공개 시스템 구축

□ 건의사항

1. 지역 박물관 관람료 인하 검토 (박물관과)
 ○ 추진상황 : 검토 중
 ○ 조치결과 : 관람료 체계 분석 중
   - 타 시도 사례 조사

2. 시립미술관 야간 개장 확대 (시립미술관)
 ○ 추진상황 : 반영불가
 ○ 조치결과 : 인력 여건상 곤란

□ 기타사항

1. 최근 3년간 축제 현황 자료 제출 (관광정책과)
 ○ 추진상황 : 완료
 ○ 조치결과 : 자료 제출 완료
"""


def test_plain_text_form(tmp_path):
    p = tmp_path / "plain_audit.txt"
    p.write_text(PLAIN, encoding="utf-8")
    r = bogo.parse(p)
    assert r.audit is not None and not r.source.warnings
    s = r.audit.summary
    assert s.total == 5
    assert [x.model_dump() for x in s.rows][1] == {"category": G, "total": 2, "추진완료": 0, "추진중": 0,
                                                   "검토중": 1, "미반영": 1}
    got = [(i.id, i.category, i.text, i.departments, i.status, i.actions, i.plans, i.line) for i in r.audit.items]
    assert got == [
        ("a1", S, "공연장 안전점검 결과를 의회에 보고하기 바람", ["문화정책과"], "추진완료",
         ["안전점검 결과 보고 완료('19. 12. 2.)"], ["분기별 점검 결과 공유"], 19),
        ("a2", S, "축제 예산 집행의 투명성을 높이기 바람", ["관광정책과", "예산담당관"], "추진중",
         ["집행내역 공개 지침 마련", "정산 검토 강화"], ["'20. 3월 공개 시스템 구축"], 24),
        ("a3", G, "지역 박물관 관람료 인하 검토", ["박물관과"], "검토중",
         ["관람료 체계 분석 중 - 타 시도 사례 조사"], [], 33),
        ("a4", G, "시립미술관 야간 개장 확대", ["시립미술관"], "미반영", ["인력 여건상 곤란"], [], 38),
        ("a5", E, "최근 3년간 축제 현황 자료 제출", ["관광정책과"], "추진완료", ["자료 제출 완료"], [], 44),
    ]


@pytest.mark.parametrize("raw, want", [
    ("추진완료", "추진완료"), ("완료", "추진완료"), ("조치완료", "추진완료"), ("추진 중", "추진중"),
    ("진행중", "추진중"), ("진행 중", "추진중"), ("계속 추진", "추진중"), ("검토 중", "검토중"), ("검토중", "검토중"),
    ("미반영", "미반영"), ("반영불가", "미반영"), ("불수용", "미반영"), ("", None), ("해당없음", None),
    # done in part, or only planned, is still open; closed without the word 완료 is done
    ("일부 완료", "추진중"), ("부분완료", "추진중"), ("완료 예정", "추진중"), ("추진예정", "추진중"),
    ("추진완료 (향후 점검 예정)", "추진완료"), ("종결", "추진완료"), ("해결", "추진완료"), ("해결방안 검토", "검토중"),
])
def test_normalize_status(raw, want):
    assert normalize_status(raw) == want


@pytest.mark.parametrize("raw, want", [
    ("시정 및 처리 요구사항", S), ("시정·처리요구사항", S), ("건의 사항", G), ("건의사항", G),
    ("자료제출 등 기타사항", E), ("기타(자료제출 등)", E), ("조치결과", None),
])
def test_category_of(raw, want):
    assert category_of(raw) == want


def test_parse_result_without_box_markers():
    st, actions, plans, written = parse_result("추진상황 : 추진 중")
    assert (st, actions, plans, written) == ("추진중", [], [], "추진 중")
    st, actions, plans, written = parse_result("□ 추진상황 : 추진완료 □ 조치결과 ○ 가 ○ 나 □ 향후계획 ○ 다")
    assert (st, actions, plans) == ("추진완료", ["가", "나"], ["다"])


def _report():
    return Report(source=Source(path="x", sha256="0", format="text", bytes=0))


def test_unrecognised_layouts_give_empty_records():
    blocks = [Paragraph(text="건의사항", raw="건의사항", line=1, marker="□"),
              Paragraph(text="아무 상태도 없는 문단", raw="", line=2, marker="1."),
              grid_to_table([["구분", "내용"], ["가", "나"]], line=3, header_rows=1),
              grid_to_table([["x"]], line=5)]
    rep = _report()
    audit.extract(analyse(Document(blocks=blocks, format="text")), rep)
    assert rep.audit is None
    rep = _report()
    audit.extract(analyse(Document(blocks=[], format="text")), rep)
    assert rep.audit is None


def test_bracketed_category_headings_and_dash_sections(tmp_path):
    p = tmp_path / "audit.md"
    p.write_text(
        "# 2024 행정사무감사 처리결과 보고\n\n2024. 12.\n\n## Ⅱ. 세부 처리내용\n\n【 시정·처리 요구사항 】\n\n"
        "1. 돌봄 인력 부족 해소 방안 마련 (노인복지과)\n  - 추진상황 : 완료\n  - 조치결과 : 인력 20명 추가 채용\n\n"
        "【 건의사항 】\n\n1. 운영시간 연장 검토 (복지정책과)\n  - 추진상황 : 반영불가\n", encoding="utf-8")
    items = bogo.parse(p).audit.items
    assert [(i.category, i.status, i.departments) for i in items] == [
        ("시정·처리요구사항", "추진완료", ["노인복지과"]), ("건의사항", "미반영", ["복지정책과"])]
    assert items[0].actions == ["인력 20명 추가 채용"]


AUDIT_PAGE = """<%@ page contentType="text/html; charset=utf-8"%>
<ul class="guide">
\t<li><strong>감사결과</strong>
\t\t<ul>
\t\t\t<li>시정요구사항 2건 (완료 1, 추진불가 1)</li>
\t\t\t<li>건의사항 2건 (추진중 2)</li>
\t\t</ul>
\t</li>
\t<li><strong>시정요구사항</strong>
\t\t<table>
\t\t\t<thead><tr><th>연번</th><th>시정요구사항</th><th>추진실적 및 처리결과</th><th>비고</th></tr></thead>
\t\t\t<tbody>
\t\t\t<tr><td>1</td><td>체육관 안내표지를
\t\t\t\t정비하기 바람</td><td>안내표지 교체 완료</td><td>완료</td></tr>
\t\t\t<tr><td>2</td><td>수영장 운영시간 연장 바람</td><td>인력 부족으로 어려움</td><td>추진<br/>불가</td></tr>
\t\t\t</tbody>
\t\t</table>
\t</li>
\t<li><strong>건의사항</strong>
\t\t<table>
\t\t\t<thead><tr><th>연번</th><th>건의사항</th><th>처리결과(추진내용)</th><th>비고</th></tr></thead>
\t\t\t<tbody>
\t\t\t<tr><td>1</td><td>주차장 확충 검토 바람</td><td><ul><li>부지 검토 중</li><li>'24. 6월 용역 예정</li></ul></td><td>&nbsp;</td></tr>
\t\t\t<tr><td>2</td><td>강좌 다양화 바람</td><td>신규 강좌 개설 추진</td><td></td></tr>
\t\t\t</tbody>
\t\t</table>
\t</li>
</ul>
"""


def test_html_result_page_items_with_status(tmp_path):
    """처리결과 page: status in an unnamed (비고) column; a category whose prose summary
    puts every item in one status gives it to items whose row has none."""
    p = tmp_path / "inspection.html"
    p.write_text(AUDIT_PAGE, encoding="utf-8")
    r = bogo.parse(p)
    got = [(i.category, i.text, i.status) for i in r.audit.items]
    assert got == [(S, "체육관 안내표지를 정비하기 바람", "추진완료"), (S, "수영장 운영시간 연장 바람", "미반영"),
                   (G, "주차장 확충 검토 바람", "추진중"), (G, "강좌 다양화 바람", "추진중")]
    rows = {x.category: x.model_dump() for x in r.audit.summary.rows}
    assert rows[S] == {"category": S, "total": 2, "추진완료": 1, "추진중": 0, "검토중": 0, "미반영": 1}
    assert rows[G]["total"] == 2 and rows[G]["추진중"] == 2
    assert r.audit.summary.total == 4 and r.audit.summary.table is None


@pytest.mark.parametrize(("text", "expected"), [
    ("시정요구사항 5건 (완료 2, 추진중 2, 추진불가 1)", (S, 5, 2, 2, 0, 1)),
    ("건의사항 9건 (완료 1, 추진중 7, 추진검토 1)", (G, 9, 1, 7, 1, 0)),
    ("건의사항 4건(완료4)", (G, 4, 4, 0, 0, 0)),
    ("건의사항 6건 (완료 3, 추진중 2)", None),           # the parts do not add up: not read
    ("건의사항 6건 (서면 3, 구두 3)", None),             # not statuses
    ("주차장 6건 (완료 6)", None),                        # not a category
])
def test_prose_summary_row(text, expected):
    row = audit_summary.prose_summary_row(text)
    got = None if row is None else (row.category, row.total, *(row.model_extra[s] for s in audit.STATUSES))
    assert got == expected


def _html_items(tmp_path, title: str, rows: str):
    """The audit items of an HTML page holding ``title`` and one table of ``rows``."""
    p = tmp_path / "audit.html"
    p.write_text(f"<html><body><h2>{title}</h2><table>{rows}</table></body></html>", encoding="utf-8")
    return bogo.parse(p).audit.items


def test_a_category_column_gives_each_row_its_category(tmp_path):
    """One table for every kind of request, a 구분 column naming each row's ("시정", "건의"),
    merged over several rows (blank below), and the status in a 비고 column."""
    items = _html_items(tmp_path, "2022년 행정사무감사 지적사항 조치결과",
                        "<tr><td>연번</td><td>구분</td><td>지적사항</td><td>조치결과</td><td>비고</td></tr>"
                        "<tr><td>1</td><td rowspan='2'>시정</td><td>예산 집행 잔액 관리 철저</td><td>지침 시행</td>"
                        "<td>완료</td></tr>"
                        "<tr><td>2</td><td>계약 업무 투명성 제고</td><td>공개 확대 검토</td><td>검토중</td></tr>"
                        "<tr><td>3</td><td>건의</td><td>청년 창업 공간 추가 조성</td><td>예산 반영 추진</td>"
                        "<td>추진중</td></tr>")
    assert [(x.category, x.status, x.text) for x in items] == [
        (S, "추진완료", "예산 집행 잔액 관리 철저"), (S, "검토중", "계약 업무 투명성 제고"),
        (G, "추진중", "청년 창업 공간 추가 조성")]


def test_a_row_across_the_table_names_the_category_of_the_rows_below(tmp_path):
    items = _html_items(tmp_path, "2021년도 행정사무감사 처리결과",
                        "<tr><th>번호</th><th>요구사항</th><th>처리결과</th><th>처리상태</th></tr>"
                        "<tr><td colspan='4'>시정요구사항</td></tr>"
                        "<tr><td>1</td><td>예산 집행 잔액 관리 철저 (예산과)</td><td>지침 시행</td><td>완료</td></tr>"
                        "<tr><td colspan='4'>건의사항 (1건)</td></tr>"
                        "<tr><td>1</td><td>청년 창업 공간 추가 조성</td><td>예산 반영 추진</td><td>추진중</td></tr>")
    assert [(x.category, x.status, x.departments) for x in items] == [(S, "추진완료", ["예산과"]), (G, "추진중", [])]


# --- cards: field names down the table, each value right of its name -----------------

CARD_PAGE = """<html><head><meta charset="utf-8"><title>행정사무감사 처리결과</title></head><body>
<h2>2024년도 행정사무감사 결과 처리상황 보고</h2>
<h3>시정요구사항</h3>
<table border="1">
<tr><th>번호</th><td>1</td><th>소관부서</th><td>기획예산과</td></tr>
<tr><th>요구사항</th><td colspan="3">주민참여예산 반영 비율을 높이기 바람</td></tr>
<tr><th>처리결과</th><td colspan="3">2025년 예산에 반영 비율을 5%로 높였음</td></tr>
<tr><th>처리상태</th><td colspan="3">완료</td></tr>
</table>
<table border="1">
<tr><th>번호</th><td>2</td><th>소관부서</th><td>총무담당</td></tr>
<tr><th>요구사항</th><td colspan="3">청사 주차장 이용 불편을 해소하기 바람</td></tr>
<tr><th>조치결과</th><td colspan="3">□ 추진내용 ○ 증설 설계용역 발주 □ 향후계획 ○ 2025년 하반기 착공</td></tr>
<tr><th>추진상황</th><td colspan="3">추진중</td></tr>
</table>
<h3>건의사항</h3>
<table border="1">
<tr><th>건의사항</th><td>축제 안전관리 인력을 확충하기 바람</td></tr>
<tr><th>처리결과</th><td>안전요원을 35명으로 늘렸음</td></tr>
<tr><th>향후계획</th><td>2025년에도 같은 규모로 운영</td></tr>
<tr><th>건의사항</th><td>경로당 냉방비를 늘리기 바람 (노인복지과)</td></tr>
<tr><th>처리결과</th><td>재원 여건상 반영하지 못함</td></tr>
<tr><th>처리상태</th><td>미반영</td></tr>
</table>
</body></html>"""


def test_cards_one_table_per_request_or_several_stacked(tmp_path):
    p = tmp_path / "cards.html"
    p.write_text(CARD_PAGE, encoding="utf-8")
    items = bogo.parse(p).audit.items
    assert [(i.category, i.text, i.departments, i.status, i.status_text) for i in items] == [
        (S, "주민참여예산 반영 비율을 높이기 바람", ["기획예산과"], "추진완료", "완료"),
        (S, "청사 주차장 이용 불편을 해소하기 바람", ["총무담당"], "추진중", "추진중"),
        (G, "축제 안전관리 인력을 확충하기 바람", [], None, None),  # no status written: none read
        (G, "경로당 냉방비를 늘리기 바람", ["노인복지과"], "미반영", "미반영"),
    ]
    assert items[0].actions == ["2025년 예산에 반영 비율을 5%로 높였음"]
    assert (items[1].actions, items[1].plans) == (["증설 설계용역 발주"], ["2025년 하반기 착공"])
    assert items[2].plans == ["2025년에도 같은 규모로 운영"]


def test_card_field_names_are_whole_cells():
    from bogo.extract.audit_cards import cards, field_of

    assert [field_of(t) for t in ("요구사항", "시정 요구사항", "처리 결과", "추진상황", "향후 계획", "소관 부서", "연번")] \
        == ["request", "request", "result", "status", "plans", "department", "number"]
    # a value holding a field's word is a value: "총무담당", a sentence, a category word
    assert [field_of(t) for t in ("총무담당", "처리결과를 보고함", "건의", "시정", "처리")] == [None] * 5
    # a name without a value, or followed by another name, holds nothing
    assert cards([["요구사항", "", "처리결과"], ["처리상태", "완료"]]) == []
    got = cards([["요구사항", "요구사항", "도로를 정비하기 바람"], ["처리결과", "정비 완료"]])
    assert got == [{"request": ("도로를 정비하기 바람", 0, 2), "result": ("정비 완료", 1, 1)}]


def test_requests_under_their_field_name_and_numbered_at_the_top_level(tmp_path):
    """"○ 요구사항 : …" opens an item of its own (not an action of the one above), and a
    numbered request the outline reads as a top-level heading is still a request when
    a status or result section follows it; a chapter heading after the items ends them."""
    p = tmp_path / "audit.txt"
    p.write_text(
        "2024년 행정사무감사 처리결과 보고\n\n□ 시정요구사항\n\n"
        "○ 요구사항 : 청사 주차장 이용 불편을 해소하기 바람 (총무과)\n○ 처리결과 : 주차장 증설 설계용역 발주\n"
        "○ 처리상태 : 추진중\n\n○ 요구사항 : 계약 심사를 강화하기 바람 (재무과)\n○ 처리결과 : 위원회 구성\n"
        "○ 처리상태 : 완료\n\n□ 건의사항\n\n1. 축제 안전관리 인력을 늘리기 바람 (문화관광과)\n"
        "  ○ 추진상황 : 완료\n  ○ 조치결과 : 안전요원 35명 배치\n\n"
        "2. 향후 추진 방향\n\n  ○ 전 부서 처리 상황을 분기마다 점검\n", encoding="utf-8")
    items = bogo.parse(p).audit.items
    assert [(i.category, i.text, i.departments, i.status, i.actions, i.line) for i in items] == [
        (S, "청사 주차장 이용 불편을 해소하기 바람", ["총무과"], "추진중", ["주차장 증설 설계용역 발주"], 5),
        (S, "계약 심사를 강화하기 바람", ["재무과"], "추진완료", ["위원회 구성"], 9),
        (G, "축제 안전관리 인력을 늘리기 바람", ["문화관광과"], "추진완료", ["안전요원 35명 배치"], 15),
    ]


def test_a_status_tagged_in_brackets_at_either_end_of_a_result():
    assert parse_result("주차장 증설 설계용역 발주 (추진중)") == ("추진중", ["주차장 증설 설계용역 발주"], [], "추진중")
    assert parse_result("[완료] 위원회 구성") == ("추진완료", ["위원회 구성"], [], "완료")
    assert parse_result("□ 향후계획 ○ 조례 개정【완료 예정】") == ("추진중", [], ["조례 개정"], "완료 예정")
    # other brackets, and a status word inside the sentence, are no tag
    assert parse_result("인사위원 구성 (총 6명)") == (None, ["인사위원 구성 (총 6명)"], [], None)
    assert parse_result("조례 개정 완료") == (None, ["조례 개정 완료"], [], None)
