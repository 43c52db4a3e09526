"""What a tracker knows of a document, and the history interface trackers read.

Kept apart from the histories themselves (:mod:`bogo.track.history`), which
read the store, so that the trackers and the stored identity events can name
these types without importing the store's readers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class DocInfo:
    id: int
    office: str | None
    kind: str | None
    date: str | None
    path: str
    sha256: str = ""


class History(Protocol):
    def documents(self, office: str | None = None) -> list[DocInfo]: ...

    def records(self, doc_id: int, rtype: str) -> list[dict[str, Any]]: ...
