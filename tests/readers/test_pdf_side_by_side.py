"""Stacks of boxes side by side with the same row edges (a timeline: one column
of header/plan/budget boxes per year) are one table with blank gap columns;
stacks hanging under other boxes (an org chart's branches) are not joined; a
text cell's paragraphs with blank lines at one height do not cut a row."""

from __future__ import annotations

from pdf_kit import stage_chars as _word

from bogo.readers._pdf_cells import find_tables, join_side_by_side
from bogo.readers._pdf_rulings import Rulings
from bogo.readers._pdf_subrows import split_subrows
from bogo.readers._pdf_tables import build_tables
from bogo.readers.pdf import line_texts

YS = [100.0, 115.0, 200.0, 215.0]


def _stack(x0: float, x1: float, ys=YS) -> tuple[list, list]:
    return [(y, x0, x1) for y in ys], [(x0, ys[0], ys[-1]), (x1, ys[0], ys[-1])]


def _rulings(stacks, extra_h=(), extra_v=()) -> Rulings:
    h, v = list(extra_h), list(extra_v)
    for x0, x1 in stacks:
        sh, sv = _stack(x0, x1)
        h += sh
        v += sv
    return Rulings(h=h, v=v)


STACKS = [(50.0, 150.0), (165.0, 265.0), (280.0, 380.0)]


def test_a_timeline_of_box_columns_is_one_table_with_gap_columns():
    chars = []
    for k, (x0, _x1) in enumerate(STACKS):
        chars += _word(str(2023 + k), x0 + 5, 103) + _word("계획", x0 + 5, 150) + _word(f"{k + 1}억", x0 + 5, 203)
    (rt,), _ = build_tables(find_tables(_rulings(STACKS)), chars, line_texts)
    t = rt.table
    assert (t.n_rows, t.n_cols) == (3, 5)
    assert t.grid()[0] == ["2023", "", "2024", "", "2025"]
    assert t.grid()[2] == ["1억", "", "2억", "", "3억"]
    gaps = [c for c in t.cells if c.col in (1, 3)]
    assert [(c.row, c.rowspan, c.text) for c in gaps] == [(0, 3, ""), (0, 3, "")]


def test_stacks_hanging_under_an_office_box_stay_apart():
    office = [(80.0, 40.0, 350.0), (95.0, 40.0, 350.0)]          # a box right above the stacks
    found = find_tables(_rulings(STACKS, extra_h=office, extra_v=[(40.0, 80.0, 95.0), (350.0, 80.0, 95.0)]))
    assert len(join_side_by_side(found, [])) == 4


def test_stacks_with_arrows_between_are_flow_steps_not_one_table():
    arrows = _word("⇨", 155, 150) + _word("⇨", 270, 150)
    assert len(join_side_by_side(find_tables(_rulings(STACKS)), arrows)) == 3
    assert len(join_side_by_side(find_tables(_rulings(STACKS)), [])) == 1


def test_wide_apart_stacks_stay_apart():
    assert len(join_side_by_side(find_tables(_rulings([(50.0, 100.0), (300.0, 350.0)])), [])) == 2


def _ch(text, x, y, h=10.0):
    return {"text": text, "x0": x, "x1": x + 5, "top": y, "bottom": y + h, "size": h, "bold": False}


def test_paragraphs_with_blank_lines_at_one_height_are_not_a_header_cut():
    # three text cells, each with three lines, a blank line, then more text
    anchors = [[0, c, 1, 1] for c in range(3)]
    texts = [[_ch("가", 60 * c, y) for y in (0, 12, 24, 60)] for c in range(3)]
    _, _, n_rows, split = split_subrows(anchors, texts, 1, [-2.0, 75.0])
    assert not split and n_rows == 1


def test_columns_of_many_boxes_are_a_chart_not_a_timeline():
    tall = [100.0, 115.0, 160.0, 200.0, 240.0]
    h, v = [], []
    for x0, x1 in STACKS:
        h += [(y, x0, x1) for y in tall]
        v += [(x0, tall[0], tall[-1]), (x1, tall[0], tall[-1])]
    assert len(join_side_by_side(find_tables(Rulings(h=h, v=v)), [])) == 3
