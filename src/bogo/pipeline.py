"""The pipeline of one file: reader → structure → extraction, or a saved report.

``parse(path)`` runs the reader, structure (tables, outline, meta, paragraphs)
and typed extraction and returns the contract model :class:`~bogo.model.Report`;
``load(path)`` does the same, or reads a saved ``bogo parse --json`` back (the
contract carries everything the checks need, so both give the same findings).
:mod:`bogo.api` and :mod:`bogo.batch` both call these.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import TypeAdapter

from . import readers
from .blocks import Paragraph
from .errors import CorruptFile
from .model import SCHEMA, ParagraphRec, Report, Source
from .settings import SETTINGS, Settings


def parse(path: str | Path, settings: Settings = SETTINGS) -> Report:
    """Parse one report file into the contract model ``bogo.report/1``."""
    p, data = readers.load_bytes(path, settings)
    return _parse_data(path, p, data, settings)


def _parse_data(path: str | Path, p: Path, data: bytes, settings: Settings) -> Report:
    from .extract import extract_all
    from .structure import analyse

    doc = readers.read_bytes(p, data, settings)
    layout = analyse(doc, settings)
    source = Source(
        path=str(path), sha256=hashlib.sha256(data).hexdigest(), format=doc.format,
        bytes=len(data), encoding=doc.encoding, pages=doc.pages, warnings=list(doc.warnings),
    )
    report = Report(source=source, meta=layout.meta, outline=layout.outline, tables=layout.tables)
    report.paragraphs = paragraph_records(layout)
    extract_all(layout, report)
    return report


#: validates every paragraph record of a report in one call (as strictly as the
#: model's constructor does, without a Python call per record)
_PARAGRAPHS = TypeAdapter(list[ParagraphRec])


def paragraph_records(layout) -> list[ParagraphRec]:
    """The prose of the document (not table cells), each with its section."""
    rows = [{"text": b.text, "raw": b.raw, "line": b.line, "marker": b.marker, "indent": b.indent,
             "section": sec.id if sec is not None else None, "page": b.page}
            for b, sec in zip(layout.blocks, layout.section_of, strict=True) if isinstance(b, Paragraph)]
    return _PARAGRAPHS.validate_python(rows)


def _saved_report(data: bytes) -> dict | None:
    """The contract JSON in ``data`` when it is a saved ``bogo parse --json``, else None."""
    head = data[:4096].lstrip()
    if not head.startswith(b"{") or SCHEMA.encode() not in head:
        return None
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return obj if isinstance(obj, dict) and obj.get("schema") == SCHEMA else None


def load(path: str | Path, settings: Settings = SETTINGS) -> Report:
    """A report from a source file, or from a saved ``bogo parse --json`` of one."""
    p, data = readers.load_bytes(path, settings)
    saved = _saved_report(data)
    if saved is None:
        return _parse_data(path, p, data, settings)
    try:
        return Report.model_validate(saved)
    except ValueError as e:
        first = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise CorruptFile(p, f"저장된 보고서 JSON이 계약 {SCHEMA}에 맞지 않습니다 ({first})") from None
