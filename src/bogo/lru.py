"""A bounded mapping that forgets the least recently used entry (the store's in-process caches)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any


class LRU(OrderedDict):
    """An ordered dict holding at most ``size`` entries; reading an entry makes it the most recent."""

    def __init__(self, size: int):
        super().__init__()
        self.size = size

    def __getitem__(self, key: Any) -> Any:
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)
