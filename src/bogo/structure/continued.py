"""One table drawn as several: a table continued under a repeated header is joined.

Authors who write a long table in Hancom often draw one table per page and repeat
the header rows at the top of each ("구분 | 과목 | 예산액 …" four times, the page
number "1/4" between them).  The PDF reader joins the pages of a ruled table by
their column edges; this stage does the same for every format, by what the
tables say: a data table directly followed by another of the same width whose
first row repeats its own (a header row: at least two labels, one of them a
word, not only years), with nothing between them but page numbers, is one table — its sums span
the pages ("세입소계" on page 2 adds the rows of page 1).  The repeated header
rows are dropped (:func:`bogo.tablejoin.join_tables`), and so are the page
numbers between the parts.  A table with a caption of its own starts a table of
its own, and so does a card of a series: tables whose rows carry the same labels
again (one per project: 계 / 국비 / 시비; one per requirement: 고유번호 / 명칭 /
상세 설명) are parallel records, not the pages of one table.
"""

from __future__ import annotations

import re

from ..blocks import Block, Paragraph, Table
from ..normalize.text import compact, is_page_number
from ..tablejoin import join_tables

_LETTER = re.compile(r"[가-힣A-Za-z]")
#: a header label that is a word, not a year or a number with its unit ("2026년")
_WORD = re.compile(r"[가-힣A-Za-z].*[가-힣A-Za-z]")
#: labels a repeated header row holds at least
HEADER_MIN_LABELS = 2


def join_continued(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each table continued under a repeated header joined into one
    (the tables are copied before joining: the reader's blocks stay as read).  A
    table nested in another one's cell (it follows its parent, its lines inside the
    parent's) is never a continuation, nor continued."""
    out: list[Block] = []
    last = -1  # index in ``out`` of the last table
    enclosing = -1  # the last line of the tables before the last one
    mine: set[int] = set()  # ids of the joined tables made here (copies: joined again in place)
    for b in blocks:
        if isinstance(b, Table) and last >= 0 and all(_furniture(x) for x in out[last + 1:]) \
                and b.line > enclosing and out[last].line > enclosing and continues(out[last], b):
            joined = out[last] if id(out[last]) in mine else out[last].copy()
            mine.add(id(joined))
            join_tables(joined, b.copy())
            joined.end_line = max(b.end_line, joined.end_line)
            joined.placement = joined.placement or b.placement
            del out[last + 1:]
            out[last] = joined
            continue
        if isinstance(b, Table):
            if last >= 0:
                enclosing = max(enclosing, out[last].end_line)
            last = len(out)
        out.append(b)
    return out


def _furniture(b: Block) -> bool:
    """A block between two parts of one table: a page number or an empty line."""
    return isinstance(b, Paragraph) and not b.marker and (not b.text.strip() or is_page_number(b.text))


def continues(prev: Table, nxt: Table) -> bool:
    """Whether ``nxt`` goes on with ``prev``: both data tables of the same width,
    ``nxt`` without a caption of its own, its first row the same header row as
    ``prev``'s."""
    if prev.layout or nxt.layout or prev.form or nxt.form or nxt.caption:
        return False
    if prev.n_cols != nxt.n_cols or prev.n_cols < 2 or prev.n_rows < 2 or nxt.n_rows < 2:
        return False
    g1, g2 = prev.grid(), nxt.grid()
    labels = [x for x in g1[0] if x]
    if g1[0] != g2[0] or len(labels) < HEADER_MIN_LABELS or not any(_WORD.search(x) for x in labels):
        return False
    return not _same_cards(g1[1:], g2[1:])


def _same_cards(rows: list[list[str]], more: list[list[str]]) -> bool:
    """Whether ``more``'s rows carry only labels that ``rows`` already carried (each
    row's first word, spaces aside): a second card of a series."""
    def labels(grid: list[list[str]]) -> set[str]:
        return {compact(next((x for x in r if _LETTER.search(x)), "")) for r in grid} - {""}

    again = labels(more)
    return bool(again) and again <= labels(rows)
