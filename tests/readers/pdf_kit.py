"""Synthetic PDFs for the PDF reader's tests, with any characters and glyph shapes.

A Type3 font draws every glyph from a small content stream and states its text
through a ToUnicode map, so a test can set Hangul text (each syllable drawn as a
block), a private-use code point with the shape of its choice (Hancom writes
U+F000 for all glyphs of its own symbol set) and text of several sizes, without
any font file.  A line may instead be set in a named simple font that is not
embedded and has no Unicode map ("Wingdings-Regular"): its text is written as
the bytes of its characters, as an office program writes a dingbat font.
``build_pdf`` takes the lines of one or more pages.  ``stage_chars`` gives, for
the tests of the reader's later stages, the character records PDFium's stage
would have made of a word, without any PDF.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

# glyph drawings on a 1000-unit em (Type3 glyph procedures, after "w 0 d0")
BLOCK = b"100 0 800 720 re f"                                  # an ordinary character
FRAME = b"70 w 120 20 720 720 re S"                             # an empty square frame
BOXED_DIGIT = FRAME + b" 445 170 110 420 re f"                  # a square frame with a digit inside
RING = (b"70 w 850 380 m 850 585 685 750 480 750 c 275 750 110 585 110 380 c "
        b"110 175 275 10 480 10 c 685 10 850 175 850 380 c S")
DIAMOND = b"480 0 m 900 380 l 480 760 l 60 380 l h f"


@dataclass(frozen=True)
class Glyph:
    """How a character is drawn and what its ToUnicode entry says (None: itself)."""

    proc: bytes = BLOCK
    unicode: str | None = None
    width: int = 1000


SPACE = Glyph(proc=b"", width=300)


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _font(glyphs: dict[str, Glyph], first: int, obj0: int) -> tuple[list[bytes], bytes]:
    """The font object and its glyph streams and ToUnicode map (objects from ``obj0``)."""
    names = [f"/g{k}" for k in range(len(glyphs))]
    objs: list[bytes] = []
    procs = []
    for k, g in enumerate(glyphs.values()):
        body = b"%d 0 d0 " % g.width + g.proc
        objs.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
        procs.append(f"{names[k]} {obj0 + k} 0 R")
    cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CMapName /T3 def /CMapType 2 def 1 begincodespacerange <00> <FF> endcodespacerange",
            f"{len(glyphs)} beginbfchar"]
    for k, (ch, g) in enumerate(glyphs.items()):
        cmap.append(f"<{first + k:02X}> <{_hex(g.unicode if g.unicode is not None else ch)}>")
    cmap += ["endbfchar endcmap CMapName currentdict /CMap defineresource pop end end"]
    data = "\n".join(cmap).encode()
    objs.append(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
    widths = " ".join(str(g.width) for g in glyphs.values())
    font = (f"<< /Type /Font /Subtype /Type3 /FontBBox [0 -200 1000 1000] "
            f"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << {' '.join(procs)} >> "
            f"/Encoding << /Type /Encoding /Differences [{first} {' '.join(names)}] >> "
            f"/FirstChar {first} /LastChar {first + len(glyphs) - 1} /Widths [{widths}] "
            f"/ToUnicode {obj0 + len(glyphs)} 0 R /Resources << >> >>").encode()
    return objs, font


def build_pdf(pages: list[list[tuple]], special: dict[str, Glyph] | None = None) -> bytes:
    """A PDF of A4 pages, each a list of lines (x, y from the top, font size, text[,
    base font name]).  A character in ``special`` is drawn and mapped as said there;
    a space is blank; every other character is a block standing for itself.  A line
    with a base font name is set in that (non-embedded, unmapped) font."""
    special = special or {}
    glyphs: dict[str, Glyph] = {" ": SPACE}
    named = sorted({line[4] for page in pages for line in page if len(line) > 4})
    for page in pages:
        for line in page:
            if len(line) > 4:
                continue
            for ch in line[3]:
                glyphs.setdefault(ch, special.get(ch, Glyph()))
    if len(glyphs) > 220:
        raise ValueError("too many distinct characters for one Type3 font")
    first = 32
    code = {ch: first + k for k, ch in enumerate(glyphs)}
    objs: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b""]   # 3: the font
    glyph_objs, font = _font(glyphs, first, len(objs) + 1)
    objs[2] = font
    objs.extend(glyph_objs)
    fonts = "/F1 3 0 R"
    for k, name in enumerate(named, 2):
        objs.append(f"<< /Type /Font /Subtype /TrueType /BaseFont /{name} /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 255 "
                    f"/Widths [{' '.join(['1000'] * 224)}] >>".encode())
        fonts += f" /F{k} {len(objs)} 0 R"
    contents = []
    for page in pages:
        ops = []
        for x, y, size, text, *base in page:
            if base:
                s = "".join(f"\\{b:03o}" for b in text.encode("latin-1"))
                ops.append(f"BT /F{named.index(base[0]) + 2} {size} Tf {x} {842 - y - size} Td ({s}) Tj ET")
                continue
            s = "".join(f"\\{code[ch]:03o}" for ch in text)
            ops.append(f"BT /F1 {size} Tf {x} {842 - y - size} Td ({s}) Tj ET")
        contents.append("\n".join(ops).encode())
    return paged(objs, contents, f"/Font << {fonts} >>")


def paged(objs: list[bytes], contents: list[bytes], resources: str) -> bytes:
    """A PDF of ``objs`` (the catalog first, the pages node second, left to fill) and
    one A4 page per content stream, each with ``resources``."""
    kids = []
    for content in contents:
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    f"/Resources << {resources} >> /Contents {len(objs)} 0 R >>".encode())
        kids.append(f"{len(objs)} 0 R")
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    return assemble(objs)


def assemble(objs: list[bytes]) -> bytes:
    """A PDF file of numbered objects (object 1 the catalog) with its cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def stage_chars(text: str, x: float, y: float, h: float = 8.0, pitch: float = 9.0,
                width: float = 8.0) -> list[dict]:
    """The character records of ``text`` set from (x, y) downwards ``h`` high, one
    character every ``pitch`` points, each ``width`` wide (as the PDF reader's
    character stage returns them)."""
    return [{"text": t, "x0": x + pitch * i, "x1": x + pitch * i + width, "top": y, "bottom": y + h,
             "size": h, "bold": False} for i, t in enumerate(text)]
