"""One analyser per process, shared by search and W402: W402 ignores search's
user words (its disk cache holds the analyser's own analyses), and the
per-process line cache of search tokens starts afresh when user words change."""

from __future__ import annotations

import pytest

from bogo import analyser
from bogo.checks import typos
from bogo.search import tokens


def _plain(words):
    return [[(t.form, t.tag, t.start, t.len, bool(t.oov), round(t.score, 4)) for t in toks]
            for toks in analyser.analyse_plain(words)]


@pytest.fixture
def fresh_analyser(monkeypatch, tmp_path):
    """A fresh analyser for the test (user words taught here do not leak), the usual one afterwards."""
    monkeypatch.setenv("BOGO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(typos, "_CACHE", {})
    monkeypatch.setattr(typos, "_DOCUMENTS", {})
    monkeypatch.setattr(typos, "_DISK", {})
    analyser.reset()
    yield
    analyser.reset()


def test_search_and_the_typo_check_share_one_analyser(fresh_analyser):
    tokens.tokenize("협력상생담당관 사업 추진")
    first = analyser.kiwi()
    typos.hangul_typos([(1, "사업계획 사업계획 사업계획 추진", None)])
    assert analyser.kiwi() is first


def test_user_words_do_not_change_the_plain_analysis(fresh_analyser):
    words = ["가람누리담당관", "가람누리담당관의", "다솜바다과에서", "사업계획서"]
    before = _plain(words)
    assert tokens.add_user_words(["가람누리담당관", "다솜바다과"]) == 2
    assert [t.form for t in analyser.tokenize("가람누리담당관의")][0] == "가람누리담당관"
    assert _plain(words) == before


def test_line_cache_starts_afresh_when_user_words_change(fresh_analyser):
    line = "가람누리담당관 업무 보고"
    plain = tokens.line_tokens(line)
    assert tokens.line_tokens(line) is plain  # cached
    assert tokens.line_tokens(line) == tokens.tokenize(line)
    tokens.add_user_words(["가람누리담당관"])
    taught = tokens.line_tokens(line)
    assert taught is not plain
    assert taught == tokens.tokenize(line)


def test_line_cache_is_bounded(fresh_analyser, monkeypatch):
    monkeypatch.setattr(tokens, "LINE_CACHE_SIZE", 10)
    for i in range(25):
        tokens.line_tokens(f"사업 {i}")
    assert len(tokens._LINES) <= 10
    assert tokens.line_tokens("사업 24") == tokens.tokenize("사업 24")
