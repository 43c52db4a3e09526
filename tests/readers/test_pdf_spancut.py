"""A box that a missing border fuses from cells of several rows (a header cell
above a continued label on a new page) is cut where its texts sit in separate
rows; a label wrapped at line spacing inside its span is kept whole."""

from __future__ import annotations

from pdf_kit import stage_chars

from bogo.readers._pdf_cells import find_tables
from bogo.readers._pdf_rulings import Rulings
from bogo.readers._pdf_tables import build_tables
from bogo.readers.pdf import line_texts

XS = [0.0, 40.0, 100.0, 160.0]
YS = [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]


def _rulings() -> Rulings:
    # column 0 is one box from top to bottom: no rule crosses it
    h = [(y, XS[0] if y in (YS[0], YS[-1]) else XS[1], XS[-1]) for y in YS]
    v = [(x, YS[0], YS[-1]) for x in XS]
    return Rulings(h=h, v=v)


def _word(text: str, x: float, y: float, h: float = 10.0) -> list[dict]:
    return stage_chars(text, x, y, h)


def _table(col0: list[dict]):
    chars = list(col0)
    for r in range(5):
        chars += _word(f"a{r}", 45, YS[r] + 5) + _word(str(10 * r), 105, YS[r] + 5)
    (rt,), _rest = build_tables(find_tables(_rulings()), chars, line_texts)
    return rt.table


def test_texts_in_separate_rows_of_one_box_become_cells_at_their_rows():
    t = _table(_word("구분", 5, 5) + _word("세출", 5, 65))
    cells = {(c.row, c.col): (c.text, c.rowspan) for c in t.cells if c.col == 0}
    assert cells == {(0, 0): ("구분", 3), (3, 0): ("세출", 2)}
    assert t.origin == "aligned"


def test_a_label_wrapped_at_line_spacing_keeps_its_span():
    t = _table(_word("프로그램", 5, 35) + _word("사업비", 5, 47))
    cells = [(c.row, c.text, c.rowspan) for c in t.cells if c.col == 0]
    assert cells == [(0, "프로그램 사업비", 5)]
    assert t.origin == "ruled"


def test_a_label_spaced_out_down_its_span_keeps_its_span():
    t = _table([ch for k, t in enumerate("법정기금") for ch in _word(t, 5, 5 + 25 * k)])
    cells = [(c.row, c.text, c.rowspan) for c in t.cells if c.col == 0]
    assert cells == [(0, "법정기금", 5)]
