"""Results of the workbench's expensive reads, valid while the store's contents are unchanged.

:func:`store_stamp` is a cheap fingerprint of a store (its documents and the
users' unit decisions); :class:`ResultCache` keeps the newest results of
aggregations over the whole store (the dashboard, the filter menus, the
tracking pages) under that fingerprint, so each is computed once per change of
the store instead of once per request.  Nothing here knows about HTTP.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select, text

from ..store import Store
from ..store.models import Document

CACHE_SIZE = 64


def store_stamp(store: Store) -> tuple[int, int, int]:
    """A cheap fingerprint of the store's contents (documents and unit decisions), for caches."""
    with store.connect() as conn:
        n, top = conn.execute(select(func.count(), func.max(Document.id)).select_from(Document)).one()
        dec = conn.execute(text("SELECT count(*) FROM unit_decisions")).scalar_one()
    return int(n), int(top or 0), int(dec)


class ResultCache:
    """Results of expensive calls, valid while the store's fingerprint is unchanged."""

    def __init__(self, size: int = CACHE_SIZE):
        self.size = size
        self._items: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, store: Store, key: tuple, compute: Callable[[], Any]) -> Any:
        full = (store.url, store_stamp(store), *key)
        with self._lock:
            if full in self._items:
                self._items.move_to_end(full)
                return self._items[full]
        value = compute()
        with self._lock:
            self._items[full] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


CACHE = ResultCache()
