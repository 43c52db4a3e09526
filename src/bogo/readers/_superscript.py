"""Superscript words set apart, the same way in every reader.

Hancom prints a 위 첨자 run smaller and raised: a "신규" badge after a task title
("…진단 용역" + "신규"), a small "'40년" before "53선석", an ordinal "1차" before
"부서별".  The source holds no space there, but a reader sees two words, and the
checks and the search need them apart: a space goes between a letter or digit and
the Hangul syllable of a superscript run beside it (either side), never next to a
bracket or a sign ("(월 최대" keeps its parenthesis).  The HWPX and HWP readers
apply :func:`needs_space` at the runs' edges; the PDF reader applies the same test
to glyphs it finds set smaller and raised (:mod:`._pdf_lines`).
"""

from __future__ import annotations

from bisect import bisect_right


def _syllable(ch: str) -> bool:
    return "가" <= ch <= "힣"


def needs_space(prev: str, prev_super: bool, ch: str, super_: bool) -> bool:
    """Whether a space goes between character ``prev`` and the next one ``ch``, each in
    a superscript run or not: at the edge of a run, between two letters or digits,
    the one in the run a Hangul syllable."""
    return super_ != prev_super and prev.isalnum() and ch.isalnum() \
        and (_syllable(ch) if super_ else _syllable(prev))


def spaced_units(pieces, runs: list[tuple[int, int]], shapes: set[int]) -> str | None:
    """The text of HWP ``pieces`` (first unit, end unit, text, own) with the spaces of
    :func:`needs_space` where a character shape run in ``shapes`` (the superscript
    ones, by id) begins or ends; None when no run of the paragraph is superscript."""
    flags = [shape in shapes for _start, shape in runs]
    if not any(flags):
        return None
    starts = [start for start, _shape in runs]
    out: list[str] = []
    last, last_super = "", False
    for a, b, text, own in pieces:
        if not text:
            continue
        if not own or len(text) != b - a:   # a control's text, or units that are not one character each
            out.append(text)
            last, last_super = text[-1], flags[max(bisect_right(starts, a) - 1, 0)]
            continue
        for k, ch in enumerate(text):
            sup = flags[max(bisect_right(starts, a + k) - 1, 0)]
            if last and needs_space(last, last_super, ch, sup):
                out.append(" ")
            out.append(ch)
            last, last_super = ch, sup
    return "".join(out)
