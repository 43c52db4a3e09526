"""Text similarity measures shared by the trackers (pure functions).

``name_similarity`` compares unit names by character bigrams (Dice);
``word_set`` is the set of Kiwi search tokens of a text (nouns and roots, so
inflection and particles do not matter) and ``overlap`` the Jaccard index of two
such sets; ``containment`` is the share of the first set found in the second.
"""

from __future__ import annotations

from functools import lru_cache

from ..search.tokens import tokenize

MIN_WORD_CHARS = 2


def compact(s: str | None) -> str:
    return "".join((s or "").split())


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def name_similarity(a: str, b: str) -> float:
    """Dice coefficient of the character bigrams of two names (spacing ignored)."""
    x, y = _bigrams(compact(a)), _bigrams(compact(b))
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


@lru_cache(maxsize=8192)
def word_set(text: str) -> frozenset[str]:
    """The distinct search tokens of ``text`` of at least two characters."""
    return frozenset(t.form for t in tokenize(text) if len(t.form) >= MIN_WORD_CHARS and not t.form.isdigit())


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a) if a else 0.0
