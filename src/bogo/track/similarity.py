"""Text similarity measures shared by the trackers (pure functions).

``name_similarity`` compares unit names by character bigrams (Dice);
``word_set`` is the set of Kiwi search tokens of a text (nouns and roots, so
inflection and particles do not matter) and ``overlap`` the Jaccard index of two
such sets; ``containment`` is the share of the first set found in the second.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable

from ..search.tokens import Token, tokens_by_line

MIN_WORD_CHARS = 2
WORD_SET_CACHE = 8192
_WORD_SETS: OrderedDict[str, frozenset[str]] = OrderedDict()


def compact(s: str | None) -> str:
    return "".join((s or "").split())


def _bigrams(s: str) -> set[str]:
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def name_similarity(a: str, b: str) -> float:
    """Dice coefficient of the character bigrams of two names (spacing ignored)."""
    x, y = _bigrams(compact(a)), _bigrams(compact(b))
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def words_of(tokens: Iterable[Token]) -> frozenset[str]:
    """The distinct token forms of at least two characters, numbers left out."""
    return frozenset(t.form for t in tokens if len(t.form) >= MIN_WORD_CHARS and not t.form.isdigit())


def remember(text: str, words: frozenset[str]) -> None:
    """Put a word set computed elsewhere (an ingest worker) into the cache of :func:`word_set`."""
    _WORD_SETS[text] = words
    _WORD_SETS.move_to_end(text)
    while len(_WORD_SETS) > WORD_SET_CACHE:
        _WORD_SETS.popitem(last=False)


def word_set(text: str, cache: dict[str, list[Token]] | None = None) -> frozenset[str]:
    """The distinct search tokens of ``text`` of at least two characters (cached, least recently used)."""
    got = _WORD_SETS.get(text)
    if got is None:
        got = words_of(t for toks in tokens_by_line(text, cache) for t in toks)
        remember(text, got)
    else:
        _WORD_SETS.move_to_end(text)
    return got


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a) if a else 0.0
