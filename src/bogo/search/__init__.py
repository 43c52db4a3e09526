"""Korean full-text search over the store (spec §5).

One tokeniser (:mod:`.tokens`) serves indexing and queries; the passages come
from :mod:`.entries`; :mod:`.engine` holds the engines behind one interface
(SQLite FTS5, PostgreSQL tsvector); :func:`search` runs a query on a store.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import Hit, SearchFilters, engine_for, search
    from .tokens import Token, add_user_words, query_terms, tokenize

# names resolved on first use, so that a check needing only the tokeniser does
# not import SQLAlchemy with the engines (``bogo check`` start-up)
_HOME = {"Hit": "engine", "SearchFilters": "engine", "engine_for": "engine", "search": "engine",
         "Token": "tokens", "add_user_words": "tokens", "query_terms": "tokens", "tokenize": "tokens"}


def __getattr__(name: str):
    if name in _HOME:
        return getattr(import_module(f".{_HOME[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Hit", "SearchFilters", "Token", "add_user_words", "engine_for", "query_terms", "search", "tokenize"]
