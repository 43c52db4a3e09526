"""PDF running headers and footers (readers/_pdf_running.py) are left out of the text."""

from __future__ import annotations

from pathlib import Path

from pdf_kit import build_pdf

import bogo.readers.pdf  # noqa: F401
from bogo.blocks import Paragraph
from bogo.readers import read_bytes
from bogo.settings import SETTINGS


def _texts(pages) -> list[tuple[int, str]]:
    doc = read_bytes(Path("running.pdf"), build_pdf(pages), SETTINGS)
    return [(b.page, b.text) for b in doc.blocks if isinstance(b, Paragraph)]


def _body(i: int) -> list[tuple]:
    return [(60, 100, 12, f"□ 추진 과제 {i}"), (70, 130, 12, "○ 주민 참여 확대 추진")]


def test_a_header_and_a_footer_on_every_page_are_dropped():
    pages = [[(60, 30, 9, "2025년 주요업무계획 | 기획조정실"), *_body(i), (250, 800, 9, f"기획조정실 - {i} -")]
             for i in range(1, 5)]
    got = _texts(pages)
    assert got == [(i, t) for i in range(1, 5) for t in (f"추진 과제 {i}", "주민 참여 확대 추진")]


def test_lines_that_do_not_run_are_kept():
    """Two pages only, a line at another height on each page, or the band's text
    changing from page to page: each is the page's own text."""
    two = [[(60, 30, 9, "2025년 주요업무계획"), *_body(i)] for i in (1, 2)]
    assert [t for _, t in _texts(two)].count("2025년 주요업무계획") == 2
    moving = [[(60, 20 + 9 * i, 9, "참고 자료"), *_body(i)] for i in range(1, 5)]
    assert [t for _, t in _texts(moving)].count("참고 자료") == 4
    own = [[(60, 30, 9, title), *_body(i)] for i, title in enumerate(("제1장 총칙", "제2장 조직", "제3장 예산", "제4장 사업"), 1)]
    assert [t for _, t in _texts(own) if t.startswith("제")] == ["제1장 총칙", "제2장 조직", "제3장 예산", "제4장 사업"]


def test_a_heading_that_opens_pages_is_kept():
    """A part heading set larger than the text, or marked, at the top of each page is
    the page's own heading, never a running header."""
    large = [[(60, 30, 14, "추진상황"), *_body(i)] for i in range(1, 5)]
    assert [t for _, t in _texts(large)].count("추진상황") == 4
    marked = [[(60, 30, 12, "□ 향후계획"), *_body(i)] for i in range(1, 5)]
    assert [t for _, t in _texts(marked)].count("향후계획") == 4
