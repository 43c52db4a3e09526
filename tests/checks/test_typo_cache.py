"""W402's analyser behind its disk cache: same findings cached or not, a run on
known words never loads the analyser, the cache survives corruption and stays
bounded, and the light load options give the full analyser's findings."""

from __future__ import annotations

import pytest

import bogo
from bogo import analyser
from bogo.checks import run_checks, typos
from bogo.checks.wordcache import CachedToken, WordCache, cache_dir, decode, encode, identity
from conftest import EXAMPLES, SEED_FILES

FILES = SEED_FILES + sorted(EXAMPLES.glob("*.txt"))


def _w402(path):
    return [(f.line, f.table, f.found, f.expected) for f in run_checks([bogo.parse(path)], select=["W402"]).findings]


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    """An empty disk cache and an empty in-memory cache for this test."""
    monkeypatch.setenv("BOGO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(typos, "_CACHE", {})
    monkeypatch.setattr(typos, "_DOCUMENTS", {})
    monkeypatch.setattr(typos, "_DISK", {})
    return tmp_path / "cache"


def test_cached_analyses_give_the_same_findings_without_the_analyser(fresh_cache, monkeypatch):
    first = {p.name: _w402(p) for p in FILES}
    assert any(first.values()), "the seeds hold known typos; W402 found none"
    monkeypatch.setattr(typos, "_CACHE", {})  # a new process: only the disk remains
    monkeypatch.setattr(typos, "_DOCUMENTS", {})

    def no_analyser():
        raise AssertionError("the analyser was loaded although every word is cached")

    monkeypatch.setattr(analyser, "kiwi", no_analyser)
    assert {p.name: _w402(p) for p in FILES} == first


def test_a_corrupt_cache_file_is_replaced(fresh_cache, monkeypatch):
    path = SEED_FILES[0]
    expected = _w402(path)
    [db_file] = fresh_cache.glob("words-*.sqlite3")
    typos._disk().close()
    db_file.write_bytes(b"this is not a database" * 100)
    monkeypatch.setattr(typos, "_CACHE", {})
    monkeypatch.setattr(typos, "_DOCUMENTS", {})
    monkeypatch.setattr(typos, "_DISK", {})
    assert _w402(path) == expected
    (rows,) = WordCache(db_file)._conn().execute("SELECT count(*) FROM words").fetchone()
    assert rows > 0  # replaced by a fresh cache that holds this run's words


def test_cache_off_still_checks(monkeypatch):
    monkeypatch.setenv("BOGO_CACHE_DIR", "off")
    monkeypatch.setattr(typos, "_CACHE", {})
    monkeypatch.setattr(typos, "_DOCUMENTS", {})
    monkeypatch.setattr(typos, "_DISK", {})
    assert cache_dir() is None
    assert _w402(SEED_FILES[0]) is not None


def test_cache_is_bounded_and_keeps_the_newest(tmp_path):
    cache = WordCache(tmp_path / "w.sqlite3", max_entries=100)
    tok = CachedToken("가나다", "NNG", 0, 3, False, -1.5)
    for batch in range(10):
        cache.put_many({f"낱말{batch}_{i}": encode([tok]) for i in range(30)})
    db = cache._conn()
    (n,) = db.execute("SELECT count(*) FROM words").fetchone()
    assert n <= 100
    assert cache.get_many(["낱말9_29"]) == {"낱말9_29": [tok]}
    assert cache.get_many(["낱말0_0"]) == {}


def test_token_encoding_round_trips():
    toks = [CachedToken("신고계시관", "NNG", 0, 5, True, -35.75893020629883), CachedToken("을", "JKO", 5, 1, False, -2.0)]
    assert decode(encode(toks)) == toks
    assert decode(encode([])) == []


def test_a_garbled_row_is_a_miss(tmp_path):
    """Bytes that are not a token list (a row broken on disk, or written by someone
    else) read as a miss; the other words of the same lookup still come back."""
    cache = WordCache(tmp_path / "w.sqlite3")
    tok = CachedToken("가나다", "NNG", 0, 3, False, -1.5)
    cache.put_many({"좋은낱말": encode([tok])})
    db = cache._conn()
    for word, blob in (("깨진낱말", b"\x00\xff garbage"), ("다른모양", b'{"a": 1}'), ("짧은토큰", b'[["x", "NNG"]]')):
        db.execute("INSERT INTO words (word, tokens) VALUES (?, ?)", (word, blob))
        assert cache.get_many([word]) == {}
    with pytest.raises(ValueError):
        decode(b"[[1, 2, 3, 4, 5, 6]]")
    assert cache.get_many(["깨진낱말", "좋은낱말", "다른모양"]) == {"좋은낱말": [tok]}


def test_cache_location_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("BOGO_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "bogo"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "bogo"
    monkeypatch.setenv("BOGO_CACHE_DIR", str(tmp_path / "own"))
    assert cache_dir() == tmp_path / "own"


def test_cache_key_names_the_analyser_and_its_options():
    a, b = identity({"load_multi_dict": False}), identity({"load_multi_dict": True})
    assert a != b and "kiwipiepy=" in a and "model=" in a
    import kiwipiepy
    import kiwipiepy_model

    assert f"kiwipiepy={kiwipiepy.__version__};model={kiwipiepy_model.__version__};" in a


def test_cache_key_is_made_without_loading_the_analysers_native_module():
    # a run whose words are all cached never loads kiwipiepy (its import alone is ~50 ms)
    import subprocess
    import sys

    code = ("import sys; from bogo.checks.wordcache import identity; identity({}); "
            "print('kiwipiepy' in sys.modules, 'kiwipiepy._c_api' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


def test_light_analyser_options_give_the_full_analysers_findings(fresh_cache, monkeypatch):
    """The full analyser (every dictionary) agrees with ANALYSER_OPTIONS on W402."""
    light = {p.name: _w402(p) for p in FILES}
    monkeypatch.setenv("BOGO_CACHE_DIR", "off")
    monkeypatch.setattr(typos, "_CACHE", {})
    monkeypatch.setattr(typos, "_DOCUMENTS", {})
    monkeypatch.setattr(typos, "_DISK", {})
    monkeypatch.setattr(analyser, "OPTIONS", {})
    analyser.reset()
    try:
        full = {p.name: _w402(p) for p in FILES}
    finally:
        analyser.reset()  # do not keep the 0.5 GB analyser for the next tests
    assert full == light
