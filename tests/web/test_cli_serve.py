"""``bogo serve``: builds the app over the store, prints its address and token in Korean, runs uvicorn."""

from __future__ import annotations

from typer.testing import CliRunner

from bogo.cli import app


def test_serve_prints_address_and_generated_token(monkeypatch, store_path):
    import uvicorn

    calls = {}

    def fake_run(web_app, host, port, **kw):
        calls.update(app=web_app, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.delenv("BOGO_TOKEN", raising=False)
    r = CliRunner().invoke(app, ["serve", "--db", str(store_path), "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert "bogo 작업대: http://127.0.0.1:8123/" in r.output
    token = r.output.split("업로드 토큰: ", 1)[1].split()[0]
    assert len(token) >= 16 and calls["host"] == "127.0.0.1" and calls["port"] == 8123
    assert calls["app"].state.guard.token == token and calls["app"].state.guard.require_login is False


def test_serve_with_given_token_and_login(monkeypatch, store_path):
    import uvicorn

    calls = {}
    monkeypatch.setattr(uvicorn, "run", lambda web_app, **kw: calls.update(app=web_app))
    r = CliRunner().invoke(app, ["serve", "--db", str(store_path), "--token", "secret-xyz", "--require-login"])
    assert r.exit_code == 0, r.output
    assert "secret-xyz" not in r.output and "로그인이 필요합니다" in r.output
    assert calls["app"].state.guard.token == "secret-xyz" and calls["app"].state.guard.require_login is True
