"""Line-oriented recognition shared by the text and PDF readers.

``lines_to_blocks`` takes (line number, raw line) pairs and returns paragraphs and
tables in reading order.  Tables come in four forms (spec §2): HTML ``<table>``
fragments, Markdown pipe tables, tab-separated lines, and space-separated lines
(see :mod:`bogo.readers._spacetables`).  Everything else becomes a paragraph with
its marker split off and Markdown decoration (``#``, ``**``, list dashes) removed;
in a text file, a line broken at the exporter's fixed width goes on in the deeper
indented lines below it (:func:`_wrapped_on`).
"""

from __future__ import annotations

import re

from ..blocks import Block, Cell, Paragraph, Table, grid_to_table
from ..normalize.markers import opens_item, split_marker
from ..normalize.text import display_width, fold, normalize_text
from ..settings import SETTINGS, Settings
from ._alignedtables import find_aligned_tables
from ._deadline import check_deadline
from ._html import has_html, html_tables, html_to_text
from ._spacetables import find_space_tables, fold_lines

Line = tuple[int, str]

_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_MD_BOLD = re.compile(r"\*\*(.+?)\*\*")
_MD_HR = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_TABLE_OPEN = re.compile(r"<table\b", re.I)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.I)
_BARE_NUM = re.compile(r"^\s*(?:#{1,6}\s*)?(\d{1,2})\s*$")


def lines_to_blocks(lines: list[Line], settings: Settings = SETTINGS, aligned: bool = False) -> list[Block]:
    """Recognise tables and paragraphs in a sequence of numbered lines.  ``aligned``:
    the lines keep the exporter's spacing (a text file), so tables laid out in columns
    are read by position (:mod:`bogo.readers._alignedtables`); the PDF reader's lines
    are spaced by the reader itself and HTML collapses whitespace."""
    blocks: list[Block] = []
    i, n = 0, len(lines)
    pending: list[Line] = []  # plain lines, scanned for space tables in bulk

    def flush():
        if pending:
            blocks.extend(_plain_lines_to_blocks(pending, settings, aligned))
            pending.clear()

    while i < n:
        if not i & 0x3FF:
            check_deadline()  # cooperative: a reader outside the main thread has no timer
        no, raw = lines[i]
        if "<" in raw and _TABLE_OPEN.search(raw) and ("\t" not in raw or raw.lstrip().startswith("<")):
            # an HTML table (an indented source is tab-indented: a line that starts
            # with markup is never a tab-separated row)
            j, depth, buf = i, 0, []
            while j < n:
                buf.append(lines[j][1])
                depth += len(_TABLE_OPEN.findall(lines[j][1])) - len(_TABLE_CLOSE.findall(lines[j][1]))
                if depth <= 0:
                    break
                j += 1
            flush()
            tables = html_tables("\n".join(buf), no, lines[min(j, n - 1)][0], settings.max_nesting, settings)
            blocks.extend(tables)
            i = j + 1
            continue
        if "|" in raw and raw.lstrip().startswith("|") and i + 1 < n and _PIPE_SEP.match(lines[i + 1][1]):
            j = i + 2
            while j < n and lines[j][1].lstrip().startswith("|"):
                j += 1
            flush()
            blocks.append(_pipe_table(lines[i:j]))
            i = j
            continue
        if "\t" in raw and _is_tab_row(raw):
            j = i
            while j < n and (_is_tab_row(lines[j][1]) or _empty_tab_row(lines, j)):
                j += 1
            flush()
            blocks.extend(_tab_table(lines[i:j], settings))
            i = j
            continue
        pending.append((no, raw))
        i += 1
    flush()
    return blocks


def _is_tab_row(raw: str) -> bool:
    if "\t" not in raw:  # (stripping spaces and line ends keeps every tab)
        return False
    s = raw.strip(" \r\n")
    return sum(1 for c in s.split("\t") if c.strip()) >= 1 and len(s.split("\t")) >= 2


def _empty_tab_row(lines: list[Line], j: int) -> bool:
    """A line of tabs only, inside a run of tab-separated rows: an empty row of the table."""
    if lines[j][1].strip() or "\t" not in lines[j][1]:
        return False
    k = j + 1
    while k < len(lines) and not lines[k][1].strip(" \t\r\n") and lines[k][1].count("\t"):
        k += 1
    return k < len(lines) and _is_tab_row(lines[k][1])


def _cell_text(raw: str) -> str:
    """The normalised text of a cell (``raw`` stripped already)."""
    return normalize_text(html_to_text(raw) if has_html(raw) else raw)


