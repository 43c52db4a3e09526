"""Seed reports: tables, outline and meta checked against the documents by hand."""

from __future__ import annotations

from collections import Counter

from bogo.normalize.text import compact


def _t(report, caption_part):
    found = [t for t in report.tables if t.caption and caption_part in compact(t.caption)]
    assert found, f"no table with caption containing {caption_part}"
    return found[0]


def test_2018_staffing_table(parsed_seeds):
    r = parsed_seeds["000_8bcafe1a101c0321.txt"]
    t = _t(r, "인력")
    assert len(t.header) == 1 and len(t.rows) == 13 and all(len(row) == 6 for row in t.rows)
    assert t.header[0] == ["구분", "합계", "일반직", "임기제", "별정직", "관리운영직"]
    assert t.rows[0][:2] == ["계", "306 / 274 (139)"]
    assert t.rows[2] == ["조직담당관", "31 / 30 (16)", "29 / 29", "1 / 1", "", "1 /"]
    assert t.rows[5][5] == "/ 1"
    assert t.notes == ["※ 괄호 안은 부서별 여성공무원수"]


def test_2018_budget_tables(parsed_seeds):
    r = parsed_seeds["000_8bcafe1a101c0321.txt"]
    total = _t(r, "총괄표")
    assert total.unit == "백만원"
    assert total.header == [["구분", "2017년 (사업수)", "2018년 (사업수)", "증감"]]
    assert [row[0] for row in total.rows] == ["합계", "일반회계", "도시개발특별회계", "기금"]
    assert total.rows[0] == ["합계", "2,438,845 (78)", "1,395,971 (78)", "△1,042,874"]
    general = _t(r, "일반회계")
    assert len(general.rows) == 13 and general.rows[-1] == ["해외도시협력담당관", "5,444 (7)", "5,374 (7)", "△70"]
    fund = _t(r, "기금")
    assert fund.notes == ["※ 사업수는 행정운영경비 및 재무활동비 등 제외"]


def test_2018_merged_header_table(parsed_seeds):
    r = parsed_seeds["000_8bcafe1a101c0321.txt"]
    t = _t(r, "민간위탁사업현황")
    assert len(t.header) == 3 and len(t.rows) == 1 and len(t.rows[0]) == 10
    assert t.header[0][2] == t.header[0][7] == "예산지원형"     # merged over 6 columns
    assert t.header[2][:2] == ["건수", "예산"]
    assert t.rows[0][0] == "384"


def test_2020_audit_summary_table(parsed_seeds):
    r = parsed_seeds["003_cfa35aeae6f4c650.txt"]
    t = next(t for t in r.tables if t.header and t.header[0][:3] == ["구분", "계", "추진완료"])
    assert len(t.rows) == 4
    assert [row[0] for row in t.rows] == ["계", "시정·처리요구사항", "건의사항", "기타(자료제출 등)"]
    assert t.rows[0] == ["계", "37", "26", "9", "2", "-"]


def test_2020_per_grade_staffing(parsed_seeds):
    r = parsed_seeds["003_cfa35aeae6f4c650.txt"]
    t = _t(r, "인력현황")
    assert t.unit == "명" and len(t.header) == 2 and len(t.rows) == 2 and len(t.rows[0]) == 12
    assert t.header[0][2] == t.header[0][6] == "일반직" and t.header[1][2:4] == ["소계", "5급"]
    assert t.rows[0][:3] == ["정원", "22", "6"]


def test_nested_table_in_cell_kept_once(parsed_seeds):
    r = parsed_seeds["003_cfa35aeae6f4c650.txt"]
    nested = [t for t in r.tables if t.header and t.header[0][:2] == ["구분", "2017년"]]
    assert len(nested) == 1 and nested[0].rows[0] == ["거래물량(톤)", "1,126", "870", "584"]


def test_2020_space_separated_staffing(parsed_seeds):
    r = parsed_seeds["004_b40a5c2b04908ad5.txt"]
    t = _t(r, "인력")
    assert len(t.rows) == 12 and all(len(row) == 6 for row in t.rows)
    assert t.rows[0] == ["계", "306 /289 (174)", "256 / 242", "42 / 38", "1 / 1", "7 / 8"]
    assert t.rows[1] == ["기획담당관", "39 /38 (16)", "31 / 29", "6 / 6", "", "2 / 3"]


def test_2020_space_separated_budget(parsed_seeds):
    r = parsed_seeds["004_b40a5c2b04908ad5.txt"]
    t = _t(r, "일반회계")
    assert t.unit == "백만원" and t.header == [["구분", "2019년 최종(사업수)", "2020년(사업수)", "증감"]]
    assert len(t.rows) == 12 and t.rows[-1] == ["해외도시협력담당관", "5,862 (7)", "5,625 (7)", "-237"]
    fund = _t(r, "기금")
    assert fund.rows[1] == ["재정투융자기금", "1,050,470 (-)", "481,442 (-)", "-569,028"]


def test_outline_no_duplicates(parsed_seeds):
    def walk(name, sections, parent=""):
        keys = [(s.marker, compact(s.title)) for s in sections]
        dup = [k for k, n in Counter(keys).items() if n > 1 and k[1]]
        assert not dup, f"{name}: duplicated sections under {parent}: {dup}"
        for s in sections:
            walk(name, s.children, s.title)

    for name, r in parsed_seeds.items():
        walk(name, r.outline)


def test_outline_top_levels(parsed_seeds):
    r = parsed_seeds["000_8bcafe1a101c0321.txt"]
    assert [s.title for s in r.outline] == ["일반 현황", "정책 목표", "주요업무 추진계획"]
    areas = r.outline[2].children
    assert [s.marker for s in areas] == ["1.", "2.", "3.", "4."]
    assert [len(a.children) for a in areas] == [5, 5, 4, 3]
    r4 = parsed_seeds["004_b40a5c2b04908ad5.txt"]
    tasks = r4.outline[2].children
    assert [s.marker for s in tasks] == [str(i) for i in range(1, 13)]
    r3 = parsed_seeds["003_cfa35aeae6f4c650.txt"]
    assert [len(s.children) for s in r3.outline] == [3, 5, 1]


def test_meta(parsed_seeds):
    m = {k: (r.meta.office, r.meta.kind, r.meta.date) for k, r in parsed_seeds.items()}
    assert m == {
        "000_8bcafe1a101c0321.txt": ("기획조정실", "주요업무보고", "2018-07"),
        "003_cfa35aeae6f4c650.txt": ("시장비서실", "주요업무보고", "2020-03"),
        "004_b40a5c2b04908ad5.txt": ("기획조정실", "현안업무보고", "2020-04"),
    }


def test_tasks_once_each(parsed_seeds):
    counts = {k: len(r.tasks) for k, r in parsed_seeds.items()}
    assert counts == {"000_8bcafe1a101c0321.txt": 17, "003_cfa35aeae6f4c650.txt": 5, "004_b40a5c2b04908ad5.txt": 12}
    r = parsed_seeds["000_8bcafe1a101c0321.txt"]
    assert [t.number for t in r.tasks][:6] == ["1-1", "1-2", "1-3", "1-4", "1-5", "2-1"]
    assert list(r.tasks[1].parts) == ["추진방향", "계획구성 ※ 더깊은변화위원회의 최종 자문을 거쳐 확정",
                                     "더 깊은 변화 위원회 구성·운영", "추진계획"]
