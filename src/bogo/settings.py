"""Thresholds and limits, in one typed settings object.

Readers, recognisers and checks take their numbers from here; nothing else holds
a magic limit.  ``Settings.from_env()`` lets an operator override limits with
``BOGO_*`` environment variables (``BOGO_MAX_TABLE_CELLS=500000``); a value that is
not a positive number is refused with a Korean :class:`~bogo.errors.UsageError`
naming the variable, never silently ignored.

Besides the reader limits, three groups hold the tuning of later stages:
:class:`TableSettings` (how a table view is read: header rows, label columns,
placing the cells of space-separated rows), :class:`CheckSettings` (how
ambiguous a sum may be before a check stays silent, and the typo check's
frequencies) and :class:`TrackSettings` (how alike texts of two reports must be
to be the same request, unit or plan).  They are overridden as
``BOGO_TABLES_<FIELD>``, ``BOGO_CHECKS_<FIELD>`` and ``BOGO_TRACK_<FIELD>``; a share
must lie in (0, 1].

The budgets bound what one hostile file can cost: bytes in, bytes inflated,
entries, nesting, the declared size of one table and of all tables of a document,
lines and characters per document, PDF pages, and the CPU seconds one
document may take to read (:mod:`bogo.readers._deadline`).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace

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
#: wall-clock seconds one document may take to read: the bound on a read that blocks or waits
#: and burns no CPU (wide, so that a loaded machine never refuses a normal document)
DEFAULT_READ_WALL_SECONDS = 900
DEFAULT_WORD_CACHE_MAX_ENTRIES = 200_000  # analysed words kept on disk (~150 bytes each)


@dataclass(frozen=True, slots=True)
class TableSettings:
    """How a table view is read (:mod:`bogo.tables`, :mod:`bogo.structure.headers`)."""

    #: leading rows that may be taken as the header of a table without spans
    max_header_rows: int = 4
    #: a column this share of whose filled cells are numbers ends the label columns
    label_numeric_share: float = 0.5
    #: blank layouts tried per short row when placing space-separated cells by the totals
    placement_combinations: int = 200
    #: improvement rounds of that placement
    placement_rounds: int = 3


@dataclass(frozen=True, slots=True)
class CheckSettings:
    """How far a check may guess before it stays silent (:mod:`bogo.checks`)."""

    #: bare numbers in a 정원/현원 column whose side (quota or current) is unknown; more → no check
    max_ambiguous_cells: int = 4
    #: a word written this often in one text is a list (names, labels), not a doubled word (W401)
    list_uses: int = 3
    #: a form used more often than this is deliberate, not a slip (W402)
    typo_max_uses: int = 2
    #: uses that make a Latin acronym "frequent", the form a slip is compared with
    typo_min_freq_latin: int = 2
    #: uses that make a Korean noun "frequent"
    typo_min_freq_hangul: int = 3
    #: uses that make a word "very frequent" for the rare-syllable slip
    typo_min_freq_slip: int = 5
    #: a syllable written no more often than this in the document may be a slip's
    typo_rare_syllable_uses: int = 2


@dataclass(frozen=True, slots=True)
class TrackSettings:
    """How alike two reports' texts must be to count as the same thing (:mod:`bogo.track`)."""

    #: share of words two audit requests must share to be one recurring request
    same_request_share: float = 0.5
    #: a unit's quota change larger than this share of the earlier quota is a jump (C503)
    staff_change_share: float = 0.3
    #: a disappeared and an appeared unit scoring at least this are linked as a rename
    link_score: float = 0.45
    #: below a link, a pair scoring at least this is offered as a possible rename, never linked
    weak_score: float = 0.25
    #: a second predecessor or successor (merge, split) must score this ...
    second_link_score: float = 0.35
    #: ... and share at least this much of its 주요기능 text (a look-alike name is not enough)
    second_link_functions: float = 0.3
    #: share of a milestone's words a later paragraph must hold to be its evidence
    plan_containment: float = 0.6
    #: words a milestone and its evidence must share at the least
    plan_min_shared: int = 2


_SHARE_FIELDS = frozenset({"label_numeric_share", "same_request_share", "staff_change_share", "link_score",
                           "weak_score", "second_link_score", "second_link_functions", "plan_containment"})


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
    read_wall_seconds: float = DEFAULT_READ_WALL_SECONDS
    word_cache_max_entries: int = DEFAULT_WORD_CACHE_MAX_ENTRIES
    tables: TableSettings = field(default_factory=TableSettings)
    checks: CheckSettings = field(default_factory=CheckSettings)
    track: TrackSettings = field(default_factory=TrackSettings)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Settings:
        """Defaults overridden by ``BOGO_<FIELD>``, ``BOGO_TABLES_<FIELD>``, ``BOGO_CHECKS_<FIELD>``
        and ``BOGO_TRACK_<FIELD>`` variables; a bad value is a Korean error."""
        env = os.environ if environ is None else environ
        tables = _overrides(TableSettings, env, "BOGO_TABLES_")
        checks = _overrides(CheckSettings, env, "BOGO_CHECKS_")
        track = _overrides(TrackSettings, env, "BOGO_TRACK_")
        over = _overrides(cls, env, "BOGO_")
        if tables:
            over["tables"] = TableSettings(**tables)
        if checks:
            over["checks"] = CheckSettings(**checks)
        if track:
            over["track"] = TrackSettings(**track)
        return replace(cls(), **over) if over else cls()


def _overrides(cls: type, env, prefix: str) -> dict[str, object]:
    """The fields of ``cls`` that ``env`` sets (``prefix`` + field name in capitals)."""
    out: dict[str, object] = {}
    for f in fields(cls):
        if f.type not in (int, float, "int", "float"):
            continue
        name = prefix + f.name.upper()
        v = env.get(name)
        if v is None or not v.strip():
            continue
        out[f.name] = _positive(name, v.strip(), float if f.type in (float, "float") else int,
                                share=f.name in _SHARE_FIELDS)
    return out


def _positive(name: str, value: str, kind: type, share: bool = False) -> float | int:
    from .errors import UsageError

    try:
        n = kind(value.replace("_", "").replace(",", ""))
    except ValueError:
        n = None
    if n is None or n <= 0 or (share and n > 1):
        unit = "0보다 크고 1 이하인 수" if share else "양수" if kind is float else "양의 정수"
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
