"""A table continued on the next page repeats its header; when the page draws no
rule under the repeated header, its cells also hold the first data row's text."""

from __future__ import annotations

from bogo.blocks import grid_to_table
from bogo.tablejoin import join_tables

HEADER = [["구분", "과목", "", "예산액", ""], ["", "관", "항", "당초", "추경"]]


def _first():
    return grid_to_table(HEADER + [["세입", "보조금", "국고", "70", "70"]], 1)


def test_figures_under_a_ruleless_repeated_header_join_the_row_below():
    second = grid_to_table([HEADER[0], ["", "관", "항", "당초 150", "추경 160"],
                            ["세입소계", "", "", "", ""], ["세출", "사무비", "인건비", "10", "12"]], 1)
    first = _first()
    join_tables(first, second)
    assert first.grid()[3:] == [["세입소계", "", "", "150", "160"], ["세출", "사무비", "인건비", "10", "12"]]


def test_text_appended_to_every_header_row_becomes_one_data_row():
    # "구분 세출" and "관 사무비": the row below had its own labels
    second = grid_to_table([["구분 세출", "과목", "", "예산액", ""], ["", "관 사무비", "항", "당초 7", "추경 8"],
                            ["", "", "인건비", "5", "5"]], 1)
    first = _first()
    join_tables(first, second)
    assert first.grid()[3:] == [["세출", "사무비", "", "7", "8"], ["", "", "인건비", "5", "5"]]


def test_an_exact_repeat_is_dropped_and_other_rows_are_kept_as_they_are():
    second = grid_to_table(HEADER + [["세출", "사무비", "인건비", "10", "12"]], 1)
    first = _first()
    join_tables(first, second)
    assert first.grid()[3:] == [["세출", "사무비", "인건비", "10", "12"]]
    other = grid_to_table([["구분", "다른 머리", "", "", ""], ["a", "b", "c", "1", "2"]], 1)
    first = _first()
    join_tables(first, other)   # not a repeat: nothing is moved or dropped
    assert first.grid()[3:] == [["구분", "다른 머리", "", "", ""], ["a", "b", "c", "1", "2"]]
