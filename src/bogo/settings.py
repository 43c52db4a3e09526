"""Thresholds and limits, in one typed settings object.

Readers, recognisers and checks take their numbers from here; nothing else holds
a magic limit.  ``Settings.from_env()`` lets an operator override limits with
``BOGO_*`` environment variables.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

DEFAULT_MAX_FILE_BYTES = 200 * 1024 * 1024
DEFAULT_MAX_TEXT_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_LINE_CHARS = 200_000
DEFAULT_MAX_ZIP_ENTRIES = 10_000
DEFAULT_MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
DEFAULT_MAX_COMPRESSION_RATIO = 200
DEFAULT_RATIO_CHECK_MIN_BYTES = 1 << 20  # smaller zip entries may compress as well as they like
DEFAULT_MAX_NESTING = 32
DEFAULT_MAX_PDF_PAGES = 2_000
DEFAULT_MIN_TABLE_ROWS = 2
DEFAULT_WORD_CACHE_MAX_ENTRIES = 200_000  # analysed words kept on disk (~150 bytes each)


@dataclass(frozen=True, slots=True)
class Settings:
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_text_bytes: int = DEFAULT_MAX_TEXT_BYTES
    max_line_chars: int = DEFAULT_MAX_LINE_CHARS
    max_zip_entries: int = DEFAULT_MAX_ZIP_ENTRIES
    max_uncompressed_bytes: int = DEFAULT_MAX_UNCOMPRESSED_BYTES
    max_compression_ratio: int = DEFAULT_MAX_COMPRESSION_RATIO
    ratio_check_min_bytes: int = DEFAULT_RATIO_CHECK_MIN_BYTES
    max_nesting: int = DEFAULT_MAX_NESTING
    max_pdf_pages: int = DEFAULT_MAX_PDF_PAGES
    min_table_rows: int = DEFAULT_MIN_TABLE_ROWS
    word_cache_max_entries: int = DEFAULT_WORD_CACHE_MAX_ENTRIES

    @classmethod
    def from_env(cls) -> Settings:
        s = cls()
        over = {}
        for f in fields(cls):
            v = os.environ.get("BOGO_" + f.name.upper())
            if v and v.isdigit():
                over[f.name] = int(v)
        return replace(s, **over) if over else s


SETTINGS = Settings.from_env()
