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
