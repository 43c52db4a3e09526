"""Cell values as the table view parses them, once per cell."""

from __future__ import annotations

import pytest

from bogo.tables import parse_cell


@pytest.mark.parametrize(("text", "unit", "value", "numeric"), [
    ("1,042,874", None, 1042874, True),
    ("△1,042", None, -1042, True),
    ("▲5", None, -5, True),
    ("15.9%", None, 15.9, True),
    ("60건", None, 60, True),
    ("15조 6,397", "억원", 156397, True),
    ("15조 6,397", "백만원", None, False),      # 조 amounts are read only in 억원 tables
    ("512 (1,200강)", None, 512, True),
    ("-", None, None, False),
    ("추진중", None, None, False),
])
def test_value(text, unit, value, numeric):
    v = parse_cell(text, unit)
    assert (v.value, v.numeric) == (value, numeric)


def test_composite_pair_with_women():
    v = parse_cell("306 / 274 (139)")
    assert (v.is_pair, v.quota, v.current, v.paren) == (True, 306, 274, 139)


def test_annotated_number_keeps_its_note_and_breakdown():
    v = parse_cell("9,800 (시비 6,500, 국비 3,300)")
    assert v.value == 9800 and v.note == "시비 6,500, 국비 3,300"
    assert v.breakdown == (("시비", 6500.0), ("국비", 3300.0))
    assert parse_cell("512 (1,200강)").breakdown == ()


def test_unit_in_the_cell_is_kept():
    assert parse_cell("3,000명").unit == "명" and parse_cell("3,000").unit is None
