"""Slipped syllables for W402: "사업계휙" written for the frequent 사업계획.

:func:`slip_candidates` finds, among the words of one document, those whose
beginning is a frequent beginning with one rare syllable changed by one jamo
(see :func:`bogo.checks.typos.rare_syllable_slips`, which then asks the analyser
whether the slipped syllable stands alone).  The search is pure and per document:
:class:`_Beginnings` counts the beginnings of the document's words, only for the
lengths a candidate needs, and is dropped after the run.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain

from ..settings import CheckSettings
from .edits import _jamo, _lev1


class _Beginnings:
    """The frequent beginnings of the words of one document: each of three syllables
    or more begun by at least ``min_freq`` word uses, by length, and indexed with
    one syllable masked; computed per length (and position) on first use.

    A beginning longer than three syllables is frequent only if its first three
    are: the longer ones are counted over the words that begin so."""

    def __init__(self, counts: Counter, min_freq: int) -> None:
        self._counts = counts
        self._min_freq = min_freq
        self._deep: dict[str, int] | None = None
        self._frequent: dict[int, dict[str, None]] = {}
        self._masked: dict[tuple[int, int], dict[str, list[str]]] = {}

    def frequent(self, k: int) -> dict[str, None]:
        """The frequent beginnings of length ``k`` (k >= 3)."""
        f = self._frequent.get(k)
        if f is None:
            if k == 3:
                words = self._counts
            else:
                if self._deep is None:
                    firsts = self.frequent(3)
                    self._deep = {w: n for w, n in self._counts.items() if len(w) > 3 and w[:3] in firsts}
                words = self._deep
            f = self._frequent[k] = _frequent_beginnings(words, k, self._min_freq)
        return f

    def masked(self, i: int, k: int) -> dict[str, list[str]]:
        """The frequent beginnings of length ``k`` by their text without syllable ``i``."""
        m = self._masked.get((i, k))
        if m is None:
            m = self._masked[i, k] = {}
            for f in self.frequent(k):
                m.setdefault(f[:i] + f[i + 1:], []).append(f)
        return m

    def may_slip(self, words: list[str]) -> list[str]:
        """The words (in order) whose first three syllables are a frequent beginning,
        or one with a syllable changed: the others hold no slip (:func:`_slip_in`
        needs one or the other)."""
        f3, m0, m1, m2 = self.frequent(3), self.masked(0, 3), self.masked(1, 3), self.masked(2, 3)
        return [w for w in words if len(w) >= 3 and (w[:3] in f3 or w[1:3] in m0 or w[0] + w[2] in m1
                                                     or w[:2] in m2)]


def _frequent_beginnings(counts: dict[str, int], k: int, min_freq: int) -> dict[str, None]:
    """The beginnings of length ``k`` of at least ``min_freq`` uses of the words of ``counts``."""
    tally = Counter([w[:k] for w in counts if len(w) >= k])  # one use each, counted in C
    for w, n in counts.items():
        if n > 1 and len(w) >= k:
            tally[w[:k]] += n - 1
    return {p: None for p, n in tally.items() if n >= min_freq}


def slip_candidates(counts: Counter, cfg: CheckSettings,
                    syllables: list[tuple[str, ...]] | None = None) -> dict[str, tuple[str, str, int]]:
    """word → (slipped beginning, frequent beginning, position of the slipped
    syllable) for the words of ``counts`` (word → uses, every use at least one)
    that hold a slip.  ``syllables`` (optional) holds the syllables of each word
    of ``counts``, in its order.  Only a word used at most ``cfg.typo_max_uses``
    times and holding a rare syllable can hold one: without such a word nothing
    is counted."""
    if syllables is None:
        syllables = [tuple(w) for w in counts]
    rare = _rare_syllables(counts, syllables, cfg.typo_rare_syllable_uses)
    most = cfg.typo_max_uses
    todo = [w for (w, n), s in zip(counts.items(), syllables, strict=True) if n <= most and not rare.isdisjoint(s)]
    found: dict[str, tuple[str, str, int]] = {}
    if not todo:
        return found
    beginnings = _Beginnings(counts, cfg.typo_min_freq_slip)
    for w in beginnings.may_slip(todo):
        hit = _slip_in(w, rare, beginnings)
        if hit:
            found[w] = hit
    return found


def _rare_syllables(counts: Counter, syllables: list[tuple[str, ...]], most: int) -> set[str]:
    """The syllables written at most ``most`` times in all uses of the words of
    ``counts``: a syllable of a word used more often is not one, so only the
    syllables of the words used at most so often are counted."""
    light: list[tuple[str, ...]] = []
    heavy: set[str] = set()
    for s, n in zip(syllables, counts.values(), strict=True):
        if n > most:
            heavy.update(s)
        else:
            light.append(s * n if n > 1 else s)
    tally = Counter(chain.from_iterable(light))
    return {ch for ch, n in tally.items() if n <= most} - heavy


def _slip_in(w: str, rare: set[str], beginnings: _Beginnings) -> tuple[str, str, int] | None:
    """(slipped form, frequent form, position) for the longest beginning of ``w``
    that is a frequent beginning with one rare syllable changed by one jamo.

    A position whose shortest beginning has no such frequent form is skipped: a
    longer frequent form would begin with a shorter one, as frequent and equally
    near, so no longer beginning can have one either (nor, past the third
    syllable, when the word's first three are not a frequent beginning)."""
    for i, ch in enumerate(w):
        if ch not in rare:
            continue
        low = max(i + 1, 3)
        if low > len(w) or (low > 3 and w[:3] not in beginnings.frequent(3)) \
                or not _slipped_from(w, i, low, beginnings):
            continue
        for k in range(len(w), low - 1, -1):
            if w[:k] in beginnings.frequent(k):
                break
            cands = _slipped_from(w, i, k, beginnings)
            if len(cands) == 1:
                return w[:k], cands[0], i
    return None


def _slipped_from(w: str, i: int, k: int, beginnings: _Beginnings) -> list[str]:
    """The frequent beginnings of length ``k`` that ``w[:k]`` may be slipped from at
    ``i`` (one jamo away there).  Their syllable ``i`` is frequent: every use that
    begins with one holds it."""
    ch = w[i]
    return [f for f in beginnings.masked(i, k).get(w[:i] + w[i + 1:k], ()) if _lev1(_jamo(ch), _jamo(f[i]))]
