"""Table-driven tests of the Korean date normaliser (bogo.normalize.dates)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bogo.normalize.dates import (
    DateSpan,
    find_dates,
    is_valid,
    month_part_days,
    parse_date,
    weekday_matches,
    weekday_of,
)
from bogo.normalize.text import fold

Y, M = 2018, 7

# (expression, ref_year, ref_month, start, end, kind)
CASES = [
    ("'18. 7. 12.", Y, M, "2018-07-12", "2018-07-12", "day"),
    ("\u201920.3.31.", Y, M, "2020-03-31", "2020-03-31", "day"),
    ("'20.3.31.", Y, M, "2020-03-31", "2020-03-31", "day"),
    ("8.14(화)", Y, M, "2018-08-14", "2018-08-14", "day"),
    ("7.5(목)~8.14(화)", Y, M, "2018-07-05", "2018-08-14", "range"),
    ("8.21, 24, 31", Y, M, "2018-08-21", "2018-08-31", "list"),
    ("4~6월", Y, M, "2018-04", "2018-06", "range"),
    ("6-7월", Y, M, "2018-06", "2018-07", "range"),
    ("6월 말", Y, M, "2018-06", "2018-06", "month"),
    ("6월 중", Y, M, "2018-06", "2018-06", "month"),
    ("6월 초", Y, M, "2018-06", "2018-06", "month"),
    ("6월 초순", Y, M, "2018-06", "2018-06", "month"),
    ("6월 중순", Y, M, "2018-06", "2018-06", "month"),
    ("6월 하순", Y, M, "2018-06", "2018-06", "month"),
    ("6월말", Y, M, "2018-06", "2018-06", "month"),
    ("8월중", Y, M, "2018-08", "2018-08", "month"),
    ("6月 末", Y, M, "2018-06", "2018-06", "month"),
    ("상반기", Y, M, "2018-01", "2018-06", "period"),
    ("하반기", Y, M, "2018-07", "2018-12", "period"),
    ("上半期", Y, M, "2018-01", "2018-06", "period"),
    ("下半期", Y, M, "2018-07", "2018-12", "period"),
    ("상·하반기", Y, M, "2018-01", "2018-12", "period"),
    ("'18년 하반기", Y, M, "2018-07", "2018-12", "period"),
    ("18년 하반기", Y, M, "2018-07", "2018-12", "period"),
    ("'20.상반기", Y, M, "2020-01", "2020-06", "period"),
    ("2020년 上半期", Y, M, "2020-01", "2020-06", "period"),
    ("내년 상반기", Y, M, "2019-01", "2019-06", "period"),
    ("1/4분기", Y, M, "2018-01", "2018-03", "period"),
    ("2/4분기", Y, M, "2018-04", "2018-06", "period"),
    ("3분기", Y, M, "2018-07", "2018-09", "period"),
    ("4분기", Y, M, "2018-10", "2018-12", "period"),
    ("1분기", Y, M, "2018-01", "2018-03", "period"),
    ("1·4분기", Y, M, "2018-01", "2018-03", "period"),
    ("제2분기", Y, M, "2018-04", "2018-06", "period"),
    ("第1四半期", Y, M, "2018-01", "2018-03", "period"),
    ("'19년 3/4분기", Y, M, "2019-07", "2019-09", "period"),
    ("연중", Y, M, "2018-01", "2018-12", "period"),
    ("연중 계속", Y, M, "2018-01", "2018-12", "period"),
    ("연말", Y, M, "2018-12", "2018-12", "period"),
    ("매월", Y, M, "2018-01", "2018-12", "recurring"),
    ("매주", Y, M, "2018-01", "2018-12", "recurring"),
    ("매년", 2020, 4, "2020-01", "2020-12", "recurring"),
    ("상시", Y, M, "2018-01", "2018-12", "recurring"),
    ("수시", Y, M, None, None, "none"),
    ("5.29限", 2020, 4, None, "2020-05-29", "until"),
    ("8월限", 2020, 4, None, "2020-08", "until"),
    ("'21년까지", 2020, 4, None, "2021-12", "until"),
    ("~3월", Y, M, None, "2018-03", "until"),
    ("5.29字", Y, M, "2018-05-29", "2018-05-29", "day"),
    ("'19. 1월", Y, M, "2019-01", "2019-01", "month"),
    ("'18. 11월", Y, M, "2018-11", "2018-11", "month"),
    ("'18.11월", Y, M, "2018-11", "2018-11", "month"),
    ("'18년 8월", Y, M, "2018-08", "2018-08", "month"),
    ("20. 5월", 2020, 4, "2020-05", "2020-05", "month"),
    ("'18. 6", Y, M, "2018-06", "2018-06", "month"),
    ("2018. 7.", Y, M, "2018-07", "2018-07", "month"),
    ("2018.7.2.", Y, M, "2018-07-02", "2018-07-02", "day"),
    ("2019. 11. 15.", Y, M, "2019-11-15", "2019-11-15", "day"),
    ("18. 7. 12.", Y, M, "2018-07-12", "2018-07-12", "day"),
    ("2018-07-12", Y, M, "2018-07-12", "2018-07-12", "day"),
    ("2018년 7월 12일", Y, M, "2018-07-12", "2018-07-12", "day"),
    ("2018年 7月 12日", Y, M, "2018-07-12", "2018-07-12", "day"),
    ("7월 12일", Y, M, "2018-07-12", "2018-07-12", "day"),
    ("2020. 3. 27(금)", 2020, 4, "2020-03-27", "2020-03-27", "day"),
    ("'20. 4월~", 2020, 4, "2020-04", None, "open"),
    ("'17.8.~", Y, M, "2017-08", None, "open"),
    ("4.3.~", 2020, 4, "2020-04-03", None, "open"),
    ("'20. 7월이후", 2020, 4, "2020-07", None, "open"),
    ("5월부터", Y, M, "2018-05", None, "open"),
    ("4.20~21", Y, M, "2018-04-20", "2018-04-21", "range"),
    ("9.28~10.5", Y, M, "2018-09-28", "2018-10-05", "range"),
    ("3.6~3.13", Y, M, "2018-03-06", "2018-03-13", "range"),
    ("'19.12.20~'20.1.31", Y, M, "2019-12-20", "2020-01-31", "range"),
    ("'19.1.25~2.15", Y, M, "2019-01-25", "2019-02-15", "range"),
    ("3. 22.~4. 5.", Y, M, "2018-03-22", "2018-04-05", "range"),
    ("'18.10.25.~10.31.", Y, M, "2018-10-25", "2018-10-31", "range"),
    ("'18. 7~11월", Y, M, "2018-07", "2018-11", "range"),
    ("'20. 4. ~ 8.", Y, M, "2020-04", "2020-08", "range"),
    ("'20.1~11.", Y, M, "2020-01", "2020-11", "range"),
    ("'18.7~'19.6", Y, M, "2018-07", "2019-06", "range"),
    ("'18.11~2월", Y, M, "2018-11", "2019-02", "range"),
    ("'20. 3월~10월", Y, M, "2020-03", "2020-10", "range"),
    ("'18. 11월 ~ '19. 2월", Y, M, "2018-11", "2019-02", "range"),
    ("2018.12.~2019.3.", Y, M, "2018-12", "2019-03", "range"),
    ("'18년~'20년", Y, M, "2018-01", "2020-12", "range"),
    ("'19.6,8,12", Y, M, "2019-06", "2019-12", "list"),
    ("'18. 7월, 9월", Y, M, "2018-07", "2018-09", "list"),
    # bare months listed before the one that carries 월
    ("3, 6, 9월", Y, M, "2018-03", "2018-09", "list"),
    ("(1, 7월)", Y, M, "2018-01", "2018-07", "list"),
    ("3·6·9·12월", Y, M, "2018-03", "2018-12", "list"),
    ("(3.2.)", Y, M, "2018-03-02", "2018-03-02", "day"),
    ("11월", Y, M, "2018-11", "2018-11", "month"),
    ("9월", Y, M, "2018-09", "2018-09", "month"),
    ("'18년", Y, M, "2018-01", "2018-12", "year"),
    ("2018년도", Y, M, "2018-01", "2018-12", "year"),
    # a half written as one Chinese character after the year; other apostrophe glyphs
    ("\u02ca24.上", Y, M, "2024-01", "2024-06", "period"),
    ("\u02ca24.下", Y, M, "2024-07", "2024-12", "period"),
    ("'24. 下", Y, M, "2024-07", "2024-12", "period"),
    ("\u02bc24. 3월", Y, M, "2024-03", "2024-03", "month"),
    ("'24. 3. ~ 5.", Y, M, "2024-03", "2024-05", "range"),
    ("'24. 하반기", Y, M, "2024-07", "2024-12", "period"),
    ("'24. 1/4분기", Y, M, "2024-01", "2024-03", "period"),
    ("2024. 3·4분기", Y, M, "2024-07", "2024-09", "period"),
]


@pytest.mark.parametrize(("expr", "ref_year", "ref_month", "start", "end", "kind"), CASES,
                         ids=[c[0] for c in CASES])
def test_parse_date_table(expr, ref_year, ref_month, start, end, kind):
    span = parse_date(expr, ref_year, ref_month)
    assert span is not None, expr
    assert (span.start, span.end, span.kind) == (start, end, kind)
    # the whole expression is the span (apart from surrounding parentheses)
    assert span.raw == (expr[1:-1] if expr.startswith("(") else expr)
    assert span.valid


@pytest.mark.parametrize("expr", [c[0] for c in CASES])
def test_folded_input_gives_same_result(expr):
    a = parse_date(expr, 2018, 7)
    b = parse_date(fold(expr), 2018, 7)
    assert (a.start, a.end, a.kind) == (b.start, b.end, b.kind)


NEGATIVES = [
    "3,960억원", "1조 3,960억원", "1.5배", "20.7%", "6:4", "국세·지방세 7:3 개선", "v8.14",
    "버전 3.2.1", "5~10개 분야", "30건", "13,700명", "평균 91.94점", "5.6건 증가", "72.6",
    "16.2 18.8 21.9", "제3.1조", "3개월", "비상시 대응", "연말정산", "(평균 3.5)", "1.5:2.3",
    "(2.30)", "2.30 기준", "13월", "12.5%", "2017", "(2021~2024)", "18년 만에", "3,150 3,164",
    "'24.상승", "20024.5톤", "20,024명", "'25.13억원", "'30. 96억원", "'25.13", "제1-2차", "1-2단계",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_dates(text):
    assert find_dates(text, 2018, 7) == []


def test_weekday_and_weekday_check():
    assert weekday_of("2018-08-14") == "화"
    s = parse_date("7.5(목)~8.14(화)", 2018)
    assert (s.weekday, s.end_weekday) == ("목", "화")
    assert weekday_matches(s) is True
    assert weekday_matches(parse_date("8.14(수)", 2018)) is False
    assert weekday_matches(parse_date("8.14", 2018)) is None
    assert parse_date("7.5(木)", 2018).weekday == "목"


@pytest.mark.parametrize("expr", ["2.30(화)", "'18. 2. 30.", "2월 30일", "4.31限", "2019. 2. 29.",
                                  "20024년 3월", "20024. 3. 5.", "20024년"])
def test_impossible_dates(expr):
    s = parse_date(expr, 2018)
    assert s is not None and s.kind == "invalid" and s.valid is False
    assert s.start is None and s.end is None


def test_leap_day_is_valid():
    assert parse_date("'20. 2. 29.", 2020).start == "2020-02-29"
    assert is_valid(2020, 2, 29) and not is_valid(2019, 2, 29) and not is_valid(2019, 13)


def test_month_part_days():
    assert month_part_days("말", 2018, 6) == ("2018-06-21", "2018-06-30")
    assert month_part_days("초순", 2018, 2) == ("2018-02-01", "2018-02-10")
    assert month_part_days("중순", 2018, 2) == ("2018-02-11", "2018-02-20")
    assert month_part_days("하순", 2020, 2) == ("2020-02-21", "2020-02-29")
    assert month_part_days("중", 2018, 6) == ("2018-06-01", "2018-06-30")
    assert parse_date("6월 말", 2018).part == "말"


def test_no_rollover_guessed_from_report_month():
    # a month before the report month stays in the report year
    assert parse_date("3월", 2018, 7).start == "2018-03"
    assert parse_date("1.20.", 2020, 4).start == "2020-01-20"


def _triples(text, y=2018, m=7):
    return [(d.raw, d.start, d.end, d.kind) for d in find_dates(text, y, m)]


def test_sentences():
    assert _triples("- 분과위원회 운영 및 핵심과제 사업계획 수립 : 7.5(목)~8.14(화)") == [
        ("7.5(목)~8.14(화)", "2018-07-05", "2018-08-14", "range")]
    assert _triples("- 핵심과제 대시민 발표(예정) : 9.10(월) 예정") == [
        ("9.10(월)", "2018-09-10", "2018-09-10", "day")]
    assert _triples("시민평가 조사 실시('18. 7~11월), 결과 공개('19. 1월)") == [
        ("'18. 7~11월", "2018-07", "2018-11", "range"), ("'19. 1월", "2019-01", "2019-01", "month")]
    assert _triples("텔아비브(이스라엘, 5.6), 충칭(중국, 5.30), 메데진(콜롬비아, 7.12)", 2020) == [
        ("5.6", "2020-05-06", "2020-05-06", "day"), ("5.30", "2020-05-30", "2020-05-30", "day"),
        ("7.12", "2020-07-12", "2020-07-12", "day")]
    assert _triples("○ 기관별 집행실적 모니터링 및 사업별 점검 : \u201920. 4~6월", 2020) == [
        ("\u201920. 4~6월", "2020-04", "2020-06", "range")]
    # a list continuing after an explicit year keeps that year
    assert _triples("검토회의(2회, '19. 11. 5., 11. 14.)", 2020) == [
        ("'19. 11. 5.", "2019-11-05", "2019-11-05", "day"),
        ("11. 14.", "2019-11-14", "2019-11-14", "day")]
    # the time after a date makes it a date; 0시 after a trailing dot too
    assert [d.start for d in find_dates("(전국 4.17. 0시, 서울 4.17 10시 현재)", 2020)] == [
        "2020-04-17", "2020-04-17"]
    # a plan period written with bare years is not a date; the item date is
    assert _triples("도시외교 기본계획(2021~2024) 수립 및 추진 : '20. 4월~", 2020) == [
        ("'20. 4월~", "2020-04", None, "open")]
    assert _triples("원산지 표시 홍보('19.11~) 및 교육 실시(매월)", 2020) == [
        ("'19.11~", "2019-11", None, "open"), ("매월", "2020-01", "2020-12", "recurring")]
    assert _triples("수시로 설명") == [("수시", None, None, "none")]


def test_positions_point_into_original_text():
    text = "가나다 \u201920. 3. 31. 까지 그리고 上半期"
    for d in find_dates(text, 2020):
        assert text[d.pos:d.pos + len(d.raw)] == d.raw


def test_span_is_frozen():
    s = DateSpan(raw="9월", start="2018-09", end="2018-09", pos=0, kind="month")
    with pytest.raises(AttributeError):
        s.start = "x"  # type: ignore[misc]


_TOKENS = st.sampled_from(list("0123456789.,~'’()년월일화限字상하반기분/ 중말초순연매수시·-:%")
                         + ["'18", "8.14", "上半期", "까지", "이후", "(화)", "분기", "2018"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=25).map("".join) | st.text(max_size=40), st.integers(1990, 2090))
def test_find_dates_never_raises_and_is_deterministic(text, year):
    a = find_dates(text, year, 7)
    b = find_dates(text, year, 7)
    assert a == b
    last = -1
    for d in a:
        assert d.pos > last
        last = d.pos
        assert text[d.pos:d.pos + len(d.raw)] == d.raw
        for v in (d.start, d.end):
            assert v is None or len(v) in (7, 10)


def test_an_apostrophe_year_with_its_dot_before_a_tilde_bracket_or_colon():
    got = [(s.raw, s.start, s.end) for s in find_dates("공사('26.~'28.), 평가('25.), '27.   : 준공", 2025)]
    assert got == [("'26.~'28.", "2026-01", "2028-12"), ("'25.", "2025-01", "2025-12"),
                   ("'27.", "2027-01", "2027-12")]
    assert [s.raw for s in find_dates("'25.3% 증가", 2025)] == []


def test_a_month_range_ends_with_a_dot_before_a_counted_figure():
    got = [(s.raw, s.start, s.end) for s in find_dates("`25. 4~5. 16개 구군 시행결과 평가", 2025)]
    assert got == [("`25. 4~5.", "2025-04", "2025-05")]
    # a day after the dot is still a day
    assert [s.kind for s in find_dates("'25. 4~5. 16. 개최", 2025)] == ["month", "until"]


def test_a_range_of_years_ends_before_a_word():
    got = [(s.raw, s.start, s.end) for s in find_dates("'26. ~ '29. 기본·실시 설계, 착공", 2025)]
    assert got == [("'26. ~ '29.", "2026-01", "2029-12")]


def test_sangsi_inside_a_noun_is_not_a_recurring_date():
    assert [s.kind for s in find_dates("상시 운영", 2025)] == ["recurring"]
    assert find_dates("상시프로그램 개발 및 홍보", 2025) == []


def test_a_falling_or_numeric_lead_is_no_month_list():
    assert [(s.raw, s.kind) for s in find_dates("(12, 3월)", 2025)] == [("3월", "month")]
    assert [(s.raw, s.kind) for s in find_dates("1,000원 3월", 2025)] == [("3월", "month")]
    assert [(s.raw, s.kind) for s in find_dates("2024, 3월", 2025)] == [("3월", "month")]


def test_quarters_written_as_q():
    got = [(s.raw, s.start, s.end) for t in ("'25. 2Q 발주", "2025년 3Q 준공", "Q4 완료") for s in find_dates(t, 2025)]
    assert got == [("'25. 2Q", "2025-04", "2025-06"), ("2025년 3Q", "2025-07", "2025-09"), ("Q4", "2025-10", "2025-12")]
    assert find_dates("1Q84 소설, BQ2 모델", 2025) == []
    assert [(s.raw, s.start) for s in find_dates("'25. 2. 발주", 2025)] == [("'25. 2.", "2025-02")]  # a month still


@pytest.mark.parametrize(("text", "raw", "start", "end"), [
    ("문화도시 지정(2024~2027년)", "2024~2027년", "2024-01", "2027-12"),
    ("2017-2020년 도시외교 성과분석", "2017-2020년", "2017-01", "2020-12"),
    ("제3차 진흥계획('25-'29)수립", "'25-'29", "2025-01", "2029-12"),
])
def test_a_range_of_years_whose_first_year_stands_bare(text, raw, start, end):
    assert [(s.raw, s.start, s.end, s.kind) for s in find_dates(text, 2025)] == [(raw, start, end, "range")]


def test_a_figure_with_its_unit_does_not_continue_a_list_of_dates():
    assert [s.raw for s in find_dates("'23~'25, 9.3억원, 연면적 5,260㎡", 2025)] == ["'23~'25"]
    assert [s.raw for s in find_dates("설명회 개최(4.5. 등)", 2025)] == ["4.5."]  # a full date keeps its 등
    # a slash lists dates written in full ("8.28."), a bare figure after it is no date
    assert [(s.raw, s.start) for s in find_dates("'24. 8.26. / 8.28. : 국회 심사", 2025)] == [
        ("'24. 8.26.", "2024-08-26"), ("8.28.", "2024-08-28")]
    assert [s.raw for s in find_dates("('24.~'25. / 2.4 )", 2025)] == ["'24.~'25."]
