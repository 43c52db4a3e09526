"""An on-disk cache of the Korean analyser's word analyses, shared by runs.

Analysing a word with kiwipiepy costs ~70 µs and loading the analyser ~1 s, so
W402 keeps what the analyser said of each word it has seen, on disk, and a later
run that meets only known words never loads the analyser at all.

- Where: ``$BOGO_CACHE_DIR``, else ``$XDG_CACHE_HOME/bogo``, else ``~/.cache/bogo``;
  ``BOGO_CACHE_DIR=off`` turns the cache off.
- What: one SQLite file per analyser identity (kiwipiepy version, model version,
  load options, cache format), so an upgrade
  starts a new file instead of serving stale analyses.  A word maps to its tokens
  (form, tag, start, len, oov, score): the raw analysis, not W402's reading of it,
  so the candidate logic may change without invalidating the cache.  The tokens
  are stored as one JSON array of 6-item arrays, written and read by pydantic-core
  (in native code: several times faster than the text encoding of format 1, and,
  unlike ``marshal`` or ``pickle``, safe on any bytes); a blob that does not read
  back as such a list is a miss.
- Safety: every write is one SQLite transaction (atomic; a crash of the process
  leaves the old state; commits skip fsync, so a power cut may break the file,
  which is then replaced).  The file may be deleted at any time; a broken or locked file is
  skipped (or replaced) and never fails a check.  Its size is bounded by
  ``Settings.word_cache_max_entries``: the oldest entries are dropped first.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from pydantic_core import from_json, to_json

from ..settings import SETTINGS

#: bump when the stored layout changes (3: one JSON blob per word; 2 was marshal, 1 text)
FORMAT = 3
_CHUNK = 900  # host parameters per query, under every SQLite's limit
_BUSY_TIMEOUT_S = 2.0


class CachedToken(NamedTuple):
    """One token of a cached analysis, with the attributes W402 reads."""

    form: str
    tag: str
    start: int
    len: int
    oov: bool
    score: float


#: a token's fields in the order of :class:`CachedToken` (a plain tuple or a CachedToken)
Record = tuple[str, str, int, int, bool, float]


def records(tokens: Iterable) -> list[Record]:
    """The fields of analyser tokens, read once each: every attribute of a kiwipiepy
    token is converted again on every read.  Equal to what :func:`decode` gives
    back for the same tokens."""
    return [(t.form, t.tag, t.start, t.len, bool(getattr(t, "oov", False)), float(t.score)) for t in tokens]


def cache_dir() -> Path | None:
    """The user's cache directory for bogo, or None when caching is off."""
    own = os.environ.get("BOGO_CACHE_DIR")
    if own is not None:
        return None if own.strip().lower() in ("", "off", "0", "none") else Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "bogo"


_VERSION = re.compile(r"""^__version__\s*=\s*['"]([^'"]+)['"]""", re.M)


