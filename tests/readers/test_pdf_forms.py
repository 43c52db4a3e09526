"""A ruled 결재란 in a PDF is marked as an approval form, as the HWP/HWPX readers
mark it, so that the structure stage gives it the same role."""

from __future__ import annotations

from pdf_kit import stage_chars as _word

from bogo.readers._pdf_cells import find_tables
from bogo.readers._pdf_rulings import Rulings
from bogo.readers._pdf_tables import build_tables
from bogo.readers.pdf import line_texts


def _table(rows: list[list[str]]):
    xs, ys = [0.0, 80.0, 160.0, 240.0], [0.0, 20.0, 40.0, 60.0]
    r = Rulings(h=[(y, xs[0], xs[-1]) for y in ys], v=[(x, ys[0], ys[-1]) for x in xs])
    chars = [ch for i, row in enumerate(rows) for j, t in enumerate(row) for ch in _word(t, xs[j] + 4, ys[i] + 6)]
    (rt,), _ = build_tables(find_tables(r), chars, line_texts)
    return rt.table


def test_an_approval_block_is_a_form():
    t = _table([["팀장", "단장", "국장"], ["홍길동", "전결", ""], ["협조", "과장", ""]])
    assert t.form == "approval"


def test_a_data_table_is_not():
    t = _table([["구분", "정원", "현원"], ["국장", "1", "1"], ["과장", "3", "2"]])
    assert t.form == ""
