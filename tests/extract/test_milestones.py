"""Plan headings, period headings and milestone extraction (bogo.extract.milestones)."""

from __future__ import annotations

import pytest

from bogo.extract.milestones import PlanItem, extract_milestones, is_plan_heading, period_of_heading
from bogo.model import Milestone

PLAN_HEADINGS = [
    ("추진계획", True), ("□ 추진계획", True), ("### □ 추진계획", True), ("향후계획", True),
    ("향후 계획", True), ("향후 일정", True), ("향후일정", True), (" 향후 일정", True),
    ("향후 추진계획", True), ("추진일정", True), ("추진 일정", True), ("세부 추진계획", True),
    ("#### '18년 추진계획", True), ("□ \u201920년 추진계획", True), ("2020년 추진계획", True),
    ("'20년도 추진계획", True), ("하반기 추진계획", True), ("향후 조치계획", True),
    ("추진계획 및 일정", True), ("① 추진계획", True), ("【 향후 일정 】", True),
    ("[추진계획]", True), ("추진계획(안)", True), ("추 진 계 획", True),
    ("추진실적", False), ("추진경과", False), ("추진내용", False), ("'18년 추진실적", False),
    ("'19년 추진실적", False), ("추진방향", False), ("향후 추진방향", False), ("추진배경", False),
    ("Ⅲ. 주요업무 추진계획", False), ("추진내용 및 향후계획", False), ("조치결과 및 향후추진계획", False),
    ("추진상황", False), ("", False),
]


@pytest.mark.parametrize(("title", "expected"), PLAN_HEADINGS, ids=[t or "empty" for t, _ in PLAN_HEADINGS])
def test_is_plan_heading(title, expected):
    assert is_plan_heading(title) is expected


PERIOD_HEADINGS = [
    ("상반기", ("2020-01", "2020-06")),
    ("□ 하반기 추진계획", ("2020-07", "2020-12")),
    ("1분기", ("2020-01", "2020-03")),
    ("3/4분기", ("2020-07", "2020-09")),
    ("2/4분기 주요 추진계획", ("2020-04", "2020-06")),
    ("'19년 하반기", ("2019-07", "2019-12")),
    ("\u201921년 상반기 추진계획", ("2021-01", "2021-06")),
    ("上半期", ("2020-01", "2020-06")),
    ("7월", ("2020-07", "2020-07")),
    ("4~6월 추진계획", ("2020-04", "2020-06")),
    ("'20년 추진계획", None),
    ("연중", None),
    ("추진계획", None),
    ("상반기 추진실적 분석", None),
]


@pytest.mark.parametrize(("title", "expected"), PERIOD_HEADINGS, ids=[t for t, _ in PERIOD_HEADINGS])
def test_period_of_heading(title, expected):
    assert period_of_heading(title, 2020) == expected


def _items(*texts, heading="추진계획", task="1-2"):
    return [PlanItem(task=task, heading=heading, text=t, line=100 + i) for i, t in enumerate(texts)]


def _rows(ms):
    return [(m.raw, m.start, m.end, m.line) for m in ms]


def test_extract_from_a_2018_plan_section():
    items = _items(
        "- 분과위원회 구성 및 과제 발굴 워크숍 : 7.9(월)~8.10(금)",
        "- 전체위원회 개최 : 8.20, 27, 30",
        "- 대시민 보고회(예정) : 9.14(금) 예정",
        "- 조직진단 실시('18. 9~12월), 결과 반영('19. 2월)",
        "- 관련 부서와 수시 협의",
    )
    ms = extract_milestones(items, 2018, 7)
    assert all(isinstance(m, Milestone) for m in ms)
    assert _rows(ms) == [
        ("7.9(월)~8.10(금)", "2018-07-09", "2018-08-10", 100),
        ("8.20, 27, 30", "2018-08-20", "2018-08-30", 101),
        ("9.14(금)", "2018-09-14", "2018-09-14", 102),
        ("'18. 9~12월", "2018-09", "2018-12", 103),
        ("'19. 2월", "2019-02", "2019-02", 103),
    ]
    assert ms[0].task == "1-2" and ms[0].heading == "추진계획"
    assert ms[0].text == items[0].text


