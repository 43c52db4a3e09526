"""Text renderings of a parsed report: the synthetic export variants of bench/layouts.py.

``render(layout, kind)`` writes the reference reading back out as one export
path would: the paragraphs as they were read (their raw text, one per line),
data tables in the kind's form, layout and approval frames as their cell texts
one per line.  The kinds imitate what text exports of HWP/HWPX/PDF reports do
to a table:

- ``tsv`` — cells separated by tabs;
- ``aligned`` — columns padded with spaces to a common width (``pdftotext -layout``);
- ``collapsed`` — cells joined by one space, empty cells dropped;
- ``spaced`` — aligned, with short Hangul labels spaced out ("기 획 담 당 관");
- ``wrapped-rows`` — collapsed rows reflowed at a fixed width, so a row goes on
  over several lines (a break may fall inside a cell: "306 / 274" + "(139)");
- ``wrapped-cells`` — aligned, with long text cells wrapped inside their column;
- ``html`` — a whole HTML page with tab-indented source (tabs and newlines
  inside ``<td>`` text);
- ``markdown`` — pipe tables under a separator line;
- ``pua-bullets`` / ``no-bullets`` — tab-separated, the bullets of paragraphs and
  cells written as Hancom's private-use glyphs, or lost;
- ``cp949`` — tab-separated, encoded in CP949 (characters it lacks become "?").

Each returns ``(file suffix, bytes)``.  Nothing here knows a sample: only the grid.
"""

from __future__ import annotations

import html
import re
import unicodedata

from bogo.blocks import Paragraph, Table
from bogo.normalize.text import PUA_BULLETS

KINDS = ("tsv", "aligned", "collapsed", "spaced", "wrapped-rows", "wrapped-cells", "html", "markdown",
         "pua-bullets", "no-bullets", "cp949")
REFLOW_WIDTH = 60
CELL_WIDTH = 12
_WS = re.compile(r"\s+")
_HANGUL_LABEL = re.compile(r"^[가-힣]{2,8}$")
#: the glyph Hancom writes for each bullet (the first PUA code point that folds to it)
_TO_PUA: dict[str, str] = {}
for _k, _v in PUA_BULLETS.items():
    _TO_PUA.setdefault(_v, _k)
_BULLETS = "□■○●◦•·▪◆◇❑❍◎※-ㅇ➢➔→"
#: a bullet at the start of a paragraph or cell (never a minus sign: "-17,514" is a figure)
_LEAD_BULLET = re.compile(r"^(\s*(?:#+\s*)?(?:\*\*)?)([□■○●◦•▪◆◇❑❍◎➢➔→-])(?![\d,.])(?=\s*\S)(\s*)")


def width(s: str) -> int:
    """Display width: Hangul and other wide characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - width(s))


def _one_line(s: str) -> str:
    return _WS.sub(" ", s).strip()


# --- table forms: a grid (rows of cell texts) to lines -------------------------------------

def tsv(grid: list[list[str]]) -> list[str]:
    return ["\t".join(_one_line(c) for c in row) for row in grid]


def aligned(grid: list[list[str]], gap: int = 3) -> list[str]:
    cells = [[_one_line(c) for c in row] for row in grid]
    n = max(len(r) for r in cells)
    widths = [max((width(r[k]) for r in cells if k < len(r)), default=0) for k in range(n)]
    return [(" " * gap).join(_pad(c, widths[k]) for k, c in enumerate(r)).rstrip() for r in cells]


def collapsed(grid: list[list[str]]) -> list[str]:
    return [" ".join(c for c in (_one_line(x) for x in row) if c) for row in grid]


def spaced_label(s: str) -> str:
    s = _one_line(s)
    return " ".join(s) if _HANGUL_LABEL.match(s) else s


def spaced(grid: list[list[str]]) -> list[str]:
    return aligned([[spaced_label(c) for c in row] for row in grid])


def reflow(line: str, w: int = REFLOW_WIDTH) -> list[str]:
    """A line broken at spaces so that no piece is wider than ``w`` (continuations indented)."""
    out, cur = [], ""
    for word in line.split(" "):
        if cur and width(cur) + 1 + width(word) > w:
            out.append(cur)
            cur = "  " + word
        else:
            cur = f"{cur} {word}" if cur else word
    out.append(cur)
    return out


def wrapped_rows(grid: list[list[str]]) -> list[str]:
    return [piece for line in collapsed(grid) for piece in reflow(line)]


def _wrap_cell(s: str, w: int) -> list[str]:
    if width(s) <= w or (re.search(r"\d", s) and len(re.findall("[가-힣]", s)) <= 2):
        return [s]  # a figure never wraps
    out, cur = [], ""
    for ch in s:
        if width(cur + ch) > w:
            out.append(cur.rstrip())
            cur = ch.lstrip()
        else:
            cur += ch
    return out + [cur] if cur else out


def wrapped_cells(grid: list[list[str]]) -> list[str]:
    """Aligned columns where a long text cell goes on below, in its own column."""
    cells = [[_one_line(c) for c in row] for row in grid]
    n = max(len(r) for r in cells)
    pieces = [[_wrap_cell(c, CELL_WIDTH) for c in r] + [[""]] * (n - len(r)) for r in cells]
    widths = [max(width(p) for r in pieces for p in r[k]) for k in range(n)]
    out = []
    for r in pieces:
        for i in range(max(len(p) for p in r)):
            out.append("   ".join(_pad(p[i] if i < len(p) else "", widths[k]) for k, p in enumerate(r)).rstrip())
    return out


def markdown(grid: list[list[str]]) -> list[str]:
    rows = [[_one_line(c).replace("|", "\\|") for c in row] for row in grid]
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]
    line = lambda r: "| " + " | ".join(r) + " |"  # noqa: E731
    return [line(rows[0]), "|" + "|".join(["---"] * n) + "|", *map(line, rows[1:])]


def html_table(t: Table) -> list[str]:
    """A tab-indented ``<table>``, each cell's text on its own indented lines."""
    out = ["\t<table border=\"1\">"]
    for r in range(t.n_rows):
        out.append("\t\t<tr>")
        for c in sorted((c for c in t.cells if c.row == r), key=lambda c: c.col):
            span = (f" rowspan=\"{c.rowspan}\"" if c.rowspan > 1 else "") + \
                   (f" colspan=\"{c.colspan}\"" if c.colspan > 1 else "")
            text = html.escape(_one_line(c.text))
            out += [f"\t\t\t<td{span}>", f"\t\t\t\t{text}" if text else "\t\t\t\t&nbsp;", "\t\t\t</td>"]
        out.append("\t\t</tr>")
    return out + ["\t</table>"]


