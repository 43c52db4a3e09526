"""The one Korean analyser (kiwipiepy) of a process, shared by search and W402.

The analyser costs ~0.8 s of CPU and ~240 MB of memory to load, so a process
holds one, created lazily on first use, whoever asks first: the search
tokeniser (:mod:`bogo.search.tokens`, which also makes the trackers' word sets)
and the typo check (:mod:`bogo.checks.typos`) both call :func:`kiwi`.

- Options (``OPTIONS``): without the multi-word dictionary of WikiData names,
  without the default dictionary of Wikipedia/Namuwiki names and without the typo
  dictionary.  The first halves load time and memory (~490 → ~325 MB); the second
  halves the load again (1.8 → 0.8 s of CPU, 325 → 240 MB) and changes W402 only
  where a name list outvoted the model: "봉안담" (a columbarium wall, a word of the
  funeral law) was analysed as an unknown name one letter from 봉안당 and flagged;
  without the list it is the compound it is.  Search indexes such names by their
  parts, as it does multi-word names.  The typo dictionary is never used (no typo
  correction is asked for) and changes no analysis.
- User words: search teaches the analyser unit and programme names
  (:func:`add_user_word`); :func:`analyse_plain` gives W402 (and its disk cache)
  the analyser's own analyses whatever search added: a text that contains a user
  word goes to a second, plain analyser, loaded only when such a text comes.
- Threads: ``THREADS`` worker threads for batch calls (-1: every core; a worker
  process sets 1).  :func:`share_when_loaded` makes the next load thread-free, so
  that processes forked afterwards may use it, its pages shared copy-on-write;
  an analyser with threads cannot cross a fork (:func:`drop_unusable`).
"""

from __future__ import annotations

import re
from typing import Any

#: kiwipiepy load options; part of W402's disk-cache key
OPTIONS: dict[str, Any] = {"load_default_dict": False, "load_multi_dict": False, "load_typo_dict": False}
#: analyser threads for batch calls (-1: every core); a batch worker process sets 1
THREADS = -1

_KIWI: Any = None
_SHARED = False  # loaded without threads: safe across fork
_SHARE_WHEN_LOADED = False
_USER_WORDS: dict[str, str] = {}  # word → tag, in the order taught
_PATTERN: re.Pattern | None = None  # matches any user word, built when first needed
_PLAIN: Any = None  # an analyser without user words, for the texts that contain one
_PLAIN_SHARED = False  # the plain analyser loaded without threads: safe across fork
_GENERATION = [0]  # bumped whenever what an analysis may say changes (user words, a reload)
_INHERITED: list[Any] = []  # analysers forked from a parent with threads: kept, never used or freed


def kiwi() -> Any:
    """The process's analyser, loaded on first use."""
    global _KIWI, _SHARED
    if _KIWI is None:
        from kiwipiepy import Kiwi

        if _SHARE_WHEN_LOADED:
            _KIWI, _SHARED = _thread_free(Kiwi), True
            _KIWI.tokenize("사업계획")  # the model loads on first use: load it before any fork
        else:
            _KIWI = Kiwi(num_workers=THREADS, **OPTIONS)
    return _KIWI


def _thread_free(kiwi_class: Any) -> Any:
    """An analyser without worker threads (``num_workers=0``: since kiwipiepy 0.21 it means
    exactly that, and the library warns that it once meant every core)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return kiwi_class(num_workers=0, **OPTIONS)


def loaded() -> bool:
    """Whether this process has loaded its analyser."""
    return _KIWI is not None


def tokenize(text: str) -> list:
    """The analyser's tokens of one text, user words included (search)."""
    return kiwi().tokenize(text)


def analyse_plain(texts: list[str]) -> list[list]:
    """Each text's tokens by the analyser's own dictionary, as if no user word had been taught (W402).

    A user word changes only the analysis of a text that contains it, so the
    other texts go to the shared analyser; the few that contain one go to a plain
    analyser of their own, loaded only then (a blocklist is not enough: the
    blocked word still changes how an unknown word around it is cut)."""
    rx = _user_pattern()
    touched = [i for i, t in enumerate(texts) if rx is not None and rx.search(t)]
    if not touched:
        return _batch(kiwi(), texts)
    out: list[list] = [[] for _ in texts]
    mine = set(touched)
    rest = [i for i in range(len(texts)) if i not in mine]
    for idx, toks in zip(rest, _batch(kiwi(), [texts[i] for i in rest]), strict=True):
        out[idx] = toks
    for idx, toks in zip(touched, _batch(_plain(), [texts[i] for i in touched]), strict=True):
        out[idx] = toks
    return out


