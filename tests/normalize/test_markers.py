"""Ordinal markers written as words (제N장 …): one pattern for the outline and W406."""

import pytest

from bogo.normalize.markers import ordinal_number
from bogo.structure._heading import split_ordinal


@pytest.mark.parametrize(("marker", "number"), [("제3절", 3), ("제 2 장", 2), ("제12조", 12), ("제1관", 1),
                                                ("제1편", 1)])
def test_ordinal_number_reads_the_number_of_a_word_ordinal(marker, number):
    assert ordinal_number(marker) == number


@pytest.mark.parametrize("marker", ["1.", "①", "제3장 총칙", "제장", "3장"])
def test_ordinal_number_is_none_for_anything_else(marker):
    assert ordinal_number(marker) is None


def test_outline_reads_the_kinds_it_ranks_and_leaves_the_rest():
    assert split_ordinal("제 2 절 추진 전략") == ("section_no", "제2절", "추진 전략")
    assert split_ordinal("제3조(목적)") == ("article", "제3조", "(목적)")
    # a 관 is an ordinal to W406 but not a level of the outline
    assert split_ordinal("제1관 총칙") is None
