"""Reader for HTML files: the document body as lines, through the same recogniser.

An HTML export is turned into text lines — each block element (p, div, li,
h1–h6, …) gives one line holding the text of its inline content, ``<table>``
elements are kept as one-line fragments — and then read like a text export, so
tables and paragraphs come out the same way.

Whitespace is HTML whitespace: tabs and newlines of an indented source (CMS
exports are tab-indented, also inside ``<td>`` text) are spaces, never column
separators or line breaks.  Page wrappers are ignored: a server-page directive
before the markup (``<%@ page … %>``), ``<script>``, ``<style>``, ``<nav>``,
``<head>`` and form controls other than checkboxes.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree
from lxml import html as lhtml

from ..blocks import Document
from ..errors import CorruptFile
from ..settings import Settings
from . import register
from .text import decode
from .textlines import lines_to_blocks

_BLOCK = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "br", "tr", "section", "article", "pre",
          "blockquote", "header", "footer", "main", "aside", "caption", "form", "fieldset", "hr"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_DROP = "//script|//style|//head|//nav|//noscript|//template|//select|//button"
# server-page directives and code blocks (JSP/ASP: <%@ page … %>, <% … %>)
_SERVER_CODE = re.compile(r"<%.*?%>", re.S)
_WS = re.compile(r"\s+")


def collapse_ws(s: str) -> str:
    """HTML whitespace: every run of spaces, tabs and newlines is one space."""
    return _WS.sub(" ", s)


def html_to_lines(root, max_depth: int) -> list[str]:
    """The text lines of a parsed document: one per block, tables as fragments."""
    lines: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = collapse_ws("".join(buf)).strip()
        buf.clear()
        if text:
            lines.append(text)

    def tail(el) -> None:
        if el.tail:
            buf.append(el.tail)

    def walk(el, depth: int) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if depth > max_depth or not tag:
            tail(el)
            return
        if tag == "table":
            flush()
            lines.append(collapse_ws(etree.tostring(el, encoding="unicode", method="html", with_tail=False)))
            tail(el)
            return
        if tag in _HEADINGS:
            flush()
            text = collapse_ws(el.text_content()).strip()
            if text:
                lines.append("#" * int(tag[1]) + " " + text)
            tail(el)
            return
        block = tag in _BLOCK
        if block:
            flush()
        if tag == "input" and (el.get("type") or "").lower() == "checkbox":
            buf.append(" □ ")
        if el.text:
            buf.append(el.text)
        for child in el:
            walk(child, depth + 1)
        if block:
            flush()
        tail(el)

    walk(root, 0)
    flush()
    return lines


def read_html(path: Path, data: bytes, settings: Settings) -> Document:
    text, encoding, warnings = decode(path, data)
    text = _SERVER_CODE.sub("", text)
    try:
        root = lhtml.document_fromstring(text if text.strip() else "<html></html>")
    except (etree.ParserError, ValueError) as e:
        raise CorruptFile(path, f"HTML을 해석할 수 없습니다 ({e})") from None
    for bad in root.xpath(_DROP):
        bad.drop_tree()
    body = root.find("body")
    lines = html_to_lines(body if body is not None else root, settings.max_nesting * 4)
    numbered = list(enumerate(lines, 1))
    blocks = lines_to_blocks(numbered, settings)
    return Document(blocks=blocks, format="html", warnings=warnings, line_count=len(lines), encoding=encoding)


register("html", read_html)
