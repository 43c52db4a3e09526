"""Korean full-text search over the store (spec §5).

One tokeniser (:mod:`.tokens`) serves indexing and queries; the passages come
from :mod:`.entries`; :mod:`.engine` holds the engines behind one interface
(SQLite FTS5, PostgreSQL tsvector); :func:`search` runs a query on a store.
"""

from .engine import Hit, SearchFilters, engine_for, search
from .tokens import Token, add_user_words, query_terms, tokenize

__all__ = ["Hit", "SearchFilters", "Token", "add_user_words", "engine_for", "query_terms", "search", "tokenize"]
