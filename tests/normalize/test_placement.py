"""The one search that places short rows' values by the column totals (text reader and staffing)."""

from __future__ import annotations

from bogo.normalize.placement import place_by_totals


def test_a_row_that_lost_a_blank_is_placed_where_the_sums_match():
    # columns: 5급 6급 7급; the total row says 3 / 9 / 4; row B lost its empty 6급 cell in the export
    rows = [[(1, 0), (4, 0), (2, 0)], None, None]          # A (full), B (short), total (takes no part)
    short = {1: ([(2, 0), (2, 0)], (0, 1))}                 # B read flush left: 2 | 2 | -
    choice, left = place_by_totals(rows, short, [(3, 0), (4, 0), (4, 0)], rounds=3, combinations_cap=200)
    assert choice == {1: (0, 2)} and left == 0              # B is 2 | - | 2


def test_no_placement_matches_and_the_mismatch_is_reported():
    rows = [[(1, 1), (1, 1)], None]
    short = {1: ([(5, 5)], (0,))}
    choice, left = place_by_totals(rows, short, [(2, 2), (2, 2)], rounds=3, combinations_cap=200)
    assert left > 0 and choice[1] in {(0,), (1,)}


def test_the_search_is_bounded_by_the_cap_on_combinations():
    # 30 columns, 15 values: C(30, 15) = 155 million ways; only the first 10 are tried per round
    width = 30
    short = {0: ([(1, 0)] * 15, tuple(range(15)))}
    choice, left = place_by_totals([None], short, [(1, 0)] * width, rounds=2, combinations_cap=10)
    assert len(choice[0]) == 15 and left == 15
