"""The one Korean tokeniser of search, used for indexing and for queries alike.

``tokenize(text)`` returns :class:`Token` records (form, start, end) whose
offsets point into the *original* text, so a hit is highlighted exactly:

1. spaced-out labels ("기 획 담 당 관") are joined before analysis, keeping a
   map from the joined text back to the original offsets;
2. Kiwi (kiwipiepy) analyses the text; particles, endings, suffixes and
   punctuation are dropped, nouns, roots, numbers and Latin words kept;
3. a run of adjacent nouns (a compound, 협력상생담당관) is indexed as the whole
   compound followed by its parts (협력, 상생, 담당관), so a part finds it; a
   long noun that Kiwi keeps whole in some context (or a user word) gets the
   parts of its analysis on its own, so the same word always has the same tokens.

Unit and programme names from the store are added as user words
(:func:`add_user_words`); a user word is still followed by its parts, so the
tokens of a text do not depend on which user words were known at the time.
The analyser (:mod:`bogo.analyser`) loads lazily, once per process, and is
shared with the typo check; each distinct line's tokens are kept in a bounded
per-process cache (:func:`line_tokens`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import analyser

#: Kiwi tags kept as search terms: nouns, roots, numbers, Latin and Hanja words
KEPT_TAGS = frozenset({"NNG", "NNP", "NR", "XR", "SL", "SN", "SH"})
NOUN_TAGS = frozenset({"NNG", "NNP", "NR", "XR", "SL", "SH"})
MIN_SPLIT_CHARS = 4  # a noun Kiwi kept whole in context is still indexed with the parts it has alone
_SPACED = re.compile(r"(?<![가-힣])[가-힣](?: [가-힣]){2,}(?![가-힣])")
#: distinct lines whose tokens a process keeps across documents (the oldest half goes when full)
LINE_CACHE_SIZE = 20_000
_LINES: dict[str, list[Token]] = {}
_LINES_FOR = [-1]  # the analyser generation the cached lines were made in


@dataclass(frozen=True, slots=True)
class Token:
    form: str
    start: int
    end: int
    part: bool = False  # a part of the compound indexed just before it


def add_user_words(words: list[str] | set[str]) -> int:
    """Teach the analyser unit/programme names (each at least 3 characters); returns how many were new."""
    known = analyser.user_words()
    new = list(dict.fromkeys(w for w in ("".join(w.split()) for w in words)
                             if len(w) >= 3 and w not in known and re.fullmatch(r"[가-힣A-Za-z0-9]+", w)))
    # every word analysed before any is added: each addition makes the analyser rebuild
    # itself on its next use (seconds), so analysing between additions is one rebuild per word
    for w in new:
        _parts_of(w)  # the base analysis, so that a user word is still followed by its parts
    return sum(analyser.add_user_word(w, "NNP") for w in new)


@lru_cache(maxsize=4096)
def _parts_of(word: str) -> tuple[tuple[str, int, int], ...]:
    """The base analysis of a word as (form, start, end) of its noun parts."""
    return tuple((t.form, t.start, t.start + t.len) for t in analyser.tokenize(word) if t.tag in NOUN_TAGS)


def join_spaced_with_map(text: str) -> tuple[str, list[int]]:
    """``text`` with spaced-out labels joined, and for each character its offset in ``text``."""
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _SPACED.finditer(text):
        out.append(text[pos:m.start()])
        offsets.extend(range(pos, m.start()))
        for i in range(m.start(), m.end(), 2):
            out.append(text[i])
            offsets.append(i)
        pos = m.end()
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    return "".join(out), offsets


def _norm_form(form: str, tag: str) -> str:
    return form.lower() if tag == "SL" else form


def _runs(kiwi_tokens) -> list[list[tuple[str, int, int, str]]]:
    """Kept tokens grouped into runs of adjacent nouns (one token per run otherwise)."""
    runs: list[list[tuple[str, int, int, str]]] = []
    prev_end, prev_noun = -1, False
    for t in kiwi_tokens:
        if t.tag not in KEPT_TAGS:
            prev_noun = False
            continue
        item = (_norm_form(t.form, t.tag), t.start, t.start + t.len, t.tag)
        is_noun = t.tag in NOUN_TAGS
        if runs and prev_noun and is_noun and t.start == prev_end:
            runs[-1].append(item)
        else:
            runs.append([item])
        prev_end, prev_noun = t.start + t.len, is_noun
    return runs


def _expand(run: list[tuple[str, int, int, str]], joined: str) -> list[Token]:
    """A run as its compound and parts (a user word is split into its base parts)."""
    if len(run) == 1:
        form, s, e, tag = run[0]
        parts = _parts_of(form) if tag in NOUN_TAGS and len(form) >= MIN_SPLIT_CHARS else ()
        if len(parts) < 2:
            return [Token(form, s, e)]
        return [Token(form, s, e)] + [Token(f, s + ps, s + pe, True) for f, ps, pe in parts]
    s, e = run[0][1], run[-1][2]
    out = [Token(joined[s:e], s, e)]
    for part in run:
        out.extend(t if t.part else Token(t.form, t.start, t.end, True) for t in _expand([part], joined))
    return out


def tokenize(text: str) -> list[Token]:
    """The search tokens of ``text``, with offsets into ``text`` itself."""
    if not text or not text.strip():
        return []
    joined, offsets = join_spaced_with_map(text)
    tokens: list[Token] = []
    for run in _runs(analyser.tokenize(joined)):
        for t in _expand(run, joined):
            start = offsets[t.start]
            end = offsets[t.end - 1] + 1
            tokens.append(Token(t.form, start, end, t.part))
    return tokens


def line_tokens(line: str) -> list[Token]:
    """``tokenize(line)``, kept in a bounded per-process cache of distinct lines.

    Reports repeat lines across documents (headings, table labels, boilerplate),
    so an ingest worker meets most lines again.  The tokens depend only on the
    line and the analyser's user words, so the cache starts afresh whenever those
    change (or the analyser is reloaded).  Do not modify the returned list.
    """
    if _LINES_FOR[0] != analyser.generation():
        _LINES.clear()
        _LINES_FOR[0] = analyser.generation()
    toks = _LINES.get(line)
    if toks is None:
        if len(_LINES) >= LINE_CACHE_SIZE:
            for old in list(_LINES)[:len(_LINES) // 2]:
                del _LINES[old]
        toks = _LINES[line] = tokenize(line)
    return toks


def tokens_by_line(text: str, cache: dict[str, list[Token]] | None = None) -> list[list[Token]]:
    """Each line's tokens (offsets into the line), each distinct line analysed once per
    ``cache`` and, across documents, once per process (:func:`line_tokens`).

    A document's passages repeat its lines (a task's parts are also its
    section's paragraphs), so the ingest worker keeps one cache per document.
    Lines are independent for the tokens kept (a compound never spans a line
    break).  Do not modify the returned lists."""
    cache = {} if cache is None else cache
    out: list[list[Token]] = []
    for line in text.split("\n"):
        toks = cache.get(line)
        if toks is None:
            toks = cache[line] = line_tokens(line)
        out.append(toks)
    return out


def index_text(tokens: list[Token]) -> str:
    """The tokens as the space-separated text the full-text engines index."""
    return " ".join(t.form for t in tokens)


def query_terms(text: str) -> list[list[str]]:
    """A query as phrases: each compound becomes the phrase of its parts, ANDed together."""
    phrases: list[list[str]] = []
    for t in tokenize(text):
        if t.part:
            if phrases and phrases[-1][0] is None:
                phrases[-1].append(t.form)
            else:
                phrases[-1] = [None, t.form]  # type: ignore[list-item]
        else:
            phrases.append([t.form])
    return [[w for w in p if w is not None] for p in phrases]
