"""Structure: from the block model to tables with headers, the outline and meta.

``analyse(doc)`` is format-blind.  It returns a :class:`Layout` that holds the
contract's ``meta``, ``outline`` and ``tables`` plus what the extractors need to
walk the document: every block with the section it belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import TypeAdapter

from ..blocks import Block, Document, Paragraph, Table
from ..model import Meta, Section, TableRec
from ..settings import SETTINGS, Settings
from .boxnumbers import join_split_headings
from .captions import caption_for, clean_caption, find_as_of, find_unit, notes_after, unit_below
from .continued import join_continued
from .diagrams import grid_diagram
from .frames import unwrap_boxes
from .gridcaptions import split_grid_captions
from .headers import fill_header, table_header_rows
from .meta import extract_meta
from .outline import Heading, outline, section_ends, walk

_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*년")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")


@dataclass(slots=True)
class Layout:
    doc: Document
    blocks: list[Block]
    meta: Meta
    outline: list[Section]
    tables: list[TableRec]
    table_blocks: list[Table]
    headings: list[Heading]
    section_of: list[Heading | None] = field(default_factory=list)
    table_index: list[int] = field(default_factory=list)  # block index of each table
    #: the run's settings; extractors read table views with ``settings.tables``
    settings: Settings = SETTINGS

    @property
    def year_month(self) -> tuple[int | None, int | None]:
        d = self.meta.date
        if not d:
            # no cover date: a year in the title ("2025년 업무계획") still dates the plans
            m = _TITLE_YEAR.search(self.meta.title or "")
            return (int(m.group(1)), None) if m else (None, None)
        m = _ISO_MONTH.match(d)
        return (int(m.group(1)), int(m.group(2))) if m else (None, None)


def _section_dict(h: Heading) -> dict:
    return {"id": h.id, "level": h.level, "marker": h.marker, "title": h.title, "line": h.line,
            "children": [_section_dict(c) for c in h.children]}


#: validates a whole section tree in one call (as strictly as the model's constructor)
_SECTIONS = TypeAdapter(list[Section])


def to_sections(roots: list[Heading]) -> list[Section]:
    """The contract's outline: the heading tree as :class:`~bogo.model.Section` records."""
    return _SECTIONS.validate_python([_section_dict(h) for h in roots])


def _sections_of(heads: list[Heading], n: int) -> list[Heading | None]:
    """The heading each of ``n`` blocks belongs to: the last heading at or before it
    (``heads`` in document order), None before the first."""
    out: list[Heading | None] = [None] * n
    for j, h in enumerate(heads):
        lo = max(h.index, 0)
        hi = min(heads[j + 1].index if j + 1 < len(heads) else n, n)
        if hi > lo:
            out[lo:hi] = [h] * (hi - lo)
    return out


def analyse(doc: Document, settings: Settings = SETTINGS) -> Layout:
    blocks = join_continued(join_split_headings(unwrap_boxes(doc.blocks)))
    roots = outline(blocks)
    heads = sorted(walk(roots), key=lambda h: h.index)
    section_ends(heads, len(blocks))
    section_of = _sections_of(heads, len(blocks))
    tables: list[TableRec] = []
    table_blocks: list[Table] = []
    table_index: list[int] = []
    for i, b in enumerate(blocks):
        if not isinstance(b, Table) or b.n_rows == 0 or b.n_cols == 0:
            continue
        near = blocks[max(0, i - 4):i]
        while any(isinstance(x, Table) for x in near):  # a caption never crosses another table
            near = near[next(k for k in range(len(near) - 1, -1, -1) if isinstance(near[k], Table)) + 1:]
        before = [x for x in near if isinstance(x, Paragraph)]
        after = [x for x in blocks[i + 1:i + 5] if isinstance(x, Paragraph)]
        caption, unit, as_of = caption_for(before)
        b, own_caption, own_unit, own_notes = split_grid_captions(b)   # rows set in the grid
        caption, unit = own_caption or caption, own_unit or unit
        unit = unit or unit_below(blocks, i + 1)   # "(단위 : 억원)" under the table
        sec = section_of[i]
        if sec is not None and (unit is None or as_of is None):
            # "3 예산 집행현황 (기준 / 단위 : '20. 1. 31. / 천원)": a unit in the
            # section's heading holds for every table of the section
            unit = unit or find_unit(sec.title)
            as_of = as_of or find_as_of(sec.title)
        if b.caption:
            # a caption the format carries may be only the unit line "(단위 : 억원, %)"
            unit = unit or find_unit(b.caption)
            own = clean_caption(Paragraph(text=b.caption, raw=b.caption, line=b.line))
            caption = own or caption
        grid = b.grid()
        hn = table_header_rows(b, grid, settings.tables.max_header_rows)
        has_spans = any(c.rowspan > 1 or c.colspan > 1 for c in b.cells)
        header = b.grid(fill_spans=True)[:hn] if has_spans else fill_header(grid[:hn])
        spans = [[c.row, c.col, c.rowspan, c.colspan] for c in b.cells if c.rowspan > 1 or c.colspan > 1]
        first_line: dict[int, int] = {}
        for c in b.cells:
            if c.line is not None and (c.row not in first_line or c.line < first_line[c.row]):
                first_line[c.row] = c.line
        row_lines = [first_line.get(r, b.line) for r in range(hn, b.n_rows)]
        blank = not any(c.text for c in b.cells)   # a blank form or frame: nothing to check
        role = "approval" if b.form == "approval" else "layout" if b.layout or blank or grid_diagram(b) else "data"
        tables.append(TableRec(
            id=f"t{len(tables) + 1}", section=sec.id if sec else None, caption=caption, unit=unit,
            line=b.line, end_line=b.end_line, page=b.page, header=header, rows=grid[hn:], spans=spans,
            notes=own_notes + notes_after(after), as_of=as_of, role=role, row_lines=row_lines, placement=b.placement,
            origin=b.origin,
        ))
        table_blocks.append(b)
        table_index.append(i)
    return Layout(doc=doc, blocks=blocks, meta=extract_meta(blocks), outline=to_sections(roots),
                  tables=tables, table_blocks=table_blocks, headings=heads, section_of=section_of,
                  table_index=table_index, settings=settings)
