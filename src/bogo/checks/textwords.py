"""The words of a report's texts, split once per run and shared by the wording checks.

W402 (curated misspellings, Latin and Hangul typos, slipped syllables) and W405
(loanwords) all read the same texts — the prose lines and the text cells of the
tables, :func:`bogo.checks.wording` ``_texts`` — word by word.  Each text is
split here once per run, and each check reads the lists:

- ``words[i]``: ``WORD.findall(texts[i])`` — maximal Hangul runs and Latin
  tokens (a letter, then letters, digits, hyphens);
- ``hangul[i]``: the Hangul runs of three syllables or more
  (``HANGUL_WORD.findall``, the words W402's analyser sees);
- ``latin[i]``: whether the text holds an ASCII letter at all: an upper-case
  Latin word (W402) cannot occur in a text without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

WORD = re.compile(r"[가-힣]+|[A-Za-z][A-Za-z0-9\-]*")
HANGUL_WORD = re.compile(r"[가-힣]{3,}")
_ASCII_LETTER = re.compile(r"[A-Za-z]")

Text = tuple[int, str, "str | None"]


@dataclass(frozen=True, slots=True)
class TextWords:
    """The texts and, for each, its words (see the module docstring)."""

    texts: list[Text]
    words: list[list[str]]
    hangul: list[list[str]]
    latin: list[bool]
    #: every word of ``words`` once, in order of first use
    distinct: dict[str, None]


def split_texts(texts: list[Text]) -> TextWords:
    """Split every text into its words once."""
    words = [WORD.findall(text) for _, text, _ in texts]
    hangul = [HANGUL_WORD.findall(text) for _, text, _ in texts]
    latin = [_ASCII_LETTER.search(text) is not None for _, text, _ in texts]
    return TextWords(texts, words, hangul, latin, dict.fromkeys(chain.from_iterable(words)))
