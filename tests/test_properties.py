"""Property tests: readers never raise on arbitrary text; normalisation is idempotent."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import bogo
from bogo.errors import BogoError
from bogo.normalize.numbers import parse_composite
from bogo.normalize.text import normalize_text

KOREANISH = st.lists(
    st.sampled_from(list("기획담당관계합 \t\n/()△-,.0123456789□○①Ⅰ※<>|#*'’년월일") + ["<table>", "</table>", "<td>", "<tr>"]),
    max_size=300,
).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(KOREANISH)
def test_parse_never_raises_unexpectedly(text):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "r.txt"
        p.write_text(text, encoding="utf-8")
        try:
            r = bogo.parse(p)
        except BogoError:
            return
        assert r.to_json()


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
@example("\u1ffd")  # composes to ´, which folds to ': found by this test in a fresh clone
@example("\u1ffd가 \u0301")
def test_normalize_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@settings(max_examples=300, deadline=None)
@given(KOREANISH)
def test_composite_never_raises(text):
    parse_composite(text)
