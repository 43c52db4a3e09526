"""PDF stages on synthetic input: rulings, cell finder, sub-rows, page-break join,
and the arithmetic gate on tables whose grid a reader only inferred."""

from __future__ import annotations

import pytest
from pdf_kit import stage_chars

from bogo.blocks import Cell, Table
from bogo.checks.registry import select_checks
from bogo.checks.runner import UNCERTAIN_NOTE, check_report
from bogo.model import Report, Source, TableRec
from bogo.readers._pdf_cells import close_open_sides, find_tables
from bogo.readers._pdf_rulings import Rulings, join_collinear
from bogo.readers._pdf_subrows import split_subrows
from bogo.readers._pdf_tables import same_columns
from bogo.tablejoin import join_tables


def _grid_rulings(xs, ys, open_sides=False) -> Rulings:
    h = [(y, xs[0], xs[-1]) for y in ys]
    v = [(x, ys[0], ys[-1]) for x in (xs[1:-1] if open_sides else xs)]
    return Rulings(h=h, v=v)


def test_dotted_rule_pieces_join_into_one_rule():
    dots = [(100.0, x, x + 0.5) for x in range(50, 200, 1)]   # 0.5 pt dots, 0.5 pt apart
    assert join_collinear(dots) == [(100.0, 50, 199.5)]


def test_pieces_far_apart_stay_separate():
    assert len(join_collinear([(10.0, 0, 20), (10.0, 40, 60)])) == 2


def test_cells_of_a_full_grid():
    tables = find_tables(_grid_rulings([0, 50, 100, 150], [0, 20, 40]))
    assert len(tables) == 1
    bbox, cells = tables[0]
    assert bbox == (0, 0, 150, 40)
    assert len(cells) == 6


def test_open_sided_table_gets_its_outer_borders():
    r = _grid_rulings([0, 50, 100, 150], [0, 20, 40], open_sides=True)
    closed = close_open_sides(r)
    assert {round(v[0]) for v in closed.v} == {0, 50, 100, 150}
    (_, cells), = find_tables(r)
    assert len(cells) == 6                      # the edge columns are kept


def test_two_tables_one_above_the_other_are_not_bridged():
    # same left/right ends, but nothing spans the band between them
    r = Rulings(h=[(0, 0, 100), (20, 0, 100), (200, 0, 100), (220, 0, 100)],
                v=[(50, 0, 20), (50, 200, 220)])
    assert len(find_tables(r)) == 2


def _ch(text, x, y, h=10.0):
    return {"text": text, "x0": x, "x1": x + 5, "top": y, "bottom": y + h, "size": h, "bold": False}


def test_stacked_numbers_split_into_sub_rows_and_label_spans():
    # one ruled row: a label and two columns each holding "value / (change)"
    anchors = [[0, 0, 1, 1], [0, 1, 1, 1], [0, 2, 1, 1]]
    texts = [[_ch("광", 0, 5), _ch("업", 6, 5)],
             [_ch("9", 60, 0), _ch("(", 60, 14), _ch("1", 65, 14), _ch(")", 70, 14)],
             [_ch("4", 110, 0), _ch("(", 110, 14), _ch("2", 115, 14), _ch(")", 120, 14)]]
    anchors, texts, n_rows, split = split_subrows(anchors, texts, 1)
    assert split and n_rows == 2
    got = {tuple(a): "".join(c["text"] for c in t) for a, t in zip(anchors, texts, strict=True)}
    assert got == {(0, 0, 2, 1): "광업", (0, 1, 1, 1): "9", (1, 1, 1, 1): "(1)",
                   (0, 2, 1, 1): "4", (1, 2, 1, 1): "(2)"}


def test_wrapped_text_cells_are_not_split():
    anchors = [[0, 0, 1, 1], [0, 1, 1, 1]]
    texts = [[_ch("가", 0, 0), _ch("나", 0, 14)], [_ch("다", 60, 0), _ch("라", 60, 14)]]
    _, _, n_rows, split = split_subrows(anchors, texts, 1)
    assert not split and n_rows == 1


