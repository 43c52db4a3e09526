"""Streaming batches: input order kept, worker processes give the in-process
findings, and a broken file (unreadable, or killing its worker) changes nothing
for the others."""

from __future__ import annotations

import json
import os

from typer.testing import CliRunner

import bogo
from bogo import batch, pipeline
from bogo.cli import app
from conftest import EXAMPLES, SEED_FILES

GOOD = sorted(EXAMPLES.glob("*.txt"))


def _key(result):
    return [(p, h, [f.model_dump() for f in fs]) for p, h, fs in result.files]


def _alone(paths):
    """Each file checked on its own: the reference for any batch."""
    out = []
    for p in paths:
        out.extend(_key(bogo.check(p)))
    return out


def test_a_broken_file_changes_nothing_for_the_others(tmp_path):
    broken = tmp_path / "깨짐.hwpx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 64)  # a zip header and nothing else
    empty = tmp_path / "빈.txt"
    empty.write_bytes(b"")
    paths = [GOOD[0], broken, GOOD[1], empty, GOOD[2]]
    for jobs in (1, 2):
        res = bogo.check(paths, jobs=jobs)
        assert _key(res) == _alone(GOOD), jobs
        assert [p for p, _ in res.failed] == [str(broken), str(empty)]
        assert all(reason for _, reason in res.failed)
        assert res.counts == {"checked": 3, "failed": 2, "partial": 0}


def test_workers_keep_input_order_and_findings():
    paths = GOOD + SEED_FILES + GOOD
    assert _key(bogo.check(paths, jobs=2)) == _key(bogo.check(paths, jobs=1))
    assert [p for p, _, _ in bogo.check(paths, jobs=2).files] == [str(p) for p in paths]


def test_a_worker_that_dies_fails_only_its_file(monkeypatch):
    """A reader crash that kills the process (a C library fault) costs one file."""
    victim = str(GOOD[1])
    real = pipeline.load

    def crash_on_victim(path, settings=bogo.api.SETTINGS):
        if str(path) == victim:
            os._exit(3)
        return real(path, settings)

    monkeypatch.setattr(pipeline, "load", crash_on_victim)  # the forked workers inherit it
    outcomes = list(batch.iter_outcomes(GOOD + GOOD[:1], jobs=2))
    assert [o.path for o in outcomes] == [str(p) for p in GOOD + GOOD[:1]]
    assert [o.status for o in outcomes] == ["checked", "failed", "checked", "checked"]
    assert outcomes[1].reason == batch.WORKER_DIED
    monkeypatch.setattr(pipeline, "load", real)
    assert [o.findings for o in outcomes if o.status == "checked"] == \
        [fs for p in (GOOD[0], GOOD[2], GOOD[0]) for _, _, fs in bogo.check(p).files]


def test_html_context_keeps_only_what_findings_point_at():
    [o] = batch.iter_outcomes([GOOD[1]], keep_context=True)
    assert o.findings and o.context is not None
    tables = {f.table for f in o.findings if f.table}
    assert {t.id for t in o.context.tables} == tables
    assert {p.line for p in o.context.paragraphs} <= {f.line for f in o.findings}


def test_cli_batch_reports_failed_file_and_goes_on(tmp_path):
    missing = tmp_path / "없음.txt"
    r = CliRunner().invoke(app, ["check", str(GOOD[0]), str(missing), str(GOOD[1]), "--format", "json",
                                 "--jobs", "2"])
    assert r.exit_code == 2, r.output
    d = json.loads(r.stdout)
    assert [f["path"] for f in d["files"]] == [str(GOOD[0]), str(GOOD[1])]
    assert d["failed"] == [{"path": str(missing), "reason": "파일이 없습니다"}]
    assert d["batch"] == {"checked": 2, "failed": 1, "partial": 0}
    assert "파일이 없습니다" in r.output and "실패 1" in r.output


def test_cli_table_prints_each_file_and_totals():
    r = CliRunner().invoke(app, ["check", *map(str, GOOD), "--fail-on", "never", "-j", "1"])
    assert r.exit_code == 0, r.output
    for p in GOOD:
        assert str(p) in r.stdout
    assert f"파일 {len(GOOD)}개 중 점검 {len(GOOD)}, 실패 0, 일부만 읽음 0" in r.stdout


_SHARED_RUN = """
import json, sys
import bogo
from bogo import analyser
paths = sys.argv[1:]
pooled = bogo.check(paths, jobs=2)
print(json.dumps({"shared": analyser.shared(),
                  "files": [[p, [f.model_dump(mode="json") for f in fs]] for p, _, fs in pooled.files]}))
"""


def test_a_cold_batch_shares_one_analyser_and_finds_the_same(tmp_path):
    """With an empty word cache, the first file is checked before the workers are
    forked and loads a thread-free analyser that every worker then uses: the
    findings are those of each file checked alone."""
    import subprocess
    import sys

    paths = [str(p) for p in (GOOD + SEED_FILES) * 4][:batch.SHARED_ANALYSER_MIN_FILES]
    env = {**os.environ, "BOGO_CACHE_DIR": str(tmp_path / "cache")}
    r = subprocess.run([sys.executable, "-c", _SHARED_RUN, *paths], capture_output=True, text=True,
                       env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    out = json.loads(r.stdout)
    assert out["shared"] is True
    alone = {p: [f.model_dump(mode="json") for f in fs] for p, _, fs in bogo.check(paths, jobs=1).files}
    assert [p for p, _ in out["files"]] == paths
    assert all(fs == alone[p] for p, fs in out["files"])
    assert any(f["code"] == "W402" for _, fs in out["files"] for f in fs)  # the analyser did work