def _tab_table(rows: list[Line], settings: Settings) -> list[Block]:
    grid, raws, kept = [], [], []
    nested: list[Table] = []
    nested_rows: set[tuple[str, ...]] = set()
    for no, raw in rows:
        parts = raw.rstrip("\r\n").split("\t")
        for k, p in enumerate(parts if "<" in raw else ()):
            if _TABLE_OPEN.search(p):
                # a table nested in a cell: exports flatten its cells after the
                # cell and repeat its rows as lines below; keep it as its own table
                found = html_tables(p, no, no, settings.max_nesting, settings)
                nested.extend(found)
                for t in found:
                    for r in t.grid():
                        nested_rows.add(tuple(c.replace(" ", "") for c in r if c))
                parts = parts[:k + 1]
                break
        while len(parts) > 1 and not parts[-1].strip():
            parts.pop()
        cells = [p.strip() for p in parts]
        texts = [_cell_text(c) for c in cells]
        if nested_rows and tuple(c.replace(" ", "") for c in texts if c) in nested_rows:
            continue
        grid.append(texts)
        raws.append(cells)
        kept.append((no, raw))
    rows = kept
    if not grid:
        return nested
    width = max(len(r) for r in grid)
    grid = [r + [""] * (width - len(r)) for r in grid]
    raws = [r + [""] * (width - len(r)) for r in raws]
    if len(grid) == 1 and sum(1 for c in grid[0] if c) <= 1:
        no, raw = rows[0]
        return [_paragraph(no, raw.replace("\t", " "))]
    t = grid_to_table(grid, rows[0][0], rows[-1][0], raw_rows=raws)
    for c in t.cells:
        c.line = rows[c.row][0] if c.row < len(rows) else t.line
    return [t, *nested]


def _pipe_table(rows: list[Line]) -> Table:
    def split(raw: str) -> list[str]:
        s = raw.strip()
        if s.startswith("|"):
            s = s[1:]
        if s.endswith("|"):
            s = s[:-1]
        return [c.strip() for c in re.split(r"(?<!\\)\|", s)]

    head = split(rows[0][1])
    body = [split(r) for _, r in rows[2:]]
    grid = [head, *body]
    text = [[_cell_text(c) for c in r] for r in grid]  # (split() strips every cell)
    # form "pipe": the separator marks the first header row; structure finds any more
    t = grid_to_table(text, rows[0][0], rows[-1][0], raw_rows=grid, header_rows=1, form="pipe")
    line_of = [rows[0][0]] + [no for no, _ in rows[2:]]
    for c in t.cells:
        c.line = line_of[c.row]
    return t


def _plain_lines_to_blocks(lines: list[Line], settings: Settings, aligned: bool) -> list[Block]:
    out: list[Block] = []
    folded = fold_lines(lines)
    spans = _tables_in(lines, settings, folded) if aligned else find_space_tables(lines, settings, folded)
    k = 0
    idx = 0
    n = len(lines)
    # the first line of the next table (past the end when none is left): paragraph
    # lines are joined up to it, never across it
    span_at = spans[0][0] if spans else n + 1
    while idx < n:
        if idx == span_at:
            start, end, table = spans[k]
            out.append(table)
            idx = end
            k += 1
            span_at = spans[k][0] if k < len(spans) else n + 1
            continue
        no, raw = lines[idx]
        ftext: str | None = folded[idx]
        idx += 1
        lead = raw.lstrip()[:1]  # (each pattern below opens with its own characters)
        if not lead or lead in "-*_" and _MD_HR.match(raw):
            continue
        m = _BARE_NUM.match(raw) if lead == "#" or lead.isdigit() else None
        if m:
            # "## 2" / "1" alone, title on the next non-empty line
            j = idx
            while j < len(lines) and not lines[j][1].strip():
                j += 1
            if j < len(lines) and not span_at <= j:
                nxt = lines[j][1]
                body = _MD_HEADING.sub("", nxt).strip()
                if len(body) >= 4 and re.search("[가-힣]", body) and not split_marker(normalize_text(body))[0] \
                        and not _BARE_NUM.match(nxt):
                    p = _paragraph(no, m.group(1) + " " + body, heading=_md_depth(nxt) or _md_depth(raw))
                    out.append(p)
                    idx = j + 1
                    continue
        # a Markdown hard break (two trailing spaces) continues the paragraph
        # on the next line when that line starts no bullet of its own
        while raw.endswith("  ") and idx < n and idx != span_at and lines[idx][1].strip() \
                and not opens_item(normalize_text(lines[idx][1])):
            raw = raw.rstrip() + " " + lines[idx][1].strip()
            ftext = None
            idx += 1
        while aligned and idx < n and idx != span_at and raw.count("(") > raw.count(")") \
                and _closes(raw, lines[idx][1]):
            # a short bracket broken inside its word ("(단위: 백만" / "원)"): one line
            raw = raw.rstrip() + lines[idx][1].strip()
            ftext = None
            idx += 1
        first = last = raw
        base = len(raw) - len(raw.lstrip(" "))
        while aligned and idx < n and idx != span_at and _wrapped_on(last, first, lines, idx, base):
            last = lines[idx][1]
            raw = raw.rstrip() + " " + last.strip()
            ftext = None
            idx += 1
        out.append(_paragraph(no, raw, folded=ftext))
    return out