def _table(rows: list[list[str]]) -> Table:
    cells = [Cell(text=t, raw=t, row=r, col=c) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Table(cells=cells, n_rows=len(rows), n_cols=len(rows[0]), line=1, end_line=len(rows),
                 origin="ruled")


def test_page_break_join_drops_the_repeated_header():
    first = _table([["구분", "금액"], ["가", "1"]])
    second = _table([["구분", "금액"], ["나", "2"]])
    join_tables(first, second)
    assert first.grid() == [["구분", "금액"], ["가", "1"], ["나", "2"]]
    assert same_columns((0, 50, 100), (0.5, 50.5, 99))
    assert not same_columns((0, 50, 100), (0, 70, 100))


def _report(origin):
    t = TableRec(id="t1", section=None, caption=None, unit=None, line=10,
                 header=[["구분", "금액"]], rows=[["합계", "100"], ["가", "30"], ["나", "40"]],
                 origin=origin)
    return Report(source=Source(path="x.pdf", sha256="0" * 64, format="pdf", bytes=1), tables=[t])


@pytest.mark.parametrize("origin, severity", [(None, "error"), ("ruled", "error"),
                                              ("aligned", "warning"), ("inferred", "warning")])
def test_arithmetic_error_on_uncertain_grid_is_a_warning(origin, severity):
    found = [f for f in check_report(_report(origin), select_checks("T101", None)) if f.code == "T101"]
    assert len(found) == 1
    f = found[0]
    assert f.severity == severity
    assert f.table == "t1" and (f.found, f.expected) != (None, None)
    assert f.message.endswith(UNCERTAIN_NOTE) == (severity == "warning")


def test_header_row_without_a_rule_is_cut_at_the_shared_blank_band():
    # one ruled row holding a header line (y=0) and a data line (y=30) in three columns
    anchors = [[0, c, 1, 1] for c in range(3)]
    texts = [[_ch("관", 0, 0), _ch("가", 0, 30)], [_ch("당", 60, 0), _ch("1", 60, 30)],
             [_ch("추", 110, 0), _ch("2", 110, 30)]]
    anchors, texts, n_rows, split = split_subrows(anchors, texts, 1, [-2.0, 45.0])
    assert split and n_rows == 2
    got = {tuple(a): "".join(c["text"] for c in t) for a, t in zip(anchors, texts, strict=True)}
    assert got == {(0, 0, 1, 1): "관", (1, 0, 1, 1): "가", (0, 1, 1, 1): "당", (1, 1, 1, 1): "1",
                   (0, 2, 1, 1): "추", (1, 2, 1, 1): "2"}


def test_a_blank_band_in_two_columns_only_does_not_cut():
    anchors = [[0, c, 1, 1] for c in range(3)]
    texts = [[_ch("관", 0, 0), _ch("가", 0, 30)], [_ch("당", 60, 0), _ch("1", 60, 30)],
             [_ch("추", 110, 0), _ch("진", 110, 15)]]
    _, _, n_rows, split = split_subrows(anchors, texts, 1, [-2.0, 45.0])
    assert not split and n_rows == 1


def test_sparse_value_column_still_splits_and_stacked_labels_split_too():
    # one ruled row holding three staffing lines; the "과부족" column is filled only
    # on the last line, the label column stacks one label a line
    ys = (0, 14, 28)
    anchors = [[0, 0, 1, 1], [0, 1, 1, 1], [0, 2, 1, 1], [0, 3, 1, 1]]
    texts = [[_ch("가", 0, y) for y in ys],
             [_ch(d, 60, y) for d, y in zip("123", ys, strict=True)],
             [_ch(d, 110, y) for d, y in zip("456", ys, strict=True)],
             [_ch("△", 160, 28), _ch("1", 166, 28)]]
    anchors, texts, n_rows, split = split_subrows(anchors, texts, 1)
    assert split and n_rows == 3
    got = {tuple(a): "".join(c["text"] for c in t) for a, t in zip(anchors, texts, strict=True)}
    assert got == {(0, 0, 1, 1): "가", (1, 0, 1, 1): "가", (2, 0, 1, 1): "가",
                   (0, 1, 1, 1): "1", (1, 1, 1, 1): "2", (2, 1, 1, 1): "3",
                   (0, 2, 1, 1): "4", (1, 2, 1, 1): "5", (2, 2, 1, 1): "6",
                   (0, 3, 1, 1): "", (1, 3, 1, 1): "", (2, 3, 1, 1): "△1"}


def test_a_level_held_by_one_column_only_does_not_split():
    # two columns of two lines, but on different heights: no shared levels
    anchors = [[0, 0, 1, 1], [0, 1, 1, 1]]
    texts = [[_ch("1", 0, 0), _ch("2", 0, 14)], [_ch("3", 60, 7), _ch("4", 60, 21)]]
    _, _, n_rows, split = split_subrows(anchors, texts, 1)
    assert not split and n_rows == 1


def _word(text, x, y, h=10.0):
    return stage_chars(text, x, y, h, pitch=10.0, width=10.0)


def test_box_diagram_is_text_boxes_not_a_table():
    from bogo.readers._pdf_tables import build_tables
    from bogo.readers.pdf import line_texts

    # an org chart: a head box over three boxes, joined by connectors; the rules
    # meet on a fine grid (9 columns) of which only four cells hold text
    xs = [0, 20, 40, 60, 80, 100, 120, 140, 160, 180]
    cells = [(60, 0, 120, 20), (0, 20, 20, 40), (160, 20, 180, 40)]
    cells += [(xs[k], 40, xs[k + 1], 60) for k in range(9)] + [(xs[k], 60, xs[k + 1], 80) for k in range(9)]
    # the head box is cut by a connector running under it: its word is split
    chars = _word("원장", 70, 5)[:1] + _word("장", 80, 5) + _word("가과", 0, 45) + _word("나과", 80, 45) \
        + _word("다과", 160, 45)
    found = [((0, 0, 180, 80), cells)]
    tables, rest = build_tables(found, chars, line_texts)
    assert tables[0].table is None and rest == []
    assert ["".join(c["text"] for c in b) for b in tables[0].boxes] == ["원장", "가과", "나과", "다과"]


def _stack(x0, x1, tops):
    return [(x0, a, x1, b) for a, b in zip(tops, tops[1:], strict=False)]


def test_a_stack_of_boxes_inside_a_diagram_is_read_box_by_box():
    from bogo.readers._pdf_tables import build_tables
    from bogo.readers.pdf import line_texts

    # a policy tree: a diagram frame (a fine grid, mostly blank) holding two columns of
    # stacked boxes side by side; each column is drawn as a ruled stack of its own.  The
    # labels of boxes on one height ("세부사업", "세부사업") must not become one line
    fine = [(x, y, x + 20, y + 20) for x in range(0, 200, 20) for y in (0, 80)]
    frame = ((0, 0, 200, 100), fine + [(0, 0, 200, 100)])
    left = ((10, 20, 60, 80), _stack(10, 60, [20, 50, 80]))
    right = ((130, 20, 180, 80), _stack(130, 180, [20, 50, 80]))   # apart: no table's columns
    chars = (_word("세부사업", 12, 25) + _word("가나", 12, 37) + _word("세부사업", 132, 25) + _word("다라", 132, 37)
             + _word("마바", 12, 60) + _word("사아", 132, 60) + _word("전략", 0, 2) + _word("목표", 140, 2))
    tables, rest = build_tables([frame, left, right], chars, line_texts)
    stacks = [t for t in tables if t.bbox != frame[0]]
    assert all(t.table is None and t.boxes for t in stacks)
    texts = [[" ".join(line_texts(b, cell=True)) for b in t.boxes] for t in stacks]
    assert texts == [["세부사업 가나", "마바"], ["세부사업 다라", "사아"]]
    assert all(ch["text"] not in "세부사업가나다라마바사아" for ch in rest)


def test_a_stack_of_boxes_outside_a_diagram_stays_with_the_paragraphs():
    from bogo.readers._pdf_tables import build_tables
    from bogo.readers.pdf import line_texts

    # the columns of a table drawn as separate stacks (추진과제 | As-Is): their rows are
    # lined up by the text recogniser, so the stacks' text stays on the page's lines
    left = ((10, 20, 60, 80), _stack(10, 60, [20, 50, 80]))
    right = ((130, 20, 180, 80), _stack(130, 180, [20, 50, 80]))
    chars = _word("가나", 12, 25) + _word("다라", 132, 25) + _word("마바", 12, 60) + _word("사아", 132, 60)
    tables, rest = build_tables([left, right], chars, line_texts)
    assert all(t.table is None and not t.boxes for t in tables)
    assert len(rest) == len(chars)


def test_diagram_boxes_keep_apart_boxes_with_padding_between():
    from bogo.readers._pdf_diagram import diagram_boxes

    boxes = diagram_boxes([_word("정책", 0, 0), _word("기획", 40, 0), _word("관", 20, 0)])
    # "정책" ends at 20 where "관" starts: one box; "기획" stands 10 pt (one em) apart
    assert sorted("".join(sorted(c["text"] for c in b)) for b in boxes) == ["관정책", "기획"]


def test_touching_boxes_of_a_diagram_stay_apart_when_another_row_is_apart():
    from bogo.readers._pdf_diagram import diagram_boxes

    # two boxes side by side: "노동 / 정책관" and "고용 / 정책관"; the boxes touch,
    # so their last lines meet ("정책관정책관"), their first lines stand apart
    left = _word("노동", 5, 0) + _word("정책관", 0, 14)
    right = _word("고용", 35, 0) + _word("정책관", 30, 14)
    boxes = diagram_boxes([left, right])
    assert sorted("".join(c["text"] for c in sorted(b, key=lambda c: (c["top"], c["x0"]))) for b in boxes) \
        == ["고용정책관", "노동정책관"]
    # a box cut by a connector on every row it crosses is still one box
    cut = diagram_boxes([_word("산업안", 0, 0) + _word("보건", 5, 14), _word("전", 30, 0) + _word("본부", 25, 14)])
    assert len(cut) == 1


def test_narrow_doubled_glyphs_are_kept_and_a_double_strike_is_dropped():
    from bogo.readers._pdf_chars import _same_place
    from bogo.readers.pdf import group_lines

    def ch(t, x):   # loose boxes are a full em wide whatever the glyph's advance
        return {"text": t, "x0": x, "x1": x + 10, "top": 0, "bottom": 10, "size": 10.0, "bold": False}

    # "1,000억" in a condensed font: the zeros advance a quarter of an em
    zeros = [ch("1", 0), ch(",", 2.5), ch("0", 5), ch("0", 7.5), ch("0", 10), ch("억", 12.5)]
    assert group_lines(zeros)[0].text == "1,000억"
    assert not _same_place(zeros[2], zeros[3]["x0"], zeros[3]["top"], 10.0)
    struck = [ch("가", 0), ch("가", 0.3), ch("나", 10)]     # the glyph drawn twice, 0.03 em apart
    assert group_lines(struck)[0].text == "가나"
    assert _same_place(struck[0], struck[1]["x0"], struck[1]["top"], 10.0)


def test_text_beside_a_vertical_rule_is_read_column_by_column():
    from bogo.readers.pdf import _group_page, _page_items

    # a SWOT quadrant: two columns of bullets with a rule between them; each visual row
    # holds a line of both.  Read column by column, no row runs the two together
    left = _word("•강점하나입니다", 0, 100) + _word("1.첫째항목입니다", 10, 115) + _word("2.둘째항목입니다", 10, 130)
    right = _word("•약점하나입니다", 200, 100) + _word("•약점둘째입니다", 200, 115) + _word("•약점셋째입니다", 200, 130)
    rule = (190.0, 90.0, 160.0)
    items = _page_items(800.0, left + right, ([], [rule]))
    texts = [ln.text for ln in items]
    assert texts == ["•강점하나입니다", "1.첫째항목입니다", "2.둘째항목입니다",
                     "•약점하나입니다", "•약점둘째입니다", "•약점셋째입니다"]
    assert all(len(g) == 1 for g in _group_page(items)[0])      # every line a paragraph of its column
    # without the rule, each row is one line of both columns (as before)
    assert len(_page_items(800.0, left + right, ([], []))) == 3


def test_a_rule_that_text_crosses_or_with_text_on_one_side_splits_nothing():
    from bogo.readers._pdf_columns import column_regions, free_rules

    text = _word("가나다라마바사아자차카타파하", 0, 100) + _word("가나다라마바사아자차카타파하", 0, 115)
    assert column_regions([(300.0, 90.0, 160.0)], text) == []       # text on one side only
    assert column_regions([(55.0, 90.0, 160.0)], text) == []        # a rule under the words
    # a rule's parts inside a table are no column rule; a short rest is none either
    assert free_rules([(50.0, 0.0, 300.0)], [(0.0, 0.0, 100.0, 150.0)]) == [(50.0, 150.0, 300.0)]
    assert free_rules([(50.0, 0.0, 200.0)], [(0.0, 20.0, 100.0, 180.0)]) == []


def test_a_raised_smaller_word_is_a_word_of_its_own():
    """Hancom's superscript ("…용역" followed by a small raised "신규" badge, "'40년" set
    small and raised before "53선석") is set apart from the letters beside it, but
    not from a bracket ("(월 최대"); small text on the same foot, or a raised note
    reference in digits, stays as it is."""
    from bogo.readers.pdf import group_lines

    def run(text, x, top, size):  # glyphs touching, one em apart
        return [{"text": t, "x0": x + size * i, "x1": x + size * (i + 1), "top": top, "bottom": top + size,
                 "size": size, "bold": False} for i, t in enumerate(text)]

    badge = run("개선공사", 0, 0, 14.0) + run("신규", 56, -2, 9.0)
    assert group_lines(badge)[0].text == "개선공사 신규"
    before = run("'40년", 0, 0, 8.0) + run("53선석", 40, 2, 12.0)   # the small part first, raised
    assert group_lines(before)[0].text == "'40년 53선석"
    paren = run("(", 0, 0, 12.0) + run("월최대", 12, -1.5, 8.0)
    assert group_lines(paren)[0].text == "(월최대"
    same_foot = run("총계", 0, 0, 12.0) + run("억원", 24, 4, 8.0)     # smaller, not raised
    assert group_lines(same_foot)[0].text == "총계억원"
    note = run("수질", 0, 0, 12.0) + run("1)", 24, -2, 7.0)
    assert group_lines(note)[0].text == "수질1)"
