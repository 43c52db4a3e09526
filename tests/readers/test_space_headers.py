"""Header lines of space-separated tables: formula letters ("(A)", "(B-A)") name the
column of the words before them and never make a column of their own."""

from __future__ import annotations

from bogo.readers._spaceheaders import split_header


def test_a_formula_letter_joins_the_words_before_it():
    line = "구분 2025 예산 (A) 2026년 예산 (B) 증감 (B-A)"
    assert split_header(line, 4) == ["구분", "2025 예산 (A)", "2026년 예산 (B)", "증감 (B-A)"]
    # spaced-out syllables are paired first, then the letter joins the word
    assert split_header("구 분 2021년 (A) 2022년 (B) 증 감 (B-A) %", 5) == [
        "구분", "2021년 (A)", "2022년 (B)", "증감 (B-A)", "%"]


def test_a_line_of_letters_alone_keeps_them_apart():
    # the letters of a second header line stand under the words of the first
    assert split_header("(A) (B) (B-A) %", 5) == ["(A)", "(B)", "(B-A)", "%"]


def test_a_bracketed_word_is_no_formula_letter():
    # "(계)" or "(단위 : 억원)" are words in brackets, not letters naming a column
    assert split_header("구분 예산 (계) 집행", 4) == ["구분", "예산", "(계)", "집행"]


def _tables(tmp_path, text: str):
    import bogo

    p = tmp_path / "r.txt"
    p.write_text(text, encoding="utf-8")
    return bogo.parse(p).tables


BODY = "계 2,000 2,050 50 2.5\n가 사업 800 830 30 3.75\n나 사업 1,200 1,220 20 1.67\n"


def test_a_header_broken_one_cell_a_line_is_one_header_line(tmp_path):
    # pdftotext -raw puts each header cell on a line of its own, right above the body
    pieces = "구 분 2021년\n(A)\n2022년\n(B)\n증 감\n(B-A) %\n"
    [t] = _tables(tmp_path, "□ 세입예산\n(단위: 백만원)\n" + pieces + BODY)
    assert t.header == [["구분", "2021년 (A)", "2022년 (B)", "증감 (B-A)", "%"]]
    assert (t.caption, t.unit) == ("세입예산", "백만원")
    assert t.rows[0] == ["계", "2,000", "2,050", "50", "2.5"]


def test_pieces_that_do_not_make_one_word_a_column_or_open_without_the_stub_stay_apart(tmp_path):
    # a header of two levels, reordered by the export: no 구분 first — the lines stay lines
    # of their own, and the reading says its header is a guess
    two_levels = "’24년\n당초 대비\n’24년\n최종 대비\n"
    [t] = _tables(tmp_path, "□ 예산현황\n" + two_levels + BODY)
    assert len(t.header) == 4 and t.origin == "inferred"
    # too few words for the five columns: three header lines, not one
    [t] = _tables(tmp_path, "□ 세입예산\n구 분\n2021년\n2022년\n" + BODY)
    assert [row[:2] for row in t.header] == [["구분", ""], ["구분", "2021년"], ["구분", "2022년"]]
    assert t.origin == "inferred"
