"""PDF reading speed and table accuracy on the real samples: ``python bench/pdf.py``.

For every PDF in ``../shared/samples/real/pdf`` (and ``pdf/council``), in one run:

- **bogo**: milliseconds per page (median and worst page) of the reader's page
  stage (PDFium characters and paths, rulings, cells, tables, lines), and the
  whole ``read()`` per page;
- **floor**: the bare PDFium character extraction (text and loose box of every
  character, :func:`bogo.readers._pdf_chars.floor_chars`), per page;
- **pdfplumber** (when installed, ``.[bench]``): ``page.chars`` per page, the
  previous reader's hot path, as a baseline;
- **twins**: for every PDF with an HWP/HWPX twin of the same name, the cell
  agreement of bogo's PDF tables with bogo's tables from the twin, table by table
  (:func:`twin_agreement`), aligned (best row offset and column map) and strict
  (same anchor positions); a twin table cut by page breaks into several tables
  with the same header is joined first, as the PDF reader joins it, and a twin
  table that is a diagram on a grid (an org chart) or an approval form (결재란,
  ``Table.form``) is left out, named; caption,
  unit and source rows that the twin sets inside a table's grid are compared
  with the PDF's text outside its tables.  ``--quick`` skips pdfplumber.
- **many pages**: the sample PDFs joined into one file of at least ``BIG_PAGES`` pages
  (PDFium's own page import), read whole by ``bogo parse`` in a new process: seconds
  and peak memory (the bar: under 300 MB, flat in the number of pages).

Bogo and the floor are timed page by page in turn, each on its own document, so that a
change of load on the shared machine weighs on both.  The whole file is read ``--passes``
times (default 3), each pass on documents opened anew, so that every timing is a page's
first visit as a user's reading makes it; each page counts the median of its passes, so
that one busy moment of this shared machine does not make a page's figure (a single pass
put one page at 242 ms that its other passes read in 150).  A page is never timed twice in
one document: PDFium serves a page loaded again partly from its caches, which lowers the floor
more than bogo (measured: ratio 3.1 once, 3.6 as the best of three).  pdfplumber runs once
per page, after bogo and the floor of every file, so that its heap never burdens their figures.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import bogo.readers.hwp  # noqa: E402,F401
import bogo.readers.hwpx  # noqa: E402,F401
import bogo.readers.pdf as pdf_reader  # noqa: E402
from bogo.blocks import Cell, Paragraph, Table  # noqa: E402
from bogo.errors import BogoError  # noqa: E402
from bogo.readers import read  # noqa: E402
from bogo.readers._pdf_chars import floor_chars  # noqa: E402
from bogo.structure.continued import join_continued  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples" / "real"
_SPACE = re.compile(r"\s+")
DIAGRAM_FILL = 0.3  # share of the grid area holding text below which a twin table is a diagram
DIAGRAM_COLS = 30   # more grid columns than this: boxes placed on a fine grid
MAX_SHIFT = 2       # rows: offsets tried when aligning a twin table with a PDF table


def _bogo_page(pdf, i: int) -> float:
    """Milliseconds of the reader's page stage on page ``i``."""
    t0 = time.perf_counter()
    chars, drawing, h = pdf_reader.read_page(pdf, i)
    pdf_reader._page_items(h, chars, drawing)
    return (time.perf_counter() - t0) * 1000


def _floor_page(pdf, i: int) -> float:
    """Milliseconds of the bare PDFium character extraction of page ``i``."""
    t0 = time.perf_counter()
    page = pdf[i]
    tp = page.get_textpage()
    floor_chars(tp.raw)
    tp.close()
    page.close()
    return (time.perf_counter() - t0) * 1000


def median_pages(path: Path, passes: int = 3) -> tuple[list[float], list[float]]:
    """Per page, the median over ``passes`` passes of :func:`paired_pages` (bogo, floor)."""
    runs = [paired_pages(path) for _ in range(passes)]
    b = [statistics.median(r[0][i] for r in runs) for i in range(len(runs[0][0]))]
    f = [statistics.median(r[1][i] for r in runs) for i in range(len(runs[0][1]))]
    return b, f


