"""Before/after of two checkouts on every real sample and seed.

``python tools/compare_records.py snap CHECKOUT OUT.json`` runs that checkout's
``bogo parse --json`` and ``bogo check --format json`` on every file of
``../shared/samples/real`` and ``../shared/seeds`` and saves the results;
``python tools/compare_records.py diff BEFORE.json AFTER.json`` prints, per file,
which record kinds changed (meta, outline, tables, staffing, budget lines, tasks,
milestones, audit), the task and milestone counts, and the error-severity
findings that are new or gone.  Paragraph line numbers are left out of the
comparison of findings (a finding that only moved is the same finding).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SUFFIXES = (".pdf", ".hwp", ".hwpx", ".html", ".htm", ".txt")
RECORDS = ("meta", "outline", "tables", "staffing", "budget_lines", "tasks", "milestones", "audit")


def inputs() -> list[Path]:
    real = sorted(p for p in (SHARED / "samples" / "real").rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    return real + sorted((SHARED / "seeds").glob("*.txt"))


def _json(args: list[str], env: dict) -> dict:
    p = subprocess.run(args, capture_output=True, text=True, env=env, check=False)
    try:
        return json.loads(p.stdout)
    except json.JSONDecodeError:
        return {"_error": p.stderr[-500:]}


def snap(checkout: Path, out: Path) -> None:
    exe = str(checkout / ".venv" / "bin" / "bogo")
    env = dict(os.environ, BOGO_CACHE_DIR=f"/tmp/bogo-compare-cache-{checkout.name}")
    res = {}
    for f in inputs():
        parsed = _json([exe, "parse", "--json", str(f)], env)
        checked = _json([exe, "check", "--format", "json", "--fail-on", "never", str(f)], env)
        res[str(f.relative_to(SHARED))] = {"parse": parsed, "check": checked}
    out.write_text(json.dumps(res, ensure_ascii=False), encoding="utf-8")


def _findings(check: dict) -> Counter:
    files = check.get("files") or []
    return Counter((f["code"], f["severity"], f.get("table"), f.get("found"), f.get("expected"))
                   for fi in files for f in fi.get("findings", []))


def diff(before: dict, after: dict) -> int:
    new_errors = 0
    for name, a in before.items():
        b = after.get(name, {"parse": {}, "check": {}})
        pa, pb = a["parse"], b["parse"]
        changed = [k for k in RECORDS if pa.get(k) != pb.get(k)]
        fa, fb = _findings(a["check"]), _findings(b["check"])
        gone, new = fa - fb, fb - fa
        errs = [f for f in new if f[1] == "error"]
        new_errors += sum(new[f] for f in errs)
        if changed or gone or new:
            print(f"{name}: changed {changed or '-'}; tasks {len(pa.get('tasks') or [])} → "
                  f"{len(pb.get('tasks') or [])}, milestones {len(pa.get('milestones') or [])} → "
                  f"{len(pb.get('milestones') or [])}; findings +{sum(new.values())} -{sum(gone.values())}")
            for f in errs:
                print("   NEW ERROR", f)
            for f in (x for x in gone if x[1] == "error"):
                print("   gone error", f)
    print(f"new error-severity findings: {new_errors}")
    return 1 if new_errors else 0


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "snap":
        snap(Path(argv[1]).resolve(), Path(argv[2]))
        return 0
    if len(argv) == 3 and argv[0] == "diff":
        load = lambda p: json.loads(Path(p).read_text(encoding="utf-8"))  # noqa: E731
        return diff(load(argv[1]), load(argv[2]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
