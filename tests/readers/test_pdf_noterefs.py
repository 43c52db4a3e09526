"""A raised "1)" right after a word in a cell is a footnote reference, not text."""

from __future__ import annotations

from bogo.readers._pdf_noterefs import drop_note_refs
from bogo.readers.pdf import line_texts


def _run(text: str, x: float, top: float, h: float) -> list[dict]:
    w = 0.9 * h
    return [{"text": t, "x0": x + w * i, "x1": x + w * (i + 1), "top": top, "bottom": top + h,
             "size": h, "bold": False} for i, t in enumerate(text)]


def test_a_raised_smaller_number_after_a_word_is_dropped():
    word = _run("경상수입", 0, 100, 13)
    mark = _run("12)", word[-1]["x1"], 98.5, 11)          # foot 3.5 pt higher
    assert line_texts(drop_note_refs(word + mark), cell=True) == ["경상수입"]


def test_a_number_on_the_baseline_or_apart_is_kept():
    word = _run("경상수입", 0, 100, 13)
    same = _run("1)", word[-1]["x1"], 102, 11)            # same foot: typed text
    assert line_texts(drop_note_refs(word + same), cell=True) == ["경상수입1)"]
    apart = _run("1)", word[-1]["x1"] + 20, 98.5, 11)     # a separate word
    assert line_texts(drop_note_refs(word + apart), cell=True) == ["경상수입 1)"]
    plain = _run("(1)", word[-1]["x1"], 98.5, 11)         # no digits right after the word
    assert "(1)" in line_texts(drop_note_refs(word + plain), cell=True)[0]
