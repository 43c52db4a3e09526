"""The grammar of a space-separated table row (for :mod:`bogo.readers._spacetables`).

A body row is a label followed by numeric cells ("기 획 담 당 관 39 /38 (16) 31 / 29");
cell boundaries come from the grammar of Korean table cells — composite "a / b (c)",
"n (m)", "n(±m)", "41조 5,459", "-" — not from the spacing, which exports lose.  A
row's figures may be followed by one text cell (산출내역, 비고); a line of figures
without a label goes on the row above (:func:`continuation`).
"""

from __future__ import annotations

import re

from ..normalize.markers import split_marker

_N = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# the bodies of the cell tokens, shared by their own patterns and by _CELL_OPEN
_NUM_BODY = r"[△▲+\-]?" + _N + r"(?:%|\*{1,2})?(?:\((?:[+\-△▲]?" + _N + r"%?|-|\s*-\s*)\))?\*{0,2}"
_PAIR_BODY = r"(?:" + _N + r")?/(?:" + _N + r")?"
_JO_BODY = _N + r"조"
_NUM_TOKEN = re.compile(r"^" + _NUM_BODY + r"$")
_PAIR_TOKEN = re.compile(r"^" + _PAIR_BODY + r"$")
_JO_TOKEN = re.compile(r"^" + _JO_BODY + r"$")
_PAREN_TOKEN = re.compile(r"^\((?:[+\-△▲]?" + _N + r"%?|-)\)\*{0,2}$")
#: a token that opens a row's cells: a figure (_NUM_TOKEN), a pair "a/b" (_PAIR_TOKEN) or
#: "/b", "41조" (_JO_TOKEN), a dash; one match instead of one per kind
_CELL_OPEN = re.compile(r"(?:" + _NUM_BODY + "|" + _PAIR_BODY + "|" + _JO_BODY + r"|-)$|/")
_YEARISH = re.compile(r"^(?:19|20)\d{2}(?:\.\d{1,2}월?)?(?:년)?$|^\d{1,2}월$|^\d{4}\.\d{1,2}월$")
_EOK_PART = re.compile(r"\d,\d{3}|\d{1,4}")
_SENTENCE_END = re.compile(r"(?:다|음|함|됨|임|요|\.)$")
#: the text of a last column after a row's figures: it opens with a word, not a bracket or a sign
_TRAILING_TEXT = re.compile(r"^(?:[가-힣A-Za-z<]|\d[\d,.]*[가-힣])")


def _is_num(tok: str) -> bool:
    return bool(_NUM_TOKEN.match(tok))


def _paren_row(toks: list[str]) -> list[str] | None:
    """A line of parenthesised figures only ("(147.8) (△16.6) (5.2)"): the rates or
    counts printed under the row above, one per column, as a row without a label."""
    if len(toks) >= 2 and all(_PAREN_TOKEN.match(t) for t in toks):
        return toks
    return None


def _paren_tail(toks: list[str]) -> int:
    """Where the run of parenthesised figures that ends ``toks`` starts (``len(toks)``
    when the last token is not one)."""
    s = len(toks)
    while s and _PAREN_TOKEN.match(toks[s - 1]):
        s -= 1
    return s


def parse_numeric_row(text: str, bulleted: bool = False, lone_figure: bool = False) -> tuple[str, list[str]] | None:
    """Split a line into (label, numeric cells), or None when it is not a table row.
    ``lone_figure``: a single figure before a last text cell makes a row too ("기 타 400
    직접 지원") — for a line read only beside rows of a table."""
    toks = text.split()
    if len(toks) < 2:
        return None
    paren = _paren_row(toks)
    if paren is not None:
        return "", paren
    got = _label_and_cells(toks, _label_start(toks, bulleted), 1 if lone_figure else 2)
    return got if got is not None and _label_ok(got[0], bulleted) else None


def parse_row_or_bulleted(text: str) -> tuple[tuple[str, list[str]] | None, bool]:
    """``parse_numeric_row(text)``, else ``parse_numeric_row(text, bulleted=True)``, and
    whether it is the bulleted reading.  Unless the line opens with a dash, both read
    the same label and cells and differ in the label check only: it is read once."""
    toks = text.split()
    if len(toks) < 2:
        return None, True
    paren = _paren_row(toks)
    if paren is not None:
        return ("", paren), False
    got = _label_and_cells(toks, 0)
    if got is not None and _label_ok(got[0]):
        return got, False
    if _label_start(toks, True):
        got = _label_and_cells(toks, 1)
    return (got if got is not None and _label_ok(got[0], True) else None), True


def _label_start(toks: list[str], bulleted: bool) -> int:
    """Where the label starts: after a dash that opens a bulleted label (its bullet, not
    an empty cell: "- 민원서비스 개선 3,855 …")."""
    return 1 if bulleted and toks[0] in ("-", "－") and not _is_num(toks[1]) else 0


