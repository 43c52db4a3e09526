"""Tasks as the outline shows them (bogo.extract.tasks), on synthetic reports."""

from __future__ import annotations

import bogo


def _parse(tmp_path, text: str):
    p = tmp_path / "report.txt"
    p.write_text(text, encoding="utf-8")
    return bogo.parse(p)


def _tasks(r):
    return [(t.number, t.title, sorted(t.parts)) for t in r.tasks]


HEAD = "2025. 2. 11.(화) 기획위원회\n2025년 주요업무계획\n기획조정실\n"


def test_numbered_tasks_with_a_lead_under_numbered_groups(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅰ. 기본현황
1. 조직 현황
○ 기구 : 1실 6담당관
Ⅱ. 2025년 주요업무계획
1. 전략적 재정운용
1 계획적 재정운용
◊ 중기재정계획 수립으로 중장기 투자전략 마련
○ 실·국별 재정운영전략 수립 ('25. 8월)
2 재정 효율성 제고
◊ 재정사업 타당성 검토 강화
○ 투자심사 내실화
2. 공공기관 효율화
1 조직운영 최적화
◊ 관리체계 고도화
○ 경영평가 개선
""")
    assert _tasks(r) == [("1-1", "계획적 재정운용", ["추진내용"]), ("1-2", "재정 효율성 제고", ["추진내용"]),
                         ("2-1", "조직운영 최적화", ["추진내용"])]
    assert [t.group for t in r.tasks] == ["전략적 재정운용", "전략적 재정운용", "공공기관 효율화"]
    assert r.tasks[0].parts["추진내용"][0].startswith("◊ 중기재정계획")


def test_circled_tasks_under_a_numbered_group(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅱ. 2025년 주요업무계획
1. 시민 중심 행정
① 민원 서비스 개선
□ 추진방향
○ 민원 처리기간 단축
□ 추진계획
○ 민원 콜센터 개편 ('25. 6월)
② 주민참여 확대
□ 추진내용
○ 주민참여예산 운영
""")
    assert _tasks(r) == [("1-1", "민원 서비스 개선", ["추진계획", "추진방향"]),
                         ("1-2", "주민참여 확대", ["추진내용"])]


def test_a_tasks_own_numbered_items_are_its_parts(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅱ. 2025년 주요업무계획
1. 안전한 도시
1 재난 대응체계 강화
◊ 선제적 재난 대응으로 시민 안전 확보
① 재난안전상황실 운영
○ 24시간 상황관리
② 재난 예방 점검
○ 취약시설 점검 ('25. 3월)
""")
    assert _tasks(r) == [("1-1", "재난 대응체계 강화", ["재난안전상황실운영", "재난예방점검", "추진내용"])]


def test_decimal_numbered_tasks(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅱ. 2025년 주요업무계획
1. 해양신산업 육성
1-1 글로벌 해양경제 선도
◇ 해양경제 교류·협력 강화
○ 해양경제협력위원회 개최(9월)
1-2 미래성장 동력 확보
◇ 해양신산업 발굴
○ 협력과제 기획(5건)
""")
    assert _tasks(r) == [("1-1", "글로벌 해양경제 선도", ["추진내용"]), ("1-2", "미래성장 동력 확보", ["추진내용"])]
    assert r.tasks[0].group == "해양신산업 육성"


def test_no_tasks_in_a_chapter_of_facts(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅰ. 기본현황
1. 조직 현황
1 기구
○ 1실 6담당관
2 인력
○ 정원 149명
Ⅱ. 2024년 주요성과
1. 재정 성과
1 국비 확보
○ 국비 9조원 확보
""")
    assert r.tasks == []


def _plans(r):
    number = {t.id: t.number for t in r.tasks}
    return [(number.get(m.task), m.raw, m.start, m.end, m.heading) for m in r.milestones]


def test_a_task_told_in_its_own_text_in_a_chapter_of_plans_has_its_dated_items_as_plans(tmp_path):
    # a council work plan writes each task's plans straight under it, no 추진계획 heading:
    # dates from the report's month on are plans; earlier ones, as-of dates and a
    # chapter of results or of tasks under way give none
    r = _parse(tmp_path, HEAD + """Ⅰ. 2024년 주요성과
1. 재정 혁신
1 재정 건전성 강화
○ 지방채 조기상환 완료('24.12.)
○ 성과 공유회 개최(11월)
Ⅱ. 2025년 주요업무계획
1. 전략적 재정운용
1 계획적 재정운용
○ 실·국별 재정운영전략 수립(4~5월), 중기재정계획 발표('25.10.)
○ 기본계획 수립('24.12.)에 따른 사업 착수(1월)
○ 재정 현황('25.1.1. 기준) 4,560억원
○ 재정협의체 구성 및 운영('25.~)
○ 문화도시 지정(2024~2027년)
○ 신청사 건립('27년 준공)
Ⅲ. 주요현안
1 공공청사 이전
○ 이전 부지 결정(6월)
""")
    assert [t.number for t in r.tasks][:1] == ["1-1"]
    assert _plans(r) == [
        ("1-1", "4~5월", "2025-04", "2025-05", None),
        ("1-1", "'25.10.", "2025-10", "2025-10", None),
        ("1-1", "'25.~", "2025-01", None, None),
        ("1-1", "2024~2027년", "2024-01", "2027-12", None),
        ("1-1", "'27년", "2027-01", "2027-12", None),
    ]


def test_an_as_of_date_under_a_plan_heading_is_no_plan(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅱ. 2025년 주요업무계획
1. 시민 중심 행정
① 민원 서비스 개선
□ 추진계획
○ 민원창구 확대 운영(3월), 처리 현황('24.12.말 기준 1,200건) 공개
""")
    assert [(m.raw, m.start, m.heading) for m in r.milestones] == [("3월", "2025-03", "추진계획")]
