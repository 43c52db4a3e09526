"""Timing of the accuracy pre-check per report, in-process, after warm-up.

For each seed report (../shared/seeds) and examples/*.txt: the median time of
``run_checks`` on the already parsed report, and of the whole ``bogo.check``
(parse + check), over ``-n`` runs after ``--warmup`` runs (the first run loads
the Korean analyser, ~1 s, and re-reads the prose lines; both are cached).

    PYTHONPATH=src .venv/bin/python bench/check.py [-n 20] [--warmup 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import bogo
from bogo.checks import run_checks
from bogo.normalize.numbers import parse_composite

ROOT = Path(__file__).resolve().parents[1]


def _median_ms(fn, n: int) -> float:
    """Median of ``n`` runs; the cell-parsing cache is cleared before each run so
    that no run profits from the previous one."""
    times = []
    for _ in range(n):
        parse_composite.cache_clear()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    args = ap.parse_args(argv)
    paths = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    print(f"{'file':32} {'lines':>6} {'cold check ms':>14} {'check ms':>9} {'parse+check ms':>15}")
    for p in paths:
        rep = bogo.parse(p)
        t = time.perf_counter()
        run_checks([rep])
        cold = (time.perf_counter() - t) * 1000
        for _ in range(args.warmup):
            run_checks([rep])
            bogo.check(p)
        chk = _median_ms(lambda rep=rep: run_checks([rep]), args.n)
        full = _median_ms(lambda p=p: bogo.check(p), args.n)
        n_lines = p.read_bytes().count(b"\n") + 1
        print(f"{p.name:32} {n_lines:6d} {cold:14.1f} {chk:9.1f} {full:15.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
