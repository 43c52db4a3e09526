"""PDF lines joined at their wraps with a space only where a word ends (bogo.readers._pdf_wraps)."""

from __future__ import annotations

import pytest

from bogo.blocks import Paragraph
from bogo.readers._pdf_lines import Line
from bogo.readers._pdf_wraps import Wraps, separator, wrap_probe

RIGHT = 500.0


def _ln(text: str, full: bool = True, trail: bool = False, size: float = 10.0) -> Line:
    x1 = RIGHT - 2 if full else RIGHT - 200
    return Line(text=text, x0=50, x1=x1, top=0, bottom=size, size=size, bold=False, trail_space=trail)


@pytest.mark.parametrize(("a", "b", "full", "trail", "sep"), [
    ("방문 서비스를 추진", "하고, 장애인 지원", True, False, ""),     # an ending never begins a word
    ("지역 균형 성장의 결과", "로는 부족하다", True, False, ""),
    ("업무를 발굴·", "개선하고", True, False, ""),                    # joining punctuation ends the line
    ("사전 '한국어' 2", "차 개통", True, False, ""),                   # a number and its counter
    ("투자규모는 부동산업", "(22.4억 달러)", True, False, ""),        # an opening bracket in running text
    ("기술 개발", ")을 통해", True, False, ""),                        # closing punctuation opens the line
    ("시범사업 운영", "· 사전 서비스 시작", True, False, " "),        # a bulleted item opens the next line
    ("정책을 공개해", "국민의 알권리", True, False, None),             # only the document's words can tell
    ("정책을 공개해", "국민의 알권리", True, True, " "),               # … unless the layer kept the space
    ("짧은 줄을 추진", "하고 다음", False, False, " "),                # the line stopped short: a break
    ("사업 추진에 도움이", "될 것으로 기대", True, False, None),       # a verb after a particle stands alone
    ("거점 역할을", "하는 기관", True, False, None),
])
def test_separator_at_a_wrap(a, b, full, trail, sep):
    assert separator(_ln(a, full=full, trail=trail), _ln(b), RIGHT) == sep


def test_a_cell_keeps_a_bracket_under_its_label():
    assert separator(_ln("2021년"), _ln("(A)"), RIGHT, cell=True) == " "


def test_probe_takes_two_syllables_each_side():
    assert wrap_probe("범정부 인공", "지능 인프라") == "인공지능"
    assert wrap_probe("위해 원", "칙") is None          # too few syllables to be evidence
    assert wrap_probe("총 100", "명") is None


def test_the_documents_own_words_decide_an_undecided_wrap():
    wraps = Wraps()
    wraps.join([_ln("인공지능 전환을 위한 인프라", full=False)], RIGHT)   # written within a line elsewhere
    text, undecided = wraps.join([_ln("범정부 인공"), _ln("지능 인프라 구축")], RIGHT)
    other, other_undecided = wraps.join([_ln("정보를 적극 공개해"), _ln("국민의 알권리를 보장")], RIGHT)
    assert text == "범정부 인공 지능 인프라 구축" and undecided
    p, q = (Paragraph(text=t, raw=t, line=1) for t in (text, other))
    wraps.defer(p, ("text", "raw"), undecided)
    wraps.defer(q, ("text", "raw"), other_undecided)
    assert wraps.resolve() == 1
    assert p.text == p.raw == "범정부 인공지능 인프라 구축"
    assert q.text == "정보를 적극 공개해 국민의 알권리를 보장"     # no such word: the space stays


def test_condensed_type_is_no_evidence():
    wraps = Wraps()
    wraps.join([_ln("63개분야관련전문기관협의체구성중장기구축계획수립", full=False)], RIGHT)
    assert not wraps.inside_word("관련 전문", "기관협의")


def test_a_label_spread_over_a_narrow_cell_is_one_word():
    wraps = Wraps()
    wraps.join([_ln("1. 문화예술과", full=False)], RIGHT)
    text, undecided = wraps.join([_ln("문 화"), _ln("예술과")], RIGHT, cell=True)
    cell = Paragraph(text=text, raw=text, line=1)
    wraps.defer(cell, ("text", "raw"), undecided)
    wraps.resolve()
    assert cell.text == "문화예술과"
    assert wraps.join([_ln("세 입"), _ln("결 산 액"), _ln("(A)", full=False)], RIGHT, cell=True)[0] == "세입결산액 (A)"
    assert wraps.join([_ln("문"), _ln("화"), _ln("예술과")], RIGHT, cell=True)[0] == "문화예술과"
    assert wraps.join([_ln("예산"), _ln("및"), _ln("결산")], RIGHT, cell=True)[0] != "예산및결산"


def _glyphs(words: list[str], advance: float, box: float, word_gap: float, size: float = 14.4) -> list[dict]:
    """Glyphs of ``words`` on one line: each ``advance`` wide apart, its loose box
    ``box`` wide (wider than the advance: boxes overlap), words ``word_gap`` apart."""
    out, x = [], 50.0
    for w in words:
        for ch in w:
            out.append({"text": ch, "x0": x, "x1": x + box, "top": 0.0, "bottom": size, "size": size})
            x += advance
        x += word_gap
    return out


def test_condensed_type_shows_its_spaces_against_the_overlap_of_its_glyphs():
    from bogo.readers._pdf_lines import group_lines

    # glyph boxes overlap by 2.7 pt; the words are 1.8 pt apart: under SPACE_GAP alone
    words = ["쓰기능력", "진단체계", "구축"]
    (line,) = group_lines(_glyphs(words, advance=12.0, box=14.7, word_gap=4.5))
    assert line.text == "쓰기능력 진단체계 구축"
    # a label set with wider tracking inside an overlapping line is not spaced letter by letter
    tight = _glyphs(["인공지능", "활용"], advance=12.0, box=14.7, word_gap=9.0)
    loose = _glyphs(["사직종합운동장"], advance=16.0, box=14.7, word_gap=0.0)
    for g in loose:
        g["x0"] += 150
        g["x1"] += 150
    (line,) = group_lines(tight + loose)
    assert line.text.endswith("사직종합운동장")
