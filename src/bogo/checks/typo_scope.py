"""Which words W402 must send to the Korean analyser: those that can change its findings.

W402 reports an analyser-unknown (OOV) morpheme of three syllables or more when
exactly one *frequent* noun of the document (used ``typo_min_freq_hangul``
times or more) is one jamo from it and the morpheme itself is used at most
``typo_max_uses`` times.  Analysing every word of a first-time report costs
~30 µs a word — most of checking it — but only a few words can matter:

1. **Candidates** (:meth:`Scope.candidates`).  A reported morpheme lies in a word
   used at most ``typo_max_uses`` times, and one of its three-syllable windows
   differs by one jamo, in one syllable, from a three-syllable window of the
   frequent noun; that window is written at least ``typo_min_freq_hangul``
   times in the document.  Only the rare words holding such a window are
   analysed.
2. **Completion** (:meth:`Scope.completing`).  For each OOV morpheme those words
   hold, every string one jamo from it that the document writes often enough to
   be a frequent noun is looked up, and the words holding it are analysed too,
   so that its noun count is exact; so are the words holding the morpheme
   itself when it is written more than ``typo_max_uses`` times, so that its
   uses are exact.

Every other word is left unanalysed: it can neither be reported nor change what
is.  Analyses of more words (read back from a cache) change nothing either: a
noun they add is counted at most as often as it truly is, and only the nouns one
jamo from a candidate's morpheme matter, whose counts are exact already.  The reasoning rests on one property of the analyser, checked on every
seed, example and sample (``tests/checks/test_typo_scope.py``): a noun or OOV
morpheme of three syllables or more is a piece of its word as written, or that
piece with the final consonant of its last syllable dropped ("관공선" read as
관공서 + ㄴ).  Both spellings are indexed.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..settings import CheckSettings
from .textwords import part_starts

_BASE, _LAST = 0xAC00, 0xD7A3
_WINDOW = 3  # the shortest morpheme W402 reads, in syllables
_SPAN = _LAST - _BASE


def _syllable(ch: str) -> int | None:
    o = ord(ch) - _BASE
    return o if 0 <= o <= _LAST - _BASE else None


def without_final(text: str) -> str | None:
    """``text`` with the final consonant of its last syllable dropped, or None when it has none."""
    o = _syllable(text[-1])
    if o is None or not o % 28:
        return None
    return text[:-1] + chr(_BASE + o - o % 28)


def one_jamo(a: str, b: str) -> bool:
    """Two Hangul syllables one jamo apart: W402's own measure
    (:func:`~bogo.checks.edits._lev1` on their jamo), computed on the syllables'
    parts.  Initials, medials and finals are letters of their own, so one edit of a
    syllable's jamo changes exactly one part (a final that comes or goes included)."""
    oa, ob = ord(a) - _BASE, ord(b) - _BASE
    if oa == ob or not (0 <= oa <= _SPAN and 0 <= ob <= _SPAN):
        return False
    return (oa // 588 != ob // 588) + (oa // 28 % 21 != ob // 28 % 21) + (oa % 28 != ob % 28) == 1


#: every syllable with a final → the same syllable without it (for str.translate)
_BARE = {o: _BASE + o - _BASE - (o - _BASE) % 28 for o in range(_BASE, _LAST + 1) if (o - _BASE) % 28}


class Scope:
    """The words of one document (word → uses) that W402 must analyse.

    Counts here are upper bounds of what the analyser can find — every place a
    piece is written, overlapping or not — which is all the reasoning needs."""

    def __init__(self, counts: Counter, cfg: CheckSettings) -> None:
        self.counts = counts
        self.min_freq = cfg.typo_min_freq_hangul
        self.max_uses = cfg.typo_max_uses
        self.words = list(counts)
        #: the words joined by NULs, the same without any final, and where each word
        #: begins in them: made when a piece's holders are first looked for
        self._joined = self._joined_bare = ""
        self._starts: list[int] = []
        self.written, self.bare = self._windows()
        #: the often-written windows with one syllable masked → (window, written as such at all)
        self.masked: dict[str, list[tuple[str, bool]]] = defaultdict(list)
        for g, written in self._often_written():
            for k in range(_WINDOW):
                self.masked[g[:k] + "?" + g[k + 1:]].append((g, written))

    def _often_written(self) -> list[tuple[str, bool]]:
        """(window, whether it is written as such at all) for each window used at
        least ``min_freq`` times, as written or with a final on its last syllable."""
        m, written = self.min_freq, self.written
        out = [(g, True) for g, n in written.items() if n >= m]
        for g, n in self.bare.items():
            as_such = written.get(g, 0)
            if as_such < m <= as_such + n:  # often written only counting the bare spelling
                out.append((g, as_such > 0))
        return out

    def _windows(self) -> tuple[Counter, Counter]:
        """Every window of three syllables inside a word, with its uses as written and
        its uses as a window written with a final on its last syllable (the noun of
        "관공선" is 관공서): each word's windows counted as often as it is used."""
        uses: dict[str, int] = {}
        get = uses.get
        for w, c in self.counts.items():
            for i in range(len(w) - _WINDOW + 1):
                g = w[i:i + _WINDOW]
                uses[g] = get(g, 0) + c
        end = _WINDOW - 1
        bare: dict[str, int] = {}
        get = bare.get
        for g, c in uses.items():
            o = _BARE.get(ord(g[end]))
            if o is not None:
                b = g[:end] + chr(o)
                bare[b] = get(b, 0) + c
        return Counter(uses), Counter(bare)

    def candidates(self) -> list[str]:
        """The rare words holding a window one jamo from an often-written window
        (each distinct window is judged once)."""
        near: dict[str, bool] = {}
        out = []
        for w, c in self.counts.items():
            if c > self.max_uses:
                continue
            for i in range(len(w) - _WINDOW + 1):
                t = w[i:i + _WINDOW]
                hit = near.get(t)
                if hit is None:
                    hit = near[t] = _near_often_written(t, self.masked)
                if hit:
                    out.append(w)
                    break
        return out

    def _may_be_frequent(self, s: str) -> bool:
        """Whether every window of ``s`` is written often enough for ``s`` to be a
        frequent noun (the last one may be written with a final)."""
        n, written, bare = len(s), self.written, self.bare
        if any(written[s[i:i + _WINDOW]] < self.min_freq for i in range(n - _WINDOW)):
            return False
        last = s[n - _WINDOW:]
        return written[last] + bare[last] >= self.min_freq

    def _holders(self, s: str) -> tuple[list[str], int]:
        """The words holding ``s`` as written or with a final on its last syllable,
        and the uses of those places (an upper bound of the uses of ``s``)."""
        found: dict[int, int] = {}
        if not self._starts:
            self._joined = "\0".join(self.words)
            self._joined_bare = self._joined.translate(_BARE)
            self._starts = part_starts(self.words)
        for as_written, text, piece in ((True, self._joined, s), (False, self._joined_bare, s.translate(_BARE))):
            at = text.find(piece)
            while at >= 0:
                if as_written or self._joined[at:at + len(s) - 1] == s[:-1]:
                    i = bisect_right(self._starts, at) - 1
                    found[i] = found.get(i, 0) + 1
                at = text.find(piece, at + 1)
        words = [self.words[i] for i in found]
        return words, sum(self.counts[self.words[i]] * k for i, k in found.items())

    def _often_written_at(self, f: str, k: int) -> set[str]:
        """The syllables ``y`` for which every window of ``f`` with ``y`` at ``k``
        that covers ``k`` is often written (the candidates for a frequent neighbour)."""
        ys: set[str] | None = None
        for j in range(max(0, k - _WINDOW + 1), min(k, len(f) - _WINDOW) + 1):
            t = f[j:j + _WINDOW]
            at = k - j
            got = {g[at] for g, _ in self.masked.get(t[:at] + "?" + t[at + 1:], ())}
            ys = got if ys is None else ys & got
            if not ys:
                return set()
        return ys or set()

    def completing(self, forms: Iterable[str]) -> set[str]:
        """The words to analyse besides the candidates, given the OOV ``forms`` the
        candidates hold: the holders of each string one jamo from a form that is
        written often enough to be a frequent noun (but for the form without its
        last final, which W402 never reports against it), and the holders of a form
        written more than ``max_uses`` times."""
        out: set[str] = set()
        for f in dict.fromkeys(forms):
            words, uses = self._holders(f)
            if uses > self.max_uses:
                out.update(words)
            plain = without_final(f)
            for k, ch in enumerate(f):
                for y in self._often_written_at(f, k):
                    s = f[:k] + y + f[k + 1:]
                    if s != plain and one_jamo(ch, y) and self._may_be_frequent(s):
                        words, uses = self._holders(s)
                        if uses >= self.min_freq:
                            out.update(words)
        return out


def _near_often_written(t: str, masked: dict[str, list[tuple[str, bool]]]) -> bool:
    """Whether the window ``t`` is one jamo from an often-written window.  A window
    seen only without its last final ("관공서" of "관공선") does not count against
    the same window with that final: that pair is W402's own exception (a noun
    and the noun with a contracted ending, see
    :meth:`~bogo.checks.typos._FrequentNouns.near`)."""
    last = _WINDOW - 1
    for k in range(_WINDOW):
        for g, written in masked.get(t[:k] + "?" + t[k + 1:], ()):
            if g[k] != t[k] and one_jamo(t[k], g[k]) and (written or k != last or without_final(t) != g):
                return True
    return False
