"""A table drawn once per page under a repeated header is one table; cards of a series,
captioned tables and tables nested in another's cells stay apart."""

from __future__ import annotations

from bogo.blocks import Document, Paragraph, grid_to_table
from bogo.structure import analyse
from bogo.structure.continued import join_continued

HEADER = ["구분", "과목", "예산액"]


def _table(rows, line, **kw):
    return grid_to_table([HEADER, *rows], line, **kw)


def _page(no: str, line: int) -> Paragraph:
    return Paragraph(text=no, raw=no, line=line)


def test_parts_under_a_repeated_header_with_page_numbers_between_are_one_table():
    first = _table([["세입", "보조금", "100"], ["", "이월금", "20"]], 1)
    second = _table([["세입소계", "", "120"], ["세출", "인건비", "120"]], 6)
    blocks = join_continued([first, _page("1/2", 4), second, _page("2/2", 10)])
    assert len(blocks) == 2 and blocks[1].text == "2/2"   # the page number after the last part stays
    joined = blocks[0]
    assert joined.grid() == [HEADER, ["세입", "보조금", "100"], ["", "이월금", "20"],
                             ["세입소계", "", "120"], ["세출", "인건비", "120"]]
    assert joined.end_line == second.end_line
    assert first.n_rows == 3                              # the reader's blocks are left as read


def test_the_joined_table_is_checked_as_one():
    first = _table([["세입", "보조금", "100"], ["", "이월금", "20"]], 1)
    second = _table([["계", "", "120"]], 6)
    layout = analyse(Document(blocks=[Paragraph(text="예산", raw="예산", line=0), first, _page("- 1 -", 4), second],
                              format="text"))
    assert [t.rows for t in layout.tables] == [[["세입", "보조금", "100"], ["", "이월금", "20"], ["계", "", "120"]]]


def test_cards_of_a_series_stay_apart():
    """One table per project, each with rows 계 / 국비 / 시비: parallel records."""
    one = grid_to_table([["구분", "2024", "2025"], ["계", "10", "20"], ["국비", "5", "10"], ["시비", "5", "10"]], 1)
    two = grid_to_table([["구분", "2024", "2025"], ["계", "8", "8"], ["국비", "4", "4"], ["시비", "4", "4"]], 6)
    assert len(join_continued([one, two])) == 2
    target = grid_to_table([["구분", "2026년", "2027년"], ["산출근거", "참여율", ""]], 1)
    again = grid_to_table([["구분", "2026년", "2027년"], ["", "80%", "85%"], ["산출 근거", "완료율", ""]], 4)
    assert len(join_continued([target, again])) == 2   # one label, spaced otherwise: a card again


def test_a_caption_a_paragraph_or_another_header_keeps_tables_apart():
    first = _table([["세입", "보조금", "100"], ["", "이월금", "20"]], 1)
    captioned = _table([["세출", "인건비", "120"], ["", "운영비", "5"]], 6, caption="세출 예산")
    assert len(join_continued([first, captioned])) == 2
    second = _table([["세출", "인건비", "120"], ["", "운영비", "5"]], 6)
    words = Paragraph(text="다음은 세출 예산이다", raw="다음은 세출 예산이다", line=5)
    assert len(join_continued([first, words, second])) == 3
    other = grid_to_table([["부서", "정원", "현원"], ["기획과", "3", "3"], ["총무과", "4", "4"]], 6)
    assert len(join_continued([first, other])) == 2
    years = grid_to_table([["2026년", "2027년"], ["200", "250"]], 1)
    assert len(join_continued([years, grid_to_table([["2026년", "2027년"], ["844백만원", "980백만원"]], 4)])) == 2
    numbers = grid_to_table([["1", "2", "3"], ["4", "5", "6"]], 1)
    assert len(join_continued([numbers, grid_to_table([["1", "2", "3"], ["7", "8", "9"]], 4)])) == 2


def test_tables_nested_in_a_cell_are_never_joined():
    """Nested tables follow their parent as blocks, their lines inside the parent's."""
    parent = grid_to_table([["항목", "내용"], ["성과지표", "(표)"], ["예산", "(표)"]], 1, end_line=40)
    inner1 = grid_to_table([["구분", "2026년", "2027년"], ["목표치", "200", "250"]], 10)
    inner2 = grid_to_table([["구분", "2026년", "2027년"], ["참여율", "80%", "85%"]], 20)
    assert len(join_continued([parent, inner1, inner2])) == 3


def test_three_parts_are_one_table_and_every_part_stays_as_read():
    rows = [[f"항목{k}", f"과목{k}", str(k)] for k in range(6)]
    parts = [_table(rows[2 * k:2 * k + 2], 1 + 5 * k) for k in range(3)]
    before = [(p.n_rows, [(c.row, c.text) for c in p.cells]) for p in parts]
    blocks = join_continued([parts[0], _page("1/3", 4), parts[1], _page("2/3", 9), parts[2]])
    assert len(blocks) == 1
    assert blocks[0].grid() == [HEADER, *rows]
    assert blocks[0].end_line == parts[2].end_line
    assert [(p.n_rows, [(c.row, c.text) for c in p.cells]) for p in parts] == before
