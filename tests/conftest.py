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
