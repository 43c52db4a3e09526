"""The seeds through the synthetic export paths of bench/layouts.py hold their floors.

Each seed is read, written out in every synthetic text form (tab-separated,
space-aligned, collapsed, spaced-out labels, wrapped rows and cells, HTML,
Markdown, bullets as private-use glyphs or lost, CP949) and read again; the
agreement of table cells, staffing, budget lines, tasks and milestones with the
seed's own reading, and the corruption detection rate, may only go up.  The
floors are the figures measured when they were set, rounded down to the percent.
Parsed readings are cached for the whole module (one run of about 10 s).  The
same figures over every source — the real samples with twins too, and poppler's
text exports of their PDFs — hold floors of their own (``ALL_FLOORS``, one run of
about 15 s).
"""

from __future__ import annotations

import math
import shutil
import sys

import pytest

from conftest import REPO, SEED_FILES

sys.path.insert(0, str(REPO / "bench"))

import layouts  # noqa: E402
from layout_render import KINDS, collapsed, reflow, spaced_label, tsv  # noqa: E402

#: one worker reads every variant once for the module's tests (the readings are cached)
pytestmark = pytest.mark.xdist_group("layout_variants")

#: percent, rounded down, per kind and figure (corruptions: 10 per seed, rng seed 1).
#: wrapped-cells was made harder once (text cells with digits wrap too; figures never do).
#: cells*: without the cells whose place the export itself loses (bench/layout_loss.py)
FLOORS = {
    "tsv": {"cells": 100, "cells*": 100, "staff": 100, "budget": 100, "tasks": 100, "miles": 100, "detect": 100},
    "aligned": {"cells": 97, "cells*": 97, "staff": 100, "budget": 96, "tasks": 100, "miles": 100, "detect": 100},
    "collapsed": {"cells": 78, "cells*": 88, "staff": 92, "budget": 98, "tasks": 100, "miles": 100, "detect": 96},
    "spaced": {"cells": 97, "cells*": 97, "staff": 100, "budget": 96, "tasks": 100, "miles": 100, "detect": 100},
    "wrapped-rows": {"cells": 76, "cells*": 87, "staff": 92, "budget": 97, "tasks": 100, "miles": 100, "detect": 93},
    "wrapped-cells": {"cells": 96, "cells*": 96, "staff": 100, "budget": 96, "tasks": 100, "miles": 100, "detect": 100},
    "html": {"cells": 100, "cells*": 100, "staff": 100, "budget": 100, "tasks": 100, "miles": 100, "detect": 100},
    "markdown": {"cells": 100, "cells*": 100, "staff": 100, "budget": 100, "tasks": 100, "miles": 100, "detect": 100},
    "pua-bullets": {"cells": 100, "cells*": 100, "staff": 100, "budget": 100, "tasks": 100, "miles": 100, "detect": 100},
    "no-bullets": {"cells": 100, "cells*": 100, "staff": 100, "budget": 100, "tasks": 100, "miles": 100, "detect": 100},
    "cp949": {"cells": 99, "cells*": 100, "staff": 100, "budget": 100, "tasks": 100, "miles": 100, "detect": 100},
}

