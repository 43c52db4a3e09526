"""PDF: which pages without Hangul hold content the text layer does not give.

A page is named as unread (the file is then only partly read) when it holds
glyphs without text (a font without a Unicode map), text longer than a folio or
holding unprintable characters, a picture covering a good part of the page (a
scan, a picture of text), or, without any text, many drawn paths (text drawn as
outlines).  The blank back of a sheet printed on both sides, a folio ("- 16 -"),
a "MEMO" page and a small logo hold nothing unread.
"""

from __future__ import annotations

import unicodedata

#: a page without Hangul whose visible text is at most this many characters, each a
#: printable one, holds a folio or a label ("- 16 -", "《 M E M O 》"), not unread words
SHORT_TEXT = 40
#: an image covering this share of a page may be a scan or a picture of text
PICTURE_SHARE = 0.25
#: a page without text drawing this many paths may hold text drawn as outlines
OUTLINE_PATHS = 50
_IMAGE, _PATH = 3, 2  # PDFium's page object types


def unread_content(pdf, i: int, chars: list[dict]) -> bool:
    """Whether page ``i``, without Hangul in its text layer, holds content that layer
    does not give: glyphs without text (a font without a Unicode map), text longer
    than a folio or holding unprintable characters, a picture covering a good part
    of the page (a scan), or without any text many drawn paths (outlined text).  A
    blank page, a folio, a "MEMO" page or a small logo holds nothing unread."""
    visible = [c["text"] for c in chars if c["text"].strip()]
    if chars and not visible:
        return True
    if len(visible) > SHORT_TEXT or any(unicodedata.category(ch)[0] == "C" for t in visible for ch in t):
        return True
    page = pdf[i]
    try:
        area = page.get_width() * page.get_height()
        paths = 0
        for obj in page.get_objects(max_depth=4):
            if obj.type == _IMAGE:
                x0, y0, x1, y1 = obj.get_bounds()
                if (x1 - x0) * (y1 - y0) >= PICTURE_SHARE * area:
                    return True
            elif obj.type == _PATH and not visible:
                paths += 1
                if paths >= OUTLINE_PATHS:
                    return True
    except Exception:  # noqa: BLE001 - a page PDFium cannot walk is not known to be empty
        return True
    finally:
        page.close()
    return False
