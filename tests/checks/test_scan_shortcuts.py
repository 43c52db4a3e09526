"""The shortcuts of the wording and date checks decide exactly as the plain forms.

Each fast form (a pattern rewritten to open with a class, a prefilter that skips
texts, a pruned search) is compared with the plain form it replaces, on
generated inputs: the same matches, no text skipped that the plain form would
flag, the same slips and near nouns.  And a run keeps nothing of one report for
the next: a report checked after another gets the findings it gets alone.
"""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import bogo
from bogo.checks import dates, run_checks, wording
from bogo.checks.context import Context, Line
from bogo.checks.edits import _jamo, _lev1
from bogo.checks.slips import slip_candidates
from bogo.checks.textwords import split_texts
from bogo.checks.typo_scope import without_final
from bogo.checks.typos import _FrequentNouns
from bogo.settings import CheckSettings
from conftest import SEED_FILES

_DATE_CHARS = list("0123456789(.,월화목일년 ~'\u00a0１a") + ["13", "20", "29", "31", "2024", "19"]
_WORD_CHARS = ["가", "나", "다", "적", "인", "을", "가나", "적인", " ", "·", ",", "/", "ㆍ", "\t", "1", "-", "\0", "b"]


def _text(chars, max_size=12):
    return st.lists(st.sampled_from(chars), max_size=max_size).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_text(_DATE_CHARS))
def test_date_line_filter_is_the_candidate_pattern(text):
    assert dates._candidate(text) == (dates._CANDIDATE.search(text) is not None)


def _plain_variant_pattern(names):
    alts = ["(?:" + r"[ ·ㆍ]?".join(re.escape(ch) for ch in n) + ")" for n in sorted(names, key=len, reverse=True)]
    return re.compile(r"(?<![가-힣])(?:" + "|".join(alts) + ")")


@settings(max_examples=500, deadline=None)
@given(st.lists(_text(list("가나다관(1·"), 5).filter(bool), min_size=1, max_size=4),
       st.lists(_text(list("가나다관 ·ㆍ(1\n"), 14), max_size=8))
def test_unit_variant_pattern_matches_as_the_plain_one(names, texts):
    fast, plain = wording._variant_pattern(names), _plain_variant_pattern(names)
    for t in texts:
        assert [(m.span(), m.group()) for m in fast.finditer(t)] == [(m.span(), m.group()) for m in plain.finditer(t)]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(_text(_WORD_CHARS), st.booleans()), max_size=12))
def test_repeat_prefilter_keeps_every_text_with_a_repeat(cells):
    texts = [(i, t, "t1" if in_table else None) for i, (t, in_table) in enumerate(cells)]
    kept = set(wording._may_repeat(split_texts(texts)))
    assert all(i in kept for i, t, _ in texts if wording._DUP.search(t))


_PROSE_CHARS = list("가나관부 ·ㆍ→총5")


@settings(max_examples=800, deadline=None)
@given(st.lists(_text(_PROSE_CHARS, 10), max_size=6),
       st.sampled_from([re.compile("→|->"), re.compile(r"총\s*\d"), re.compile("관"), re.compile(r"나\s가")]))
def test_lines_matching_gives_every_line_with_a_match(texts, pattern):
    ctx = Context(None, lines=[Line(i + 1, t) for i, t in enumerate(texts)])
    got = ctx.lines_matching(pattern)
    assert got == sorted(set(got))
    assert {i for i, t in enumerate(texts) if pattern.search(t)} <= set(got)


@settings(max_examples=800, deadline=None)
@given(st.lists(_text(_PROSE_CHARS, 10), max_size=6), st.lists(_text(_PROSE_CHARS + ["\n"], 4).filter(bool),
                                                                min_size=1, max_size=4))
def test_split_names_as_counted_over_the_whole_prose(texts, names):
    ctx = Context(None, lines=[Line(i + 1, t) for i, t in enumerate(texts)])
    text = "\n".join(texts)
    bare = text.replace(" ", "").replace("·", "").replace("ㆍ", "")
    assert wording._split_names(ctx, names) == [n for n in names if bare.count(n) > text.count(n)]


