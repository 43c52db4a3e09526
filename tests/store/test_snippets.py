"""Snippets of search hits: a query word that hides inside other words is found on its own line, exactly."""

from __future__ import annotations

from bogo.search.engine import snippet_of


def test_a_word_written_only_inside_others_at_first_is_highlighted_where_it_stands_alone():
    # "사" is written 60 times inside 사업 before the line where it is a word of its own
    text = "사업계획 수립 및 사업비 집행\n" * 30 + "각 사 예산 편성\n사업 추진"
    snip, spans = snippet_of(text, {"사"})
    assert [snip[s:e] for s, e in spans] == ["사"]
    assert snip[spans[0][0] - 2:spans[0][1] + 3] == "각 사 예산"


def test_no_line_holds_the_word_and_nothing_is_highlighted():
    snip, spans = snippet_of("사업계획 수립\n" * 10, {"사"})
    assert spans == [] and snip.startswith("사업계획 수립")