#: the same over every source: the seeds and the real samples with HWP/HWPX/PDF twins,
#: with poppler's two text exports of the PDF twin (the "pdf" and "hwp" readings are
#: the PDF and HWP readers' own, measured by their benches); raised 2026-12-02 (layouts branch)
#: tasks of pdftotext-layout and cp949 lowered on 2026-12-02 (tasks branch): the appendix of the
#: NIKL plan ("별첨 국립국어원 일반현황") no longer gives three tasks that every reading agreed
#: on, which leaves the same mismatches (① lost in CP949, poppler's line breaks) over fewer tasks
#: cells raised 2026-12-02 (third session): org charts drawn on a table grid are layout in the
#: reference (structure/diagrams.py), no longer scored as data tables; tasks of the poppler exports
#: raised with the middle dots of Hancom's PDF fonts read as '·'; raised again with the caption, unit and
#: source rows set in a table's grid read as caption, unit and notes (structure/gridcaptions.py).
#: 2026-12-03: a table drawn once per page under a repeated header is one table in the
#: reference too (structure/continued.py: the HWP budget statement's four page tables); the
#: pdftotext-layout reading of it only ever matched one page's fragments, so its cells went
#: 48.6% → 47.4% (floor 48 → 47); collapsed, wrapped-rows and pdftotext-raw cells went up
#: 2026-12-03 (second session): schedules written in words ("이행과제 | 1/4분기 | … " with the
#: steps in the cells, extract/gantt.cell_plans) give their steps as milestones: the NIKL plan's
#: reference went from 3 to 114 milestones.  The exports that lose the columns (collapsed,
#: wrapped-rows: one line per row; pdftotext) read none of the new ones, and wrapped-cells splits
#: six steps over lines, so their shares fell over the larger reference while every milestone they
#: matched before still matches (collapsed and wrapped-rows 78/78 → 78/189, pdftotext-raw 3/3 →
#: 3/114, wrapped-cells 78/78 → 183/189; pdftotext-layout 0/114 → 4/114).  Budget raised the
#: same day: formula letters in header lines join their words ("예산 (A)", readers/_spaceheaders.py) and
#: a short header line names the columns the line above left unnamed (readers/_spacetables.py);
#: pdftotext-raw budget 10 → 29% with a header broken one cell a line read as one line, staff 16 → 83%
#: with unit names on lines of their own over their 정원/현원 rows
ALL_FLOORS = {
    "pdftotext-layout": {"cells": 47, "cells*": 47, "staff": 14, "budget": 16, "tasks": 66, "miles": 0, "detect": 15},
    "pdftotext-raw": {"cells": 51, "cells*": 51, "staff": 83, "budget": 29, "tasks": 66, "miles": 2, "detect": 17},
    "tsv": {"cells": 100, "cells*": 100, "staff": 100, "budget": 100, "tasks": 100, "miles": 100, "detect": 100},
    "aligned": {"cells": 99, "cells*": 99, "staff": 100, "budget": 98, "tasks": 100, "miles": 100, "detect": 100},
    "collapsed": {"cells": 62, "cells*": 78, "staff": 90, "budget": 53, "tasks": 100, "miles": 41, "detect": 50},
    "spaced": {"cells": 99, "cells*": 99, "staff": 100, "budget": 98, "tasks": 100, "miles": 100, "detect": 100},
    "wrapped-rows": {"cells": 60, "cells*": 74, "staff": 90, "budget": 53, "tasks": 98, "miles": 41, "detect": 48},
    "wrapped-cells": {"cells": 98, "cells*": 98, "staff": 100, "budget": 98, "tasks": 98, "miles": 96, "detect": 100},
    "html": {"cells": 100, "cells*": 100, "staff": 100, "budget": 100, "tasks": 100, "miles": 100, "detect": 100},
    "markdown": {"cells": 100, "cells*": 100, "staff": 100, "budget": 100, "tasks": 100, "miles": 100, "detect": 100},
    "pua-bullets": {"cells": 100, "cells*": 100, "staff": 100, "budget": 100, "tasks": 100, "miles": 100, "detect": 100},
    "no-bullets": {"cells": 100, "cells*": 100, "staff": 100, "budget": 100, "tasks": 92, "miles": 100, "detect": 100},
    "cp949": {"cells": 99, "cells*": 100, "staff": 100, "budget": 100, "tasks": 100, "miles": 100, "detect": 100},
}

_TOTALS: dict = {}
_ALL: dict = {}


def totals() -> dict:
    if not _TOTALS:
        srcs = [s for s in layouts.sources() if s.reference.suffix == ".txt"]
        assert len(srcs) == len(SEED_FILES) == 3
        _TOTALS.update(layouts.run(srcs, list(KINDS), 10, seed=1))
    return _TOTALS


def test_every_synthetic_kind_has_a_floor():
    assert set(FLOORS) == set(KINDS)


def all_totals() -> dict:
    if not _ALL:
        _ALL.update(layouts.run(layouts.sources(), list(ALL_FLOORS), 10, seed=1))
    return _ALL


def _below(got: dict, floors: dict) -> dict:
    low = {}
    for fig, floor in floors.items():
        right, total = got[fig]
        pct = 100 if not total else math.floor(100 * right / total)
        if pct < floor:
            low[fig] = f"{pct}% < {floor}% ({right}/{total})"
    return low


@pytest.mark.parametrize("kind", KINDS)
def test_kind_holds_its_floors(kind):
    low = _below(totals()[kind], FLOORS[kind])
    assert not low, f"{kind}: {low}"


@pytest.mark.parametrize("kind", list(ALL_FLOORS))
def test_kind_holds_its_floors_over_every_source(kind):
    if kind.startswith("pdftotext") and not shutil.which("pdftotext"):
        pytest.skip("pdftotext is missing")
    low = _below(all_totals()[kind], ALL_FLOORS[kind])
    assert not low, f"{kind} (all sources): {low}"


def test_reference_reads_itself():
    """The seed read again agrees with itself on every figure (the harness's zero)."""
    srcs = [s for s in layouts.sources() if s.reference.suffix == ".txt"]
    got = layouts.run(srcs[:1], ["reference"], 5, seed=1)["reference"]
    assert all(a == b for a, b in got.values()), got
    assert got["cells"] == [435, 435] and got["staff"] == [13, 13] and got["detect"] == [5, 5]


def test_renderings():
    grid = [["구 분", "계", ""], ["기획담당관", "33 / 29 (10)", "1"]]
    assert tsv(grid) == ["구 분\t계\t", "기획담당관\t33 / 29 (10)\t1"]
    assert collapsed(grid) == ["구 분 계", "기획담당관 33 / 29 (10) 1"]
    assert spaced_label("기획담당관") == "기 획 담 당 관"
    assert spaced_label("33 / 29") == "33 / 29"
    assert reflow("가나다 라마바 123 456", 12) == ["가나다", "  라마바 123", "  456"]


def test_record_agreement_counts_lost_and_invented_records():
    assert layouts.record_agreement([("a", 1), ("b", 2)], [("a", 1), ("c", 3), ("d", 4)]) == (1, 3)
    assert layouts.record_agreement([], []) == (0, 0)


def test_pdftotext_is_installed():
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is missing: make env installs it"
