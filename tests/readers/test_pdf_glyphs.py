"""PDF: private-use glyphs of symbol fonts read as the bullets they draw."""

from __future__ import annotations

import pytest
from pdf_kit import BOXED_DIGIT, DIAMOND, FRAME, RING, Glyph, build_pdf

import bogo.readers.pdf  # noqa: F401
from bogo.blocks import Paragraph
from bogo.readers import read
from bogo.readers._pdf_glyphs import code_of, font_kind, glyph_shape, is_symbol_font, symbol_char


def _mask(rows: list[str]) -> list[list[bool]]:
    return [[c == "#" for c in row] for row in rows]


def _square(n: int, edge: int = 1, shadow: int = 0, fill: bool = False) -> list[list[bool]]:
    out = []
    for y in range(n + shadow):
        row = []
        for x in range(n + shadow):
            inside = y < n and x < n
            frame = inside and (y < edge or x < edge or y >= n - edge or x >= n - edge)
            shade = not inside and y >= shadow and x >= shadow or (
                shadow and (n <= x < n + shadow and y >= shadow or n <= y < n + shadow and x >= shadow))
            row.append(fill and inside or frame or shade)
        out.append(row)
    return out


def _circle(n: int, ring: float | None) -> list[list[bool]]:
    c = (n - 1) / 2
    r = n / 2
    out = []
    for y in range(n):
        row = []
        for x in range(n):
            d = ((x - c) ** 2 + (y - c) ** 2) ** 0.5
            row.append(d <= r and (ring is None or d >= r - ring))
        out.append(row)
    return out


def test_an_empty_square_frame_is_a_square_bullet():
    assert glyph_shape(_square(30)) == "□"
    assert glyph_shape(_square(30, edge=2, shadow=3)) == "□"     # a shadowed box (❑-like)


def test_full_square_ring_and_disc():
    assert glyph_shape(_square(24, fill=True)) == "■"
    assert glyph_shape(_circle(32, ring=2.5)) == "○"
    assert glyph_shape(_circle(32, ring=None)) == "●"


def test_a_frame_with_something_inside_is_not_identified():
    boxed = _square(30, edge=2)
    for y in range(8, 22):
        boxed[y][14] = boxed[y][15] = True                 # a digit "1" in the box
    assert glyph_shape(boxed) is None
    ringed = _circle(32, ring=2.5)
    for y in range(9, 23):
        ringed[y][15] = ringed[y][16] = True
    assert glyph_shape(ringed) is None


def test_other_shapes_are_not_identified():
    diamond = [[abs(x - 15) + abs(y - 15) <= 15 for x in range(31)] for y in range(31)]
    assert glyph_shape(diamond) is None
    assert glyph_shape(_mask(["#" * 30] * 6)) is None       # a bar: wrong proportions
    assert glyph_shape(_mask(["..", ".#"])) is None           # too small to tell
    assert glyph_shape(_mask([])) is None


def test_symbol_font_codes_by_font_name():
    assert is_symbol_font("ABCDEF+SymbolMT") and is_symbol_font("Symbol")
    assert not is_symbol_font("Wingdings-Regular") and not is_symbol_font("HYSymbolM")
    assert symbol_char("\uf0b7", "Symbol") == "•"
    assert symbol_char("\uf0ae", "SymbolMT") == "→"
    assert symbol_char("\uf0a7", "Symbol") == "♣"                # Symbol's 0xA7 is no square
    assert symbol_char("\uf0a7", "Wingdings") is None             # left to fold: ▪ as for HWP
    assert symbol_char("\uf000", "Symbol") is None


HANCOM = "\uf000"   # Hancom's ToUnicode code for every glyph of its own symbol set


@pytest.mark.parametrize("proc, marker", [(FRAME, "□"), (RING, "○"), (BOXED_DIGIT, "•"), (DIAMOND, "•")])
def test_placeholder_glyph_read_by_its_shape(tmp_path, proc, marker):
    """A heading bullet drawn with a glyph whose code names nothing is read by its
    drawn shape; a shape that cannot be told (a boxed digit) stays the unknown bullet."""
    p = tmp_path / "symbols.pdf"
    p.write_bytes(build_pdf([[(60, 80, 14, "▣ 추진계획 수립"), (80, 110, 12, "○ 세부 내용 정리")]],
                            special={"▣": Glyph(proc, HANCOM)}))
    paras = [b for b in read(p).blocks if isinstance(b, Paragraph)]
    assert (paras[0].marker, paras[0].text) == (marker, "추진계획 수립")
    assert paras[1].marker == "○"


def test_square_heading_enters_the_outline(tmp_path):
    import bogo

    p = tmp_path / "plan.pdf"
    lines = [(60, 80, 16, "1 재정운용 내실화"), (60, 120, 14, "▣ 추진계획"),
             (80, 150, 12, "○ 중기계획 수립"), (60, 190, 14, "▣ 추진실적"), (80, 220, 12, "○ 결산 완료")]
    p.write_bytes(build_pdf([lines], special={"▣": Glyph(FRAME, HANCOM)}))
    outline = bogo.parse(p).outline
    assert [h.title for h in outline] == ["재정운용 내실화"]
    assert [(h.marker, h.title) for h in outline[0].children] == [("□", "추진계획"), ("□", "추진실적")]


def test_font_kinds_and_codes():
    assert font_kind("ABCDEF+Wingdings-Regular") == "wingdings" and font_kind("Wingdings") == "wingdings"
    assert font_kind("Wingdings2") == "dingbats" and font_kind("Webdings") == "dingbats"
    assert font_kind("SymbolMT") == "symbol" and font_kind("HCRBatang") == ""
    assert code_of("w") == 0x77 and code_of("ž") == 0x9E and code_of("Œ") == 0x8C and code_of("가") is None


def test_dingbat_font_codes_read_as_for_hwp(tmp_path):
    """A Wingdings font without a Unicode map comes out as WinAnsi text ("w", "Œ"):
    its code is read as the private-use code point HWP gives the same glyph; the
    same letter in a text font stays a letter."""
    p = tmp_path / "wingdings.pdf"
    p.write_bytes(build_pdf([[(60, 80, 14, "w", "Wingdings-Regular"), (80, 80, 14, "세부 내용 정리"),
                              (60, 130, 14, "\x8c", "Wingdings-Regular"), (80, 130, 14, "첫째 과제"),
                              (60, 180, 14, "w", "Arial"), (80, 180, 14, "가나")]]))
    paras = [(b.marker, b.text) for b in read(p).blocks if isinstance(b, Paragraph)]
    assert paras[0] == ("◆", "세부 내용 정리")
    assert paras[1][0] == "❶" and paras[1][1].startswith("첫째 과제")
    assert "w 가나" in paras[-1][1]