def _label_and_cells(toks: list[str], k: int, text_after: int = 2) -> tuple[str, list[str]] | None:
    """The label (leading tokens from ``k`` up to the first numeric cell token) and the
    cells of a row, before its label is checked; None when the tokens read as no row."""
    while k < len(toks) and not _CELL_OPEN.match(toks[k]):
        k += 1
    label_toks = toks[:k]
    rest = toks[k:]
    if not rest:  # "증감률 (147.8) (16.6) …": a label over parenthesised figures
        k = max(_paren_tail(toks), 1)  # the first of them after the label (two at least)
        k = k if k <= len(toks) - 2 else len(toks)
        label_toks, rest = toks[:k], toks[k:]
        if rest:
            return " ".join(label_toks), rest
    if not label_toks and rest and _YEARISH.match(rest[0]) and len(rest) >= 4:
        label_toks, rest = rest[:1], rest[1:]
    cells, stop = _parse_prefix(rest)
    if cells is not None and stop < len(rest):
        # figures then text: a last text column (산출내역, 비고) after two figures or more
        # (``text_after``)
        text = " ".join(rest[stop:])
        # (not a header of years: "계 2018 2019 2020 규모 비중")
        enough = len(cells) >= max(text_after, 1 if label_toks else 2)  # (a lone figure needs a label)
        cells = [*cells, text] if enough and _TRAILING_TEXT.match(text) \
            and not all(_YEARISH.match(c) for c in cells) else None
    if cells is None or not cells:
        return None
    label = " ".join(label_toks)
    if len(cells) < 2 and not (label and len(cells) == 1 and _is_num(rest[0]) and "," in rest[0]):
        return None
    return label, cells


def _label_ok(label: str, bulleted: bool = False) -> bool:
    """A row label: not a sentence, not a bulleted line (unless ``bulleted``: a bullet
    or dash of a budget item, "□ 청사 시설관리", "- 민원서비스 개선")."""
    if label and (len(label) > 40 or _SENTENCE_END.search(label) and len(label) > 12):
        return False
    marker = split_marker(label)[0] if label else None
    return not marker or marker == "*" or bulleted and not marker[0].isdigit() and marker[-1] not in ".)"


def _parse_cells(toks: list[str]) -> list[str] | None:
    cells, stop = _parse_prefix(toks)
    return cells if stop == len(toks) else None


def _parse_prefix(toks: list[str]) -> tuple[list[str] | None, int]:
    """The numeric cells of the longest prefix of ``toks`` read by the grammar of figures,
    and where it stops (None when a parenthesised part opens the row)."""
    cells: list[str] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if _JO_TOKEN.match(t):
            if i + 1 < n and _EOK_PART.fullmatch(toks[i + 1]):
                cells.append(t + " " + toks[i + 1])
                i += 2
            else:
                cells.append(t)
                i += 1
            continue
        if t == "/":
            if i + 1 < n and _is_num(toks[i + 1]) and not (i + 2 < n and toks[i + 2].startswith("/")):
                cells.append("/ " + toks[i + 1])
                i += 2
            else:
                cells.append("/")
                i += 1
            continue
        if t.startswith("/") and _is_num(t[1:]):
            cells.append("/ " + t[1:])
            i += 1
            continue
        if _PAIR_TOKEN.match(t):
            a, b = t.split("/")
            cells.append(f"{a} / {b}".strip())
            i += 1
            continue
        if t in ("(", "( -", "(-") or _PAREN_TOKEN.match(t):
            # a parenthesised count of the previous cell, possibly spaced "( - )"
            j = i
            buf = []
            while j < n:
                buf.append(toks[j])
                if toks[j].endswith(")"):
                    break
                j += 1
            if not cells:
                return None, i
            cells[-1] = cells[-1] + " " + "".join(buf).replace("(", "(").replace(" ", "")
            i = j + 1
            continue
        if t == "-":
            cells.append("-")
            i += 1
            continue
        if _is_num(t):
            cell = t
            i += 1
            if i < n and toks[i] == "/":
                # "34 / 33": a pair; take the right number unless it starts the next "n /"
                if i + 1 < n and _is_num(toks[i + 1]):
                    cell = f"{t} / {toks[i + 1]}"
                    i += 2
                else:
                    cell = f"{t} /"
                    i += 1
            elif i < n and toks[i].startswith("/") and _is_num(toks[i][1:]):
                cell = f"{t} /{toks[i][1:]}"
                i += 1
            cells.append(cell)
            continue
        return cells, i
    return cells, n


def continuation(text: str) -> list[str] | None:
    """A line holding only numeric cells or a parenthesised part, no label."""
    toks = text.split()
    if not toks:
        return None
    if len(toks) == 1 and _PAREN_TOKEN.match(toks[0]):
        return ["(" + toks[0][1:]]
    if _JO_TOKEN.match(toks[0]) or _is_num(toks[0]):
        return _parse_cells(toks)
    return None
