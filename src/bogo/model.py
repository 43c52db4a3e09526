"""The contract ``bogo.report/1``: the records of a parsed report, in one place.

These pydantic models are what ``bogo.parse`` returns and what ``bogo parse
--json`` prints.  Field names are fixed by the contract (spec §3): add fields,
never rename.  The JSON Schema in ``schema/bogo.report-1.json`` is generated from
these classes (``python -m bogo.schema``) and a test fails when it is stale.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA = "bogo.report/1"


class _Rec(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Source(_Rec):
    path: str
    sha256: str
    format: Literal["text", "html", "hwpx", "hwp", "pdf", "docx"]
    bytes: int
    encoding: str | None = None
    pages: int | None = None
    warnings: list[str] = Field(default_factory=list)


class Meta(_Rec):
    office: str | None = None
    title: str | None = None
    kind: str | None = None
    date: str | None = None
    session: str | None = None
    committee: str | None = None


class Section(_Rec):
    id: str
    level: int
    marker: str
    title: str
    line: int
    children: list[Section] = Field(default_factory=list)


class TableRec(_Rec):
    id: str
    section: str | None
    caption: str | None
    unit: str | None
    line: int
    end_line: int | None = None
    page: int | None = None
    header: list[list[str]]
    rows: list[list[str]]
    spans: list[list[int]] = Field(
        default_factory=list,
        description="merged cells as [row, col, rowspan, colspan] over header+rows",
    )
    notes: list[str] = Field(default_factory=list, description="※/* notes under the table")
    as_of: str | None = None
    role: Literal["data", "layout", "approval"] = "data"
    row_lines: list[int] = Field(default_factory=list, description="source line of each body row")
    placement: Literal["totals", "inferred"] | None = Field(
        default=None,
        description="'totals' when the reader placed the cells of short rows in their columns by making "
                    "the column sums match the total row (those sums then prove nothing); 'inferred' "
                    "when it could not tell (no total row, sums that do not decide, or figures two rows "
                    "could trade): the columns of those cells are its guess",
    )

    origin: Literal["ruled", "aligned", "inferred"] | None = Field(
        default=None,
        description="how a reader rebuilt the grid from a drawing (PDF): 'ruled' from drawn cell "
                    "borders, 'aligned' partly from text lining up, 'inferred' from gaps; null when "
                    "the source format states the grid itself. Arithmetic findings on a table whose "
                    "origin is not null or 'ruled' are at most warnings",
    )


class ParagraphRec(_Rec):
    """One paragraph of prose (not a table cell), as the prose checks read it."""

    text: str
    raw: str
    line: int
    marker: str = ""
    indent: int = 0
    section: str | None = None
    page: int | None = None


class Count3(_Rec):
    quota: int | None = None
    current: int | None = None
    women: int | None = None


class StaffRow(_Rec):
    unit: str
    quota: int | None = None
    current: int | None = None
    women: int | None = None
    by_type: dict[str, list[int | None] | None] = Field(default_factory=dict)
    line: int | None = None


class Staffing(_Rec):
    as_of: str | None = None
    table: str | None = None
    total: Count3 = Field(default_factory=Count3)
    rows: list[StaffRow] = Field(default_factory=list)


class BudgetLine(_Rec):
    table: str | None
    item: str
    column: str
    amount: float | int | None
    count: int | None = None
    unit: str | None = None
    line: int | None = None
    table_id: str | None = None
    row: int | None = None
    col: int | None = None


class Task(_Rec):
    id: str
    number: str
    group: str | None = None
    title: str
    section: str | None = None
    line: int
    parts: dict[str, list[str]] = Field(default_factory=dict)


class Milestone(_Rec):
    task: str | None
    raw: str
    start: str | None
    end: str | None
    line: int
    heading: str | None = None
    text: str | None = None


class AuditSummaryRow(_Rec):
    model_config = ConfigDict(extra="allow")
    category: str
    total: int | None = None


class AuditSummary(_Rec):
    total: int | None = None
    rows: list[AuditSummaryRow] = Field(default_factory=list)
    line: int | None = None
    table: str | None = None


class AuditItem(_Rec):
    id: str
    category: str
    text: str
    departments: list[str] = Field(default_factory=list)
    status: str | None = None
    #: the status as the report words it ("추진불가", "추진 검토"), beside the canonical ``status``
    status_text: str | None = None
    actions: list[str] = Field(default_factory=list)
    plans: list[str] = Field(default_factory=list)
    line: int


class Audit(_Rec):
    summary: AuditSummary | None = None
    items: list[AuditItem] = Field(default_factory=list)


class Finding(_Rec):
    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    line: int | None = None
    table: str | None = None
    row: int | str | None = None
    col: int | str | None = None
    row_index: int | None = Field(default=None, description="body row of the table (index in its rows)")
    col_index: int | None = Field(default=None, description="column of the table (0-based)")
    page: int | None = Field(default=None, description="page of the source holding it (PDF; none where the format has no pages)")
    found: Any = None
    expected: Any = None


class Report(_Rec):
    """One parsed report: the whole contract ``bogo.report/1``."""

    schema_: str = Field(default=SCHEMA, alias="schema")
    source: Source
    meta: Meta = Field(default_factory=Meta)
    outline: list[Section] = Field(default_factory=list)
    tables: list[TableRec] = Field(default_factory=list)
    staffing: Staffing | None = None
    budget_lines: list[BudgetLine] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    milestones: list[Milestone] = Field(default_factory=list)
    audit: Audit | None = None
    paragraphs: list[ParagraphRec] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    #: values derived from the records (table views …), built once and dropped
    #: with the report; never part of the JSON contract
    _derived: dict[str, Any] = PrivateAttr(default_factory=dict)

    def derived(self, key: str, make: Callable[[], Any]) -> Any:
        """A value derived from this report, computed by ``make`` on first use."""
        if key not in self._derived:
            self._derived[key] = make()
        return self._derived[key]

    def clear_derived(self) -> None:
        """Drop the derived values: call after editing the records in place (a
        table's cells, say), so that table views are built again from them."""
        self._derived.clear()

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, mode="json")

    def to_json(self, pretty: bool = False) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2 if pretty else None)

    def table(self, table_id: str) -> TableRec | None:
        for t in self.tables:
            if t.id == table_id:
                return t
        return None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the contract, generated from the models."""
    s = Report.model_json_schema(by_alias=True)
    s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    s["$id"] = "https://bogo.example/schema/bogo.report-1.json"
    s["title"] = SCHEMA
    return s
