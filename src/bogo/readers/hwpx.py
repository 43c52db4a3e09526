"""HWPX reader: an OWPML zip package into bogo blocks.

The zip is opened through :class:`~bogo.readers._zipsafe.SafeZip` (limits on
entries, sizes and compression ratio, refusal of path traversal and truncated
archives), and its XML parts are parsed with a hardened lxml parser.  The
walk itself (paragraphs, numbering, tables, text boxes) lives in
:mod:`bogo.readers._owpml`, shared with the HWP 5.0 reader.
"""

from __future__ import annotations

from pathlib import Path

from ..blocks import Document
from ..settings import SETTINGS, Settings
from . import register
from ._owpml import walk_package
from ._zipsafe import SafeZip


def read_hwpx(path: Path, data: bytes, settings: Settings = SETTINGS) -> Document:
    """Read the bytes of an HWPX file (``path`` is used for messages only)."""
    with SafeZip(path, data, settings) as z:
        return walk_package(path, z, settings, "hwpx")


register("hwpx", read_hwpx)
