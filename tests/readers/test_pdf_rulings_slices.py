"""Shading painted as a stack of thin parallel bars is an area, not table rules."""

from __future__ import annotations

from bogo.readers._pdf_rulings import SLICE_RUN, drop_fill_slices, join_collinear


def test_a_stack_of_slices_keeps_only_its_outer_edges():
    slices = [(100 + 0.7 * i, 50.0, 300.0) for i in range(40)]      # a gradient band, 40 slices
    rules = [(200.0, 50.0, 300.0), (230.0, 50.0, 300.0)]             # two table rules below it
    kept = sorted(drop_fill_slices(slices + rules))
    assert kept == [slices[0], slices[-1], *rules]


def test_double_rules_and_short_stacks_are_untouched():
    double = [(100.0, 10.0, 500.0), (101.2, 10.0, 500.0)]            # a double rule under a header
    short = [(300 + 1.0 * i, 10.0, 500.0) for i in range(SLICE_RUN - 1)]
    assert sorted(drop_fill_slices(double + short)) == sorted(double + short)


def test_slices_of_other_lengths_are_separate_stacks():
    a = [(100 + 0.5 * i, 0.0, 100.0) for i in range(10)]
    b = [(100.25 + 0.5 * i, 200.0, 260.0) for i in range(2)]       # interleaved, other extent: kept
    kept = drop_fill_slices(a + b)
    assert sorted(kept) == sorted([a[0], a[-1], *b])
    assert len(join_collinear(kept)) <= len(kept)
