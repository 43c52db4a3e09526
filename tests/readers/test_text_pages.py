"""Page furniture of text exports (readers/_textpages.py): page numbers and running
headers and footers are left out, every other line keeps its number."""

from __future__ import annotations

import bogo
from bogo.readers._textpages import drop_page_furniture


def _page(n: int, body: str) -> str:
    return f"\f2025년 주요업무보고\n\n{body}\n\n- {n} -\n"


def test_running_header_and_page_numbers_of_a_paged_export(tmp_path):
    text = ("2025년 주요업무보고\n기획조정실\n\nⅠ. 일반현황\n\n□ 조직\n ○ 3국 12과\n\n- 1 -\n"
            + _page(2, "□ 인력\n ○ 정원 120명") + _page(3, "□ 예산\n ○ 1,000억원") + _page(4, "Ⅱ. 주요사업\n\n□ 사업"))
    p = tmp_path / "paged.txt"
    p.write_text(text, encoding="utf-8")
    rep = bogo.parse(p)
    texts = [(x.line, x.text) for x in rep.paragraphs]
    assert texts == [(1, "2025년 주요업무보고"), (2, "기획조정실"), (4, "일반현황"), (6, "조직"), (7, "3국 12과"),
                     (12, "인력"), (13, "정원 120명"), (18, "예산"), (19, "1,000억원"), (24, "주요사업"), (26, "사업")]
    assert rep.meta.title == "2025년 주요업무보고"  # the first page keeps its title


def test_what_is_not_page_furniture_stays():
    # without form feeds only numbers between dashes go; a bare number may be a cell
    lines = list(enumerate(["□ 실적", "3", "- 2 -", "계 5"], 1))
    assert drop_page_furniture(lines) == [(1, "□ 실적"), (2, "3"), (3, ""), (4, "계 5")]
    # a heading with a marker that opens most pages is the pages' own
    paged = [(1, "보고서"), *[(k, "\f□ 추진상황") for k in range(2, 6)], (6, "끝")]
    assert drop_page_furniture(paged) == paged