def test_texts_matching_and_holding():
    tw = split_texts([(1, "가나다 COVID", None), (2, "라마바사", "t1"), (3, "", None), (4, "가나다라", None)])
    assert tw.latin == [True, False, False, False]
    assert tw.texts_matching(re.compile("가나")) == [0, 3]
    assert tw.texts_holding(["마바", "다라"]) == [1, 3]
    assert tw.counts == Counter({"가나다": 1, "라마바사": 1, "가나다라": 1})


def _slips_exhaustive(counts, cfg):
    """The rare-syllable search without its shortcuts (every beginning counted)."""
    syllables, prefixes = Counter(), Counter()
    for w, n in counts.items():
        for ch in w:
            syllables[ch] += n
        for k in range(3, len(w) + 1):
            prefixes[w[:k]] += n
    masked = {}
    for f, n in prefixes.items():
        if n >= cfg.typo_min_freq_slip:
            for i in range(len(f)):
                masked.setdefault(f[:i] + "?" + f[i + 1:], []).append(f)
    found = {}
    for w, n in counts.items():
        if n > cfg.typo_max_uses:
            continue
        for i, ch in enumerate(w):
            if syllables[ch] > cfg.typo_rare_syllable_uses:
                continue
            hit = None
            for k in range(len(w), max(i + 1, 3) - 1, -1):
                if prefixes[w[:k]] >= cfg.typo_min_freq_slip:
                    break
                cands = [f for f in masked.get(w[:i] + "?" + w[i + 1:k], ())
                         if syllables[f[i]] >= cfg.typo_min_freq_slip and _lev1(_jamo(ch), _jamo(f[i]))]
                if len(cands) == 1:
                    hit = w[:k], cands[0], i
                    break
            if hit:
                found[w] = hit
                break
    return found


_SYLLABLES = list("사업계획추진휙획회훽곽")


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(_text(_SYLLABLES, 7).filter(lambda w: len(w) >= 3), st.integers(1, 8), max_size=30),
       st.sampled_from([CheckSettings(), CheckSettings(typo_min_freq_slip=3, typo_rare_syllable_uses=3,
                                                       typo_max_uses=3)]))
def test_slip_search_finds_what_the_exhaustive_one_finds(uses, cfg):
    counts = Counter(uses)
    assert slip_candidates(counts, cfg) == _slips_exhaustive(counts, cfg)


def test_a_known_slip_is_found():
    counts = Counter({"사업계획": 5, "사업계획을": 1, "사업계휙": 1})
    assert slip_candidates(counts, CheckSettings()) == {"사업계휙": ("사업계휙", "사업계획", 3)}


@settings(max_examples=400, deadline=None)
@given(st.lists(_text(_SYLLABLES + ["A"], 5).filter(lambda w: len(w) >= 2), max_size=25),
       _text(_SYLLABLES, 5).filter(lambda w: len(w) >= 2))
def test_near_nouns_are_the_nouns_one_jamo_away(frequent, form):
    # but for the form without its last final: that is the noun with a contracted ending
    brute = [s for s in frequent if len(s) == len(form) and s != form and s != without_final(form)
             and _lev1(_jamo(form), _jamo(s))]
    assert sorted(_FrequentNouns(frequent).near(form)) == sorted(brute)


def test_a_report_checked_after_another_gets_its_own_findings():
    first, second = bogo.parse(SEED_FILES[0]), bogo.parse(SEED_FILES[-1])

    def keys(result, path):
        return [f.model_dump_json() for p, _, fs in result.files if p == path for f in fs]

    alone = keys(run_checks([bogo.parse(SEED_FILES[-1])]), second.source.path)
    assert alone and keys(run_checks([first, second]), second.source.path) == alone


def test_t104_matching_formulas_come_in_the_candidates_order():
    """The formulas a percentage shows are kept in the candidates' order, not in a
    set's: when formulas tie, the one whose value a finding expects must be the same
    in every process (a set of tuples of strings iterates in hash order)."""
    from bogo.checks.tables_pct import _shown

    cands = {("share", 3): (50.0, 0.0), ("ratio", 1, 2): (50.0, 0.0), ("part", 1, 2): (33.3, 0.0),
             ("ratio", 2, 1): (200.0, 0.0), ("share", 1): (50.0, 0.0)}
    assert list(_shown(cands, 50.0, 1, False)) == [("share", 3), ("ratio", 1, 2), ("share", 1)]
