"""Reader speed per format on the real samples: ``python bench/formats.py``.

For every file in ``../shared/samples/real/{hwpx,hwp,pdf,docx}`` (relative to the
repository root) it times ``bogo.readers.read(path)`` (median of 5 runs in one
process, after one warm-up run) and prints milliseconds per document, pages and
milliseconds per page, then a summary per format.  Pages come from
``Document.pages`` when the format has pages (PDF); otherwise from the twin PDF
with the same name when there is one, else an estimate of one page per
``CHARS_PER_PAGE`` characters of text (marked ``~``).  A format without a
registered reader is skipped with a note.

Beside each reader, in the same run, its *floor*: the least work any reader of
that format must do (``bench/floors.py``: one regex pass per line for text, an
lxml parse for HTML/HWPX/DOCX, the compound file opened, every BodyText section
inflated and its record headers walked for HWP, PDFium's bare character
extraction for PDF), and the reader's ratio to it.  The seeds and examples are
timed as the text format.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from floors import FLOORS  # noqa: E402

from bogo.blocks import Document, Table  # noqa: E402
from bogo.errors import BogoError  # noqa: E402
from bogo.readers import read, registered  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples" / "real"
FORMATS = ("text", "html", "hwpx", "hwp", "pdf", "docx")
TEXTS = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
RUNS = 5
CHARS_PER_PAGE = 1_200


def time_read(path: Path, runs: int) -> tuple[float, Document]:
    doc = read(path)  # warm-up (imports, caches)
    return median_ms(lambda: read(path), runs), doc


def median_ms(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def floor_ms(fmt: str, path: Path, runs: int) -> float | None:
    floor = FLOORS.get(fmt)
    if floor is None:
        return None
    data = path.read_bytes()
    return median_ms(lambda: floor(data), runs)


def text_chars(doc: Document) -> int:
    n = 0
    for b in doc.blocks:
        if isinstance(b, Table):
            n += sum(len(c.text) for c in b.cells)
        else:
            n += len(b.text) + len(b.marker)
    return n


def twin_pages(path: Path) -> int | None:
    twin = SAMPLES / "pdf" / f"{path.stem}.pdf"
    if path.suffix.lower() == ".pdf" or not twin.exists() or "pdf" not in registered():
        return None
    try:
        return read(twin).pages
    except BogoError:
        return None


def pages_of(path: Path, doc: Document) -> tuple[int, str]:
    if doc.pages:
        return doc.pages, ""
    twin = twin_pages(path)
    if twin:
        return twin, "twin"
    return max(1, round(text_chars(doc) / CHARS_PER_PAGE)), "~"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=RUNS)
    args = ap.parse_args(argv)
    have = registered()
    rows: dict[str, list[tuple[float, int]]] = {}
    print(f"{'file':<48} {'fmt':<5} {'ms':>8} {'pages':>7} {'ms/page':>8} {'blocks':>7} {'tables':>7} "
          f"{'floor ms':>9} {'x floor':>8}")
    for fmt in FORMATS:
        folder = SAMPLES / fmt
        files = TEXTS if fmt == "text" else sorted(
            p for p in folder.glob("*") if p.is_file() and p.suffix.lower() == f".{fmt}") if folder.is_dir() else []
        if not files:
            print(f"-- {fmt}: no samples")
            continue
        if fmt not in have:
            print(f"-- {fmt}: no registered reader, skipped ({len(files)} files)")
            continue
        for path in files:
            try:
                ms, doc = time_read(path, args.runs)
            except BogoError as e:
                print(f"{path.name:<48} {fmt:<5} error: {e.reason}")
                continue
            pages, how = pages_of(path, doc)
            n_tables = sum(isinstance(b, Table) for b in doc.blocks)
            mark = {"": " ", "twin": "*", "~": "~"}[how]
            floor = floor_ms(doc.format, path, args.runs)
            ratio = f"{ms / floor:7.1f}x" if floor else "       -"
            print(f"{path.name:<48} {doc.format:<5} {ms:8.1f} {pages:>6}{mark} {ms / pages:8.1f} "
                  f"{len(doc.blocks):>7} {n_tables:>7} {floor or 0:9.2f} {ratio}")
            # summarise by the detected format (an HWPX file named .hwp counts as hwpx)
            rows.setdefault(doc.format, []).append((ms, pages, floor))
    print("\n* pages from the twin PDF, ~ estimated from text length")
    print(f"\n{'format':<6} {'docs':>5} {'pages':>6} {'median ms/doc':>14} {'max ms/doc':>11} {'ms/page':>8} "
          f"{'x floor (median, max)':>22}")
    for fmt, got in rows.items():
        per_doc = [ms for ms, _, _ in got]
        total_pages = sum(p for _, p, _ in got)
        ratios = [ms / f for ms, _, f in got if f]
        span = f"{statistics.median(ratios):10.1f}x {max(ratios):9.1f}x" if ratios else ""
        print(f"{fmt:<6} {len(got):>5} {total_pages:>6} {statistics.median(per_doc):>14.1f} "
              f"{max(per_doc):>11.1f} {sum(per_doc) / max(total_pages, 1):>8.1f} {span:>22}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