def test_extract_from_a_2020_schedule():
    items = _items(
        "○ 부진사업 선정 및 개선방안 마련 : \u201920. 5월",
        "○ 집행실적 점검 : \u201920. 5~7월",
        "○ 교재 개발 및 교육 운영 : \u201920.5월~",
        "○ 개선안 지침 반영 : \u201920. 8월이후",
        "○ 홍보 지속 : 연중",
        "○ 협의체 운영(매월)",
        "○ 제도개선 검토 : '20년 하반기",
        "○ 표준교재 개발(3개 분야, 9월限)",
        heading="향후 일정", task=None,
    )
    ms = extract_milestones(items, 2020, 4)
    assert [(m.raw, m.start, m.end) for m in ms] == [
        ("\u201920. 5월", "2020-05", "2020-05"),
        ("\u201920. 5~7월", "2020-05", "2020-07"),
        ("\u201920.5월~", "2020-05", None),
        ("\u201920. 8월이후", "2020-08", None),
        ("연중", "2020-01", "2020-12"),
        ("매월", "2020-01", "2020-12"),
        ("'20년 하반기", "2020-07", "2020-12"),
        ("9월限", None, "2020-09"),
    ]
    assert all(m.task is None and m.heading == "향후 일정" for m in ms)


def test_susi_and_undated_items_give_no_milestone():
    ms = extract_milestones(_items("○ 관계기관과 수시 협의", "○ 제도 개선 지속 추진"), 2020, 4)
    assert ms == []


def test_year_inside_a_name_is_dropped_when_a_finer_date_exists():
    ms = extract_milestones(_items("○ 「2020년 용역 추진지침」 개정 및 적용 : '20. 3월"), 2020, 4)
    assert _rows(ms) == [("'20. 3월", "2020-03", "2020-03", 100)]
    ms = extract_milestones(_items("○ '22년까지 단계적 확대"), 2020, 4)
    assert _rows(ms) == [("'22년까지", None, "2022-12", 100)]


def test_impossible_date_gives_no_milestone():
    assert extract_milestones(_items("○ 설명회 개최 : 2.30(화)"), 2020, 1) == []


def test_empty_input():
    assert extract_milestones([], 2020, None) == []


def test_past_years_in_plan_text_are_not_milestones():
    items = [PlanItem(task="k1", heading="추진계획", text="외부 고문 선임비율 '14년 34%에서 '17년 21%로 감소, 개선안 마련 : '18. 9월", line=5)]
    got = [(m.raw, m.start, m.end) for m in extract_milestones(items, 2018, 7)]
    assert got == [("'18. 9월", "2018-09", "2018-09")]


def test_year_round_word_gives_way_to_the_written_date():
    items = [PlanItem(task="k1", heading="향후 일정", text="인건비 집행액 및 연중 입·퇴사자 현황 조사 : '20. 4월 중", line=9),
             PlanItem(task="k1", heading="향후 일정", text="온라인 상시교육체계 마련('20.10.)", line=10),
             PlanItem(task="k1", heading="향후 일정", text="점검반 운영 및 컨설팅 : 연중", line=11)]
    got = [(m.raw, m.start, m.end) for m in extract_milestones(items, 2020, 4)]
    assert got == [("'20. 4월 중", "2020-04", "2020-04"), ("'20.10.", "2020-10", "2020-10"),
                   ("연중", "2020-01", "2020-12")]


def _parse_text(tmp_path, text: str):
    import bogo

    p = tmp_path / "plan.txt"
    p.write_text(text, encoding="utf-8")
    return bogo.parse(p)


PLAN_DOC = """2024. 2. 13.(화) 10:00 기획위원회
2024년 주요업무계획
기획조정실
Ⅰ. 2024년 주요업무계획
1. 시민 소통 강화
1 열린 시정 구현
◊ 시민과 함께하는 시정
○ 시민 토론회 운영
□ 향후계획
○ 토론회 개최 : '24. 3. ~ 5. 착수
○ 결과 보고 : '24. 하반기 : 시장 보고
○ 추진 점검 : ˊ24.上 / ˊ24.下
2 예산 공개 확대
◊ 예산 정보 공개
○ 향후계획 : '24. 9월 공개 시스템 개통
□ 추진일정
구분\t일정\t내용
설계\t'24. 4월\t시스템 설계
개통\t'24. 10. 15.(화)\t서비스 개통
"""


def test_plans_in_lines_labels_and_schedule_tables(tmp_path):
    r = _parse_text(tmp_path, PLAN_DOC)
    got = [(m.raw, m.start, m.end) for m in r.milestones]
    assert r.meta.date == "2024-02-13"
    assert got == [
        ("'24. 3. ~ 5.", "2024-03", "2024-05"),
        ("'24. 하반기", "2024-07", "2024-12"),
        ("ˊ24.上", "2024-01", "2024-06"), ("ˊ24.下", "2024-07", "2024-12"),
        ("'24. 9월", "2024-09", "2024-09"),
        ("'24. 4월", "2024-04", "2024-04"),
        ("'24. 10. 15.(화)", "2024-10-15", "2024-10-15"),
    ]
    tasks = {t.id: t.number for t in r.tasks}
    assert [tasks.get(m.task) for m in r.milestones] == ["1-1"] * 4 + ["1-2"] * 3


