"""Cover metadata: the report date from cover lines and as-of notes (bogo.structure.meta)."""

from __future__ import annotations

import pytest

from bogo.blocks import Paragraph, grid_to_table
from bogo.structure.meta import as_of_date, cover_date, extract_meta

COVER_LINES = [
    ("2024. 2. 6. (화)", "2024-02-06"),
    ("2024. 2. 13.(화) 10:00", "2024-02-13"),
    ("행정문화위원회 2025. 2. 10. (월)", "2025-02-10"),
    ("2025.02.11.(화) 10:00 해양도시안전위원회", "2025-02-11"),
    ("복지환경위원회 2025.2.12.(수) 14:00", "2025-02-12"),
    ("제300회 정례회 2018. 7. 12.(목)", "2018-07-12"),
    ("2019. 11. 15. 기획조정실", "2019-11-15"),
    ("2018. 7", "2018-07"),
    ("2018년 7월", "2018-07"),
    ("'24. 3. 5.(화) 오후 2시", "2024-03-05"),
    # not a cover date: a year alone, a title, a date inside a sentence, an impossible date
    ("2025년도", None),
    ("2025년 주요업무계획", None),
    ("2020. 4. 10. 개최 예정", None),
    ("2024. 2. 30.(금)", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), COVER_LINES, ids=[t or "empty" for t, _ in COVER_LINES])
def test_cover_date(text, expected):
    assert cover_date(text) == expected


AS_OF = [
    ("('24.6.30. 기준)", "2024-06-30"),
    ("(기준:'25. 2. 1.)", "2025-02-01"),
    ("인원 현황('25.11.30. 기준)", "2025-11-30"),
    ("('25년 1월 기준)", "2025-01"),
    ("(2024. 12. 31. 현재)", "2024-12-31"),
    ("('23년 기준)", None),          # a year alone
    ("(총투자 기준)", None),
    ("(200톤 기준)", None),
]


@pytest.mark.parametrize(("text", "expected"), AS_OF, ids=[t for t, _ in AS_OF])
def test_as_of_date(text, expected):
    assert as_of_date(text) == expected


def _p(i: int, text: str, marker: str = "") -> Paragraph:
    return Paragraph(text=text, raw=text, line=i, marker=marker)


def test_meta_date_from_cover_beside_committee():
    blocks = [_p(1, "행정문화위원회 2025. 2. 10. (월)"), _p(2, "2025년 주요업무계획"), _p(3, "문화체육국"),
              _p(4, "기본현황", "Ⅰ."), _p(5, "('25. 1. 1. 기준)")]
    m = extract_meta(blocks)
    assert (m.date, m.committee, m.office, m.kind) == ("2025-02-10", "행정문화위원회", "문화체육국", "업무계획")


def test_meta_date_from_as_of_when_cover_has_none():
    blocks = [_p(1, "2025년도 상반기 주요업무계획"), _p(2, "기본현황", "Ⅰ."), _p(3, "조직 현황", "1."),
              _p(4, "('24.6.30. 기준)"), _p(5, "('25. 1. 1. 기준)")]
    assert extract_meta(blocks).date == "2024-06-30"


def test_office_never_a_label():
    """"감사결과", "감사기관" end like a unit name but are labels of the page."""
    t = grid_to_table([["부서", "정원"], ["감사담당관", "5"]], 4, 5)
    blocks = [_p(1, "행정사무감사"), _p(2, "감사기관"), _p(3, "감사결과"), t]
    assert extract_meta(blocks).office is None


@pytest.mark.parametrize("cover, session", [
    ("제325회 부산광역시의회 임시회", "제325회 임시회"),
    ("제 301회 정례회", "제301회 정례회"),            # the kind after the number, spaced or not
    ("제301회정례회", "제301회 정례회"),
    ("제290회 서울특별시의회 제2차 정례회", "제290회 정례회"),
    ("제300회 정례회 2018. 7. 12.(목)", "제300회 정례회"),
])
def test_meta_session_with_its_kind(cover, session):
    m = extract_meta([_p(1, cover), _p(2, "2025년 주요업무계획"), _p(3, "기획조정실")])
    assert m.session == session


def test_meta_office_from_org_chart_root_when_cover_has_none():
    """A cover naming no office (its name is often a picture): the root of the
    organisation chart under the 조직 line names it."""
    blocks = [_p(1, "2025. 2. 11.(화) 10:00 도시안전위원회"), _p(2, "2025년도 주요업무계획"),
              _p(3, "기본현황", "Ⅰ."), _p(4, "조 직 : 4과 (18팀), 3개 사업소", "□"),
              _p(5, "도시안전국"), _p(6, "안전정책과 (5팀)"), _p(7, "인 력 : 210명", "□")]
    m = extract_meta(blocks)
    assert m.office == "도시안전국"


def test_meta_office_not_taken_from_chart_when_cover_has_one_or_no_chart_line():
    cover_named = [_p(1, "2025년 주요업무계획"), _p(2, "문화체육국"), _p(3, "기본현황", "Ⅰ."),
                   _p(4, "조직현황", "□"), _p(5, "문화예술과")]
    assert extract_meta(cover_named).office == "문화체육국"
    # a bare unit name that follows no organisation line is no office
    no_chart = [_p(1, "2025년 주요업무계획"), _p(2, "기본현황", "Ⅰ."), _p(3, "예산 현황", "□"),
                _p(4, "문화예술과")]
    assert extract_meta(no_chart).office is None


@pytest.mark.parametrize(("title", "kind"), [("(2025년도) 주요 업무 추진 계획", "업무계획"),
                                             ("2025년 업무 시행계획", "업무계획"),
                                             ("2025년 추진 계획", None)])
def test_meta_kind_spelled_with_words_between(title, kind):
    m = extract_meta([_p(1, title), _p(2, "기본현황", "Ⅰ.")])
    assert m.kind == kind


@pytest.mark.parametrize(("title", "office"), [
    ("2022년 국립국어원 업무계획", "국립국어원"),
    ("고용노동부 업무보고", "고용노동부"),
    ("2025년도 부산광역시 문화체육국 주요업무계획", "문화체육국"),   # the last office word
    ("2025년 주요업무계획", None),                                  # no office named
    ("감사결과 업무보고", None),                                    # a label is no office
])
def test_meta_office_from_the_title_when_the_cover_names_none(title, office):
    m = extract_meta([_p(1, title), _p(2, "2025. 2. 11.(화)"), _p(3, "기본현황", "Ⅰ.")])
    assert m.office == office