#: an exporter's fixed line width is at least this wide (display columns)
WRAP_MIN = 40
_SENTENCE_END = re.compile(r"(?:다|음|함|됨|임|요)\.?\s*$|[.!?]\s*$")
_LOOKAHEAD = 6


def _indent(s: str) -> int:
    return len(s) - len(s.lstrip(" "))


def _wrap_width(first: str, lines: list[Line], idx: int, base: int) -> int:
    """The width a paragraph's lines were broken at: the widest of its first line and
    the indented lines that follow it."""
    widths = [display_width(first.rstrip())]
    for _, raw in lines[idx:idx + _LOOKAHEAD]:
        if not raw.strip() or _indent(raw) < base + 2:
            break
        widths.append(display_width(raw.rstrip()))
    return max(widths)


def _wrapped_on(line: str, first: str, lines: list[Line], idx: int, base: int) -> bool:
    """``nxt`` (line ``idx``) carries on ``line``, broken at a fixed width (that of the
    paragraph's ``first`` line and the lines after it, measured only when the rest
    holds): ``line`` ends mid-sentence and its next word did not fit on it; ``nxt`` is
    indented deeper than the paragraph's first line (indent ``base``) and opens no
    bullet of its own."""
    nxt = lines[idx][1]
    if len(nxt) - len(nxt.lstrip(" ")) < base + 2:  # (_indent, inline: most lines stop here)
        return False
    body = nxt.strip()
    if not body or "\t" in nxt or _SENTENCE_END.search(line):
        return False
    width = _wrap_width(first, lines, idx, base)
    if width < WRAP_MIN:
        return False
    if display_width(line.rstrip()) + 1 + display_width(body.split(" ")[0]) <= width:
        return False  # the word would have fitted: the line was ended, not broken
    return not opens_item(normalize_text(body))


def _closes(line: str, nxt: str) -> bool:
    """``nxt`` is the rest of a bracket ``line`` left open: at the same indent, short, and
    closing it with nothing after ("원)" under "(단위: 백만")."""
    body = nxt.strip()
    return bool(body) and _indent(nxt) == _indent(line) and len(body) <= 12 and body.endswith(")") \
        and body.count(")") == line.count("(") - line.count(")") + body.count("(")



def _tables_in(lines: list[Line], settings: Settings, folded: list[str]) -> list[tuple[int, int, Table]]:
    """Tables among plain lines: blocks laid out in columns first, then rows read by
    the grammar of their cells in the lines between them."""
    out: list[tuple[int, int, Table]] = []
    pos = 0
    for start, end, table in [*find_aligned_tables(lines), (len(lines), len(lines), None)]:
        if start > pos:
            out += [(a + pos, b + pos, t)
                    for a, b, t in find_space_tables(lines[pos:start], settings, folded[pos:start], rewrap=True)]
        if table is not None:
            table.origin = "aligned"          # columns from the spacing of the text
            out.append((start, end, table))
        pos = end
    return out


def _unbold(m: re.Match[str]) -> str:
    return m.group(1)


def _md_depth(raw: str) -> int:
    m = _MD_HEADING.match(raw)
    return len(m.group(1)) if m else 0


def _paragraph(no: int, raw: str, heading: int = 0, folded: str | None = None) -> Paragraph:
    s = raw.rstrip()
    indent = len(s) - len(s.lstrip(" \u3000"))
    body = (folded if folded is not None else fold(s)).strip()
    if body.startswith("#"):
        heading = heading or _md_depth(body)
        body = _MD_HEADING.sub("", body)
    emphasis = heading > 0
    if "**" in body:
        emphasis = emphasis or body.startswith("**")
        body = _MD_BOLD.sub(_unbold, body)
    if "<" in body and has_html(body):
        body = html_to_text(body)
    text = normalize_text(body, folded=True)
    marker, rest = split_marker(text)
    if marker in ("-", "*") and rest and not "가" <= rest[0] <= "힣":
        # a Markdown list dash followed by a real marker: keep the inner one
        inner, rest2 = split_marker(rest)
        if inner and inner not in ("-", "*"):
            marker, rest = inner, rest2
    return Paragraph(text=rest, raw=raw.rstrip("\r\n"), line=no, marker=marker, indent=indent,
                     emphasis=emphasis, heading=heading)


__all__ = ["lines_to_blocks", "Cell"]
