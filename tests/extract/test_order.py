"""Extractors run in the order their declared needs require."""

from __future__ import annotations

import pytest

from bogo.extract import EXTRACTORS, Step, ordered


def _noop(layout, report):
    return None


def test_budget_runs_after_staffing():
    names = [s.name for s in ordered()]
    assert names.index("staffing") < names.index("budget")
    assert sorted(names) == sorted(s.name for s in EXTRACTORS)


def test_a_missing_or_circular_need_is_refused():
    with pytest.raises(ValueError, match="no extractor fills"):
        ordered((Step("a", _noop, fills=("x",), needs=("y",)),))
    with pytest.raises(ValueError, match="need each other"):
        ordered((Step("a", _noop, fills=("x",), needs=("y",)), Step("b", _noop, fills=("y",), needs=("x",))))