def test_a_period_under_review_is_not_a_second_date():
    items = [PlanItem(task="k1", heading="추진계획", text="`25. 6~7. 상반기 세부사업별 추진사항 모니터링", line=1),
             PlanItem(task="k1", heading="추진계획", text="'25. 3. 착수, 하반기 준공", line=2)]
    got = [(m.raw, m.start, m.end) for m in extract_milestones(items, 2025, 2)]
    assert got == [("`25. 6~7.", "2025-06", "2025-07"), ("'25. 3.", "2025-03", "2025-03"),
                   ("하반기", "2025-07", "2025-12")]


def test_bracketed_years_of_later_stages_stay_beside_a_finer_date():
    items = _items("MOA('25.상), 설계공모 및 실시설계('27), 착공 및 준공('30), 개관('31)")
    assert [m.raw for m in extract_milestones(items, 2025, 2)] == ["'25.상", "'27", "'30", "'31"]
    items = _items("2025년도 예산안 편성 및 시의회 제출 : '24. 11월")
    assert [m.raw for m in extract_milestones(items, 2024, 6)] == ["'24. 11월"]


@pytest.mark.parametrize("title", ["추진상황 및 향후계획", "추진경과 및 향후 일정", "추진사항 및 향후계획", "추진상황 및 계획"])
def test_mixed_plan_headings(title):
    from bogo.extract.milestones import is_mixed_plan_heading
    assert is_mixed_plan_heading(title) and not is_plan_heading(title)


def test_date_led_lines():
    from bogo.extract.milestones import date_led
    assert date_led("'25. 5. : 용역발주", 2025) and date_led("○ '24. 3. ~ 5. 착수", 2025)
    assert date_led("'24. 하반기 : 착공", 2025)
    assert not date_led("관계기관 협의 완료('25. 1.)", 2025)


def test_a_date_in_brackets_may_lead_a_line():
    from bogo.extract.milestones import date_led
    assert date_led("('25. 1.~ 4.) 부산시 운영프로그램 계획 수립", 2025)
    assert not date_led("(부산시) 운영프로그램", 2025)


BRACKET_LEAD_DOC = """2025. 2. 11.(화) 기획재경위원회
2025년 주요업무계획
재정관리실
Ⅰ. 2025년 주요업무계획
1. 건전 재정 운용
1 중기 재정계획 수립
□ 중기재정계획 수립
○ (주요내용) 재정 여건을 고려한 재정계획 수립
○ (추진계획) 운영전략 수립(8~10월), 중기계획 수립(11월)
○ (추진실적) 전략 수립('24. 10월)
2 투자심사 운영
□ 정기심사 운영
○ (향후 일정) 정기심사(3, 6, 9월), 수시심사(필요시)
○ (추진계획)
- 종합계획 수립(2월), 정기조회(분기별)
○ (추진실적) 심사 완료('24. 12월)
"""


def test_a_plan_label_in_brackets_leads_a_line(tmp_path):
    """"○ (추진계획) …(8~10월)": the bracketed label names the line a plan, as a
    "추진계획 : …" label does, and a label alone names the sub-items under it;
    "(추진실적) …" stays a result."""
    r = _parse_text(tmp_path, BRACKET_LEAD_DOC)
    tasks = {t.id: t.number for t in r.tasks}
    assert [(tasks.get(m.task), m.raw, m.start, m.end) for m in r.milestones] == [
        ("1-1", "8~10월", "2025-08", "2025-10"), ("1-1", "11월", "2025-11", "2025-11"),
        ("1-2", "3, 6, 9월", "2025-03", "2025-09"), ("1-2", "2월", "2025-02", "2025-02")]


def test_a_half_looked_back_at_by_its_own_month_is_no_date():
    items = _items("상반기 실적 점검(6월) 및 징수실적 평가(8월)", "하반기 준공(12월)",
                   "'25. 하반기 : 시스템 구축, 시범운영·홍보, 본격 시행(12월)",
                   "('25.上) 차량 제작 → ('25.6.) 시범운행", "상반기 착공, 하반기 준공")
    assert [m.raw for m in extract_milestones(items, 2025, 2)] == [
        "6월", "8월", "12월", "'25. 하반기", "12월", "'25.上", "'25.6.", "상반기", "하반기"]


def test_whole_years_in_a_name_are_its_term():
    items = _items("제2차('26년~'30년)기반시설 관리계획 수립 용역('25.3.~10.)",
                   "중앙투자심사('25), 착공('26), 준공('31)")
    assert [m.raw for m in extract_milestones(items, 2025, 2)] == ["'25.3.~10.", "'25", "'26", "'31"]
