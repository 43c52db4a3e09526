"""HWPX reader on the real samples: tables, spans, nesting, numbering levels, forms.

Expected numbers come from /work/shared/samples/real/SOURCES.md (table counts,
merged non-empty cells) and from a direct walk of the section XML in this file
(every ``hp:tc`` outside page headers/footers is one cell).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import bogo.readers.hwp  # noqa: F401  (registers the reader; see _load_builtin)
import bogo.readers.hwpx  # noqa: F401
from bogo.blocks import Paragraph, Table
from bogo.readers import read
from bogo.readers.hwpx import read_hwpx

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "real"
HWPX = sorted((SAMPLES / "hwpx").glob("*.hwpx"))
HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"


def tables(doc) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def paragraphs(doc) -> list[Paragraph]:
    return [b for b in doc.blocks if isinstance(b, Paragraph)]


def xml_cells(path: Path) -> tuple[int, int]:
    """(cells, merged cells) counted straight from the XML, skipping page headers/footers."""
    cells = spans = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not name.startswith("Contents/section"):
                continue
            root = etree.fromstring(z.read(name))
            for tc in root.iter(f"{HP}tc"):
                anc = {etree.QName(a).localname for a in tc.iterancestors()}
                if anc & {"header", "footer"}:
                    continue
                cells += 1
                sp = tc.find(f"{HP}cellSpan")
                if sp is not None and (int(sp.get("rowSpan", 1)) > 1 or int(sp.get("colSpan", 1)) > 1):
                    spans += 1
    return cells, spans


def test_samples_present():
    assert len(HWPX) == 11


@pytest.mark.parametrize("path", HWPX, ids=lambda p: p.stem)
def test_every_sample_opens(path):
    doc = read(path)
    assert doc.format == "hwpx"
    assert doc.blocks
    assert doc.line_count >= max(b.line for b in doc.blocks)
    lines = [p.line for p in paragraphs(doc)]
    assert lines == sorted(set(lines)), "paragraph lines are unique and in reading order"
    for t in tables(doc):
        assert t.line <= t.end_line
        _assert_grid_consistent(t)


def _assert_grid_consistent(t: Table) -> None:
    seen: set[tuple[int, int]] = set()
    for c in t.cells:
        assert 0 <= c.row and c.row + c.rowspan <= t.n_rows
        assert 0 <= c.col and c.col + c.colspan <= t.n_cols
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                assert (r, k) not in seen, f"overlapping cells at {(r, k)}"
                seen.add((r, k))


@pytest.mark.parametrize("path", HWPX, ids=lambda p: p.stem)
def test_cells_and_spans_match_xml(path):
    doc = read(path)
    cells = sum(len(t.cells) for t in tables(doc))
    spans = sum(1 for t in tables(doc) for c in t.cells if c.rowspan > 1 or c.colspan > 1)
    assert (cells, spans) == xml_cells(path)


@pytest.mark.parametrize(("stem", "n_tables", "n_cells", "merged_nonempty"), [
    ("moef_fdi_2024q1_press", 26, 1453, 97),
    ("fsc_household_loans_2025-07_press", 11, 322, 15),
    ("seoul_youth_office_consultation", 11, 246, 61),
    ("mois_gov_innovation_press_2025-12", 11, 61, 13),
    ("gangbuk_festival_rfp_2023", 44, 1046, 91),
    ("seoul_lecturer_selection_result", 27, 147, 13),
    ("local_gov_donation_report_form_2025", 55, 1581, 2),
    ("seoul_daily_excavation_status", 5, 36, 7),
    ("mcst_press_2024-01-02", 4, 33, 0),
])
def test_table_counts(stem, n_tables, n_cells, merged_nonempty):
    doc = read(SAMPLES / "hwpx" / f"{stem}.hwpx")
    ts = tables(doc)
    assert len(ts) == n_tables
    assert sum(len(t.cells) for t in ts) == n_cells
    merged = [c for t in ts for c in t.cells if c.text and (c.rowspan > 1 or c.colspan > 1)]
    assert len(merged) == merged_nonempty


def test_hwpx_content_under_hwp_name():
    doc = read(SAMPLES / "hwp" / "wildlife_system_rfp_2023_is_hwpx.hwp")
    assert doc.format == "hwpx"
    assert len(tables(doc)) == 152


def test_nested_tables_follow_their_outer_table():
    doc = read(SAMPLES / "hwpx" / "seoul_fire_report_2026-298.hwpx")
    ts = tables(doc)
    assert len(ts) == 5
    outer, nested = ts[0], ts[1:]
    assert (outer.n_rows, outer.n_cols) == (4, 1)
    assert outer.layout, "a one-column frame around other tables is layout"
    assert doc.blocks.index(outer) + 1 == doc.blocks.index(nested[0])
    assert all(outer.line < t.line <= outer.end_line for t in nested)
    assert [(t.n_rows, t.n_cols) for t in nested] == [(4, 2), (6, 5), (1, 1), (8, 3)]
    # the outer cell keeps its own text, not the nested tables' text
    assert "강남소방서" in outer.grid()[3][0]
    assert "문서번호" not in " ".join(c.text for c in outer.cells)
    assert nested[0].grid()[0] == ["문서번호", "현장대응단-5186"]
    assert nested[1].form == "approval"
    assert nested[2].layout and nested[2].cells[0].text == "화재발생종합보고서(제2026-298호)"


def test_approval_block_and_title_box():
    doc = read(SAMPLES / "hwpx" / "seoul_daily_excavation_status.hwpx")
    ts = tables(doc)
    assert ts[0].layout and (ts[0].n_rows, ts[0].n_cols) == (1, 1)
    assert [t.form for t in ts] == ["", "approval", "", "", ""]
    assert ts[1].grid()[0][:3] == ["공무직", "주무관", "도로보수과장"]
    status = ts[3]
    assert (status.n_rows, status.n_cols) == (2, 9)
    assert status.grid()[0][0] == "구분" and status.grid()[0][-1] == "비고"
    assert not status.layout and status.form == ""


def test_multi_paragraph_cell_joins_text_with_space_and_raw_with_newline():
    doc = read(SAMPLES / "hwpx" / "seoul_daily_excavation_status.hwpx")
    cell = tables(doc)[3].cell_at(0, 1)
    assert cell.text == "노선 (공사위치)"
    assert cell.raw == "노선\n(공사위치)"


def test_spans_of_a_merged_header():
    doc = read(SAMPLES / "hwpx" / "seoul_daily_excavation_status.hwpx")
    approval = tables(doc)[1]
    merged = {(c.row, c.col): (c.rowspan, c.colspan) for c in approval.cells if c.rowspan > 1 or c.colspan > 1}
    assert merged  # the 결재 label spans rows
    assert approval.cell_at(1, 4) is approval.cell_at(0, 4)


def test_numbering_levels_fixture():
    """Hancom bullets, 문단 번호 and 개요 levels; levels are 1-based (수준 1 = 1).

    Bullets get their marker but no level: Hancom bullets have one level only,
    so the outline builder ranks them by marker like typed bullets."""
    doc = read(SAMPLES / "hwpx" / "fixture_parahead_numbering.hwpx")
    got = [(p.marker, p.level, p.text) for p in paragraphs(doc)]
    assert got == [
        ("●", None, "글머리1-1"), ("●", None, "글머리1-2"),
        ("■", None, "글머리2-1"), ("■", None, "글머리2-2"),
        ("1.", 1, "번호1"), ("2.", 1, "번호2"), ("3.", 1, "번호3"),
        ("3.1.", 2, "번호3-1"), ("3.2.", 2, "번호3-2"), ("4.", 1, "번호4"),
        ("4.1.1.1.", 4, "번호-4-1-1-1"), ("4.1.1.2.", 4, "번호-4-1-1-2"),
        ("4.1.1.", 3, "번호-4-1-2"), ("4.1.1.1.", 4, "번호-4-1-2-1"),
        ("1.", 1, "개요1"), ("가.", 2, "개요1-1"), ("나.", 2, "개요1-2"), ("다.", 2, "개요1-3"),
        ("2.", 1, "개요2"), ("가.", 2, "개요2-1"), ("1)", 3, "개요2-1-1"),
    ]
    assert {p.level for p in paragraphs(doc)} == {None, 1, 2, 3, 4}


def test_typed_markers_are_split_and_level_left_to_inference():
    doc = read(SAMPLES / "hwpx" / "mois_gov_innovation_press_2025-12.hwpx")
    ps = paragraphs(doc)
    squares = [p for p in ps if p.marker == "□"]
    circles = [p for p in ps if p.marker == "○"]
    assert len(squares) >= 8 and len(circles) >= 10
    assert squares[0].text.startswith("행정안전부(장관 윤호중)는")
    assert all(p.level is None for p in squares + circles)
    assert not any(p.text.startswith(("□", "○")) for p in ps)


def test_text_box_paragraphs_become_paragraphs():
    doc = read(SAMPLES / "hwpx" / "gangbuk_festival_rfp_2023.hwpx")
    texts = [p.text for p in paragraphs(doc)]
    assert any("가을밤의 음악축제" in t for t in texts[:10])


def test_private_use_bullets_are_mapped():
    for path in HWPX:
        doc = read(path)
        for p in paragraphs(doc):
            assert not any("\ue000" <= ch <= "\uf8ff" for ch in p.marker + p.text), (path.name, p.text)


def test_read_hwpx_direct_call_matches_public_read():
    path = SAMPLES / "hwpx" / "mcst_press_2024-01-02.hwpx"
    assert read_hwpx(path, path.read_bytes()) == read(path)


# -- golden block dumps -------------------------------------------------------------

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "formats"
GOLDEN_INPUTS = [SAMPLES / "hwpx" / f"{s}.hwpx" for s in (
    "fixture_parahead_numbering", "mois_gov_innovation_press_2025-12",
    "seoul_fire_report_2026-298", "seoul_daily_excavation_status")] + [
    SAMPLES / "hwp" / f"{s}.hwp" for s in ("budget_statement_table", "nts_tax_ruling_1978")]


def blocks_text(doc) -> str:
    """A reviewer-readable dump of the blocks: one line per paragraph, a grid per table."""
    out = [f"# format={doc.format} blocks={len(doc.blocks)} lines={doc.line_count}"]
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            lv = "" if b.level is None else f" L{b.level}"
            out.append(f"P {b.line}{lv} [{b.marker}] {b.text}")
            continue
        flags = " ".join(f for f in ("layout" if b.layout else "", b.form,
                                     f"header={b.header_rows}" if b.header_rows else "") if f)
        out.append(f"T {b.line}-{b.end_line} {b.n_rows}x{b.n_cols} {flags}".rstrip())
        for c in b.cells:
            span = f" span={c.rowspan}x{c.colspan}" if c.rowspan > 1 or c.colspan > 1 else ""
            out.append(f"  ({c.row},{c.col}){span} {c.text[:60]}".rstrip())
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("path", GOLDEN_INPUTS, ids=lambda p: p.name)
def test_golden_blocks(path):
    got = blocks_text(read(path))
    gold = GOLDEN / f"{path.name}.outline.txt"
    if os.environ.get("BOGO_REGEN"):
        assert not os.environ.get("CI"), "golden files are never regenerated in CI"
        gold.parent.mkdir(parents=True, exist_ok=True)
        gold.write_text(got, encoding="utf-8")
    assert gold.exists(), f"missing {gold.name}; run with BOGO_REGEN=1 and review the diff"
    assert gold.read_text(encoding="utf-8") == got