_FORMS = {"tsv": tsv, "aligned": aligned, "collapsed": collapsed, "spaced": spaced,
          "wrapped-rows": wrapped_rows, "wrapped-cells": wrapped_cells, "markdown": markdown,
          "pua-bullets": tsv, "no-bullets": tsv, "cp949": tsv}


# --- bullets ---------------------------------------------------------------------------------

def pua_bullet(s: str) -> str:
    return _LEAD_BULLET.sub(lambda m: m.group(1) + _TO_PUA.get(m.group(2), m.group(2)) + m.group(3), s, count=1)


def no_bullet(s: str) -> str:
    return _LEAD_BULLET.sub(lambda m: m.group(1), s, count=1)


def _bullets(kind: str):
    return {"pua-bullets": pua_bullet, "no-bullets": no_bullet}.get(kind, lambda s: s)


# --- the document ----------------------------------------------------------------------------

def _grid(t: Table, fix) -> list[list[str]]:
    return [[fix(c) for c in row] for row in t.grid()]


def _is_data(t: Table) -> bool:
    return not t.layout and t.form != "approval" and t.n_rows > 0 and t.n_cols > 0


def render(layout, kind: str) -> tuple[str, bytes]:
    """The reference ``layout`` (bogo.structure.Layout) written out as export ``kind``."""
    if kind == "html":
        return ".html", _render_html(layout).encode("utf-8")
    fix = _bullets(kind)
    form = _FORMS[kind]
    lines: list[str] = []
    for b in layout.blocks:
        if isinstance(b, Paragraph):
            lines.append(fix(_one_line(b.raw)))
        elif _is_data(b):
            if b.caption:
                lines.append(_one_line(b.caption))
            lines += ["", *form(_grid(b, fix)), ""]
        else:
            lines += [fix(_one_line(c.text)) for c in sorted(b.cells, key=lambda c: (c.row, c.col)) if c.text.strip()]
    text = "\n".join(lines) + "\n"
    if kind == "cp949":
        return ".txt", text.encode("cp949", errors="replace")
    return (".md" if kind == "markdown" else ".txt"), text.encode("utf-8")


_MD_HEAD = re.compile(r"^(#{1,6})\s+(.*)$")


def _render_html(layout) -> str:
    out = ["<html>", "<head><title>report</title><script>var x = 1;</script></head>", "<body>"]
    for b in layout.blocks:
        if isinstance(b, Paragraph):
            raw = _one_line(b.raw)
            m = _MD_HEAD.match(raw)
            if m:
                n = len(m.group(1))
                out.append(f"\t<h{n}>{html.escape(m.group(2))}</h{n}>")
            else:
                out.append(f"\t<p>\n\t\t{html.escape(raw)}\n\t</p>")
        elif _is_data(b):
            if b.caption:
                out.append(f"\t<p>{html.escape(_one_line(b.caption))}</p>")
            out += html_table(b)
        else:
            out += [f"\t<p>{html.escape(_one_line(c.text))}</p>" for c in b.cells if c.text.strip()]
    return "\n".join(out + ["</body>", "</html>"]) + "\n"
