"""DOCX reader: fixtures built with python-docx (no real Korean DOCX samples exist)."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import bogo.readers.docx  # noqa: F401  - registers the reader
from bogo.blocks import Paragraph, Table
from bogo.errors import BogoError
from bogo.readers import read

LEVELS = [("decimal", "%1."), ("ganada", "%2."), ("decimalEnclosedCircle", "%3"), ("bullet", "\uf0b7")]


def _add_numbering(doc) -> str:
    """Add a four-level Korean outline list (1. / 가. / ① / •) and return its numId."""
    numbering = doc.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(LEVELS))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _numbered(doc, text: str, ilvl: int, num_id: str = "90"):
    p = doc.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def _merged_table(doc):
    t = doc.add_table(rows=4, cols=4)
    a = t.cell(0, 0).merge(t.cell(1, 0))
    a.text = "구 분"
    h = t.cell(0, 1).merge(t.cell(0, 3))
    h.text = "일 반 직"
    for k, label in enumerate(["5급", "6급", "7급"], 1):
        t.cell(1, k).text = label
    t.cell(2, 0).text = "기획담당관"
    t.cell(3, 0).text = "감사관"
    for r in (2, 3):
        for k in (1, 2, 3):
            t.cell(r, k).text = f"{r}{k}"
    return t


@pytest.fixture()
def report(tmp_path):
    doc = docx.Document()
    _add_numbering(doc)
    doc.add_heading("Ⅰ. 일반현황", 1)
    doc.add_paragraph("□ 추진방향")
    _numbered(doc, "조직 현황", 0)
    _numbered(doc, "인력 운영", 1)
    _numbered(doc, "정원 관리", 2)
    _numbered(doc, "현원 점검", 3)
    _numbered(doc, "결원 충원", 2)
    _numbered(doc, "예산 현황", 1)
    _numbered(doc, "향후 계획", 0)
    doc.add_heading("세부 현황", 2)
    t = _merged_table(doc)
    inner = t.cell(3, 3).add_table(rows=2, cols=2)
    for r in range(2):
        for c in range(2):
            inner.cell(r, c).text = f"내부{r}{c}"
    p = doc.add_paragraph()
    p.add_run("굵은 제목").bold = True
    doc.add_paragraph("")
    doc.add_paragraph("끝 문단")
    path = tmp_path / "report.docx"
    doc.save(path)
    return read(path)


def test_format_and_body_order(report):
    assert report.format == "docx"
    kinds = [b.kind for b in report.blocks]
    assert kinds == ["paragraph"] * 10 + ["table", "table"] + ["paragraph"] * 2
    lines = [b.line for b in report.blocks]
    assert lines == sorted(lines) and len(set(lines)) == len(lines)
    assert report.line_count == report.blocks[-1].line


def test_heading_levels_and_typed_markers(report):
    h1, typed = report.blocks[0], report.blocks[1]
    assert (h1.marker, h1.text, h1.level) == ("Ⅰ.", "일반현황", 1)
    assert (typed.marker, typed.text, typed.level) == ("□", "추진방향", None)
    h2 = report.blocks[9]
    assert (h2.text, h2.level) == ("세부 현황", 2)


def test_numbering_markers_are_synthesised(report):
    items = [b for b in report.blocks[2:9]]
    assert [(b.marker, b.text) for b in items] == [
        ("1.", "조직 현황"), ("가.", "인력 운영"), ("①", "정원 관리"), ("•", "현원 점검"),
        ("②", "결원 충원"), ("나.", "예산 현황"), ("2.", "향후 계획")]
    # list levels sit below the deepest heading level used (2)
    assert [b.level for b in items] == [3, 4, 5, 6, 5, 4, 3]
    assert [b.indent for b in items] == [0, 1, 2, 3, 2, 1, 0]


def test_merged_cells_and_nested_table(report):
    outer, inner = report.blocks[10], report.blocks[11]
    assert isinstance(outer, Table) and isinstance(inner, Table)
    assert (outer.n_rows, outer.n_cols) == (4, 4)
    anchor = outer.cell_at(1, 0)
    assert (anchor.row, anchor.col, anchor.rowspan, anchor.colspan, anchor.text) == (0, 0, 2, 1, "구분")
    head = outer.cell_at(0, 2)
    assert (head.row, head.col, head.colspan, head.rowspan, head.text) == (0, 1, 3, 1, "일반직")
    assert outer.grid()[1] == ["", "5급", "6급", "7급"]
    assert outer.grid(fill_spans=True)[1][0] == "구분"
    assert outer.grid()[2] == ["기획담당관", "21", "22", "23"]
    assert len(outer.cells) == 4 * 4 - 1 - 2            # two merges remove three cells
    assert inner.grid() == [["내부00", "내부01"], ["내부10", "내부11"]]
    assert inner.line > outer.end_line
    assert all(c.line == outer.line + c.row for c in outer.cells)


def test_emphasis_and_empty_paragraphs(report):
    bold, last = report.blocks[-2], report.blocks[-1]
    assert bold.text == "굵은 제목" and bold.emphasis
    assert last.text == "끝 문단" and not last.emphasis
    assert last.line == bold.line + 1                     # the empty paragraph is skipped


def test_vmerge_restart_continue(tmp_path):
    doc = docx.Document()
    t = doc.add_table(rows=3, cols=2)
    t.cell(0, 0).merge(t.cell(2, 0)).text = "합계"
    for r in range(3):
        t.cell(r, 1).text = str(r + 1)
    path = tmp_path / "v.docx"
    doc.save(path)
    table = read(path).blocks[0]
    anchor = table.cell_at(2, 0)
    assert (anchor.row, anchor.rowspan, anchor.text) == (0, 3, "합계")
    assert [r[1] for r in table.grid()] == ["1", "2", "3"]


def test_style_numbering_and_bullets(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("첫째", style="List Number")
    doc.add_paragraph("둘째", style="List Number")
    doc.add_paragraph("점", style="List Bullet")
    path = tmp_path / "s.docx"
    doc.save(path)
    paras = [b for b in read(path).blocks if isinstance(b, Paragraph)]
    assert [(p.marker, p.text) for p in paras] == [("1.", "첫째"), ("2.", "둘째"), ("•", "점")]


def test_truncated_docx_is_a_bogo_error(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("본문 " * 2000)
    full = tmp_path / "full.docx"
    doc.save(full)
    data = full.read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(BogoError):
        read(cut)
