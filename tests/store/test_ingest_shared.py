"""Forked ingest workers share the analyser the parent loaded, and store exactly what one process stores.

Run in a process of its own: the test session may hold threads (a web server for the browser
tests), and then ingest rightly spawns its workers instead of forking them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, SEEDS

CHILD = r'''
import importlib, json, shutil, sys
from pathlib import Path
from sqlalchemy import select
from bogo import analyser
from bogo.store import Store, ingest
from bogo.store.models import Document, FindingRow, SearchEntry
ingest_module = importlib.import_module("bogo.store.ingest")
tmp, seeds, examples = map(Path, sys.argv[1:4])

def stored(store):
    out = {}
    with store.connect() as c:
        for sha, doc in c.execute(select(Document.sha256, Document.id)):
            tokens = c.execute(select(SearchEntry.type, SearchEntry.ref, SearchEntry.tokens, SearchEntry.head)
                               .where(SearchEntry.document_id == doc).order_by(SearchEntry.id)).all()
            found = sorted([d["code"], d.get("line") or 0, str(d.get("found") or "")] for (d,) in
                           c.execute(select(FindingRow.data).where(FindingRow.document_id == doc)))
            out[sha] = [[list(t) for t in tokens], found]
    return out

taken = []
real = ingest_module._shared_analyser_fork
ingest_module._shared_analyser_fork = lambda *a: taken.append(real(*a)) or taken[-1]
results = {}
for jobs in (1, 2):
    store = Store(str(tmp / f"s{jobs}.db"))
    analyser.reset()
    ingest(store, sorted(seeds.glob("*.txt")), jobs=1)  # its units are taught as user words next
    analyser.reset()
    summary = ingest(store, [examples], jobs=jobs)
    results[jobs] = {"new": summary.new, "failures": len(summary.failures), "stored": stored(store),
                     "plain_shared": analyser._PLAIN_SHARED}
    store.close()
print(json.dumps({"taken": taken, "results": results}))
'''


def test_forked_workers_store_what_one_process_stores(tmp_path):
    later = tmp_path / "later"
    later.mkdir()
    for f in sorted(EXAMPLES.glob("*.txt")):
        (later / f.name).write_bytes(f.read_bytes())
    proc = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path), str(SEEDS), str(later)],
                          capture_output=True, text=True, timeout=600, cwd=Path(__file__).parent)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["taken"] == [True], out["taken"]  # jobs=2 forked its workers, sharing the analyser loaded here
    one, two = out["results"]["1"], out["results"]["2"]
    assert two["plain_shared"]  # the store had unit names: the plain analyser was loaded to share too
    assert one["new"] == two["new"] == len(list(later.iterdir())) and not one["failures"] and not two["failures"]
    assert two["stored"] == one["stored"], _first_difference(one["stored"], two["stored"])


def _first_difference(one: dict, two: dict) -> str:
    """Where the two stores first differ (a failure seen once under load: say what differs)."""
    for sha in sorted(set(one) | set(two)):
        a, b = one.get(sha), two.get(sha)
        if a == b:
            continue
        if a is None or b is None:
            return f"{sha[:12]}: stored by one run only"
        for part, x, y in (("search entries", a[0], b[0]), ("findings", a[1], b[1])):
            if x != y:
                extra = [e for e in y if e not in x][:3]
                lost = [e for e in x if e not in y][:3]
                return f"{sha[:12]} {part}: jobs=2 adds {extra}, loses {lost} ({len(x)} vs {len(y)})"
    return "no difference"
