"""docs/contract.md documents every field of the contract ``bogo.report/1``.

Every property name in the generated JSON Schema (the root and every ``$defs``
entry) must appear in the docs as `name` (in backticks), so a field added to the
model cannot go undocumented.
"""

from __future__ import annotations

from bogo.schema import load
from conftest import REPO

DOCS = REPO / "docs" / "contract.md"


def _property_names(schema: dict) -> dict[str, set[str]]:
    """Property name → the schema objects ("root" or a $defs name) that declare it."""
    where: dict[str, set[str]] = {}
    objects = [("root", schema)] + sorted(schema.get("$defs", {}).items())
    for owner, obj in objects:
        for name in obj.get("properties", {}):
            where.setdefault(name, set()).add(owner)
    return where


def test_schema_has_properties():
    names = _property_names(load())
    # sanity: the walk reaches both the root and nested records
    assert {"schema", "source", "findings", "by_type", "row_lines", "expected"} <= names.keys()


def test_every_schema_property_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    missing = {name: sorted(owners) for name, owners in _property_names(load()).items()
               if f"`{name}`" not in text}
    assert not missing, f"fields missing from docs/contract.md (name: declared in): {missing}"
