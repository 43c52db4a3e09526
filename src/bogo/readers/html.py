"""Reader for HTML files: the document body as lines, through the same recogniser.

An HTML export is turned into text lines — block elements (p, div, li, h1–h6)
become lines, ``<table>`` elements are kept as fragments — and then read like a
text export, so tables and paragraphs come out the same way.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from lxml import html as lhtml

from ..blocks import Document
from ..errors import CorruptFile
from ..settings import Settings
from . import register
from .text import decode
from .textlines import lines_to_blocks

_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "section", "article", "pre"}


def read_html(path: Path, data: bytes, settings: Settings) -> Document:
    text, encoding, warnings = decode(path, data)
    try:
        root = lhtml.document_fromstring(text or "<html></html>")
    except (etree.ParserError, ValueError) as e:
        raise CorruptFile(path, f"HTML을 해석할 수 없습니다 ({e})") from None
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    lines: list[str] = []

    def emit(s: str) -> None:
        lines.extend(s.split("\n"))

    def walk(el, depth: int = 0) -> None:
        if depth > settings.max_nesting * 4:
            return
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "table":
            emit(etree.tostring(el, encoding="unicode", method="html").replace("\n", " "))
            if el.tail and el.tail.strip():
                emit(el.tail.strip())
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            emit("#" * int(tag[1]) + " " + el.text_content().strip())
            if el.tail and el.tail.strip():
                emit(el.tail.strip())
            return
        buf = (el.text or "")
        if tag in _BLOCK and buf.strip():
            emit(buf.strip())
            buf = ""
        for child in el:
            walk(child, depth + 1)
        if buf.strip():
            emit(buf.strip())
        if el.tail and el.tail.strip():
            emit(el.tail.strip())

    body = root.find("body")
    walk(body if body is not None else root)
    numbered = list(enumerate(lines, 1))
    blocks = lines_to_blocks(numbered, settings)
    return Document(blocks=blocks, format="html", warnings=warnings, line_count=len(lines), encoding=encoding)


register("html", read_html)