def _version_of(package: str) -> str:
    """A package's ``__version__``, read from its ``_version.py`` without importing the
    package (importing kiwipiepy loads its native module, ~50 ms that a run whose
    words are all cached never needs); imported only when there is no such file."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return "none"  # not installed: nothing to cache
    for folder in spec.submodule_search_locations or []:
        try:
            m = _VERSION.search((Path(folder) / "_version.py").read_text(encoding="utf-8"))
        except OSError:
            continue
        if m:
            return m.group(1)
    try:
        return str(importlib.import_module(package).__version__)
    except (ImportError, AttributeError):
        return "none"


def identity(options: dict) -> str:
    """Analyser identity: kiwipiepy and model versions, options, cache format."""
    kiwi_version, model_version = _version_of("kiwipiepy"), _version_of("kiwipiepy_model")
    opts = ",".join(f"{k}={options[k]}" for k in sorted(options))
    return f"kiwipiepy={kiwi_version};model={model_version};{opts};format={FORMAT}"


def encode(tokens: Iterable[Record]) -> bytes:
    """A token list (:func:`records`, or CachedTokens) as one blob: the JSON array
    of their 6-item arrays."""
    return to_json(list(tokens))


def decode(blob: bytes) -> list[Record]:
    """The token records of a blob of :func:`encode`; ValueError when it is none."""
    try:
        toks = from_json(blob)
    except (TypeError, ValueError) as e:
        raise ValueError("not a token blob") from e
    if type(toks) is not list or not all(type(t) is list and len(t) == 6 and type(t[0]) is str
                                         and type(t[1]) is str for t in toks):
        raise ValueError("not a token list")
    return [tuple(t) for t in toks]


class WordCache:
    """Word → analysis, in one SQLite file; every failure degrades to a miss."""

    def __init__(self, path: Path | None, max_entries: int = SETTINGS.word_cache_max_entries):
        self.path = path
        self.max_entries = max_entries
        self._db: sqlite3.Connection | None = None
        self._broken = path is None

    @classmethod
    def for_analyser(cls, options: dict) -> WordCache:
        folder = cache_dir()
        if folder is None:
            return cls(None)
        key = hashlib.sha256(identity(options).encode()).hexdigest()[:16]
        return cls(folder / f"words-{key}.sqlite3")

    def _conn(self) -> sqlite3.Connection | None:
        if self._db is not None or self._broken:
            return self._db
        try:
            self._db = self._open()
        except (sqlite3.Error, OSError):
            self._db = self._reopen_fresh()
        return self._db

    def _open(self) -> sqlite3.Connection:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_S, isolation_level=None)
        # a cache needs atomic, not durable, commits: no fsync (a file broken by a
        # power cut is replaced on the next open, see _reopen_fresh)
        db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE TABLE IF NOT EXISTS words (seq INTEGER PRIMARY KEY, word TEXT UNIQUE NOT NULL, "
                   "tokens BLOB NOT NULL)")
        db.execute("SELECT count(*) FROM words WHERE seq = 0").fetchone()  # fails on a corrupt file
        return db

    def _reopen_fresh(self) -> sqlite3.Connection | None:
        """A corrupt file is replaced by an empty one; if that fails too, no cache."""
        try:
            assert self.path is not None
            self.path.unlink(missing_ok=True)
            return self._open()
        except (sqlite3.Error, OSError, AssertionError):
            self._broken = True
            return None

    def get_many(self, words: Sequence[str]) -> dict[str, list[Record]]:
        """The cached analyses of those ``words`` that are cached."""
        db = self._conn()
        out: dict[str, list[Record]] = {}
        if db is None:
            return out
        try:
            for i in range(0, len(words), _CHUNK):
                chunk = words[i:i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for word, tokens in db.execute(f"SELECT word, tokens FROM words WHERE word IN ({marks})", chunk):
                    try:
                        out[word] = decode(tokens)
                    except ValueError:  # an unreadable row is a miss; the others stand
                        continue
        except sqlite3.Error:  # an unreadable file: every word a miss
            return {}
        return out

    def get_note(self, key: str) -> bytes | None:
        """A note stored under ``key`` (a NUL-led name, never a word), or None."""
        db = self._conn()
        if db is None:
            return None
        try:
            row = db.execute("SELECT tokens FROM words WHERE word = ?", ("\0" + key,)).fetchone()
        except sqlite3.Error:
            return None
        return bytes(row[0]) if row else None

    def put_note(self, key: str, blob: bytes) -> None:
        """Store a note under ``key``; it ages out with the words."""
        self.put_many({"\0" + key: blob})

    def put_many(self, analyses: dict[str, bytes]) -> None:
        """Store encoded analyses (word → :func:`encode` blob) in one transaction."""
        db = self._conn()
        if db is None or not analyses:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR IGNORE INTO words (word, tokens) VALUES (?, ?)", analyses.items())
            self._evict(db)
            db.execute("COMMIT")
        except sqlite3.Error:
            try:
                db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def _evict(self, db: sqlite3.Connection) -> None:
        """Keep at most ``max_entries`` rows: drop the oldest quarter when over."""
        low, high = db.execute("SELECT min(seq), max(seq) FROM words").fetchone()
        if low is None or high - low + 1 <= self.max_entries:
            return
        (count,) = db.execute("SELECT count(*) FROM words").fetchone()
        if count > self.max_entries:
            keep = self.max_entries * 3 // 4
            db.execute("DELETE FROM words WHERE seq <= (SELECT seq FROM words ORDER BY seq DESC "
                       "LIMIT 1 OFFSET ?)", (keep,))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
