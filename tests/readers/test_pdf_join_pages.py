"""A ruled table continued over a page break (synthetic): drawn on fewer columns
than its first page, with nested tables between, and with a row cut in two."""

from __future__ import annotations

from bogo.blocks import Cell, Table
from bogo.readers._pdf_join import continuation, edge_map, merge_cut_row
from bogo.readers._pdf_tables import RuledTable
from bogo.readers.pdf import _emit
from bogo.settings import SETTINGS


def _table(cells: list[tuple[int, int, int, int, str]], n_rows: int, n_cols: int) -> Table:
    return Table(cells=[Cell(text=t, raw=t, row=r, col=c, rowspan=rs, colspan=cs) for r, c, rs, cs, t in cells],
                 n_rows=n_rows, n_cols=n_cols, line=1, end_line=n_rows, origin="ruled")


# a form: label column, content columns; the first page splits one row into narrow cells
FIRST = [(0, 0, 1, 1, "구분"), (0, 1, 1, 3, "주요 내용"),
         (1, 0, 1, 1, "작성자"), (1, 1, 1, 1, "서울시"), (1, 2, 1, 1, "담당관"), (1, 3, 1, 1, "홍길동"),
         (2, 0, 1, 1, "성과지표"), (2, 1, 1, 3, "가. 지표1")]
FIRST_COLS = (0.0, 60.0, 120.0, 180.0, 300.0)
# the next page draws only the label and the content column; its first row goes on
NEXT = [(0, 0, 1, 1, "구분"), (0, 1, 1, 1, "주요 내용"),
        (1, 0, 1, 1, ""), (1, 1, 1, 1, "나. 지표2"),
        (2, 0, 1, 1, "지원대상"), (2, 1, 1, 1, "청년")]
NEXT_COLS = (0.5, 60.5, 299.0)


def test_edge_map_needs_every_edge_and_the_outer_ones():
    assert edge_map(FIRST_COLS, NEXT_COLS) == [0, 1, 4]
    assert edge_map(FIRST_COLS, (0.0, 90.0, 300.0)) is None        # 90 is no edge of the first page
    assert edge_map(FIRST_COLS, (0.0, 60.0, 180.0)) is None        # narrower table


def test_coarser_continuation_is_placed_on_the_first_grid():
    first, nxt = _table(FIRST, 3, 4), _table(NEXT, 3, 2)
    assert continuation(first, FIRST_COLS, nxt, NEXT_COLS)
    assert nxt.n_cols == 4
    assert nxt.grid()[2] == ["지원대상", "청년", "", ""]
    assert {(c.col, c.colspan) for c in nxt.cells if c.text == "청년"} == {(1, 3)}


def test_different_header_is_no_continuation():
    other = [(0, 0, 1, 1, "연번"), (0, 1, 1, 1, "사업명"), (1, 0, 1, 1, "1"), (1, 1, 1, 1, "가")]
    assert not continuation(_table(FIRST, 3, 4), FIRST_COLS, _table(other, 2, 2), NEXT_COLS)


def test_row_cut_by_the_page_break_is_joined():
    t = _table(FIRST + [(3, 0, 1, 1, ""), (3, 1, 1, 3, "나. 지표2"), (4, 0, 1, 1, "지원대상"),
                        (4, 1, 1, 3, "청년")], 5, 4)
    assert merge_cut_row(t, 3)
    assert t.n_rows == 4
    assert t.grid()[2] == ["성과지표", "가. 지표1 나. 지표2", "", ""]
    assert t.grid()[3][0] == "지원대상"


def test_blank_label_under_a_span_from_above_is_a_new_row():
    # "세출" spans the rows above: a blank under it starts a sub-row, not a cut row
    t = _table([(0, 0, 1, 1, "구분"), (0, 1, 1, 1, "과목"), (1, 0, 2, 1, "세출"), (1, 1, 1, 1, "급여"),
                (2, 1, 1, 1, "제수당"), (3, 0, 1, 1, ""), (3, 1, 1, 1, "인건비 소계")], 4, 2)
    assert not merge_cut_row(t, 3)
    assert t.n_rows == 4


def test_page_break_with_nested_tables_between():
    inner = _table([(0, 0, 1, 1, "구분"), (0, 1, 1, 1, "2026년"), (1, 0, 1, 1, "목표"), (1, 1, 1, 1, "200")], 2, 2)
    pages = [(1, [RuledTable((0, 100, 300, 700), _table(FIRST, 3, 4), FIRST_COLS),
                  RuledTable((130, 600, 290, 650), inner, (130.0, 200.0, 290.0))]),
             (2, [RuledTable((0, 90, 300, 500), _table(NEXT, 3, 2), NEXT_COLS)])]
    blocks = _emit(pages, SETTINGS)
    assert len(blocks) == 2                       # the outer table and its nested table
    outer = blocks[0]
    assert outer.n_rows == 4 and outer.n_cols == 4
    assert outer.grid()[2][1] == "가. 지표1 나. 지표2"
    lines = sorted(c.line for c in outer.cells)
    assert len(set(lines)) == len({(c.row, c.line) for c in outer.cells})   # one line per row
    assert max(lines) == outer.end_line > blocks[1].end_line
