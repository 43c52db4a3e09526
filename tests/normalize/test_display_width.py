"""display_width counts the columns of a fixed-width rendering, as unicodedata says."""

import random
import unicodedata

from bogo.normalize.text import display_width


def _reference(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def test_known_widths():
    assert display_width("") == 0
    assert display_width("계 306") == 6
    assert display_width("ＡＢ１") == 6  # fullwidth forms
    assert display_width("一般職 5급") == 10
    assert display_width("△ 12") == 4  # △ is ambiguous width: one column


def test_matches_unicodedata_on_random_strings():
    rng = random.Random(7)
    pools = [(0, 128), (0xAC00, 0xD7A4), (0x1100, 0x1200), (0x2000, 0x3400), (0x3400, 0xA000),
             (0xFF00, 0xFFEF), (0xE000, 0xF900), (0, 0x30000)]
    for _ in range(20_000):
        s = "".join(chr(rng.randrange(*rng.choice(pools))) for _ in range(rng.randrange(0, 10)))
        assert display_width(s) == _reference(s), repr(s)
