"""The texts of records that tracking compares across reports (no history needed).

Kept apart from the trackers so that the store's ingest workers can precompute
their word sets (:func:`bogo.store.prepare.tracked_words`) without importing the
history that reads the store.
"""

from __future__ import annotations

import re
from typing import Any

_DATE_BITS = re.compile(r"[’'‘]?\d{2,4}\s*[.년]\s*\d{0,2}[.월]?\s*\d{0,2}\.?\s*(\([월화수목금토일]\))?|[~∼:]")


def milestone_text(m: dict[str, Any]) -> str:
    """A milestone's text without its date (what is looked for in later reports)."""
    text = m.get("text") or m.get("raw") or ""
    if m.get("raw"):
        text = text.replace(m["raw"], " ")
    return _DATE_BITS.sub(" ", text)
