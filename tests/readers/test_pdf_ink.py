"""A narrow glyph printed at the end of a cell belongs to that cell although
PDFium's loose box (a full em from where the glyph starts) reaches over the rule."""

from __future__ import annotations

from bogo.readers._pdf_cells import find_tables
from bogo.readers._pdf_rulings import Rulings
from bogo.readers._pdf_tables import build_tables
from bogo.readers.pdf import line_texts


def _ch(t: str, x0: float, x1: float, top: float) -> dict:
    return {"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + 12, "size": 12, "bold": False}


def test_a_closing_parenthesis_whose_box_crosses_the_rule_stays_in_its_cell():
    xs, ys = [0.0, 100.0, 200.0], [0.0, 20.0, 40.0]
    r = Rulings(h=[(y, xs[0], xs[-1]) for y in ys], v=[(x, ys[0], ys[-1]) for x in xs])
    chars = [_ch("가", 5, 17, 4), _ch("나", 105, 117, 4)]
    chars += [_ch(t, 50 + 12 * i, 62 + 12 * i, 24) for i, t in enumerate("'26년")]   # 50…98
    chars += [_ch(")", 96, 108, 24), _ch("다", 130, 142, 24)]   # box centre 102, the ink at ~99
    (rt,), _ = build_tables(find_tables(r), chars, line_texts)
    assert rt.table.grid()[1] == ["'26년)", "다"]
