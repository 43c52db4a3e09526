"""The ruling walk over real PDFium path objects: closed, rectangular and open
paths give exactly their drawn edges, and the lean prototypes answer as the typed
bindings do."""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdf_kit import assemble

from bogo.readers import _pdfium_lean as lean
from bogo.readers._pdf_rulings import page_rulings

# a box closed with "h" (its fourth side drawn by the close), a box drawn with "re",
# an open three-sided bracket, and a box closed with "h" after an explicit return
CONTENT = b"\n".join([
    b"1 w 50 700 m 200 700 l 200 650 l 50 650 l h S",
    b"300 650 100 50 re S",
    b"50 500 m 200 500 l 200 450 l 50 450 l S",
    b"300 500 m 400 500 l 400 450 l 300 450 l 300 500 l h S",
])


def _page_pdf(content: bytes) -> bytes:
    return assemble([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>",
    ])


def _rulings(content: bytes):
    pdf = pdfium.PdfDocument(_page_pdf(content))
    try:
        page = pdf[0]
        return page_rulings(page.raw, page.get_height())
    finally:
        pdf.close()


def test_closed_rect_and_open_paths_give_their_drawn_edges():
    r = _rulings(CONTENT)
    top = lambda y: 842 - y   # noqa: E731 - PDF y to top-left coordinates
    # each box: two horizontal and two vertical edges; the bracket: two and one
    assert sorted(r.h) == sorted([
        (top(700), 50, 200), (top(650), 50, 200), (top(700), 300, 400), (top(650), 300, 400),
        (top(500), 50, 200), (top(450), 50, 200), (top(500), 300, 400), (top(450), 300, 400)])
    assert sorted(r.v) == sorted([
        (50, top(700), top(650)), (200, top(700), top(650)), (300, top(700), top(650)),
        (400, top(700), top(650)), (200, top(500), top(450)), (300, top(500), top(450)),
        (400, top(500), top(450))])
    assert r.curves == 0


def test_lean_prototypes_answer_as_the_typed_bindings():
    pdf = pdfium.PdfDocument(_page_pdf(CONTENT))
    try:
        page = pdf[0]
        addr = lean.handle_address(page.raw)
        n = pdfium_c.FPDFPage_CountObjects(page.raw)
        assert lean.count_objects(addr) == n == 4
        for i in range(n):
            typed = pdfium_c.FPDFPage_GetObject(page.raw, i)
            obj = lean.get_object(addr, i)
            assert obj == lean.handle_address(typed)
            assert lean.object_type(obj) == pdfium_c.FPDFPageObj_GetType(typed)
            a = [ctypes.c_float() for _ in range(4)]
            b = [ctypes.c_float() for _ in range(4)]
            assert pdfium_c.FPDFPageObj_GetBounds(typed, *(ctypes.byref(v) for v in a))
            assert lean.object_bounds(obj, *(ctypes.addressof(v) for v in b))
            assert [v.value for v in a] == [v.value for v in b]
            assert lean.count_segments(obj) == pdfium_c.FPDFPath_CountSegments(typed)
            x, y = ctypes.c_float(), ctypes.c_float()
            seg = lean.get_segment(obj, 1)
            assert lean.segment_point(seg, ctypes.addressof(x), ctypes.addressof(y))
            assert lean.segment_type(seg) == pdfium_c.FPDF_SEGMENT_LINETO
            assert (x.value, y.value) in {(200.0, 700.0), (400.0, 650.0), (200.0, 500.0), (400.0, 500.0)}
    finally:
        pdf.close()


def _dots(x0: float, y0: float, x1: float, y1: float, step: float = 0.9) -> list[bytes]:
    """Dots 0.4 pt long and 0.25 pt thick from (x0, y0) towards (x1, y1) along one
    axis, each a closed subpath (a Hancom dotted border)."""
    along_x = y0 == y1
    w, h = (0.4, 0.25) if along_x else (0.25, 0.4)
    parts = []
    x, y = x0, y0
    while (x + w <= x1) if along_x else (y + h <= y1):
        parts.append(b"%.2f %.2f m %.2f %.2f l %.2f %.2f l %.2f %.2f l h" % (
            x, y, x + w, y, x + w, y + h, x, y + h))
        x, y = (x + step, y) if along_x else (x, y + step)
    return parts


def _dotted_box(x0: float, y0: float, x1: float, y1: float) -> bytes:
    return b" ".join(_dots(x0, y0, x1, y0) + _dots(x1, y0, x1, y1)
                     + _dots(x0, y1, x1, y1) + _dots(x0, y0, x0, y1))


def test_a_dotted_box_drawn_as_one_path_of_dots_gives_its_four_rules():
    # the same box of 800 dots filled, and stroked (each dot's outline its own lines)
    for paint in (b" f", b" 0.1 w S"):
        r = _rulings(_dotted_box(100, 600, 280, 700) + paint)
        long_h = sorted(s for s in r.h if s[2] - s[1] > 100)
        long_v = sorted(s for s in r.v if s[2] - s[1] > 50)
        assert [round(842 - s[0]) for s in long_h] == [700, 600], paint
        assert [round(s[0]) for s in long_v] == [100, 280], paint
        assert all(abs(s[1] - 100) < 0.5 and abs(s[2] - 280) < 1 for s in long_h)
        assert all(abs(s[1] - 142) < 1 and abs(s[2] - 242) < 1 for s in long_v)
        assert r.curves == 0


def test_long_paths_are_read_in_one_copy_as_the_getters_answer():
    content = _dotted_box(100, 600, 280, 700) + b" f"
    pdf = pdfium.PdfDocument(_page_pdf(content))
    try:
        page = pdf[0]
        obj = lean.get_object(lean.handle_address(page.raw), 0)
        n = lean.count_segments(obj)
        assert n > 500
        x, y = ctypes.c_float(), ctypes.c_float()
        addresses = (ctypes.addressof(x), ctypes.addressof(y))
        records = lean.segment_records(obj, n, addresses, (x, y))
        assert records is not None   # the pinned PDFium keeps its segments in one array
        one_by_one = []
        for i in range(n):
            seg = lean.get_segment(obj, i)
            assert lean.segment_point(seg, *addresses)
            one_by_one.append((x.value, y.value, lean.segment_type(seg)))
        assert records == one_by_one
    finally:
        pdf.close()
