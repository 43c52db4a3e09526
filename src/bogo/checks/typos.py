"""Typo candidates for W402: Latin tokens and analyser-unknown Hangul morphemes.

The Korean analyser (kiwipiepy, :mod:`bogo.analyser`, one per process, shared
with search) takes about a second to load, so it is used only when a word is not
in the on-disk cache of analyses (:mod:`bogo.checks.wordcache`).  Its light load
options (no multi-word dictionary) give the same findings as the full analyser
on every seed, example and sample (``tests/checks/test_typo_cache.py``).
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

from .. import analyser
from ..settings import CheckSettings
from .textwords import HANGUL_WORD
from .wordcache import Record, WordCache, encode, records

_DEFAULT = CheckSettings()

MAX_MEMORY_WORDS = 50_000  # words kept in memory per process; the oldest half goes when full
_CACHE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
_DISK: dict[int, WordCache] = {}  # one per process id (a forked worker opens its own)
_HANGUL_WORD = HANGUL_WORD  # the words analysed: Hangul runs of three syllables or more
_LATIN_WORD = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{3,}(?![A-Za-z])")
MIN_OOV_SYLLABLES = 3


def _analyse_texts(texts: list[str]) -> list:
    """The analyser's own tokens of each text (search's user words blocked)."""
    return analyser.analyse_plain(texts)


def _disk() -> WordCache:
    pid = os.getpid()
    if pid not in _DISK:
        _DISK.clear()
        _DISK[pid] = WordCache.for_analyser(analyser.OPTIONS)
    return _DISK[pid]


def _tokenize(words: list[str]) -> list[list[Record]]:
    """Each word's tokens, from the disk cache or (for the rest) the analyser, as
    records (form, tag, start, len, oov, score): the analyser's tokens are read once
    (:func:`~bogo.checks.wordcache.records`), into what a later run reads back
    from the disk cache."""
    disk = _disk()
    found: dict[str, list[Record]] = dict(disk.get_many(words))
    todo = [w for w in words if w not in found]
    if todo:
        fresh = {w: records(toks) for w, toks in zip(todo, _analyse_texts(todo), strict=True)}
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


def latin_typos(texts, cfg: CheckSettings = _DEFAULT,
                latin: list[bool] | None = None) -> list[tuple[int, str | None, str, str]]:
    """Upper-case Latin words one swap from a frequent one.  ``latin[i]`` (optional,
    :class:`~bogo.checks.textwords.TextWords`) is False when text ``i`` holds no
    ASCII letter: such a text holds no Latin word and is not scanned."""
    found = [_LATIN_WORD.findall(text) if latin is None or latin[i] else []
             for i, (_, text, _) in enumerate(texts)]
    counts = Counter(w for ws in found for w in ws)
    frequent = [w for w, n in counts.items() if n >= cfg.typo_min_freq_latin and w.isupper()]
    out = []
    for (line, _, table), ws in zip(texts, found, strict=True):
        for w in ws:
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
        oov: list[str] = []
        nouns: list[str] = []
        for form, tag, _, _, unknown, _ in toks:
            if len(form) < MIN_OOV_SYLLABLES:
                continue
            if unknown:
                if _HANGUL_WORD.fullmatch(form):
                    oov.append(form)
            elif tag in _NOUN_TAGS:
                nouns.append(form)
        _CACHE[w] = (tuple(oov), tuple(nouns))


_NOUN_TAGS = ("NNG", "NNP")


def hangul_typos(texts, cfg: CheckSettings = _DEFAULT,
                 hangul: list[list[str]] | None = None) -> list[tuple[int, str | None, str, str]]:
    """Analyser-unknown morphemes one jamo from a frequent noun, then rare-syllable
    slips.  ``hangul[i]`` (optional, :class:`~bogo.checks.textwords.TextWords`) is
    ``_HANGUL_WORD.findall`` of text ``i``, split once for every check."""
    if hangul is None:
        hangul = [_HANGUL_WORD.findall(text) for _, text, _ in texts]
    counts = Counter(w for ws in hangul for w in ws)
    _analyse(list(counts))
    oov = {w: _CACHE[w][0] for w in counts if _CACHE[w][0]}
    slips = rare_syllable_slips(texts, counts, cfg, hangul)
    if not oov:
        return slips
    nouns: Counter = Counter()
    for w, n in counts.items():
        for form in _CACHE[w][1]:
            nouns[form] += n
    frequent: dict[int, list[str]] = {}
    for form, n in nouns.items():
        if n >= cfg.typo_min_freq_hangul:
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
    reported = {}  # word → its (form, frequent form) candidates, in the order of its forms
    for w, forms in oov.items():
        hits = [(form, near[form][0]) for form in forms if len(near[form]) == 1
                and uses[form] <= cfg.typo_max_uses and not _suffix_variant(form, near[form][0])]
        if hits:
            reported[w] = hits
    out = _occurrences(texts, hangul, reported)
    seen = {(x[0], x[2]) for x in out}
    return out + [x for x in slips if (x[0], x[2]) not in seen]


def _occurrences(texts, hangul: list[list[str]],
                 reported: dict[str, list[tuple[str, str]]]) -> list[tuple[int, str | None, str, str]]:
    """(line, table, found, expected) for every use of a reported word, text by text."""
    out: list[tuple[int, str | None, str, str]] = []
    if not reported:
        return out
    for (line, _, table), ws in zip(texts, hangul, strict=True):
        for w in ws:
            for found, expected in reported.get(w, ()):
                out.append((line, table, found, expected))
    return out


def rare_syllable_slips(texts, counts: Counter, cfg: CheckSettings = _DEFAULT,
                        hangul: list[list[str]] | None = None) -> list[tuple[int, str | None, str, str]]:
    """A very frequent word with one syllable slipped to a rare one ("사업계휙" for
    사업계획): the analyser may read the rare syllable as a word of its own (휙), so
    OOV alone misses it.  A word's beginning (its stem, before any particle) is
    compared with the beginnings of words written at least ``cfg.typo_min_freq_slip`` times;
    the slipped syllable must be one jamo from the frequent one and written at most
    ``cfg.typo_rare_syllable_uses`` times in the whole document."""
    syllables: dict[str, int] = {}  # every syllable and beginning of a word of ``counts``: lookups never miss
    prefixes: dict[str, int] = {}
    for w, n in counts.items():
        for ch in w:
            syllables[ch] = syllables.get(ch, 0) + n
        for k in range(3, len(w) + 1):
            p = w[:k]
            prefixes[p] = prefixes.get(p, 0) + n
    masked: dict[str, list[str]] = {}
    for f, n in prefixes.items():
        if n >= cfg.typo_min_freq_slip:
            for i in range(len(f)):
                masked.setdefault(f[:i] + "?" + f[i + 1:], []).append(f)
    found: dict[str, tuple[str, str, int]] = {}
    # _slip_in tries only the word's rare syllables: a word without one has no slip
    rare = {ch for ch, n in syllables.items() if n <= cfg.typo_rare_syllable_uses}
    for w, n in counts.items():
        if n > cfg.typo_max_uses or rare.isdisjoint(w):
            continue
        hit = _slip_in(w, syllables, prefixes, masked, cfg)
        if hit:
            found[w] = hit
    found = _stray_syllable_only(found)
    if hangul is None:
        hangul = [_HANGUL_WORD.findall(text) for _, text, _ in texts]
    return _occurrences(texts, hangul, {w: [(f[0], f[1])] for w, f in found.items()})


# tags the analyser gives a stray syllable it cannot fit into the word: adverb,
# conjunctive adverb, interjection, determiner, root ("사업계휙" → 사업/계/휙:MAG)
_STRAY_TAGS = frozenset({"MAG", "MAJ", "IC", "MM", "XR"})


def _stray_syllable_only(found: dict[str, tuple[str, str, int]]) -> dict[str, tuple[str, str, int]]:
    """Keep the candidates whose slipped syllable the analyser reads as a stray
    one-syllable word; a candidate it reads as known words ("재난관리" beside
    재산관리, "공공분" beside 공공부) is a word of its own, not a slip."""
    if not found:
        return found
    keys = list(found)
    kept = {}
    for w, toks in zip(keys, _analyse_texts([found[w][0] for w in keys]), strict=False):
        i = found[w][2]
        if any(t.start == i and t.len == 1 and t.tag in _STRAY_TAGS and not getattr(t, "oov", False)
               for t in toks):
            kept[w] = found[w]
    return kept


def _slip_in(w: str, syllables: dict[str, int], prefixes: dict[str, int],
             masked: dict[str, list[str]], cfg: CheckSettings) -> tuple[str, str, int] | None:
    """(slipped form, frequent form, position) for the longest beginning of ``w``
    that is a frequent beginning with one rare syllable changed by one jamo."""
    for i, ch in enumerate(w):
        if syllables[ch] > cfg.typo_rare_syllable_uses:
            continue
        for k in range(len(w), max(i + 1, 3) - 1, -1):
            if prefixes[w[:k]] >= cfg.typo_min_freq_slip:
                break
            cands = [f for f in masked.get(w[:i] + "?" + w[i + 1:k], ())
                     if syllables[f[i]] >= cfg.typo_min_freq_slip and _lev1(_jamo(ch), _jamo(f[i]))]
            if len(cands) == 1:
                return w[:k], cands[0], i
    return None


# noun-forming last syllables: 제안사/제안서/제안자 are three words, not typos
_SUFFIXES = set("사자서원관소장비료금표회단부실과국청처계권율률도식적성화")


def _suffix_variant(a: str, b: str) -> bool:
    """The two forms differ only in a last syllable that is a common suffix."""
    return len(a) == len(b) and a[:-1] == b[:-1] and a[-1] in _SUFFIXES and b[-1] in _SUFFIXES


def _lev1(a: str, b: str) -> bool:
    if len(a) != len(b):
        return _damerau1(a, b)
    return sum(x != y for x, y in zip(a, b, strict=False)) == 1
