"""Typo candidates for W402: Latin tokens and analyser-unknown Hangul morphemes.

The Korean analyser (kiwipiepy) takes about a second to load, so it is created
lazily, once per process and only when a word is not in the on-disk cache of
analyses (:mod:`bogo.checks.wordcache`).  It is loaded without its multi-word
dictionary of WikiData names (``ANALYSER_OPTIONS``): that halves its load time
and memory, and gives the same findings on every seed, example and sample
(``tests/test_findings_golden.py``, ``tests/checks/test_typo_cache.py``).
Words are analysed one batch per document and the out-of-vocabulary (OOV)
morphemes of every analysed word are kept in a bounded module-level cache: a
word seen once is never sent again.  A candidate is reported only when a
*frequent* word of the same document is one edit away (Damerau for Latin,
jamo-level Levenshtein for Hangul) — the analyser alone flags too many names.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import lru_cache

from .wordcache import WordCache, encode

_KIWI = None
#: kiwipiepy load options; part of the disk cache's key
ANALYSER_OPTIONS = {"load_multi_dict": False}
#: analyser threads (-1: every core); a batch worker process sets 1
ANALYSER_THREADS = -1
MAX_MEMORY_WORDS = 50_000  # words kept in memory per process; the oldest half goes when full
_CACHE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
_DISK: dict[int, WordCache] = {}  # one per process id (a forked worker opens its own)
_HANGUL_WORD = re.compile(r"[가-힣]{3,}")
_LATIN_WORD = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{3,}(?![A-Za-z])")
MIN_FREQ_LATIN = 2
MIN_FREQ_HANGUL = 3
MAX_TYPO_USES = 2  # a form used more often than this is deliberate, not a slip
MIN_OOV_SYLLABLES = 3


def _kiwi():
    global _KIWI
    if _KIWI is None:
        from kiwipiepy import Kiwi
        _KIWI = Kiwi(num_workers=ANALYSER_THREADS, **ANALYSER_OPTIONS)
    return _KIWI


def _disk() -> WordCache:
    pid = os.getpid()
    if pid not in _DISK:
        _DISK.clear()
        _DISK[pid] = WordCache.for_analyser(ANALYSER_OPTIONS)
    return _DISK[pid]


def _tokenize(words: list[str]) -> list:
    """Each word's tokens, from the disk cache or (for the rest) the analyser."""
    disk = _disk()
    found = disk.get_many(words)
    todo = [w for w in words if w not in found]
    if todo:
        fresh = {w: list(toks) for w, toks in zip(todo, _kiwi().tokenize(todo), strict=True)}
        disk.put_many({w: encode(toks) for w, toks in fresh.items()})
        found.update(fresh)
    return [found[w] for w in words]


def _bound_memory() -> None:
    if len(_CACHE) > MAX_MEMORY_WORDS:
        for w in list(_CACHE)[:len(_CACHE) // 2]:
            del _CACHE[w]


def _damerau1(a: str, b: str) -> bool:
    """True when a and b differ by exactly one edit or one adjacent swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
            and a[diff[1]] == b[diff[0]]
    s, t = (a, b) if len(a) < len(b) else (b, a)
    return any(t[:i] + t[i + 1:] == s for i in range(len(t)))


@lru_cache(maxsize=65536)
def _jamo(word: str) -> str:
    out = []
    for ch in word:
        o = ord(ch) - 0xAC00
        if 0 <= o < 11172:
            out.append(chr(0x1100 + o // 588))
            out.append(chr(0x1161 + (o % 588) // 28))
            if o % 28:
                out.append(chr(0x11A7 + o % 28))
        else:
            out.append(ch)
    return "".join(out)


def latin_typos(texts) -> list[tuple[int, str | None, str, str]]:
    counts = Counter(w for _, text, _ in texts for w in _LATIN_WORD.findall(text))
    frequent = [w for w, n in counts.items() if n >= MIN_FREQ_LATIN and w.isupper()]
    out = []
    for line, text, table in texts:
        for w in _LATIN_WORD.findall(text):
            if counts[w] > 1 or not w.isupper():
                continue
            # only two letters swapped (COIVD for COVID): a letter more or less
            # is most often another acronym (HTML/XHTML, DBMS/RDBMS)
            near = [f for f in frequent if len(f) == len(w) and sorted(f) == sorted(w) and _damerau1(w, f)]
            if len(near) == 1:
                out.append((line, table, w, near[0]))
    return out


def _analyse(words: list[str]) -> None:
    """Fill the cache: word → (its OOV morphemes, its known noun morphemes)."""
    _bound_memory()
    todo = [w for w in words if w not in _CACHE]
    if not todo:
        return
    for w, toks in zip(todo, _tokenize(todo), strict=False):
        oov = tuple(t.form for t in toks if getattr(t, "oov", False)
                    and len(t.form) >= MIN_OOV_SYLLABLES and _HANGUL_WORD.fullmatch(t.form))
        nouns = tuple(t.form for t in toks if not getattr(t, "oov", False)
                      and t.tag in ("NNG", "NNP") and len(t.form) >= MIN_OOV_SYLLABLES)
        _CACHE[w] = (oov, nouns)


def hangul_typos(texts) -> list[tuple[int, str | None, str, str]]:
    counts = Counter(w for _, text, _ in texts for w in _HANGUL_WORD.findall(text))
    _analyse(list(counts))
    oov = {w: _CACHE[w][0] for w in counts if _CACHE[w][0]}
    if not oov:
        return []
    nouns: Counter = Counter()
    for w, n in counts.items():
        for form in _CACHE[w][1]:
            nouns[form] += n
    frequent: dict[int, list[str]] = {}
    for form, n in nouns.items():
        if n >= MIN_FREQ_HANGUL:
            frequent.setdefault(len(form), []).append(form)
    near: dict[str, list[str]] = {}
    for forms in oov.values():
        for form in forms:
            if form not in near:
                jf = _jamo(form)
                near[form] = [s for s in frequent.get(len(form), []) if s != form and _lev1(jf, _jamo(s))]
    uses: Counter = Counter()
    for w, forms in oov.items():
        for form in forms:
            uses[form] += counts[w]
    out = []
    for line, text, table in texts:
        for w in _HANGUL_WORD.findall(text):
            for form in oov.get(w, ()):
                if len(near[form]) == 1 and uses[form] <= MAX_TYPO_USES \
                        and not _suffix_variant(form, near[form][0]):
                    out.append((line, table, form, near[form][0]))
    return out


# noun-forming last syllables: 제안사/제안서/제안자 are three words, not typos
_SUFFIXES = set("사자서원관소장비료금표회단부실과국청처계권율률도식적성화")


def _suffix_variant(a: str, b: str) -> bool:
    """The two forms differ only in a last syllable that is a common suffix."""
    return len(a) == len(b) and a[:-1] == b[:-1] and a[-1] in _SUFFIXES and b[-1] in _SUFFIXES


def _lev1(a: str, b: str) -> bool:
    if len(a) != len(b):
        return _damerau1(a, b)
    return sum(x != y for x, y in zip(a, b, strict=False)) == 1
