"""Reader speed per format on the real samples: ``python bench/formats.py``.

For every file in ``../shared/samples/real/{hwpx,hwp,pdf,docx}`` (relative to the
repository root) it times ``bogo.readers.read(path)`` (median of 5 runs in one
process, after one warm-up run) and prints milliseconds per document, pages and
milliseconds per page, then a summary per format.  Pages come from
``Document.pages`` when the format has pages (PDF); otherwise from the twin PDF
with the same name when there is one, else an estimate of one page per
``CHARS_PER_PAGE`` characters of text (marked ``~``).  A format without a
registered reader is skipped with a note.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bogo.blocks import Document, Table  # noqa: E402
from bogo.errors import BogoError  # noqa: E402
from bogo.readers import read, registered  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples" / "real"
FORMATS = ("hwpx", "hwp", "pdf", "docx")
RUNS = 5
CHARS_PER_PAGE = 1_200


def time_read(path: Path, runs: int) -> tuple[float, Document]:
    doc = read(path)  # warm-up (imports, caches)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        doc = read(path)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, doc


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
    print(f"{'file':<48} {'fmt':<5} {'ms':>8} {'pages':>7} {'ms/page':>8} {'blocks':>7} {'tables':>7}")
    for fmt in FORMATS:
        folder = SAMPLES / fmt
        files = sorted(p for p in folder.glob("*") if p.is_file() and p.suffix.lower() == f".{fmt}") \
            if folder.is_dir() else []
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
            print(f"{path.name:<48} {doc.format:<5} {ms:8.1f} {pages:>6}{mark} {ms / pages:8.1f} "
                  f"{len(doc.blocks):>7} {n_tables:>7}")
            # summarise by the detected format (an HWPX file named .hwp counts as hwpx)
            rows.setdefault(doc.format, []).append((ms, pages))
    print("\n* pages from the twin PDF, ~ estimated from text length")
    print(f"\n{'format':<6} {'docs':>5} {'pages':>6} {'median ms/doc':>14} {'max ms/doc':>11} {'ms/page':>8}")
    for fmt, got in rows.items():
        per_doc = [ms for ms, _ in got]
        total_pages = sum(p for _, p in got)
        print(f"{fmt:<6} {len(got):>5} {total_pages:>6} {statistics.median(per_doc):>14.1f} "
              f"{max(per_doc):>11.1f} {sum(per_doc) / max(total_pages, 1):>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
