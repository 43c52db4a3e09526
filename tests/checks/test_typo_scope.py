"""W402 analyses only the words that may change its findings (bogo.checks.typo_scope):
the same findings as analysing every word, on every seed, example and sample, and
the analyser property the scope rests on holds there."""

from __future__ import annotations

import os
import random
import zlib
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bogo import analyser
from bogo.checks import typos
from bogo.checks.context import Context
from bogo.checks.edits import _jamo, _lev1
from bogo.checks.textwords import split_texts
from bogo.checks.typo_scope import Scope, one_jamo, without_final
from bogo.checks.wordcache import CachedToken, WordCache
from bogo.checks.wording import _words
from bogo.settings import CheckSettings
from conftest import EXAMPLES, SAMPLES, SEED_FILES, parsed

CFG = CheckSettings()


def neighbours(ch: str) -> list[str]:
    """Every Hangul syllable one jamo from ``ch`` (initial, medial or final changed)."""
    o = ord(ch) - 0xAC00
    lead, vowel, final = o // 588, (o % 588) // 28, o % 28
    out = [chr(0xAC00 + x * 588 + vowel * 28 + final) for x in range(19) if x != lead]
    out += [chr(0xAC00 + lead * 588 + x * 28 + final) for x in range(21) if x != vowel]
    out += [chr(0xAC00 + lead * 588 + vowel * 28 + x) for x in range(28) if x != final]
    return out


SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".pdf", ".hwp", ".hwpx", ".html"))
FILES = SEED_FILES + sorted(EXAMPLES.glob("*.txt")) + SAMPLE_FILES


@pytest.fixture
def no_memory(monkeypatch):
    monkeypatch.setenv("BOGO_CACHE_DIR", "off")
    monkeypatch.setattr(typos, "_CACHE", {})
    monkeypatch.setattr(typos, "_DOCUMENTS", {})
    monkeypatch.setattr(typos, "_DISK", {})


def _hangul(path, scoped: bool, monkeypatch):
    monkeypatch.setattr(typos, "SCOPED", scoped)
    monkeypatch.setattr(typos, "_CACHE", {})
    monkeypatch.setattr(typos, "_DOCUMENTS", {})
    words = _words(Context(parsed(path)))
    return typos.hangul_typos(words.texts, CFG, words), len(typos._CACHE), len(words.counts)


def test_scoped_analysis_gives_the_findings_of_analysing_every_word(no_memory, monkeypatch):
    analysed = total = 0
    for path in FILES:
        every, _, _ = _hangul(path, False, monkeypatch)
        scoped, n, words = _hangul(path, True, monkeypatch)
        assert scoped == every, path.name
        analysed, total = analysed + n, total + words
    assert analysed < total * 0.4, f"the scope analysed {analysed} of {total} words"


def test_nouns_and_unknown_morphemes_are_pieces_of_their_word(no_memory):
    """The property the scope rests on: a noun or OOV morpheme of three syllables or
    more is written in its word, or (a noun only) written with a final on its last
    syllable (관공선 = 관공서 + 이 + ㄴ)."""
    for path in SEED_FILES + SAMPLE_FILES:
        words = list(_words(Context(parsed(path))).counts)
        for w, toks in zip(words, analyser.analyse_plain(words), strict=True):
            for t in toks:
                if len(t.form) < 3 or not (t.tag in ("NNG", "NNP") or getattr(t, "oov", False)):
                    continue
                piece = w[t.start:t.start + t.len]
                assert t.form == piece or (not getattr(t, "oov", False) and t.form == without_final(piece)), \
                    (path.name, w, t.form, t.tag)


def test_syllables_one_jamo_apart():
    assert one_jamo("획", "휙") and one_jamo("획", "회") and one_jamo("가", "거")
    assert not one_jamo("가", "가") and not one_jamo("가", "너") and not one_jamo("가", "a")
    near = neighbours("획")
    assert all(one_jamo("획", y) for y in near) and len(near) == 18 + 20 + 27
    assert without_final("관공선") == "관공서" and without_final("관공서") is None


def test_one_jamo_is_the_jamo_edit_distance_of_w402():
    """The arithmetic on the syllables' parts is exactly one jamo edit (edits._lev1 of
    their jamo) on Hangul syllables: every neighbour of 300 random syllables, and 100,000 random pairs."""
    rng = random.Random(7)
    syllables = [chr(0xAC00 + rng.randrange(11172)) for _ in range(300)]
    pairs = [(a, b) for a in syllables for b in neighbours(a)]
    pairs += [(chr(0xAC00 + rng.randrange(11172)), chr(0xAC00 + rng.randrange(11172))) for _ in range(100_000)]
    pairs += [("가", "가"), ("각", "가"), ("가", "a"), ("a", "b")]
    for a, b in pairs:
        hangul = "가" <= a <= "힣" and "가" <= b <= "힣"
        assert one_jamo(a, b) == (hangul and a != b and _lev1(_jamo(a), _jamo(b))), (a, b)


def test_a_rare_word_near_an_often_written_window_is_a_candidate():
    counts = Counter({"사업계획을": 3, "사업계획의": 2, "사업계휙": 1, "교통정책": 1, "문화예술": 1})
    got = Scope(counts, CFG).candidates()
    assert "사업계휙" in got
    assert "교통정책" not in got and "문화예술" not in got
    assert "사업계획을" not in got  # used more than typo_max_uses times: never reported


