"""HWP 5.0 reader against its floor, in one process: ``python bench/hwp.py``.

For every ``.hwp`` sample in ``../shared/samples/real/hwp`` it times, interleaved
so that machine load hits both alike:

- the floor: olefile opens the compound file, reads ``FileHeader``, ``DocInfo``
  and every ``BodyText`` section, inflates them (when the header says so) and
  walks their record headers — the least any record reader must do;
- bogo: :func:`bogo.readers.hwp.read_hwp` on the same bytes, blocks out.

It prints the cold time (first read of the file in this process), the warm time
(minimum of ``--runs`` runs) of each, and the warm ratio bogo / floor, marking a
file over ``--target`` (5×).  Times are CPU time of this process
(``time.process_time``): on a machine shared with other work, wall-clock minima
of millisecond runs measure the neighbours more than the reader.  The floor needs ``olefile`` (``pip install -e
'.[bench]'``); without it the floor column is skipped.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bogo.readers.hwp import read_hwp  # noqa: E402

SAMPLES = ROOT.parent / "shared" / "samples" / "real" / "hwp"
_SECTION = re.compile(r"^BodyText/Section\d+$")


def record_walk(data: bytes) -> int:
    """Count the records of a stream by hopping over their headers."""
    pos, end, n = 0, len(data), 0
    unpack = struct.unpack_from
    while pos + 4 <= end:
        word = unpack("<I", data, pos)[0]
        pos += 4
        size = word >> 20
        if size == 0xFFF:
            size = unpack("<I", data, pos)[0]
            pos += 4
        pos += size
        n += 1
    return n


def floor(data: bytes) -> int:
    """olefile + inflate + record walk over DocInfo and every BodyText section."""
    import olefile

    ole = olefile.OleFileIO(data)
    compressed = struct.unpack_from("<I", ole.openstream("FileHeader").read(), 36)[0] & 1
    names = ["DocInfo"] + sorted((n for n in ("/".join(e) for e in ole.listdir()) if _SECTION.match(n)),
                                 key=lambda n: int(n.rsplit("Section", 1)[1]))
    records = 0
    for name in names:
        raw = ole.openstream(name).read()
        records += record_walk(zlib.decompressobj(-15).decompress(raw) if compressed else raw)
    ole.close()
    return records


def timed(fn, data: bytes) -> float:
    t0 = time.process_time()
    fn(data)
    return (time.process_time() - t0) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--target", type=float, default=5.0)
    args = ap.parse_args(argv)
    try:
        import olefile  # noqa: F401
        have_floor = True
    except ImportError:
        have_floor = False
        print("olefile 없음: 바닥(floor) 측정을 건너뜁니다 (pip install -e '.[bench]')")
    paths = sorted(p for p in SAMPLES.glob("*.hwp") if "is_hwpx" not in p.name)
    print(f"{'file':42s} {'cold':>7s} {'floor':>7s} {'bogo':>7s} {'ratio':>6s}")
    worst = 0.0
    for path in paths:
        data = path.read_bytes()
        read = lambda d, p=path: read_hwp(p, d)  # noqa: E731
        cold = timed(read, data)
        f_best = b_best = float("inf")
        for _ in range(args.runs):
            if have_floor:
                f_best = min(f_best, timed(floor, data))
            b_best = min(b_best, timed(read, data))
        if have_floor:
            ratio = b_best / f_best
            worst = max(worst, ratio)
            mark = "" if ratio <= args.target else "  > target"
            print(f"{path.name:42s} {cold:7.2f} {f_best:7.2f} {b_best:7.2f} {ratio:5.1f}x{mark}")
        else:
            print(f"{path.name:42s} {cold:7.2f} {'-':>7s} {b_best:7.2f}")
    if have_floor:
        print(f"worst ratio {worst:.1f}x (target {args.target:.0f}x; ms, warm = min of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
