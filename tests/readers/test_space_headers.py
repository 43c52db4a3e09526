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
