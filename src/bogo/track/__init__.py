"""Tracking across reports (spec §5): unit identity, plan follow-up, audit items.

Everything here reads a :class:`~bogo.track.history.History` (documents of an
office, records of a document), so it runs on a store or on reports in memory.
"""

from .history import DocInfo, History, MemoryHistory, StoreHistory
from .units import UnitEvent, budget_series, unit_events, unit_names, unit_series

__all__ = ["DocInfo", "History", "MemoryHistory", "StoreHistory", "UnitEvent", "budget_series", "unit_events",
           "unit_names", "unit_series"]
