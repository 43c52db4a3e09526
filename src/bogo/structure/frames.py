"""Text drawn in a table frame reads as the text it holds, not as a table.

Hancom authors frame titles and notes with table cells: a title bar (one filled
cell among blank ones), a numbered heading box ("1 | 성과", the number in its own
cell), an appendix or reference title ("붙임 | 과제별 추진일정", "참고 | 추진전략")
and a text box of bulleted lines standing one per row, perhaps under a title of its
own (spacer cells beside them blank).
Each becomes the paragraphs it holds, emphasised like a heading.  A table that
holds any figure, or text in two columns, stays a table (one without any text is
kept, as layout: a blank form).
"""

from __future__ import annotations

import re

from ..blocks import Block, Cell, Paragraph, Table
from ..normalize.markers import split_marker

_APPENDIX_WORD = re.compile(r"^[\[【(<〈]?\s*(?:별첨|부록|붙임|참고)\s*\d{0,2}\s*[\]】)>〉]?$")
_BOX_NUMBER = re.compile(r"^(?:\d{1,2}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]|[IVX]{1,4}|[①-⑳])\.?$")
#: a title in a frame is at most this long
TITLE_MAX = 120
#: letters a line of a text box holds at least, when it opens with no bullet
TEXT_LINE_MIN = 15
_FIGURE = re.compile(r"^[\s\d,.\-+△▲%()~/]+$")
_CHECKBOX = re.compile(r"[□☐☑■▣]")


def unwrap_boxes(blocks: list[Block]) -> list[Block]:
    """``blocks`` with every framed text read as its paragraphs."""
    out: list[Block] = []
    for b in blocks:
        if not isinstance(b, Table):
            out.append(b)
            continue
        filled = [c for c in b.cells if c.text]
        got = _title(b, filled) or _text_box(b, filled)
        out.extend(got if got is not None else [b])
    return out


def _para(c: Cell, b: Table, text: str | None = None, raw: str | None = None, marker: str | None = None) -> Paragraph:
    if marker is None:
        marker, text = split_marker(c.text if text is None else text)
    return Paragraph(text=text if text is not None else c.text, raw=raw or c.raw, line=c.line or b.line,
                     marker=marker, page=b.page, emphasis=True)


def _title(b: Table, filled: list[Cell]) -> list[Paragraph] | None:
    """A title bar (one filled cell in one row, or in a column of three rows at most),
    a numbered heading box or an appendix title."""
    if len(filled) == 1 and len(filled[0].text) <= TITLE_MAX \
            and (b.n_rows == 1 or b.n_cols == 1 and b.n_rows <= 3 or b.layout and b.n_rows * b.n_cols == 1):
        return [_para(filled[0], b)]
    if b.n_rows != 1 or len(filled) != 2:
        return None
    first, second = filled
    if b.n_cols == 2 and _BOX_NUMBER.match(first.text) and len(second.text) <= 60 \
            and not split_marker(second.text)[0]:
        return [_para(first, b, text=second.text, raw=first.raw + " " + second.raw, marker=first.text)]
    if 2 <= b.n_cols <= 3 and _APPENDIX_WORD.match(first.text) and len(second.text) <= 60:
        return [_para(first, b, text=f"{first.text} {second.text}", raw=first.raw + " " + second.raw, marker="")]
    return None


def _text_box(b: Table, filled: list[Cell]) -> list[Paragraph] | None:
    """Bulleted or running lines standing one per row (the other cells blank, spacer
    columns beside them), perhaps under a title ("〈 달라지는 모습 〉"): a text box,
    one paragraph per cell."""
    if len(filled) < 2 or len({c.row for c in filled}) != len(filled):
        return None
    ordered = sorted(filled, key=lambda c: c.row)
    if any(_FIGURE.match(c.text) or len(_CHECKBOX.findall(c.text)) >= 2 for c in ordered) \
            or len(ordered[0].text) > TITLE_MAX:
        return None          # figures, or a form's options ("□동의함 □동의하지 않음")
    if not all(split_marker(c.text)[0] or len(c.text.replace(" ", "")) >= TEXT_LINE_MIN for c in ordered[1:]):
        return None
    return [_para(c, b) for c in ordered]
