r"""One report through many export paths: ``python bench/layouts.py``.

Sources: every seed (../shared/seeds), and every real sample that has a twin
(the same stem under hwpx/, hwp/ and pdf/ of ../shared/samples/real).  The
*reference* reading is the HWPX one (else the HWP one) of a sample, a seed's own
text reading.  Export variants of each source:

- ``hwp`` — the HWP twin of an HWPX reference; ``pdf`` — the PDF twin;
- ``pdftotext-layout`` / ``pdftotext-raw`` — poppler's text of the PDF twin,
  read as a text export;
- the synthetic renderings of the reference (bench/layout_render.py): tsv,
  aligned, collapsed, spaced, wrapped-rows, wrapped-cells, html, markdown,
  pua-bullets, no-bullets, cp949.

Per variant kind it prints the agreement with the reference of

- **cells**: each anchor cell of each reference data table, compared (whitespace
  removed) with the cell in the same place of the best-matching variant table,
  rows aligned by content (bench/layout_match.py); **cells\***: the same without
  the cells whose place the export path itself loses (a collapsed row's cells
  after a dropped empty one, a run of text cells with spaces: bench/layout_loss.py);
- **staff / budget / tasks / miles**: the records, compared as multisets of
  their content (no line numbers): matched ÷ max(reference, variant), so a
  record lost and a record invented both count (:func:`record_agreement`);
- **detect**: the single-cell corruption detection rate.  The cells come from
  the reference: a numeric cell taking part in a relation that *holds on the
  original* (a total, a difference, a ratio; bench/mutate.py's
  ``participating``, less the relations a finding already marks).  The cell is
  found in the variant's table (a cell the variant lost is a miss), corrupted
  there as bench/mutate.py does, and the table checks are run on the variant;
  detected when a new or changed finding appears.  Equivalent mutants (an equally
  valid printing under the checks' tolerance) are left out (:func:`detection`).

    PYTHONPATH=src .venv/bin/python bench/layouts.py [-n 40] [--kinds tsv,aligned] [--detail]
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from layout_loss import DROPS_EMPTY, lossy_text  # noqa: E402
from layout_match import _k, align_rows, locate, match_tables, scored, table_agreement, visible  # noqa: E402,F401
from layout_render import KINDS as SYNTHETIC  # noqa: E402
from layout_render import render  # noqa: E402
from mutate import equivalent, key, mutate_text, participating  # noqa: E402

from bogo import readers  # noqa: E402
from bogo.checks.context import Context  # noqa: E402
from bogo.checks.registry import select_checks  # noqa: E402
from bogo.checks.runner import check_report  # noqa: E402
from bogo.extract import extract_all  # noqa: E402
from bogo.model import Report, Source  # noqa: E402
from bogo.pipeline import paragraph_records  # noqa: E402
from bogo.structure import analyse  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT.parent / "shared" / "samples" / "real"
REAL_KINDS = ("reference", "hwp", "pdf", "pdftotext-layout", "pdftotext-raw")
FIGURES = ("cells", "cells*", "staff", "budget", "tasks", "miles", "detect")
CODES = ["T1", "X201", "X202"]


@dataclass
class Reading:
    """A parsed report with the layout it came from."""

    report: Report
    layout: object


def read_data(name: str, data: bytes) -> Reading:
    """Parse ``data`` as if it were the file ``name`` (the format is sniffed from the bytes)."""
    p = Path(name)
    doc = readers.read_bytes(p, data)
    layout = analyse(doc)
    src = Source(path=name, sha256="", format=doc.format, bytes=len(data), encoding=doc.encoding, pages=doc.pages)
    rep = Report(source=src, meta=layout.meta, outline=layout.outline, tables=layout.tables)
    rep.paragraphs = paragraph_records(layout)
    extract_all(layout, rep)
    return Reading(rep, layout)


@dataclass
class Source_:
    name: str
    reference: Path
    twins: dict[str, Path] = field(default_factory=dict)


def sources() -> list[Source_]:
    out = [Source_(p.name, p) for p in sorted(SEEDS.glob("*.txt"))]
    stems: dict[str, dict[str, Path]] = {}
    for fmt in ("hwpx", "hwp", "pdf"):
        for p in sorted((SAMPLES / fmt).glob(f"*.{fmt}")):
            stems.setdefault(p.stem, {})[fmt] = p
    for stem, have in sorted(stems.items()):
        if len(have) < 2:
            continue
        ref = have.get("hwpx") or have["hwp"]
        twins = {k: v for k, v in have.items() if v != ref}
        out.append(Source_(stem, ref, twins))
    return out


def pdftotext(pdf: Path, mode: str) -> bytes | None:
    if not shutil.which("pdftotext"):
        return None
    r = subprocess.run(["pdftotext", f"-{mode}", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=120)
    return r.stdout if r.returncode == 0 else None


def variant_bytes(src: Source_, ref: Reading, kind: str) -> tuple[str, bytes] | None:
    """(file name, bytes) of ``src`` through export path ``kind``; None when it has no such path."""
    if kind == "reference":  # the reference read again: every figure must be 100%
        return src.reference.name, src.reference.read_bytes()
    if kind in SYNTHETIC:
        suffix, data = render(ref.layout, kind)
        return f"{src.name}.{kind}{suffix}", data
    if kind == "hwp":
        p = src.twins.get("hwp")
        return (p.name, p.read_bytes()) if p and src.reference.suffix == ".hwpx" else None
    if kind == "pdf":
        p = src.twins.get("pdf")
        return (p.name, p.read_bytes()) if p else None
    if kind.startswith("pdftotext-") and "pdf" in src.twins:
        data = pdftotext(src.twins["pdf"], kind.split("-")[1])
        return (f"{src.name}.{kind}.txt", data) if data else None
    return None


def staff_records(rep: Report) -> list[tuple]:
    s = rep.staffing
    if s is None:
        return []
    out = [("<total>", s.total.quota, s.total.current, s.total.women)]
    for r in s.rows:
        types = tuple(sorted((_k(k), tuple(v) if v else None) for k, v in r.by_type.items()))
        out.append((_k(r.unit), r.quota, r.current, r.women, types))
    return out


def budget_records(rep: Report) -> list[tuple]:
    return [(_k(b.item), _k(b.column), b.amount, b.count, b.unit) for b in rep.budget_lines]


def task_records(rep: Report) -> list[tuple]:
    return [(t.number, _k(t.title), _k(t.group)) for t in rep.tasks]


def milestone_records(rep: Report) -> list[tuple]:
    return [(m.start, m.end, _k(m.raw), _k(m.text)) for m in rep.milestones]


RECORDS = {"staff": staff_records, "budget": budget_records, "tasks": task_records, "miles": milestone_records}


def record_agreement(a: list[tuple], b: list[tuple]) -> tuple[int, int]:
    """(matched, max(len a, len b)): records as multisets, lost and invented ones both count."""
    return sum((Counter(a) & Counter(b)).values()), max(len(a), len(b))


# --- corruption detection ----------------------------------------------------------------

_CHECKS = None


def _checks():
    global _CHECKS
    if _CHECKS is None:
        _CHECKS = select_checks(CODES)
    return _CHECKS


def holding_cells(ref: Report) -> list[tuple[int, int, int]]:
    """(table, body row, column) of numeric cells in relations the checks know of
    (bench/mutate.py's participating cells), less rows that a finding already marks."""
    marked = {(f.table, f.row_index) for f in check_report(ref, _checks())}
    return [(ti, r, c) for ti, r, c in participating(Context(ref))
            if (ref.tables[ti].id, r) not in marked]


def _fires(rep: Report, t, r: int, c: int, new: str, base: set) -> bool:
    """Does corrupting body cell (r, c) of ``t`` to ``new`` change the table findings?"""
    old = t.rows[r][c]
    t.rows[r][c] = new
    rep.clear_derived()  # the cached table views hold the old cell values
    try:
        return bool({key(f) for f in check_report(rep, _checks())} - base)
    finally:
        t.rows[r][c] = old
        rep.clear_derived()


@dataclass
class Mutations:
    """Corruptions of reference cells whose relation holds: each one the reference's
    own checks see.  ``tried`` counts every corruption made (equivalent mutants not)."""

    cells: list[tuple[int, int, int, str]]
    tried: int


def reference_mutations(ref: Report, n: int, rng: random.Random) -> Mutations:
    """Up to ``n`` single-cell corruptions that fire on the reference.  A relation holds
    on the original when a corruption of one of its cells is seen there; one that is
    not seen (a relation that does not hold, or an equivalent mutant) is not used."""
    cells = holding_cells(ref)
    out, tried, attempts = [], 0, 0
    if not cells:
        return Mutations(out, 0)
    base = {key(f) for f in check_report(ref, _checks())}
    while len(out) < n and attempts < 8 * n:
        attempts += 1
        ti, r, c = rng.choice(cells)
        t = ref.tables[ti]
        old = t.rows[r][c]
        new = mutate_text(old, rng, amount_only=Context(ref).grid(t).counts_excluded)
        if new is None:
            continue
        if _fires(ref, t, r, c, new, base):
            out.append((ti, r, c, new))
            tried += 1
        elif not equivalent(ref, t, r, c, old, new):
            tried += 1
    return Mutations(out, tried)


def detection(ref: Report, var: Report, muts: Mutations) -> tuple[int, int]:
    """(detected, corruptions): each reference corruption made in the variant's reading
    of the same cell; a cell the variant does not have where the reference has it
    cannot be checked there and counts as missed."""
    if not muts.cells:
        return 0, 0
    pairs = match_tables(ref, var)
    base = {key(f) for f in check_report(var, _checks())}
    rows_of: dict[int, dict[int, int]] = {}
    detected = 0
    for ti, r, c, new in muts.cells:
        if ti not in pairs:
            continue
        rt, vt = ref.tables[ti], var.tables[pairs[ti]]
        if ti not in rows_of:
            rows_of[ti] = align_rows(visible(rt).grid, visible(vt).grid)
        at = locate(rt, vt, r, c, rows_of[ti])
        if at is None or at[1] >= len(vt.rows[at[0]]) or _k(vt.rows[at[0]][at[1]]) != _k(rt.rows[r][c]):
            continue
        detected += _fires(var, vt, at[0], at[1], new, base)
    return detected, len(muts.cells)


# --- the run -----------------------------------------------------------------------------

def measure(ref: Reading, var: Reading, muts: Mutations | None, kind: str = "") -> dict[str, tuple[int, int]]:
    """Every figure of one variant against its reference, as (right, total); ``cells*``
    leaves out the cells whose place export ``kind`` cannot carry (bench/layout_loss.py)."""
    fold = lossy_text(kind)
    right, total, right_c, total_c = table_agreement(ref.report, var.report, kind, fold)
    out = {"cells": (right, total), "cells*": (right_c, total_c)}
    for name, fn in RECORDS.items():
        mine = fn(ref.report)
        if fold:  # the reference as the export writes it: characters CP949 lacks are "?"
            mine = [tuple(fold(x) if isinstance(x, str) else x for x in rec) for rec in mine]
        out[name] = record_agreement(mine, fn(var.report))
    out["detect"] = detection(ref.report, var.report, muts) if muts else (0, 0)
    return out


def run(srcs: list[Source_], kinds: list[str], n_mut: int, seed: int = 1, detail: bool = False,
        cache: dict | None = None) -> dict[str, dict[str, list[int]]]:
    """Per kind and figure: [right, total] summed over the sources."""
    cache = {} if cache is None else cache
    totals: dict[str, dict[str, list[int]]] = {k: {f: [0, 0] for f in FIGURES} for k in kinds}
    for src in srcs:
        ref = cache.get(("ref", src.name)) or read_data(src.reference.name, src.reference.read_bytes())
        cache[("ref", src.name)] = ref
        if ("muts", src.name, n_mut, seed) not in cache:
            cache[("muts", src.name, n_mut, seed)] = reference_mutations(
                ref.report, n_mut, random.Random(f"{seed}:{src.name}")) if n_mut else None
        muts = cache[("muts", src.name, n_mut, seed)]
        if muts:
            totals.setdefault("reference-absolute", {f: [0, 0] for f in FIGURES})["detect"][0] += len(muts.cells)
            totals["reference-absolute"]["detect"][1] += muts.tried
        for kind in kinds:
            ck = (kind, src.name)
            if ck not in cache:
                vb = variant_bytes(src, ref, kind)
                cache[ck] = read_data(*vb) if vb else None
            var = cache[ck]
            if var is None:
                continue
            figs = measure(ref, var, muts, kind)
            for f, (a, b) in figs.items():
                totals[kind][f][0] += a
                totals[kind][f][1] += b
            if detail and any(a < b for a, b in figs.values()):
                print(f"  {kind:17s} {src.name:40s} " + " ".join(f"{f}={a}/{b}" for f, (a, b) in figs.items() if a < b))
    return totals


def rate(pair) -> float | None:
    a, b = pair
    return a / b if b else None


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=40, help="corruptions per source and kind")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kinds", default=",".join(REAL_KINDS + SYNTHETIC))
    ap.add_argument("--seeds-only", action="store_true")
    ap.add_argument("--detail", action="store_true", help="list the sources below 100%% per kind")
    args = ap.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    srcs = sources()
    if args.seeds_only:
        srcs = [s for s in srcs if s.reference.suffix == ".txt"]
    if not shutil.which("pdftotext"):
        print("pdftotext가 없습니다 (poppler-utils): pdftotext 변형은 건너뜁니다")
    t0 = time.perf_counter()
    totals = run(srcs, kinds, args.n, args.seed, args.detail)
    print(f"\n{len(srcs)} sources, {time.perf_counter() - t0:.1f} s")
    print(f"{'kind':18s}" + "".join(f"{f:>18s}" for f in FIGURES))
    for kind in [*kinds, "reference-absolute"]:
        row = totals.get(kind)
        if row is None:
            continue
        cells = []
        for f in FIGURES:
            r = rate(row[f])
            cells.append("—".rjust(18) + " " if r is None else f"{r:6.1%} {row[f][0]:>5d}/{row[f][1]:<5d}")
        print(f"{kind:18s}" + "".join(cells))
    if "cp949" in kinds:
        print("\ncp949: cells*와 기록은 원본도 CP949로 옮겨 비교합니다 (CP949에 없는 글자는 내보내기에서 '?'가 됨)")
    lossy = [k for k in kinds if k in DROPS_EMPTY]
    if lossy:
        print(f"\ncells*: 내보내기 경로가 본디 잃는 셀을 뺀 일치율 ({', '.join(lossy)}: 빈 칸이 빠진 행에서 그 뒤의 셀, "
              "공백이 든 글 셀이 이웃한 곳의 셀 — 자리를 글에서 되찾을 수 없음, bench/layout_loss.py)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
