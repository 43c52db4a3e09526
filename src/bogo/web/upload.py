"""Uploads: a file from a browser into the store, checked like ``bogo ingest`` does.

A file is refused with one Korean line when it is empty, larger than the
limit, or not one of the formats bogo's readers detect (by content, not by
name).  An accepted file is written to the app's private temporary folder
under a generated name — nothing of the request's file name reaches the file
system — parsed, checked (with the readers' hostile-input budgets and the
corpus checks against the store) and stored, then removed from the folder.
The name shown and stored is the upload's base name with control characters
made visible.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from ..errors import BogoError
from ..readers.detect import detect
from ..render.display import visible
from ..store import Store, prepare
from ..store.ingest import with_corpus_findings

DEFAULT_MAX_UPLOAD_BYTES = 30 * 1024 * 1024
MAX_FILES = 20
MAX_NAME_CHARS = 120
SUFFIX_OF_FORMAT = {"text": ".txt", "html": ".html", "hwpx": ".hwpx", "hwp": ".hwp", "pdf": ".pdf", "docx": ".docx"}
HINT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".hwpx", ".hwp", ".pdf", ".docx"})


def display_name(name: str | None) -> str:
    """The upload's base name as one visible line (never used as a path)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    return visible(base)[:MAX_NAME_CHARS] or "이름 없는 파일"


def size_text(n: int) -> str:
    """A byte count for people: MB from one megabyte on, else KB."""
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{max(1, round(n / 1024))} KB"


def _refused(name: str, reason: str) -> dict[str, Any]:
    return {"name": name, "ok": False, "reason": reason}


def private_dir() -> Path:
    """A fresh temporary folder only this process's user can enter."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix="bogo-upload-"))


def ingest_upload(store: Store, name: str | None, data: bytes, workdir: Path,
                  max_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> dict[str, Any]:
    """Check, parse and store one uploaded file; a dict saying what happened (``ok``, ``reason``, ``document_id``)."""
    shown = display_name(name)
    if not data:
        return _refused(shown, "빈 파일입니다")
    if len(data) > max_bytes:
        return _refused(shown, f"파일이 너무 큽니다 ({size_text(len(data))}, 한도 {size_text(max_bytes)})")
    suffix = Path(shown).suffix.lower()
    try:
        fmt = detect(Path("upload" + (suffix if suffix in HINT_SUFFIXES else "")), data)
    except BogoError as e:
        return _refused(shown, e.reason)
    if fmt not in SUFFIX_OF_FORMAT:
        return _refused(shown, "bogo가 읽는 형식이 아닙니다 (텍스트, HTML, HWP, HWPX, PDF, DOCX)")
    path = workdir / (secrets.token_hex(16) + SUFFIX_OF_FORMAT[fmt])
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            prep = prepare(str(path))
        except BogoError as e:
            return _refused(shown, e.reason)
        except Exception as e:  # noqa: BLE001 — a parser bug on one upload is one line, not a crash
            return _refused(shown, f"처리 중 내부 오류: {type(e).__name__}")
    finally:
        path.unlink(missing_ok=True)
    prep.path = shown
    prep.report["source"]["path"] = "업로드/" + shown
    res = store.write(with_corpus_findings(store, prep))
    findings = prep.report.get("findings") or []
    return {"name": shown, "ok": True, "status": res.status, "document_id": res.document_id,
            "format": fmt, "findings": findings,
            "counts": {k: sum(f["severity"] == k for f in findings) for k in ("error", "warning", "info")}}
