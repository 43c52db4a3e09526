"""Header rows: a row merged across value columns is a header even when it starts with 계."""

from __future__ import annotations

from bogo.blocks import Cell, Table
from bogo.structure.headers import table_header_rows


def _table(rows: list[list[str]], spans: dict[tuple[int, int], int]) -> Table:
    cells = [Cell(text=t, raw=t, row=r, col=c, colspan=spans.get((r, c), 1))
             for r, row in enumerate(rows) for c, t in enumerate(row) if t or (r, c) not in _covered(spans)]
    return Table(cells=cells, n_rows=len(rows), n_cols=len(rows[0]), line=1, end_line=len(rows))


def _covered(spans: dict[tuple[int, int], int]) -> set[tuple[int, int]]:
    return {(r, c + k) for (r, c), n in spans.items() for k in range(1, n)}


ROWS = [["계", "", "가 사업", "", "나 사업", ""],
        ["건수", "금액", "건수", "금액", "건수", "금액"],
        ["30", "500", "10", "200", "20", "300"]]


def test_group_row_starting_with_total_word_is_a_header():
    t = _table(ROWS, {(0, 0): 2, (0, 2): 2, (0, 4): 2})
    assert table_header_rows(t, t.grid()) == 2


def test_total_row_of_blanks_without_merged_cells_is_not_a_header():
    rows = [["구분", "금액", "비고"], ["계", "-", ""], ["가", "10", ""]]
    t = _table(rows, {})
    assert table_header_rows(t, t.grid()) == 1


def test_unit_line_inside_the_frame_labels_no_column():
    from bogo.structure.headers import column_labels, fill_header

    header = [["", "", "", "(단위: 백만원)"],
              ["구분", "2021년", "증감", ""],
              ["", "", "금액", "%"]]
    filled = fill_header(header)
    assert filled[0] == ["", "", "", "(단위: 백만원)"]
    assert filled[1] == ["구분", "2021년", "증감", "증감"]
    assert filled[2] == ["구분", "2021년", "금액", "%"]
    assert column_labels(filled, 4) == ["구분", "2021년", "증감 금액", "증감 %"]


def test_a_label_merged_down_does_not_spread_over_the_next_columns_blank():
    from bogo.structure.headers import fill_header
    h = fill_header([["구분", "2025 (A)", "2026 (B)", "증감 (B-A)", ""], ["", "", "", "", "(B-A)/A"]])
    assert h == [["구분", "2025 (A)", "2026 (B)", "증감 (B-A)", ""],
                 ["구분", "2025 (A)", "2026 (B)", "증감 (B-A)", "(B-A)/A"]]
    # a group label has a sub-label under each of its columns: it spreads
    g = fill_header([["구분", "증감", ""], ["", "금액", "%"]])
    assert g[0] == ["구분", "증감", "증감"]
    # an export that writes a merged cell's text in every row it covers: the same
    # label again below is the cell merged down, as a blank below is
    again = fill_header([["구분", "2025 (A)", "2026 (B)", "증감 (B-A)", ""],
                         ["구분", "2025 (A)", "2026 (B)", "증감 (B-A)", "(B-A)/A"]])
    assert again[0][4] == ""
