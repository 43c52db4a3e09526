"""Mutation bench for the table checks: inject one-cell corruptions, count detections.

For the seed reports (../shared/seeds) and examples/*.txt: parse each file once,
list the numeric cells that take part in a total, difference, balance or ratio
the checks know about, then N times (default 1,000) corrupt one such cell — a
digit changed, two adjacent digits swapped, or a digit dropped — in the parsed
``TableRec``, re-run the table checks (T1xx, plus X201/X202 which compare
tables) and see whether a new finding appears.  Prints the detection rate and
the false-alarm count on the untouched originals (error findings not listed as
confirmed defects in tests/checks/seed_defects.yaml).  A mutation counts as
detected when the set of findings changes — a new finding, or a changed found or
expected value of an existing one (a second corruption in a row that already
holds a planted defect changes that defect's figures).

Equivalent mutants.  Some corruptions are, by construction, an equally valid
printing of the same relation under the checks' documented tolerance, and no
check can see them: "35.3%" → "35.2%" when the ratio is 35.26% (half-up and
truncation both allowed), "35.0%" → "35%" (the same value), or a one-unit change
of an amount in a table that shows rounding (bogo.tables.rounding: a ※ 반올림
note, or small differences scattered over its totals), where every sum may be
off by ½ unit per part.  A *missed* mutation is classed as equivalent only when
the changed number moved by at most one unit of its last printed digit (of the
column's usual precision for a percentage) and it is a percentage, or an amount
in a table the checks treat as rounded.  Every other miss counts as a miss.  The
bench prints the raw rate and the rate excluding equivalent mutants, with both
counts.

    PYTHONPATH=src .venv/bin/python bench/mutate.py [-n 1000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

import yaml

import bogo
from bogo.checks.arith import tolerance, value_of
from bogo.checks.context import Context
from bogo.checks.registry import select_checks
from bogo.checks.runner import check_report
from bogo.tables import col_groups, parse_cell, part_columns, row_groups

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
CODES = ["T1", "X201", "X202"]
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))


def participating(ctx: Context) -> list[tuple[int, int, int]]:
    """(table index, body row, column) of numeric cells inside a known relation."""
    out = set()
    for ti, t in enumerate(ctx.report.tables):
        g = ctx.grid(t)
        cols = part_columns(g)
        for tr, parts in row_groups(g):
            out.update((ti, r, c) for r in [tr, *parts] for c in cols if g.cells[r][c].numeric)
        for tc, parts in col_groups(g):
            # a column total guessed from the header takes part in a relation only
            # in the rows where it holds on the original: a header the reader could
            # not rebuild (004's 소송 table) gives guessed groups that hold nowhere
            for r in g.data_rows():
                tot, cells = g.cells[r][tc], [g.cells[r][c] for c in parts]
                if tot.value is None or not any(x.numeric for x in cells):
                    continue
                if abs(value_of(tot) - sum(value_of(x) for x in cells)) <= tolerance(g, len(cells), cells + [tot]):
                    out.update((ti, r, c) for c in [tc, *parts] if g.cells[r][c].numeric)
        for c in range(g.label_cols, g.ncols):
            lab = g.labels[c]
            if any(w in lab for w in ("증가율", "증감률", "증감율")):
                continue  # growth rates: no formula the checks can confirm
            if any(w in lab for w in ("증감", "잔액", "%", "율", "률", "비중")):
                out.update((ti, r, c) for r in g.data_rows() if g.cells[r][c].numeric)
            for r in g.data_rows():
                if g.cells[r][c].paren_pct is not None:
                    out.add((ti, r, c))
    return sorted(out)


def mutate_text(text: str, rng: random.Random, amount_only: bool = False) -> str | None:
    """The cell text with one number corrupted, or None when nothing changes."""
    nums = list(_DIGITS.finditer(text))
    if not nums:
        return None
    m = rng.choice(nums[:1] if amount_only else nums)
    s = m.group(0)
    pos = [i for i, ch in enumerate(s) if ch.isdigit()]
    kind = rng.choice(("change", "swap", "drop"))
    chars = list(s)
    if kind == "change":
        i = rng.choice(pos)
        chars[i] = rng.choice([d for d in "0123456789" if d != chars[i]])
    elif kind == "swap":
        pairs = [(a, b) for a, b in zip(pos, pos[1:], strict=False) if b == a + 1 and chars[a] != chars[b]]
        if not pairs:
            return None
        a, b = rng.choice(pairs)
        chars[a], chars[b] = chars[b], chars[a]
    else:
        if len(pos) < 2:
            return None
        del chars[rng.choice(pos)]
    new = _reformat("".join(chars), "," in s)
    if not new or new.replace(",", "").lstrip("0") == s.replace(",", "").lstrip("0"):
        return None
    return text[:m.start()] + new + text[m.end():]


def _reformat(digits: str, commas: bool) -> str:
    """Print the corrupted value as a document would (thousands commas, no empty
    decimals): a dropped digit gives another plausible number, not "1,08"."""
    raw = digits.replace(",", "")
    if raw.endswith("."):
        raw = raw[:-1]
    if not raw or raw == ".":
        return ""
    whole, _, frac = raw.partition(".")
    whole = str(int(whole or "0"))
    if commas:
        whole = f"{int(whole):,}"
    return whole + ("." + frac if frac else "")


def equivalent(rep, t, r: int, c: int, old: str, new: str) -> bool:
    """Is the (missed) corruption of cell (r, c) from ``old`` to ``new`` an equally
    valid printing under the documented tolerance?  (see the module docstring)"""
    t.rows[r][c] = new
    try:
        g = Context(rep).grid(t)
    finally:
        t.rows[r][c] = old
    br = r - g.header_offset
    a, b = parse_cell(old, t.unit), parse_cell(new, t.unit)
    col = [row[c] for i, row in enumerate(g.cells) if i != br]
    for va, vb, pct, dec in ((a.paren_pct, b.paren_pct, True, _dec(old.split("(")[-1])),
                             (a.value, b.value, a.pct or _rate(g.labels[c]), a.decimals),
                             (a.paren, b.paren, False, 0)):
        if va is None or vb is None or va == vb:
            continue
        if pct:
            usual = [x.decimals for x in col if x.numeric] if va is a.value else []
            step = 10 ** -max(dec, max(set(usual), key=usual.count) if usual else 0)
            return abs(va - vb) <= step + 1e-9
        step = 10 ** -dec
        return (g.rounding or g.rounding_diff) and abs(va - vb) <= step + 1e-9
    return True  # the same value printed differently


def _rate(label: str) -> bool:
    return any(w in label for w in ("%", "율", "률", "비중"))


def _dec(s: str) -> int:
    s = s.split("%")[0]
    return len(s.split(".")[1]) if "." in s else 0


def known_defects() -> set[tuple[str, str, int]]:
    data = yaml.safe_load((ROOT / "tests" / "checks" / "seed_defects.yaml").read_text(encoding="utf-8"))
    return {(e["file"], e["code"], e["line"]) for k in ("seeds", "examples", "allowed")
            for e in data.get(k, [])}


def key(f) -> tuple:
    return (f.code, f.table, str(f.row), str(f.col), str(f.found), str(f.expected))


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=15, help="missed mutations to list")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    checks = select_checks(CODES)
    known = known_defects()
    corpus = []
    false_alarms = 0
    for p in files():
        rep = bogo.parse(p)
        base = check_report(rep, checks)
        fa = [f for f in base if f.severity == "error" and (p.name, f.code, f.line) not in known]
        false_alarms += len(fa)
        for f in fa:
            print(f"  false alarm? {p.name} L{f.line} {f.code} {f.message}")
        cells = participating(Context(rep))
        print(f"{p.name}: {len(rep.tables)} tables, {len(cells)} cells in relations, "
              f"{len(base)} findings on the original ({len(fa)} unexpected errors)")
        if cells:
            corpus.append((p, rep, {key(f) for f in base}, cells))
    if not corpus:
        print("no tables to mutate")
        return 1
    detected, tried = 0, 0
    missed: list[str] = []
    equiv: list[str] = []
    while tried < args.n:
        p, rep, base, cells = rng.choice(corpus)
        ti, r, c = rng.choice(cells)
        t = rep.tables[ti]
        old = t.rows[r][c]
        # counts that a ※ note excludes cannot be checked: corrupt the amount only
        new = mutate_text(old, rng, amount_only=Context(rep).grid(t).counts_excluded)
        if new is None:
            continue
        tried += 1
        t.rows[r][c] = new
        rep.clear_derived()  # the cached table views hold the old cell values
        try:
            got = {key(f) for f in check_report(rep, checks)}
        finally:
            t.rows[r][c] = old
            rep.clear_derived()
        if got - base:  # a new or changed finding, not merely a lost one
            detected += 1
        elif equivalent(rep, t, r, c, old, new):
            equiv.append(f"{p.name} {t.id} row {r} col {c}: {old!r} → {new!r}")
        else:
            missed.append(f"{p.name} {t.id} row {r} col {c}: {old!r} → {new!r}")
    real = tried - len(equiv)
    print(f"\nmutations: {tried}, detected: {detected} ({detected / tried:.1%})")
    print(f"equivalent mutants (undetectable by construction): {len(equiv)}; "
          f"excluding them: {detected} of {real} detected ({detected / max(real, 1):.1%})")
    print(f"false alarms (unexpected error findings) on the untouched originals: {false_alarms}")
    for m in missed[:args.show]:
        print("  missed:", m)
    for m in equiv[:args.show]:
        print("  equivalent:", m)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
