"""A box diagram drawn on a table grid (an org chart) is laid out, not tabulated;
sparse data tables (a schedule, a table of figures) stay data tables."""

from __future__ import annotations

from bogo.blocks import Cell, Document, Table, grid_to_table
from bogo.structure import analyse
from bogo.structure.diagrams import grid_diagram


def _boxes(n_rows: int, n_cols: int, boxes: list[tuple[int, int, int, str]]) -> Table:
    """A grid of blank cells with text boxes (row, col, colspan, text) spanning columns."""
    cells, taken = [], set()
    for r, c, cs, text in boxes:
        cells.append(Cell(text=text, raw=text, row=r, col=c, colspan=cs))
        taken.update((r, c + j) for j in range(cs))
    cells += [Cell(text="", raw="", row=r, col=c) for r in range(n_rows) for c in range(n_cols)
              if (r, c) not in taken]
    return Table(cells=cells, n_rows=n_rows, n_cols=n_cols, line=1, end_line=n_rows)


ORG_CHART = [(0, 10, 4, "원장"), (2, 2, 4, "기획연수부"), (2, 16, 4, "어문연구실"),
             (4, 0, 3, "기획운영과"), (4, 4, 3, "공공언어과"), (4, 14, 3, "언어정보과"), (4, 18, 3, "특수언어진흥과")]


def test_an_org_chart_on_a_fine_grid_is_a_diagram():
    chart = _boxes(6, 24, ORG_CHART)
    assert grid_diagram(chart)
    report = analyse(Document(blocks=[chart], format="text"))
    assert report.tables[0].role == "layout"


def test_a_schedule_whose_header_labels_every_column_is_data():
    header = ["구분"] + [f"{m}월" for m in range(1, 13)]
    rows = [header] + [["착공"] + [""] * 12, ["준공"] + [""] * 12, ["점검"] + [""] * 12]
    rows[1][3] = rows[2][11] = rows[3][6] = "●"
    gantt = grid_to_table(rows, line=1)
    assert not grid_diagram(gantt)
    assert analyse(Document(blocks=[gantt], format="text")).tables[0].role == "data"


def test_a_sparse_grid_of_figures_is_data():
    # boxes placed like a chart's, but holding figures: counts per office are data
    figures = _boxes(6, 24, [(r, c, cs, "1,250" if k % 2 else "계") for k, (r, c, cs, _) in enumerate(ORG_CHART)])
    assert not grid_diagram(figures)
    # a narrow grid is never taken for a diagram
    assert not grid_diagram(_boxes(6, 8, [(0, 2, 2, "원장"), (3, 0, 2, "과"), (3, 5, 2, "과")]))


def test_a_flow_chart_on_a_grid_is_a_diagram_a_comparison_with_arrows_is_data():
    # steps side by side, joined by arrow cells
    steps = grid_to_table([["입찰 공고", "→", "제안서 제출", "→", "평가위원회 개최", "→", "협상/ 계약"]], line=1)
    assert grid_diagram(steps)
    # steps one under the other: rows of arrows only between them
    down = grid_to_table([["자격 취득 희망", "인증만 희망"], ["⇓", "⇓"], ["검정시험 응시", "과정 이수"]], line=1)
    assert grid_diagram(down)
    assert analyse(Document(blocks=[down], format="text")).tables[0].role == "layout"
    # one arrow per row between the columns of a comparison: a table
    compare = grid_to_table([["구분", "현행", "", "개선"], ["신청", "방문 접수", "⇨", "온라인 접수"],
                             ["처리", "7일", "⇨", "3일"]], line=1)
    assert not grid_diagram(compare)
    # arrows between figures: a table of values, however drawn
    values = grid_to_table([["144칸", "→", "200칸", "→", "250칸"], ["1,200", "▶", "1,500", "▶", "1,800"]], line=1)
    assert not grid_diagram(values)
