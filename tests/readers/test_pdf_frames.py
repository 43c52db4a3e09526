"""A ruled box that frames bulleted text (a title bar over a body of "ㅇ (…) …" lines,
its other column blank: a picture area or a margin) is read as paragraphs, so that its
bullets and dated plans are found as in the text; boxes whose cells stand side by side,
or that hold no bulleted lines, stay tables."""

from __future__ import annotations

from pdf_kit import stage_chars as _word

from bogo.readers._pdf_cells import find_tables
from bogo.readers._pdf_rulings import Rulings
from bogo.readers._pdf_tables import build_tables
from bogo.readers.pdf import line_texts

XS = [0.0, 300.0, 400.0]
YS = [0.0, 20.0, 80.0]


def _box(title: list[str], body: list[list[str]]):
    """A 2 × 2 ruled box: ``title`` the texts of the first row's cells; ``body`` the
    lines of each cell of the second row."""
    r = Rulings(h=[(y, XS[0], XS[-1]) for y in YS], v=[(x, YS[0], YS[-1]) for x in XS])
    chars = [ch for j, t in enumerate(title) for ch in _word(t, XS[j] + 4, 6)]
    for j, lines in enumerate(body):
        for k, t in enumerate(lines):
            chars += _word(t, XS[j] + 4, YS[1] + 4 + 14 * k)
    (rt,), rest = build_tables(find_tables(r), chars, line_texts)
    return rt.table, rest


PLAN = ["ㅇ (사업내용) 청사 증축", "ㅇ (사업기간) 2025년", "ㅇ (추진계획) 착공('25.4.)"]


def test_a_titled_box_of_bullets_beside_a_blank_column_is_text():
    table, rest = _box(["증축 사업", ""], [PLAN, []])
    assert table is None
    text = "".join(ch["text"] for ch in rest)
    assert "증축 사업" in text and "ㅇ (추진계획) 착공('25.4.)" in text


def test_cells_side_by_side_stay_a_table():
    table, _ = _box(["증축 사업", "비고"], [PLAN, ["국비"]])
    assert table is not None
    assert table.grid()[1][1] == "국비"


def test_a_box_without_bulleted_lines_stays_a_table():
    table, _ = _box(["사업명", ""], [["청사 증축", "2025년 착공"], []])
    assert table is not None
    assert table.grid()[0][0] == "사업명"
