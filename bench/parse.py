"""Benchmark of ``bogo.parse`` against a general converter, in one process.

For each seed and example report: median wall time of ``bogo.parse`` (after a
warm-up), lines per second, and — in the same run — the median time of
markitdown converting the same report as HTML (one <p> per line), with the ratio.
A large document (the seeds concatenated 20 times) shows throughput and peak
memory (tracemalloc) against a single seed: memory should grow with the
document, not explode.  Run with ``make bench`` (installs markitdown).
"""

from __future__ import annotations

import html
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

import bogo  # noqa: E402
from bogo.normalize.numbers import parse_composite  # noqa: E402

SEEDS = sorted((REPO.parent / "shared" / "seeds").glob("*.txt"))
EXAMPLES = sorted((REPO / "examples").glob("*.txt"))


def median_ms(fn, runs: int = 15) -> float:
    """Median wall time of ``fn`` after one warm-up run.  The cell-parsing cache
    is cleared before every run, so a run never profits from the previous one."""
    fn()
    times = []
    for _ in range(runs):
        parse_composite.cache_clear()
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def peak_mib(fn) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def converter():
    try:
        from markitdown import MarkItDown
    except ImportError:
        return None
    md = MarkItDown()
    return lambda p: md.convert(str(p))


def as_html(path: Path, folder: Path) -> Path:
    text = bogo.readers.text.decode(path, path.read_bytes())[0]
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    out = folder / (path.stem + ".html")
    out.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return out


def main() -> None:
    import bogo.readers.text  # noqa: F401

    conv = converter()
    print(f"{'document':40} {'lines':>6} {'bogo ms':>9} {'lines/s':>10} {'markitdown ms':>14} {'ratio':>7}")
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        for p in SEEDS + EXAMPLES:
            n = len(p.read_bytes().splitlines())
            ms = median_ms(lambda p=p: bogo.parse(p))
            other = ratio = ""
            if conv is not None:
                h = as_html(p, folder)
                o = median_ms(lambda h=h: conv(h), runs=7)
                other, ratio = f"{o:14.1f}", f"{o / ms:6.1f}x"
            print(f"{p.name:40} {n:6d} {ms:9.2f} {n / ms * 1000:10.0f} {other:>14} {ratio:>7}")
        big = folder / "large.txt"
        big.write_text("\n".join(s.read_text(encoding="utf-8") for s in SEEDS) * 20, encoding="utf-8")
        n = len(big.read_bytes().splitlines())
        ms = median_ms(lambda: bogo.parse(big), runs=3)
        one = peak_mib(lambda: bogo.parse(SEEDS[0]))
        many = peak_mib(lambda: bogo.parse(big))
        size_ratio = big.stat().st_size / SEEDS[0].stat().st_size
        print(f"{'large (3 seeds x 20)':40} {n:6d} {ms:9.1f} {n / ms * 1000:10.0f}")
        print(f"peak memory: one seed {one:.1f} MiB, large document {many:.1f} MiB "
              f"({many / one:.1f}x for a {size_ratio:.0f}x larger input)")
    if conv is None:
        print("markitdown not installed: `pip install '.[bench]'` for the comparison")


if __name__ == "__main__":
    main()
