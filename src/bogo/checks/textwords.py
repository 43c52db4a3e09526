"""The texts of a report joined once per run, and their Hangul words, for the wording checks.

W401 (repeated words), W402 (curated misspellings, Latin and Hangul typos,
slipped syllables) and W405 (loanwords) all read the same texts — the prose
lines and the text cells of the tables, :func:`bogo.checks.wording` ``_texts``.
Each text is read word by word (``WORD``: maximal Hangul runs and Latin tokens,
a letter then letters, digits, hyphens) only where a check may find something in
it: the texts are joined once (by NULs, which no pattern here matches, so that no
match spans two texts), and :meth:`TextWords.texts_matching` finds, in one scan
in C, the texts a pattern matches — a listed wrong form, an ASCII letter, a word
written twice.  What every check needs is kept:

- ``counts``: the Hangul runs of three syllables or more (``HANGUL_WORD``, the
  words W402's analyser sees) and their uses, in order of first use;
- ``latin[i]``: whether text ``i`` holds an ASCII letter at all: an upper-case
  Latin word (W402) cannot occur in a text without one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add

WORD = re.compile(r"[가-힣]+|[A-Za-z][A-Za-z0-9\-]*")
HANGUL_WORD = re.compile(r"[가-힣]{3,}")
_ASCII_LETTER = re.compile(r"[A-Za-z]")

Text = tuple[int, str, "str | None"]


@dataclass(frozen=True, slots=True)
class TextWords:
    """The texts, joined, and their words (see the module docstring)."""

    texts: list[Text]
    #: the texts joined by NULs, and where each begins in it
    joined: str
    starts: list[int]
    counts: Counter
    latin: list[bool]

    def texts_matching(self, pattern: re.Pattern) -> list[int]:
        """The indices of the texts in which ``pattern`` matches, in order (a
        pattern that cannot match a NUL never matches across two texts)."""
        return parts_matching(self.joined, self.starts, pattern)

    def texts_holding(self, words: list[str]) -> list[int]:
        """The indices of the texts that hold one of ``words`` (as a substring), in order."""
        found: set[int] = set()
        joined, starts = self.joined, self.starts
        for w in words:
            at = joined.find(w) if w else -1
            while at >= 0:
                i = bisect_right(starts, at) - 1
                found.add(i)
                at = joined.find(w, starts[i + 1]) if i + 1 < len(starts) else -1
        return sorted(found)


def part_starts(parts: list[str]) -> list[int]:
    """Where each of ``parts`` begins in them joined by one character."""
    return list(accumulate(map(add, map(len, parts), repeat(1)), initial=0))[:-1]


def parts_matching(joined: str, starts: list[int], pattern: re.Pattern) -> list[int]:
    """The indices of the parts of ``joined`` (part ``i`` begins at ``starts[i]``)
    in which a match of ``pattern`` begins, in order: one search per such part."""
    out: list[int] = []
    m = pattern.search(joined)
    while m is not None:
        i = bisect_right(starts, m.start()) - 1
        out.append(i)
        if i + 1 == len(starts):
            break
        m = pattern.search(joined, starts[i + 1])
    return out


def split_texts(texts: list[Text]) -> TextWords:
    """Join the texts and count their Hangul words once."""
    parts = [text for _, text, _ in texts]
    joined = "\0".join(parts)
    starts = part_starts(parts)
    latin = [False] * len(texts)
    tw = TextWords(texts, joined, starts, Counter(HANGUL_WORD.findall(joined)), latin)
    for i in tw.texts_matching(_ASCII_LETTER):
        latin[i] = True
    return tw
