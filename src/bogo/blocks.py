"""The block model: what every reader returns, whatever the source format.

A reader turns a file into a :class:`Document`: a flat list of blocks in reading
order.  A block is either a :class:`Paragraph` (one line or paragraph of text, with
its bullet/number marker split off) or a :class:`Table` (a grid of :class:`Cell`
with row/column spans).  Every block keeps where it came from: ``line`` is the
1-based line of a text source, or the paragraph index of a binary format; ``page``
is set where the format has pages.  Nothing after the readers looks at the source
format: structure, extraction and checks only see these classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Paragraph:
    """One paragraph of text.

    ``text`` is normalised (typography, spaced-out labels joined); ``raw`` is the
    text as found.  ``marker`` is the leading bullet or number as written after
    normalisation ("Ⅰ.", "1.", "①", "□", "○", "-", …) and is not part of ``text``.
    ``level`` is an outline level the source format states itself (HWPX/DOCX
    numbering, Markdown ``#``); ``None`` when it must be inferred from the marker.
    ``indent`` is the visual indentation (leading spaces, or the format's indent
    level), used to tell sub-bullets apart.
    """

    text: str
    raw: str
    line: int
    marker: str = ""
    level: int | None = None
    indent: int = 0
    emphasis: bool = False
    page: int | None = None
    heading: int = 0

    kind = "paragraph"


@dataclass(slots=True)
class Cell:
    """One anchor cell of a table: text plus its position and spans."""

    text: str
    raw: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    line: int | None = None


@dataclass(slots=True)
class Table:
    """A table as a list of anchor cells on an ``n_rows`` × ``n_cols`` grid.

    ``header_rows`` is set when the source format marks header rows itself
    (HTML ``<thead>``/``<th>``, the Markdown separator, HWPX header cells);
    otherwise the structure stage decides.  ``caption`` likewise, when the source
    carries one.  A table nested in another's cell follows it as a block of its own.
    ``origin`` says how a reader that rebuilt the grid from a drawing or from plain
    text got it: "ruled" (cell borders drawn), "aligned" (text columns lining up) or
    "inferred" (guessed from gaps, or under a header that does not tell the columns
    apart); ``None`` when the format states the grid itself (tabs, HTML, HWPX cells).
    """

    cells: list[Cell]
    n_rows: int
    n_cols: int
    line: int
    end_line: int
    page: int | None = None
    header_rows: int | None = None
    caption: str | None = None
    layout: bool = False
    form: str = ""
    #: "totals" when the reader placed short rows' cells by making the column sums match
    #: the total row; "inferred" when it could not tell their columns (no total row decides)
    placement: str | None = None
    origin: str | None = None
    _index: dict[tuple[int, int], Cell] | None = field(default=None, init=False, repr=False, compare=False)
    _grids: dict[bool, list[list[str]]] = field(default_factory=dict, init=False, repr=False, compare=False)

    kind = "table"

    def grid(self, fill_spans: bool = False) -> list[list[str]]:
        """The table as rows of cell texts.

        Cells covered by a span are "" unless ``fill_spans`` is set, in which case
        the anchor's text is repeated there (useful for header rows).
        """
        cached = self._grids.get(fill_spans)
        if cached is None:
            cached = [[""] * self.n_cols for _ in range(self.n_rows)]
            for c in self.cells:
                if not fill_spans or (c.rowspan == 1 and c.colspan == 1):
                    if c.row < self.n_rows and c.col < self.n_cols:
                        cached[c.row][c.col] = c.text
                    continue
                for r in range(c.row, min(c.row + c.rowspan, self.n_rows)):
                    for k in range(c.col, min(c.col + c.colspan, self.n_cols)):
                        cached[r][k] = c.text
            self._grids[fill_spans] = cached
        return [list(r) for r in cached]  # callers may edit their copy

    def copy(self) -> Table:
        """A copy to edit: its own cells (each copied) and no cached grids."""
        cells = [Cell(c.text, c.raw, c.row, c.col, c.rowspan, c.colspan, c.line) for c in self.cells]
        return Table(cells, self.n_rows, self.n_cols, self.line, self.end_line, page=self.page,
                     header_rows=self.header_rows, caption=self.caption, layout=self.layout, form=self.form,
                     placement=self.placement, origin=self.origin)

    def cell_at(self, row: int, col: int) -> Cell | None:
        """The cell covering grid position (row, col), spans included."""
        if self._index is None:
            index: dict[tuple[int, int], Cell] = {}
            for c in self.cells:
                for r in range(c.row, c.row + c.rowspan):
                    for k in range(c.col, c.col + c.colspan):
                        index.setdefault((r, k), c)
            self._index = index
        return self._index.get((row, col))


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    """What a reader returns: blocks in reading order plus reader warnings."""

    blocks: list[Block]
    format: str
    warnings: list[str] = field(default_factory=list)
    pages: int | None = None
    line_count: int = 0
    encoding: str | None = None


def grid_to_table(rows: list[list[str]], line: int, end_line: int | None = None,
                  raw_rows: list[list[str]] | None = None, **kw) -> Table:
    """Build a span-free :class:`Table` from rows of texts (ragged rows padded)."""
    n_cols = max((len(r) for r in rows), default=0)
    cells = []
    for i, r in enumerate(rows):
        for j, t in enumerate(r):
            raw = raw_rows[i][j] if raw_rows else t
            cells.append(Cell(text=t, raw=raw, row=i, col=j))
        for j in range(len(r), n_cols):
            cells.append(Cell(text="", raw="", row=i, col=j))
    return Table(cells=cells, n_rows=len(rows), n_cols=n_cols, line=line,
                 end_line=end_line if end_line is not None else line + len(rows) - 1, **kw)
