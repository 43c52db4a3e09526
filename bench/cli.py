"""End-to-end time and memory of ``bogo check`` as a user runs it: a new process each time.

Three batches: one seed report, 200 text reports and 1,000 text reports, each
run *cold* (an empty word-analysis cache: the Korean analyser must load) and
*warm* (the cache filled by a previous run).  The batches are copies of the
seeds and examples, each with one table cell changed and its own title line, so
every file is a different document (different sha256) with a council's usual
vocabulary.  Printed per batch: min and median wall seconds over the runs, the
CPU seconds of all its processes (the median), the peak memory of the largest
process (the kernel's account of the finished tree) and the peak of all its
processes together (sampled from /proc).  On a shared machine quote the CPU
seconds beside the wall time: wall time there measures the neighbours too.

    .venv/bin/python bench/cli.py [--runs 10] [--big-runs 1] [--jobs N] [--skip-1000]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bogo.readers.text import decode  # noqa: E402

BOGO = ROOT / ".venv" / "bin" / "bogo"
SOURCES = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
_NUMBER = re.compile(r"(?<=\t)\d{2,}(?=\t|\n)")


def make_corpus(folder: Path, n: int) -> list[Path]:
    """``n`` distinct text reports made from the seeds and examples."""
    texts = [decode(p, p.read_bytes())[0] for p in SOURCES]  # seeds may be CP949
    out = []
    for i in range(n):
        text = texts[i % len(texts)]
        numbers = list(_NUMBER.finditer(text))
        if numbers:
            m = numbers[(i // len(texts)) % len(numbers)]
            text = text[:m.start()] + str(int(m.group()) + 1) + text[m.end():]
        p = folder / f"report_{i:04d}.txt"
        p.write_text(f"보고서 사본 {i}\n" + text, encoding="utf-8")
        out.append(p)
    return out


def _pss_kib(pid: int) -> int:
    """Proportional set size: pages shared with other processes counted by share."""
    try:
        for ln in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if ln.startswith("Pss:"):
                return int(ln.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kib(root: int) -> tuple[int, int]:
    """(resident, proportional) memory of ``root`` and all its descendants, from /proc:
    the resident sum counts a model shared by forked workers once per worker, the
    proportional sum once in all — the memory the batch really takes."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = Path(f"/proc/{d}/stat").read_text()
            status = Path(f"/proc/{d}/status").read_text()
        except OSError:
            continue
        parent[int(d)] = int(stat.rsplit(")", 1)[1].split()[1])
        m = re.search(r"VmRSS:\s+(\d+)", status)
        rss[int(d)] = int(m.group(1)) if m else 0
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        kids = [c for c, pp in parent.items() if pp == p and c not in tree]
        tree.update(kids)
        frontier.extend(kids)
    return sum(rss.get(p, 0) for p in tree), sum(_pss_kib(p) for p in tree)


def run_once(args: list[str], cache: Path) -> tuple[float, float, float, float, float]:
    """(wall s, CPU s of all processes, largest process MiB, whole tree MiB resident,
    whole tree MiB proportional) of one ``bogo`` run."""
    env = dict(os.environ, BOGO_CACHE_DIR=str(cache))
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(BOGO), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0, 0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            rss, pss = _tree_rss_kib(proc.pid)
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            done.wait(0.05)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1, 2):  # 2: a file could not be read (the batch went on)
        raise SystemExit(f"bogo exited {proc.returncode}: {' '.join(args)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, peak[0] / 1024, peak[1] / 1024


def measure(label: str, files: list[Path], runs: int, cold: bool, work: Path, jobs: int | None) -> None:
    args = ["check", *map(str, files), "--format", "json", "-o", str(work / "out.json"), "--fail-on", "never"]
    if jobs:
        args += ["--jobs", str(jobs)]
    warm_cache = work / "cache-warm"
    if not cold and not warm_cache.exists():
        run_once(args, warm_cache)  # fill it
    walls, cpus, big, tree, prop = [], [], [], [], []
    for i in range(runs):
        cache = work / f"cache-cold-{label}-{i}" if cold else warm_cache
        shutil.rmtree(cache, ignore_errors=True) if cold else None
        w, c, m, t, ps = run_once(args, cache)
        prop.append(ps)
        walls.append(w)
        cpus.append(c)
        big.append(m)
        tree.append(t)
        if cold:
            shutil.rmtree(cache, ignore_errors=True)
    state = "cold" if cold else "warm"
    print(f"{label:<14} {state:<5} {runs:>4} {min(walls):8.2f} {statistics.median(walls):8.2f} "
          f"{statistics.median(cpus):8.2f} {max(big):10.0f} {max(tree):10.0f} {max(prop):10.0f}", flush=True)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=10, help="runs of the one-file check")
    ap.add_argument("--big-runs", type=int, default=1, help="runs of the 200- and 1,000-file checks")
    ap.add_argument("--jobs", type=int, default=None, help="bogo check --jobs (default: bogo's own)")
    ap.add_argument("--skip-1000", action="store_true")
    args = ap.parse_args(argv)
    if not BOGO.exists():
        raise SystemExit(f"{BOGO} missing: run `make env` first")
    with tempfile.TemporaryDirectory() as d:
        work = Path(d)
        corpus = make_corpus(work, 200 if args.skip_1000 else 1000)
        print(f"{'batch':<14} {'cache':<5} {'runs':>4} {'min s':>8} {'median s':>8} {'cpu s':>8} "
              f"{'max MiB/1':>10} {'MiB total':>10} {'MiB PSS':>10}   (MiB/1: largest process; total: all "
              "processes resident; PSS: all processes, shared pages counted once)")
        one = [SOURCES[0]]
        measure("1 seed", one, args.runs, True, work, args.jobs)
        measure("1 seed", one, args.runs, False, work, args.jobs)
        shutil.rmtree(work / "cache-warm", ignore_errors=True)
        measure("200 reports", corpus[:200], args.big_runs, True, work, args.jobs)
        measure("200 reports", corpus[:200], args.big_runs, False, work, args.jobs)
        if not args.skip_1000:
            shutil.rmtree(work / "cache-warm", ignore_errors=True)
            measure("1,000 reports", corpus, args.big_runs, True, work, args.jobs)
            measure("1,000 reports", corpus, args.big_runs, False, work, args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
