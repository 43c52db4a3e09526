"""Thresholds and limits, in one typed settings object.

Readers, recognisers and checks take their numbers from here; nothing else holds
a magic limit.  ``Settings.from_env()`` lets an operator override limits with
``BOGO_*`` environment variables (``BOGO_MAX_TABLE_CELLS=500000``); a value that is
not a positive number is refused with a Korean :class:`~bogo.errors.UsageError`
naming the variable, never silently ignored.

The budgets bound what one hostile file can cost: bytes in, bytes inflated,
entries, nesting, the declared size of one table and of all tables of a document,
lines and characters per document, PDF pages, and the CPU seconds one
document may take to read (:mod:`bogo.readers._deadline`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_TEXT_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_LINE_CHARS = 200_000
DEFAULT_MAX_ZIP_ENTRIES = 10_000
DEFAULT_MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024
#: one XML part of a zip package (an lxml tree costs several times its bytes)
DEFAULT_MAX_PART_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_COMPRESSION_RATIO = 200
DEFAULT_RATIO_CHECK_MIN_BYTES = 1 << 20  # smaller zip entries may compress as well as they like
DEFAULT_MAX_NESTING = 32
DEFAULT_MAX_PDF_PAGES = 2_000
DEFAULT_MIN_TABLE_ROWS = 2
#: grid positions (rows × columns, spans included) of one table
DEFAULT_MAX_TABLE_CELLS = 200_000
#: records of one HWP 5.0 stream (DocInfo or a BodyText section)
DEFAULT_MAX_HWP_RECORDS = 1_000_000
#: grid positions of all tables of one document together
DEFAULT_MAX_DOC_CELLS = 2_000_000
#: one declared rowspan/colspan (the HTML standard's own cap on colspan)
DEFAULT_MAX_SPAN = 1_000
#: lines (text, HTML) or paragraphs (HWP/HWPX/DOCX) of one document
DEFAULT_MAX_LINES = 500_000
#: characters of text in one document
DEFAULT_MAX_DOC_CHARS = 30_000_000
#: CPU seconds one document may take to read (a 37-page council PDF takes ~25 s; see readers/_deadline.py)
DEFAULT_READ_SECONDS = 180
DEFAULT_WORD_CACHE_MAX_ENTRIES = 200_000  # analysed words kept on disk (~150 bytes each)


@dataclass(frozen=True, slots=True)
class Settings:
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS
    max_zip_entries: int = DEFAULT_MAX_ZIP_ENTRIES
    max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES
    max_part_bytes: int = DEFAULT_MAX_PART_BYTES
    max_compression_ratio: int = DEFAULT_MAX_COMPRESSION_RATIO
    ratio_check_min_bytes: int = DEFAULT_RATIO_CHECK_MIN_BYTES
    max_nesting: int = DEFAULT_MAX_NESTING
    max_pdf_pages: int = DEFAULT_MAX_PDF_PAGES
    min_table_rows: int = DEFAULT_MIN_TABLE_ROWS
    max_table_cells: int = DEFAULT_MAX_TABLE_CELLS
    max_hwp_records: int = DEFAULT_MAX_HWP_RECORDS
    max_doc_cells: int = DEFAULT_MAX_DOC_CELLS
    max_span: int = DEFAULT_MAX_SPAN
    max_lines: int = DEFAULT_MAX_LINES
    max_doc_chars: int = DEFAULT_MAX_DOC_CHARS
    read_seconds: float = DEFAULT_READ_SECONDS
    word_cache_max_entries: int = DEFAULT_WORD_CACHE_MAX_ENTRIES

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Defaults overridden by ``BOGO_<FIELD>`` variables; a bad value is a Korean error."""
        env = os.environ if environ is None else environ
        over: dict[str, float | int] = {}
        for f in fields(cls):
            name = "BOGO_" + f.name.upper()
            v = env.get(name)
            if v is None or not v.strip():
                continue
            over[f.name] = _positive(name, v.strip(), float if f.type in (float, "float") else int)
        return replace(cls(), **over) if over else cls()


def _positive(name: str, value: str, kind: type) -> float | int:
    from .errors import UsageError

    try:
        n = kind(value.replace("_", "").replace(",", ""))
    except ValueError:
        n = None
    if n is None or n <= 0:
        unit = "양수" if kind is float else "양의 정수"
        raise UsageError(None, f"환경 변수 {name}의 값이 잘못되었습니다: {value[:40]!r} ({unit}여야 합니다)")
    return n


def settings_from_env() -> Settings:
    """The environment's settings; the CLI calls this so a bad value is reported, not a traceback."""
    return Settings.from_env()


def _initial() -> tuple[Settings, Exception | None]:
    try:
        return Settings.from_env(), None
    except Exception as e:  # noqa: BLE001 - a bad BOGO_* value must not break ``import bogo``
        return Settings(), e


#: the process-wide settings; ``ENV_ERROR`` holds the error of a bad ``BOGO_*`` value,
#: which the CLI reports before doing any work
SETTINGS, ENV_ERROR = _initial()
