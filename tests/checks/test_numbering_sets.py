"""W406 tells the circled digit sets apart (① ❶ ➀ ➊ ⓵ are styles of their own)."""

from __future__ import annotations

from bogo.checks.numbering import _ordinal_text, _shape


def test_each_circled_set_is_a_style_and_writes_its_own_ordinals():
    assert _shape("➊") == _shape("➋") != _shape("①")
    assert _shape("❶") != _shape("➊")
    assert _ordinal_text("➊", 3) == "➌" and _ordinal_text("①", 3) == "③" and _ordinal_text("❶", 12) == "⓬"
