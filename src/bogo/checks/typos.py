"""Typo candidates for W402: Latin tokens and analyser-unknown Hangul morphemes.

The Korean analyser (kiwipiepy, :mod:`bogo.analyser`, one per process, shared
with search) takes about a second to load, so it is used only when a word is not
in the on-disk cache of analyses (:mod:`bogo.checks.wordcache`).  Its light load
options (no multi-word dictionary) give the same findings as the full analyser
on every seed, example and sample (``tests/checks/test_typo_cache.py``).
Only the words that may change the findings are analysed
(:mod:`bogo.checks.typo_scope`: about a fifth of a report's words), in two
batches per document, and the out-of-vocabulary (OOV) morphemes of every
analysed word are kept in a bounded module-level cache: a word seen once is
never sent again.  A candidate is reported only when a
*frequent* word of the same document is one edit away (Damerau for Latin,
jamo-level Levenshtein for Hangul) — the analyser alone flags too many names.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections import Counter
from itertools import chain, compress
from operator import itemgetter, mul

from pydantic_core import from_json, to_json

from .. import analyser
from ..settings import CheckSettings
from .edits import _damerau1, _jamo, _lev1
from .slips import slip_candidates
from .textwords import HANGUL_WORD, TextWords, split_texts
from .typo_scope import Scope, without_final
from .wordcache import Record, WordCache, encode, records

_DEFAULT = CheckSettings()

MAX_MEMORY_WORDS = 50_000  # words kept in memory per process; the oldest half goes when full
_CACHE: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}
#: the entries of the last documents checked (their words and uses → entries): the
#: words the scope left unanalysed are not in ``_CACHE``, and checking the same
#: document again should not compute its scope again
MAX_MEMORY_DOCUMENTS = 8
_DOCUMENTS: dict[tuple, list] = {}
_DISK: dict[int, WordCache] = {}  # one per process id (a forked worker opens its own)
_HANGUL_WORD = HANGUL_WORD  # the words analysed: Hangul runs of three syllables or more
_LATIN_WORD = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{3,}(?![A-Za-z])")
MIN_OOV_SYLLABLES = 3
#: analyse only the words that may change the findings (:mod:`bogo.checks.typo_scope`);
#: False analyses every word (the reference the scope is tested against)
SCOPED = True


def _analyse_texts(texts: list[str]) -> list:
    """The analyser's own tokens of each text (search's user words blocked)."""
    return analyser.analyse_plain(texts)


def _disk() -> WordCache:
    pid = os.getpid()
    if pid not in _DISK:
        _DISK.clear()
        _DISK[pid] = WordCache.for_analyser(analyser.OPTIONS)
    return _DISK[pid]


def _bound_memory() -> None:
    if len(_CACHE) > MAX_MEMORY_WORDS:
        for w in list(_CACHE)[:len(_CACHE) // 2]:
            del _CACHE[w]


def latin_typos(texts, cfg: CheckSettings = _DEFAULT,
                latin: list[bool] | None = None) -> list[tuple[int, str | None, str, str]]:
    """Upper-case Latin words one swap from a frequent one.  ``latin[i]`` (optional,
    :class:`~bogo.checks.textwords.TextWords`) is False when text ``i`` holds no
    ASCII letter: such a text holds no Latin word and is not scanned."""
    scanned = range(len(texts)) if latin is None else [i for i, has in enumerate(latin) if has]
    found = [(texts[i], _LATIN_WORD.findall(texts[i][1])) for i in scanned]
    counts = Counter(w for _, ws in found for w in ws)
    frequent = [w for w, n in counts.items() if n >= cfg.typo_min_freq_latin and w.isupper()]
    out = []
    for (line, _, table), ws in found:
        for w in ws:
            if counts[w] > 1 or not w.isupper():
                continue
            # only two letters swapped (COIVD for COVID): a letter more or less
            # is most often another acronym (HTML/XHTML, DBMS/RDBMS)
            near = [f for f in frequent if len(f) == len(w) and sorted(f) == sorted(w) and _damerau1(w, f)]
            if len(near) == 1:
                out.append((line, table, w, near[0]))
    return out


Entry = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


def _entry(word: str, toks: list[Record]) -> Entry:
    """(the word's OOV morphemes, its known noun morphemes, its syllables); the
    syllables are interned, one string each, shared by every word."""
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
    return tuple(oov), tuple(nouns), tuple(map(sys.intern, word))


def _known(words: list[str]) -> dict[str, Entry]:
    """The entries of those ``words`` analysed before: in memory, or in the disk cache."""
    _bound_memory()
    got = {w: _CACHE[w] for w in words if w in _CACHE}
    rest = [w for w in words if w not in got]
    if rest:
        for w, toks in _disk().get_many(rest).items():
            got[w] = _CACHE[w] = _entry(w, toks)
    return got


def _fresh(words: list[str]) -> dict[str, Entry]:
    """The entries of ``words`` (none analysed before), from the analyser now; kept
    in memory and on disk.  The analyser's tokens are read once
    (:func:`~bogo.checks.wordcache.records`), into what a later run reads back."""
    if not words:
        return {}
    toks = {w: records(t) for w, t in zip(words, _analyse_texts(words), strict=True)}
    _disk().put_many({w: encode(t) for w, t in toks.items()})
    got = {w: _entry(w, t) for w, t in toks.items()}
    _CACHE.update(got)
    return got


def _analyse(words: list[str]) -> dict[str, Entry]:
    """The entries of every one of ``words``, analysed before or now."""
    got = _known(words)
    got.update(_fresh([w for w in words if w not in got]))
    return got


def _note_key(key: tuple) -> str:
    """The disk-cache name of a document's scope: a hash of its words and uses."""
    return "scope:" + hashlib.sha256(repr(key).encode()).hexdigest()[:32]


def _scope_known(note_key: str, known: dict[str, Entry]) -> bool:
    """Whether an earlier run computed this document's scope (a note on disk) and
    every word of it is still known: then no other word needs the analyser."""
    note = _disk().get_note(note_key)
    if note is None:
        return False
    try:
        scoped = from_json(note)
    except ValueError:
        return False
    return type(scoped) is list and all(type(w) is str and w in known for w in scoped)


#: below this share of words never analysed, all of them are analysed rather than
#: the scope computed (which costs about half as much per word as the analyser)
SCOPE_FROM_SHARE = 0.5


def _scoped_entries(counts: Counter, cfg: CheckSettings) -> list[Entry]:
    """The entry of every word of ``counts``, in order: every word analysed before
    is read back; of the others, only those that may change W402's findings
    (:class:`~bogo.checks.typo_scope.Scope`) are analysed, and the rest keep only
    their syllables.  Entries beyond the scope change nothing (see the module)."""
    key = (cfg.typo_min_freq_hangul, cfg.typo_max_uses, *counts.items())
    done = _DOCUMENTS.get(key)
    if done is not None:
        return done
    words = list(counts)
    known = _known(words)
    missing = [w for w in words if w not in known]
    if len(missing) <= SCOPE_FROM_SHARE * len(words):
        known.update(_fresh(missing))
    elif not _scope_known(note := _note_key(key), known):
        scope = Scope(counts, cfg)
        candidates = scope.candidates()
        known.update(_fresh([w for w in candidates if w not in known]))
        forms = [f for w, e in known.items() if counts[w] <= cfg.typo_max_uses for f in e[0]]
        completing = scope.completing(forms)
        known.update(_fresh([w for w in completing if w not in known]))
        _disk().put_note(note, to_json(sorted({*candidates, *completing})))
    entries = [known.get(w) or ((), (), tuple(map(sys.intern, w))) for w in words]
    if len(_DOCUMENTS) >= MAX_MEMORY_DOCUMENTS:
        del _DOCUMENTS[next(iter(_DOCUMENTS))]
    _DOCUMENTS[key] = entries
    return entries


_NOUN_TAGS = ("NNG", "NNP")


def hangul_typos(texts, cfg: CheckSettings = _DEFAULT,
                 words: TextWords | None = None) -> list[tuple[int, str | None, str, str]]:
    """Analyser-unknown morphemes one jamo from a frequent noun, then rare-syllable
    slips.  ``words`` (optional) is :func:`~bogo.checks.textwords.split_texts` of
    ``texts``, split once for every check."""
    if words is None:
        words = split_texts(texts)
    counts = words.counts
    # a batch's parent, loading the analyser for its workers, analyses its first report
    # whole: the model's parts built on first use are then built once, in shared memory
    if SCOPED and not analyser.loading_to_share():
        entries = _scoped_entries(counts, cfg)
    else:
        every = _analyse(list(counts))
        entries = [every[w] for w in counts]
    oovs = list(map(_OOV, entries))
    oov = dict(compress(zip(counts, oovs, strict=True), oovs))  # word → its OOV forms, if any
    slips = rare_syllable_slips(words, counts, cfg, list(map(_SYLLABLES, entries)))
    if not oov:
        return slips
    # the nouns of every word, repeated by its uses, counted in C
    nouns = Counter(chain.from_iterable(map(mul, map(_NOUNS, entries), counts.values())))
    frequent = _FrequentNouns([form for form, n in nouns.items() if n >= cfg.typo_min_freq_hangul])
    near: dict[str, list[str]] = {}
    for forms in oov.values():
        for form in forms:
            if form not in near:
                near[form] = frequent.near(form)
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
    out = _occurrences(words, reported)
    seen = {(x[0], x[2]) for x in out}
    return out + [x for x in slips if (x[0], x[2]) not in seen]


_OOV, _NOUNS, _SYLLABLES = itemgetter(0), itemgetter(1), itemgetter(2)  # the parts of a ``_CACHE`` entry


class _FrequentNouns:
    """The frequent nouns of one document, by length, and (per length, on first
    use) those of Hangul syllables only indexed with one syllable masked.

    Two Hangul words of as many syllables one jamo apart differ in exactly one
    syllable (a jamo edit stays inside its syllable: initial, medial and final
    jamo are distinct letters, and only a final may come or go), so a word is
    compared only with the nouns that differ from it in one syllable."""

    def __init__(self, frequent: list[str]) -> None:
        self._by_len: dict[int, list[str]] = {}
        for form in frequent:
            self._by_len.setdefault(len(form), []).append(form)
        self._index: dict[int, tuple[dict[str, list[str]], list[str]]] = {}

    def _indexed(self, n: int) -> tuple[dict[str, list[str]], list[str]]:
        """(masked Hangul nouns of ``n`` syllables → nouns, the other nouns of ``n`` letters)."""
        got = self._index.get(n)
        if got is None:
            masked: dict[str, list[str]] = {}
            other: list[str] = []
            for s in self._by_len.get(n, ()):
                if _HANGUL_WORD.fullmatch(s):
                    for i in range(n):
                        masked.setdefault(s[:i] + "?" + s[i + 1:], []).append(s)
                else:
                    other.append(s)
            got = self._index[n] = masked, other
        return got

    def near(self, form: str) -> list[str]:
        """The frequent nouns one jamo from ``form`` (an OOV form: Hangul syllables
        only), but for the form without its last final: "관공선" is the noun 관공서
        with a contracted ending (관공서 + 이 + ㄴ), not a misspelling of it."""
        masked, other = self._indexed(len(form))
        cands = [s for i in range(len(form)) for s in masked.get(form[:i] + "?" + form[i + 1:], ())]
        jf, contracted = _jamo(form), without_final(form)
        return [s for s in cands + other if s != form and s != contracted and _lev1(jf, _jamo(s))]


def _occurrences(words: TextWords,
                 reported: dict[str, list[tuple[str, str]]]) -> list[tuple[int, str | None, str, str]]:
    """(line, table, found, expected) for every use of a reported word, text by text
    (only the texts that hold one are split)."""
    out: list[tuple[int, str | None, str, str]] = []
    for i in words.texts_holding(list(reported)) if reported else ():
        line, text, table = words.texts[i]
        for w in _HANGUL_WORD.findall(text):
            for found, expected in reported.get(w, ()):
                out.append((line, table, found, expected))
    return out


def rare_syllable_slips(words: TextWords, counts: Counter, cfg: CheckSettings = _DEFAULT,
                        syllables: list[tuple[str, ...]] | None = None) -> list[tuple[int, str | None, str, str]]:
    """A very frequent word with one syllable slipped to a rare one ("사업계휙" for
    사업계획): the analyser may read the rare syllable as a word of its own (휙), so
    OOV alone misses it.  A word's beginning (its stem, before any particle) is
    compared with the beginnings of words written at least ``cfg.typo_min_freq_slip`` times;
    the slipped syllable must be one jamo from the frequent one and written at most
    ``cfg.typo_rare_syllable_uses`` times in the whole document.

    ``counts`` holds the Hangul words of ``words`` and their uses (``syllables``,
    optional: the syllables of each, in the same order).  The search itself is
    :func:`bogo.checks.slips.slip_candidates`."""
    found = _stray_syllable_only(slip_candidates(counts, cfg, syllables))
    return _occurrences(words, {w: [(f[0], f[1])] for w, f in found.items()})


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


# noun-forming last syllables: 제안사/제안서/제안자 are three words, not typos
_SUFFIXES = set("사자서원관소장비료금표회단부실과국청처계권율률도식적성화")


def _suffix_variant(a: str, b: str) -> bool:
    """The two forms differ only in a last syllable that is a common suffix."""
    return len(a) == len(b) and a[:-1] == b[:-1] and a[-1] in _SUFFIXES and b[-1] in _SUFFIXES
