"""Shared test fixtures: where the seeds, samples and examples live."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# the analyser's word cache goes to a fresh folder per test process, never the user's
os.environ["BOGO_CACHE_DIR"] = tempfile.mkdtemp(prefix="bogo-test-cache-")

_PARSED: dict[Path, object] = {}


def parsed(path: Path):
    """``bogo.parse(path)``, once per test process (callers must not mutate the report)."""
    import bogo

    if path not in _PARSED:
        _PARSED[path] = bogo.parse(path)
    return _PARSED[path]

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = SHARED / "samples" / "real"
EXAMPLES = REPO / "examples"
SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    assert SEED_FILES, f"no seed reports in {SEEDS}"
    return SEED_FILES


@pytest.fixture(scope="session")
def parsed_seeds():
    import bogo

    return {p.name: bogo.parse(p) for p in SEED_FILES}


def assert_reviewed_golden(gold: Path, key: str, got) -> None:
    """``got`` equals the reviewed golden ``gold`` (JSON: ``{"checked": n, key: …}``).

    ``BOGO_REGEN=1`` (refused in CI) rewrites the golden and keeps its ``checked``
    count, which a reviewer sets after comparing the values by eye; a golden with
    no value checked fails."""
    import json

    if os.environ.get("BOGO_REGEN"):
        assert not os.environ.get("CI"), "golden files are never regenerated in CI"
        old = json.loads(gold.read_text(encoding="utf-8")) if gold.exists() else {}
        gold.parent.mkdir(parents=True, exist_ok=True)
        gold.write_text(json.dumps({"checked": old.get("checked", 0), key: got}, ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
    expected = json.loads(gold.read_text(encoding="utf-8"))
    assert expected["checked"] > 0, "golden not reviewed"
    assert got == expected[key]
