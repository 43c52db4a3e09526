"""Filter menus rendered from a cached list: escaping, the current choice, and an unknown current value."""

from __future__ import annotations

from bogo.web.options import select_html


def test_select_marks_the_current_choice_and_escapes():
    html = str(select_html("office", ["가<b>", "나", 2024], "나"))
    assert html.startswith('<select name="office"><option value="">전체</option>')
    assert '<option value="가&lt;b&gt;">가&lt;b&gt;</option>' in html
    assert '<option value="나" selected>나</option>' in html and html.count("selected") == 1
    assert '<option value="2024">2024</option>' in html


def test_select_with_a_number_or_no_current_choice():
    assert '<option value="2024" selected>' in str(select_html("year", [2023, 2024], 2024))
    assert '<option value="2024" selected>' in str(select_html("year", [2023, 2024], "2024"))
    assert "selected" not in str(select_html("year", [2023, 2024], None, "선택"))
    assert "selected" not in str(select_html("year", [2023, 2024], "없음"))
    assert '<option value="">선택</option>' in str(select_html("year", [], None, "선택"))
