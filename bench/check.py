"""Time of parse + all checks per report, in-process: cold and warm.

For each seed report (../shared/seeds) and examples/*.txt, medians over ``-n``
runs of:

- *cold*: the report as if never seen — every cache cleared before each run
  (cell parsing, the word lists, W402's in-memory analyses) and the on-disk word
  cache pointed at an empty folder, so the Korean analyser analyses every word.
  The analyser itself is loaded once beforehand (its load is a process cost,
  measured end to end by ``bench/cli.py``); ``kiwi ms`` is the analyser's share.
- *cold, disk warm*: the same, but the disk cache holds the words (a new process
  checking a report whose words were seen before): no analyser call.
- *warm*: the same report again in the same process, nothing cleared.

    .venv/bin/python bench/check.py [-n 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import bogo  # noqa: E402
from bogo import analyser  # noqa: E402
from bogo.checks import run_checks, typos, wording  # noqa: E402
from bogo.normalize.numbers import parse_composite  # noqa: E402


def clear_memory() -> None:
    parse_composite.cache_clear()
    wording._word_hit.cache_clear()
    typos._jamo.cache_clear()
    typos._CACHE.clear()
    typos._DOCUMENTS.clear()
    typos._DISK.clear()


def parse_and_check(p: Path) -> None:
    run_checks([bogo.parse(p)])


class KiwiClock:
    """Adds up the time spent inside the analyser's ``tokenize``."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.kiwi = analyser.kiwi()
        self.real = self.kiwi.tokenize

    def tokenize(self, *a, **k):
        t = time.perf_counter()
        out = list(self.real(*a, **k))
        self.seconds += time.perf_counter() - t
        return out


def median_ms(fn, n: int, before=None) -> float:
    times = []
    for _ in range(n):
        if before:
            before()
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=10)
    args = ap.parse_args(argv)
    paths = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    clock = KiwiClock()
    analyser._KIWI = clock  # the analyser, loaded, behind a stopwatch
    clock.kiwi.tokenize(["가나다"])
    print(f"{'file':32} {'lines':>6} {'cold ms':>8} {'kiwi ms':>8} {'cold, disk warm':>16} {'warm ms':>8}")
    with tempfile.TemporaryDirectory() as d:
        for p in paths:
            empty = Path(d) / f"empty-{p.stem}"

            def cold_start(empty=empty):
                clear_memory()
                for f in empty.glob("*"):
                    f.unlink()
                os.environ["BOGO_CACHE_DIR"] = str(empty)

            clock.seconds = 0.0
            cold = median_ms(lambda p=p: parse_and_check(p), args.n, cold_start)
            kiwi = clock.seconds * 1000 / args.n
            filled = Path(d) / "filled"
            os.environ["BOGO_CACHE_DIR"] = str(filled)
            parse_and_check(p)
            disk = median_ms(lambda p=p: parse_and_check(p), args.n, clear_memory)
            warm = median_ms(lambda p=p: parse_and_check(p), args.n)
            n_lines = p.read_bytes().count(b"\n") + 1
            print(f"{p.name:32} {n_lines:6d} {cold:8.1f} {kiwi:8.1f} {disk:16.1f} {warm:8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
