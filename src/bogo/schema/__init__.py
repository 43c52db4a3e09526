"""The checked-in JSON Schema of the contract ``bogo.report/1``.

``python -m bogo.schema --write`` regenerates ``bogo.report-1.json`` from the
pydantic models; a test fails when the checked-in file is stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model import json_schema

SCHEMA_PATH = Path(__file__).with_name("bogo.report-1.json")


def render() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def load() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
