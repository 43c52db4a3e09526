"""The twin comparison of bench/pdf.py on synthetic tables: empty cells against
spans, caption rows set inside the twin's grid, and twin tables that are diagrams."""

from __future__ import annotations

import sys

from bogo.blocks import Cell, Table, grid_to_table
from conftest import REPO

sys.path.insert(0, str(REPO / "bench"))

import pdf as bench_pdf  # noqa: E402


def _t(cells: list[tuple[int, int, int, int, str]], n_rows: int, n_cols: int) -> Table:
    return Table(cells=[Cell(text=t, raw=t, row=r, col=c, rowspan=rs, colspan=cs) for r, c, rs, cs, t in cells],
                 n_rows=n_rows, n_cols=n_cols, line=1, end_line=n_rows)


def test_an_empty_twin_cell_agrees_with_a_position_inside_a_pdf_span():
    # the twin splits a label column into cells with undrawn borders; the PDF sees one span
    twin = _t([(0, 0, 1, 1, "세입"), (0, 1, 1, 1, "10"), (1, 0, 1, 1, ""), (1, 1, 1, 1, "20")], 2, 2)
    pdf = _t([(0, 0, 2, 1, "세입"), (0, 1, 1, 1, "10"), (1, 1, 1, 1, "20")], 2, 2)
    assert bench_pdf._match(twin, [pdf], aligned=False)[0] == 4
    # a text the PDF lost is still a disagreement
    lost = _t([(0, 0, 2, 1, "세입"), (0, 1, 2, 1, "10")], 2, 2)
    assert bench_pdf._match(twin, [lost], aligned=False)[0] == 3


def test_unit_and_source_rows_inside_the_twin_grid_are_left_to_the_text():
    twin = _t([(0, 0, 1, 2, ""), (0, 2, 1, 1, "(단위 : 만원)"),
               (1, 0, 1, 1, "구분"), (1, 1, 1, 2, "금액"),
               (2, 0, 1, 1, "가"), (2, 1, 1, 2, "1"),
               (3, 0, 1, 1, "나"), (3, 1, 1, 2, "2"),
               (4, 0, 1, 3, "< 국토교통부, 조사 >")], 5, 3)
    grid, outside = bench_pdf.split_caption_rows(twin)
    assert outside == ["", "(단위 : 만원)", "< 국토교통부, 조사 >"]
    assert (grid.n_rows, grid.n_cols) == (3, 2)      # the column only the unit line used is gone
    assert grid.grid() == [["구분", "금액"], ["가", "1"], ["나", "2"]]
    plain = grid_to_table([["구분", "금액"], ["가", "1"], ["나", "2"]], 1)
    assert bench_pdf.split_caption_rows(plain) == (plain, [])


def test_flow_charts_and_boxes_apart_are_diagrams_a_timeline_is_not():
    flow = grid_to_table([["신청", "⇨", "심사", "⇨", "발급"], ["접수", "", "검토", "", "통보"]], 1)
    assert bench_pdf.is_diagram(flow)
    boxes = _t([(0, 0, 3, 1, "전략"), (0, 1, 3, 1, ""), (0, 2, 1, 1, "가"), (1, 2, 1, 1, ""),
                (2, 2, 1, 1, "나"), (0, 3, 3, 1, "과제")], 3, 4)
    assert bench_pdf.is_diagram(boxes)
    timeline = _t([(0, 0, 1, 1, "2023"), (0, 1, 2, 1, ""), (0, 2, 1, 1, "2024"),
                   (1, 0, 1, 1, "구축"), (1, 2, 1, 1, "운영")], 2, 3)
    assert not bench_pdf.is_diagram(timeline)


#: floors of bench/pdf.py's word-spacing agreement (measured 97.0% and 94.8%; before
#: wraps were joined as words show and condensed type spaced: 95.9% and 87.8%)
SPACING_FLOORS = {"cells": 0.965, "paragraphs": 0.94}


def test_pdf_texts_are_spaced_as_their_twins_write_them():
    for kind, floor in SPACING_FLOORS.items():
        same = total = 0
        for p in sorted((bench_pdf.SAMPLES / "pdf").glob("*.pdf")):
            s, n = bench_pdf.spacing_agreement(p, kind)
            same, total = same + s, total + n
        assert total > 400, kind
        assert same / total >= floor, f"{kind}: {same}/{total} spaced as the twin"