def _batch(k: Any, texts: list[str]) -> list[list]:
    """One batch call with threads; one call per text when the analyser is thread-free."""
    if not texts:
        return []
    if _SHARED or THREADS == 0:
        return [k.tokenize(t) for t in texts]
    return [list(toks) for toks in k.tokenize(texts)]


def _plain() -> Any:
    """An analyser that is never taught user words (loaded only when one is needed)."""
    global _PLAIN, _PLAIN_SHARED
    if _PLAIN is None:
        from kiwipiepy import Kiwi

        if _SHARE_WHEN_LOADED:
            _PLAIN, _PLAIN_SHARED = _thread_free(Kiwi), True
            _PLAIN.tokenize("사업계획")
        else:
            _PLAIN = Kiwi(num_workers=THREADS, **OPTIONS)
    return _PLAIN


def can_share() -> bool:
    """Whether workers forked now could share this process's analysers: none is loaded with threads."""
    return not ((_KIWI is not None and not _SHARED) or (_PLAIN is not None and not _PLAIN_SHARED))


def preload_shared(user_words: bool) -> bool:
    """Load the analyser thread-free now (and, when user words are or will be taught, the
    plain one), so that worker processes forked afterwards share them; the analyser is
    made ready for the user words taught so far.  False, loading nothing, when this
    process already holds an analyser with threads (forked workers then load their own)."""
    global _SHARE_WHEN_LOADED
    if not can_share():
        return False
    before = _SHARE_WHEN_LOADED
    _SHARE_WHEN_LOADED = True
    try:
        kiwi().tokenize("사업계획")  # a taught word makes the analyser rebuild on its next use: here
        if user_words or _USER_WORDS:
            _plain()
    finally:
        _SHARE_WHEN_LOADED = before
    return True


def add_user_word(word: str, tag: str = "NNP") -> bool:
    """Teach the analyser a word (search); :func:`analyse_plain` keeps ignoring it."""
    global _PATTERN
    if word in _USER_WORDS:
        return False
    added = kiwi().add_user_word(word, tag)
    if added:
        _USER_WORDS[word] = tag
        _PATTERN = None
        _GENERATION[0] += 1
    return added


def generation() -> int:
    """A number that changes whenever the analyser's results may change (user words
    taught, the analyser forgotten): a cache of analyses is valid for one generation."""
    return _GENERATION[0]


def user_words() -> frozenset[str]:
    """The words taught with :func:`add_user_word` to the current analyser."""
    return frozenset(_USER_WORDS)


def _user_pattern() -> re.Pattern | None:
    """A pattern matching any taught user word (None when there is none)."""
    global _PATTERN
    if not _USER_WORDS:
        return None
    if _PATTERN is None:
        _PATTERN = re.compile("|".join(map(re.escape, sorted(_USER_WORDS, key=len, reverse=True))))
    return _PATTERN


def share_when_loaded(on: bool = True) -> None:
    """Load the analyser, when this process first needs it, without threads, so that
    worker processes forked afterwards share its memory (one model for a whole batch)."""
    global _SHARE_WHEN_LOADED
    _SHARE_WHEN_LOADED = on


def loading_to_share() -> bool:
    """Whether the next load (or the use that follows it) prepares an analyser for
    forked workers: a parent that analyses widely then builds the parts of the model
    that load on first use once, in memory the workers share."""
    return _SHARE_WHEN_LOADED


def shared() -> bool:
    """Whether this process holds an analyser that forked workers may use."""
    return _SHARED


def drop_unusable() -> None:
    """In a forked worker: drop an inherited analyser with threads (its threads
    stayed behind: using or freeing it would hang) and use one thread from now on."""
    global _KIWI, _PATTERN, _PLAIN, THREADS
    THREADS = 1  # the workers already share the cores
    if _PLAIN is not None and not _PLAIN_SHARED:
        _INHERITED.append(_PLAIN)
        _PLAIN = None  # loaded again, one-threaded, when needed
    if _SHARED:
        return
    if _KIWI is not None:
        _INHERITED.append(_KIWI)
        _KIWI, _PATTERN = None, None
        _USER_WORDS.clear()
        _GENERATION[0] += 1


def reset() -> None:
    """Forget the analyser and its user words (tests and benches): the next use loads a new one."""
    global _KIWI, _SHARED, _PATTERN, _PLAIN, _PLAIN_SHARED
    _KIWI, _SHARED, _PATTERN, _PLAIN, _PLAIN_SHARED = None, False, None, None, False
    _USER_WORDS.clear()
    _GENERATION[0] += 1
