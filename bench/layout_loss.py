"""Which cells of a reference table an export path cannot carry (bench/layouts.py).

A text export that joins a row's cells with single spaces and drops the empty
ones (``collapsed``, ``wrapped-rows``) loses two things no reader can get back
from the text alone:

- **where an empty cell was**: in "경상수입 909 559" under four columns, the blank
  may be anywhere after the row's label; every cell but a leading label of a row
  with an empty cell before a filled one stands where the reader *infers* it — by
  the column sums where a total row decides (and two rows may still trade their
  blanks with the same sums), otherwise in order from the row's start;
- **where one text cell ends and the next begins** when one of them holds a
  space ("일반 회계 특별 회계" is two cells or four): every cell of such a run of
  text cells.

:func:`inherent` gives those cells of a reference table, as positions of its
visible grid; the bench reports agreement with and without them.  Figures and
composite figures ("33 / 29 (10)", "3조 1,200", "△777") are cells of their own in
any spacing, so they are never in a text run.  The kinds that keep every cell's
place (tab-separated, aligned, Markdown, HTML …) lose nothing here.  CP949 loses
characters instead (:func:`lossy_text`): its records and ``cells*`` are compared with
the reference written the same way.
"""

from __future__ import annotations

import re

#: the export kinds that join cells by one space and drop the empty ones
DROPS_EMPTY = ("collapsed", "wrapped-rows")

_DIGIT = re.compile(r"\d")
_HANGUL = re.compile(r"[가-힣]")


def lossy_text(kind: str):
    """How export ``kind`` writes a text, where it loses characters (CP949 has no "⋅",
    "∼", …: they become "?"); None when it keeps every character."""
    if kind == "cp949":
        return lambda s: s.encode("cp949", errors="replace").decode("cp949")
    return None


def _figure(text: str) -> bool:
    """A cell read by the grammar of figures ("1,234", "33 / 29 (10)", "60건", "-")."""
    t = text.strip()
    return t in ("-", "/") or bool(_DIGIT.search(t)) and len(_HANGUL.findall(t)) <= 2


def inherent(grid: list[list[str]], covered: set[tuple[int, int]], kind: str) -> set[tuple[int, int]]:
    """Cells (row, col) of a visible grid whose place export ``kind`` cannot carry."""
    if kind not in DROPS_EMPTY:
        return set()
    out: set[tuple[int, int]] = set()
    for r, row in enumerate(grid):
        cells = [(c, x.strip()) for c, x in enumerate(row) if (r, c) not in covered]
        filled = [c for c, x in cells if x]
        if not filled:
            continue
        if any(not x and c < filled[-1] for c, x in cells):
            # an empty cell before a filled one: only a leading label keeps its place
            pinned = filled[0] == cells[0][0] and not _figure(row[filled[0]])
            out.update((r, c) for c in filled[1 if pinned else 0:])
        run: list[int] = []
        for c, x in [*cells, (-1, "")]:
            if x and not _figure(x):
                run.append(c)
                continue
            if len(run) >= 2 and any(" " in row[k].strip() for k in run):
                out.update((r, k) for k in run)
            run = []
    return out