def test_a_window_seen_only_without_its_final_does_not_make_a_candidate():
    """관공서 is written three times only as the noun of 관공선 (관공서 + 이 + ㄴ): a rare
    word holding 관공선 is that noun with its ending, never a slip of it."""
    counts = Counter({"관공선": 3, "관공선박": 1})
    assert Scope(counts, CFG).candidates() == []


def test_completion_takes_the_holders_of_a_frequent_neighbour_and_of_a_common_form():
    counts = Counter({"사업계획을": 2, "사업계획의": 1, "사업계휙": 1, "사업계휙을": 1, "사업계휙에": 1, "기타": 1})
    more = Scope(counts, CFG).completing(["사업계휙"])
    # 사업계획 is written three times: its holders are analysed, so its noun count is exact;
    # 사업계휙 itself is written three times (more than typo_max_uses): so are its holders
    assert {"사업계획을", "사업계획의", "사업계휙을", "사업계휙에"} <= more


def test_contracted_ending_is_no_typo_of_its_noun():
    """An OOV form that is a frequent noun plus a final ("관공선" beside 관공서) is the
    noun with a contracted ending, not a misspelling of it."""
    frequent = typos._FrequentNouns(["관공서", "관광선"])
    assert frequent.near("관공선") == ["관광선"]


def test_a_later_run_reads_the_scope_back_from_the_disk_cache(tmp_path, monkeypatch):
    """A new process checking a report seen before: its scope is a note in the disk
    cache, so neither the scope nor the analyser runs again; a note naming a word the
    cache no longer holds is ignored and the scope computed anew."""
    monkeypatch.setenv("BOGO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(typos, "_DISK", {})
    path = SEED_FILES[0]
    first, analysed, _ = _hangul(path, True, monkeypatch)
    assert analysed > 0

    def no_scope(*_a, **_k):
        raise AssertionError("the scope was computed again")

    monkeypatch.setattr(typos, "Scope", no_scope)
    monkeypatch.setattr(analyser, "kiwi", no_scope)
    again, analysed, _ = _hangul(path, True, monkeypatch)
    assert again == first and analysed > 0  # every analysed word read back from disk

    monkeypatch.undo()
    monkeypatch.setenv("BOGO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(typos, "_DISK", {})
    db = typos._disk()._conn()
    db.execute("DELETE FROM words WHERE word = (SELECT word FROM words WHERE word NOT LIKE char(0) || '%' LIMIT 1)")
    calls = []
    real = typos.Scope
    monkeypatch.setattr(typos, "Scope", lambda *a: calls.append(1) or real(*a))
    assert _hangul(path, True, monkeypatch)[0] == first
    assert calls, "a stale note was trusted"


# --- the scope's reasoning, on any analyser with the property, not only kiwipiepy ---

_SYLLABLES = list("가각간갈거건고곡나난다단달사산살서선")


def _fake_analysis(word: str) -> list[CachedToken]:
    """A made-up analysis with the scope's property: the word cut into pieces of
    three syllables (the rest one piece), each a noun, an unknown morpheme or
    another tag as a hash of the piece decides; a last noun piece now and then
    loses the final of its last syllable (as 관공선 is read 관공서 + ㄴ)."""
    toks = []
    for at in range(0, len(word), 3):
        piece = word[at:at + 3]
        roll = zlib.crc32(piece.encode()) % 10
        if roll < 5:
            bare = without_final(piece)
            last = at + 3 >= len(word)
            form = bare if bare and last and zlib.crc32(word.encode()) % 4 == 0 else piece
            toks.append(CachedToken(form, "NNG", at, len(piece), False, -1.0))
        elif roll < 8:
            toks.append(CachedToken(piece, "NNP", at, len(piece), True, -9.0))
        else:
            toks.append(CachedToken(piece, "JKS", at, len(piece), False, -2.0))
    return toks


@st.composite
def _documents(draw):
    """Words and their uses, and slips of some of them: one syllable one jamo away."""
    words = draw(st.lists(st.tuples(st.text(st.sampled_from(_SYLLABLES), min_size=3, max_size=6),
                                    st.integers(1, 4)), max_size=30))
    for w, _ in words[:draw(st.integers(0, 10))]:
        k = draw(st.integers(0, len(w) - 1))
        slip = w[:k] + draw(st.sampled_from(neighbours(w[k]))) + w[k + 1:]
        words.append((slip + draw(st.sampled_from(["", "을", "에", "선"])), draw(st.integers(1, 2))))
    return words


@settings(max_examples=300, deadline=None)
@given(_documents(), st.sampled_from([CFG, CheckSettings(typo_max_uses=3, typo_min_freq_hangul=2)]))
def test_the_scope_changes_no_finding_of_an_analyser_with_its_property(words, cfg):
    texts = [(i + 1, w, None) for i, (w, n) in enumerate(words) for _ in range(n)]
    tw = split_texts(texts)
    found = {}
    saved = typos._analyse_texts, typos.SCOPED, typos._CACHE, typos._DOCUMENTS, typos._DISK
    typos._analyse_texts = lambda ws: [_fake_analysis(w) for w in ws]
    try:
        for scoped in (False, True):
            typos.SCOPED, typos._CACHE, typos._DOCUMENTS = scoped, {}, {}
            typos._DISK = {os.getpid(): WordCache(None)}
            found[scoped] = sorted(typos.hangul_typos(texts, cfg, tw))
    finally:
        typos._analyse_texts, typos.SCOPED, typos._CACHE, typos._DOCUMENTS, typos._DISK = saved
    assert found[True] == found[False]
