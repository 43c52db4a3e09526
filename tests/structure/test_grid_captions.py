"""A table's title and unit set in its first row, its source in its last: they are the
table's caption, unit and notes, not a header row and a data row."""

from __future__ import annotations

from bogo.blocks import Cell, Document, Table, grid_to_table
from bogo.structure import analyse
from bogo.structure.gridcaptions import split_grid_captions


def _priced() -> Table:
    title = Cell(text="【 가구별 평균 주택가격 】", raw="", row=0, col=0, colspan=3)
    unit = Cell(text="(단위 : 만원)", raw="", row=0, col=3)
    body = grid_to_table([["구분", "주택가격", "전세", "월세"],
                          ["일반가구", "42,057", "22,198", "37"],
                          ["청년가구", "31,020", "18,760", "41"]], line=2)
    source = Cell(text="< 국토교통부, 주거실태조사 >", raw="", row=4, col=0, colspan=4)
    cells = [title, unit] + [Cell(text=c.text, raw=c.raw, row=c.row + 1, col=c.col) for c in body.cells] + [source]
    return Table(cells=cells, n_rows=5, n_cols=4, line=1, end_line=5)


def test_title_unit_and_source_rows_leave_the_grid():
    t, caption, unit, notes = split_grid_captions(_priced())
    assert (caption, unit, notes) == ("가구별 평균 주택가격", "만원", ["< 국토교통부, 주거실태조사 >"])
    assert t.n_rows == 3 and t.grid()[0] == ["구분", "주택가격", "전세", "월세"]
    rec = analyse(Document(blocks=[_priced()], format="hwpx")).tables[0]
    assert (rec.caption, rec.unit, rec.notes) == ("가구별 평균 주택가격", "만원", ["< 국토교통부, 주거실태조사 >"])
    assert rec.header == [["구분", "주택가격", "전세", "월세"]]
    assert rec.rows[-1] == ["청년가구", "31,020", "18,760", "41"]


def test_ordinary_first_and_last_rows_stay():
    # a header over the columns and a total row are the table's own rows
    t = grid_to_table([["구분", "2024년", "2025년"], ["인건비", "10", "12"], ["합계", "10", "12"]], line=1)
    assert split_grid_captions(t) == (t, None, None, [])
    # a row of asterisks is masked text, not a note; a title beside figures is a row
    masked = grid_to_table([["구분", "내용"], ["강사", "홍길동"], ["평가", "우수"], ["******", ""]], line=1)
    assert split_grid_captions(masked)[0] is masked
    titled = grid_to_table([["【 현황 】", "12"], ["인건비", "10"], ["경비", "2"]], line=1)
    assert split_grid_captions(titled)[0] is titled
