"""PDFium getters called once per page object or path segment, prototyped lean.

pypdfium2's bindings type every argument (a pointer to a page-object struct, a
pointer to a float), so each call checks and converts them; a page of boxed
diagrams makes tens of thousands of such calls.  The same entry points of the same
library, prototyped with plain ``void *`` arguments and called with int addresses,
cost about two thirds as much (measured: the ruling walk of the 482 sample pages
0.63× the time, with identical rulings).  Handles are ints here: the value of a
typed handle is ``handle_address(h)``; out-parameters are the ``addressof`` of
ctypes scalars the caller owns and keeps alive.
"""

from __future__ import annotations

import ctypes
import struct

import pypdfium2.raw as pdfium_c

_P = ctypes.c_void_p
_INT, _UINT = ctypes.c_int, ctypes.c_uint


def _lean(fn, restype, *argtypes):
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, _P).value)


def handle_address(handle) -> int:
    """The address behind a typed pypdfium2 handle (a page, a text page)."""
    return ctypes.cast(handle, _P).value


count_objects = _lean(pdfium_c.FPDFPage_CountObjects, _INT, _P)
get_object = _lean(pdfium_c.FPDFPage_GetObject, _P, _P, _INT)
object_type = _lean(pdfium_c.FPDFPageObj_GetType, _INT, _P)
form_count = _lean(pdfium_c.FPDFFormObj_CountObjects, _INT, _P)
form_object = _lean(pdfium_c.FPDFFormObj_GetObject, _P, _P, _UINT)
object_matrix = _lean(pdfium_c.FPDFPageObj_GetMatrix, _INT, _P, _P)
object_bounds = _lean(pdfium_c.FPDFPageObj_GetBounds, _INT, _P, _P, _P, _P, _P)
fill_color = _lean(pdfium_c.FPDFPageObj_GetFillColor, _INT, _P, _P, _P, _P, _P)
stroke_color = _lean(pdfium_c.FPDFPageObj_GetStrokeColor, _INT, _P, _P, _P, _P, _P)
draw_mode = _lean(pdfium_c.FPDFPath_GetDrawMode, _INT, _P, _P, _P)
count_segments = _lean(pdfium_c.FPDFPath_CountSegments, _INT, _P)
get_segment = _lean(pdfium_c.FPDFPath_GetPathSegment, _P, _P, _INT)
segment_type = _lean(pdfium_c.FPDFPathSegment_GetType, _INT, _P)
segment_point = _lean(pdfium_c.FPDFPathSegment_GetPoint, _INT, _P, _P, _P)
text_loose_box = _lean(pdfium_c.FPDFText_GetLooseCharBox, _INT, _P, _INT, _P)
text_is_generated = _lean(pdfium_c.FPDFText_IsGenerated, _INT, _P, _INT)
text_font_size = _lean(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _P, _INT)
text_font_weight = _lean(pdfium_c.FPDFText_GetFontWeight, _INT, _P, _INT)


# A path's segments are one array inside PDFium (``CFX_Path::Point``: x, y as
# floats, the kind and the close flag as bytes, padded to 12 bytes), and a segment
# handle points into it.  A path of thousands of dots or dashes is read from that
# array in one copy instead of three calls per segment, but only after the array
# has shown that layout: contiguous handles, and the kind and point of its first,
# middle and last segment as the getters answer them.  Otherwise the caller asks
# segment by segment, so another PDFium build can only be slower, never wrong.
_SEGMENT = struct.Struct("<ffB3x")


def segment_records(path: int, n: int, pt_addresses: tuple[int, int],
                    pt_values: tuple[ctypes.c_float, ctypes.c_float]) -> list[tuple[float, float, int]] | None:
    """``(x, y, kind)`` of the ``n`` segments of ``path`` read in one copy, or None
    when the array does not show the expected layout (see above)."""
    first = get_segment(path, 0)
    if not first or get_segment(path, n - 1) != first + _SEGMENT.size * (n - 1):
        return None
    records = list(_SEGMENT.iter_unpack(ctypes.string_at(first, _SEGMENT.size * n)))
    xp, yp = pt_addresses
    for i in {0, n // 2, n - 1}:
        seg = get_segment(path, i)
        if seg != first + _SEGMENT.size * i or not segment_point(seg, xp, yp):
            return None
        x, y, kind = records[i]
        if kind != segment_type(seg) or (x, y) != (pt_values[0].value, pt_values[1].value):
            return None
    return records