def paired_pages(path: Path) -> tuple[list[float], list[float]]:
    """Milliseconds per page of bogo's page stage and of the floor, timed page by page
    in turn, each on its own document opened here, so that a change of load on the
    shared machine weighs on both alike (timed file by file, a busy minute could fall
    on one of them only)."""
    import pypdfium2 as pdfium

    bogo_pdf, n = pdf_reader._open(path, path.read_bytes())
    floor_pdf = pdfium.PdfDocument(path.read_bytes())
    b: list[float] = []
    f: list[float] = []
    try:
        for i in range(n):
            f.append(_floor_page(floor_pdf, i))
            b.append(_bogo_page(bogo_pdf, i))
    finally:
        floor_pdf.close()
        bogo_pdf.close()
    return b, f


BIG_PAGES = 500


def many_pages(files: list[Path]) -> tuple[int, float, float]:
    """Pages, seconds and peak resident MB of ``bogo parse`` (a new process) on the
    sample PDFs joined, as many times as needed, into one PDF of ``BIG_PAGES`` pages or more."""
    import subprocess
    import tempfile

    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    try:
        while len(out) < BIG_PAGES:
            for p in files:
                src = pdfium.PdfDocument(p.read_bytes())
                out.import_pages(src)
                src.close()
                if len(out) >= BIG_PAGES:
                    break
        n = len(out)
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / "many_pages.pdf"
            out.save(big)
            # the child's own peak: VmHWM of its memory after exec (ru_maxrss would carry the
            # resident size of this process, which it was forked from, when that is larger)
            code = ("import re, sys, time; from pathlib import Path; from bogo.readers import read; "
                    "t = time.perf_counter(); d = read(sys.argv[1]); secs = time.perf_counter() - t; "
                    "hwm = re.search(r'VmHWM:\\s*(\\d+)', Path('/proc/self/status').read_text()).group(1); "
                    "print(len(d.blocks), secs, hwm)")
            res = subprocess.run([sys.executable, "-c", code, str(big)], capture_output=True, text=True,
                                 check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    finally:
        out.close()
    _, secs, kib = res.stdout.split()
    return n, float(secs), int(kib) / 1024


def plumber_pages(path: Path) -> list[float] | None:
    try:
        import pdfplumber
    except ImportError:
        return None
    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            t0 = time.perf_counter()
            _ = page.chars
            page.close()
            out.append((time.perf_counter() - t0) * 1000)
    return out


def _norm(t: str) -> str:
    return _SPACE.sub("", t)


def _anchors(t: Table) -> dict[tuple[int, int], str]:
    return {(c.row, c.col): _norm(c.text) for c in t.cells}


def _positions(t: Table) -> dict[tuple[int, int], str]:
    """The text at every grid position of a PDF table: an anchor's text, "" where
    no anchor sits (covered by a span, or left uncovered).  An empty twin cell
    thus agrees with a PDF position that holds no text, whether the PDF drew it
    as a cell of its own or inside a span: the twin often splits a blank region
    into cells whose borders it does not draw (a label column, a blank area under
    a heading), which no reading of the page can see."""
    out = {(r, c): "" for r in range(t.n_rows) for c in range(t.n_cols)}
    out.update(_anchors(t))
    return out


def _match(twin: Table, cands: list[Table], aligned: bool = True) -> tuple[int, Table | None]:
    """The PDF table agreeing best with ``twin`` and the number of agreeing cells.
    Strict: same anchor position, same text (an empty twin cell: no text at that
    position of the PDF grid, :func:`_positions`).  Aligned (the default): the best row
    offset (a caption or unit line that the twin keeps as a first table row) and
    the best order-keeping map of twin columns to PDF columns (narrow columns the
    twin splits only to place a span) are chosen first; cells without a
    counterpart count as disagreeing."""
    want = _anchors(twin)
    best, best_t = 0, None
    for t in cands:
        got = _positions(t)
        agree = _aligned_agreement(want, got, twin.n_cols, t.n_cols) if aligned else \
            sum(1 for k, v in want.items() if got.get(k) == v)
        if agree > best:
            best, best_t = agree, t
    return best, best_t


def _aligned_agreement(want: dict, got: dict, n_want: int, n_got: int) -> int:
    best = 0
    for dr in range(-MAX_SHIFT, MAX_SHIFT + 1):
        # score[a][b]: twin column a agreeing with PDF column b at row offset dr
        score = [[0] * n_got for _ in range(n_want)]
        for (r, c), v in want.items():
            for b in range(n_got):
                if got.get((r + dr, b)) == v:
                    score[c][b] += 1
        best = max(best, _monotone_map(score, n_want, n_got))
    return best


def _monotone_map(score: list[list[int]], n: int, m: int) -> int:
    """The largest total score of an order-keeping partial map of n columns into m."""
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for a in range(1, n + 1):
        for b in range(1, m + 1):
            dp[a][b] = max(dp[a - 1][b], dp[a][b - 1], dp[a - 1][b - 1] + score[a - 1][b - 1])
    return dp[n][m]


def twin_agreement(pdf_path: Path, aligned: bool = True) -> list[tuple[str, int, int]] | None:
    """Per twin table: (label, cells agreeing, twin cells).  A twin table is matched
    to the PDF table that agrees with it on the most anchor cells (same text
    without spaces, at the same position or, ``aligned``, after the alignment of
    :func:`_match`).  A twin table that is a box diagram drawn as a table (an org
    chart: most of its grid blank, :func:`is_diagram`) is left out with
    ``total = 0``, its label saying so: the PDF reader reads such drawings as text.
    ``None`` without a readable twin."""
    for ext in ("hwpx", "hwp"):
        twin_path = SAMPLES / ext / f"{pdf_path.stem}.{ext}"
        if twin_path.exists():
            break
    else:
        return None
    try:
        twin = read(twin_path)
    except BogoError:
        return None
    pdf_doc = read(pdf_path)
    pdf_tables = [b for b in pdf_doc.blocks if isinstance(b, Table)]
    pdf_text = _norm(" ".join(b.text for b in pdf_doc.blocks if not isinstance(b, Table)))
    out = []
    # a table cut by page breaks is joined back, as the structure stage joins it
    for k, t in enumerate(_all_tables(join_continued(twin.blocks))):
        if t.layout or t.n_rows < 2 or t.n_cols < 2:
            continue
        label = f"{ext}#{k + 1} ({t.n_rows}x{t.n_cols})"
        if is_diagram(t):
            out.append((label + " diagram, left out", 0, 0))
            continue
        if t.form == "approval":        # a 결재란: a form, not data (its role in the structure)
            out.append((label + " approval form, left out", 0, 0))
            continue
        grid, outside = split_caption_rows(t)
        agree, _ = _match(grid, pdf_tables, aligned)
        agree += sum(1 for x in outside if _norm(x) in pdf_text)
        out.append((label, agree, len(t.cells)))
    return out


# a twin row that is a caption or source line set in the table's grid, outside its ruled part
_CAPTION_TEXT = re.compile(r"^[(（]?\s*단위\s*[:：]|^[【\[〔<〈《].*[】\]〕>〉》]$")
_SOURCE_TEXT = re.compile(r"^(?:[<〈《].*[>〉》]|(?:자료|출처)\s*[:：].*)$")


def _text_row(t: Table, r: int, pattern: re.Pattern) -> bool:
    """Row ``r`` holds only texts matching ``pattern`` (at least one), every cell
    of it one row high."""
    cells = [c for c in t.cells if c.row <= r < c.row + c.rowspan]
    return (any(c.text for c in cells) and all(c.rowspan == 1 for c in cells)
            and all(not c.text or pattern.match(c.text.strip()) for c in cells))


def split_caption_rows(t: Table) -> tuple[Table, list[str]]:
    """The twin table without the leading caption/unit rows ("【 … 】", "(단위 : 만원)")
    and the trailing source row ("< 국토교통부, … >", "자료: …") that the source
    sets inside its grid, and the texts of the cells left out.  A PDF shows
    them as lines above and below the ruled table: they are compared with the
    PDF's text outside the grid (:func:`twin_agreement`), not with its cells."""
    top = 0
    while top < min(2, t.n_rows - 2) and _text_row(t, top, _CAPTION_TEXT):
        top += 1
    bottom = t.n_rows
    if bottom - top > 2 and _text_row(t, bottom - 1, _SOURCE_TEXT):
        bottom -= 1
    if top == 0 and bottom == t.n_rows:
        return t, []
    kept = [c for c in t.cells if top <= c.row < bottom]
    out = [c.text for c in t.cells if not top <= c.row < bottom]
    return compact(kept, t, top), out


def compact(cells: list[Cell], t: Table, top: int = 0) -> Table:
    """``cells`` (of ``t``, rows from ``top``) on the coarsest grid that keeps
    every cell edge: a column line that only the left-out rows used (a narrow
    column placing a unit line's span) is no column of the table."""
    cols = sorted({c.col for c in cells} | {c.col + c.colspan for c in cells})
    rows = sorted({c.row for c in cells} | {c.row + c.rowspan for c in cells})
    ci = {x: i for i, x in enumerate(cols)}
    ri = {x: i for i, x in enumerate(rows)}
    kept = [Cell(text=c.text, raw=c.raw, row=ri[c.row], col=ci[c.col], rowspan=ri[c.row + c.rowspan] - ri[c.row],
                 colspan=ci[c.col + c.colspan] - ci[c.col]) for c in cells]
    return Table(cells=kept, n_rows=len(rows) - 1, n_cols=len(cols) - 1, line=t.line, end_line=t.end_line)


_ARROWS = re.compile(r"^[⇨⇒→⇓↓⇙⇘⇗⇖↑⇑←⇐⇦⇧⇩➡➔▶▼►▷▽]+$")


def is_diagram(t: Table) -> bool:
    """A grid mostly blank or of very many columns: the boxes of a diagram placed
    on a table's grid (as the PDF reader judges its own grids).  Also a flow
    chart on a grid (connector arrows alone in two cells or more) and boxes laid
    out apart in both directions: a row in which no text starts, and a blank
    spacer column from top to bottom (a timeline's columns of boxes have spacer
    columns only)."""
    filled = sum(c.rowspan * c.colspan for c in t.cells if c.text)
    if filled < DIAGRAM_FILL * t.n_rows * t.n_cols or t.n_cols > DIAGRAM_COLS:
        return True
    if sum(1 for c in t.cells if _ARROWS.match(_norm(c.text))) >= 2:
        return True
    rows = {c.row for c in t.cells if c.text}
    gap_row = any(r not in rows for r in range(1, t.n_rows - 1))
    gap_col = any(not c.text and c.rowspan == t.n_rows and 0 < c.col < t.n_cols - 1 for c in t.cells)
    return gap_row and gap_col


def _all_tables(blocks) -> list[Table]:
    out: list[Table] = []
    for b in blocks:
        if isinstance(b, Table):
            out.append(b)
            out.extend(_all_tables(getattr(b, "nested", None) or []))
    return out


def _stats(ms: list[float]) -> str:
    return f"{statistics.median(ms):6.1f} {max(ms):6.1f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="skip the pdfplumber baseline")
    ap.add_argument("--tables", action="store_true", help="print agreement table by table")
    ap.add_argument("--passes", type=int, default=3,
                    help="passes over each file, documents opened anew; each page counts its median (default 3)")
    args = ap.parse_args()
    files = sorted((SAMPLES / "pdf").glob("*.pdf")) + sorted((SAMPLES / "pdf" / "council").glob("*.pdf"))
    rows = []
    all_b, all_f = [], []
    for p in files:
        read(p)                                   # warm-up
        gc.collect()
        b, f = median_pages(p, args.passes)
        t0 = time.perf_counter()
        read(p)
        whole = (time.perf_counter() - t0) * 1000 / len(b)
        all_b += b
        all_f += f
        rows.append((p, b, f, whole))
    # the pdfplumber baseline runs after bogo and the floor, so that its heap never
    # burdens their figures (a peer's garbage collected inside a measured page)
    plumber = {p: None if args.quick else plumber_pages(p) for p, *_ in rows}
    print(f"{'file':42} {'pages':>5} | bogo med/max | floor med/max | ratio | plumber med/max | read/page")
    for p, b, f, whole in rows:
        pl = plumber[p]
        ratio = statistics.median(b) / max(statistics.median(f), 1e-3)
        print(f"{p.name[:42]:42} {len(b):5} | {_stats(b)} | {_stats(f)} | {ratio:5.1f} | "
              f"{_stats(pl) if pl else '     -      -'} | {whole:6.1f}")
    print(f"{'ALL':42} {len(all_b):5} | {_stats(all_b)} | {_stats(all_f)} | "
          f"{statistics.median(all_b) / statistics.median(all_f):5.1f}")
    big_pages, secs, peak = many_pages(files)
    print(f"\n{big_pages} pages in one PDF (the samples joined): bogo parse {secs:.1f} s, "
          f"peak memory {peak:.0f} MB (bar: 300 MB)")
    print("\ntwin cell agreement (bogo PDF tables vs bogo twin tables): aligned, strict")
    for p in files:
        res = twin_agreement(p)
        if not res:
            continue
        strict = twin_agreement(p, aligned=False) or []
        agree, total = sum(a for _, a, _ in res), sum(n for _, _, n in res)
        s_agree = sum(a for _, a, _ in strict)
        print(f"{p.name:42} {agree:5}/{total:<5} {agree / max(total, 1):6.1%}   strict {s_agree / max(total, 1):6.1%}")
        if args.tables:
            for (label, a, n), (_, sa, _) in zip(res, strict, strict=True):
                print(f"    {label:34} {a:4}/{n:<4} {a / max(n, 1):6.1%}   strict {sa / max(n, 1):6.1%}")


    print("\nword spacing (PDF texts whose letters match a twin text: share also spaced alike)")
    for kind in ("cells", "paragraphs"):
        same = total = 0
        for p in files:
            s, n = spacing_agreement(p, kind)
            same, total = same + s, total + n
        print(f"{kind:12} {same:5}/{total:<5} {same / max(total, 1):6.1%}")


def spacing_agreement(pdf_path: Path, kind: str) -> tuple[int, int]:
    """(PDF texts spaced as their twin writes them, PDF texts whose letters match a
    twin text of four letters or more): how well the reader puts the spaces of words
    back (a wrap inside a word, condensed type) where the twin knows them."""
    for ext in ("hwpx", "hwp"):
        twin_path = SAMPLES / ext / f"{pdf_path.stem}.{ext}"
        if twin_path.exists():
            break
    else:
        return 0, 0
    try:
        twin, pdf_doc = read(twin_path), read(pdf_path)
    except BogoError:
        return 0, 0

    def texts(doc) -> list[str]:
        if kind == "cells":
            return [c.text for b in _all_tables(doc.blocks) for c in b.cells if c.text]
        return [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.text]

    want: dict[str, set[str]] = {}
    for t in texts(twin):
        want.setdefault(_norm(t), set()).add(t)
    found = [t for t in texts(pdf_doc) if len(_norm(t)) >= 4 and _norm(t) in want]
    return sum(1 for t in found if t in want[_norm(t)]), len(found)


if __name__ == "__main__":
    main()
