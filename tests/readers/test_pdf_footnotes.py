"""PDF: footnotes at a page's foot are kept as notes, never as outline headings."""

from __future__ import annotations

from pdf_kit import build_pdf

import bogo
import bogo.readers.pdf  # noqa: F401
from bogo.blocks import Paragraph
from bogo.readers import read
from bogo.readers._pdf_footnotes import raised_refs

BODY = [(60, 80, 16, "1 수질관리 강화"), (60, 120, 14, "□ 추진계획"),
        (70, 150, 14, "ㅇ 수질연동제 항목 변경 추진"), (70, 180, 14, "- 기존 산소요구량 기준에서 총유기탄소량 기준으로 변경"),
        (70, 210, 14, "- 관련 법 개정 건의"), (70, 240, 14, "ㅇ 정수장 시설 개선"), (70, 270, 14, "- 노후 설비 교체")]


def _parse(tmp_path, lines, name="notes.pdf"):
    p = tmp_path / name
    p.write_bytes(build_pdf([lines]))
    return p, bogo.parse(p)


def _titles(nodes) -> list[str]:
    out = []
    for n in nodes:
        out.append(f"{n.marker} {n.title}")
        out.extend(_titles(n.children))
    return out


def test_footnotes_at_the_foot_in_a_smaller_font_are_notes(tmp_path):
    notes = [(45, 760, 9, "1) BOD : 생물화학적 산소요구량"), (45, 773, 9, "2) TOC : 총유기탄소량 측정 기준")]
    p, report = _parse(tmp_path, BODY + notes)
    titles = _titles(report.outline)
    assert not any(t.startswith(("1)", "2)")) for t in titles)
    texts = [b.text for b in read(p).blocks if isinstance(b, Paragraph)]
    assert texts[-2:] == ["1) BOD : 생물화학적 산소요구량", "2) TOC : 총유기탄소량 측정 기준"]  # text kept


def test_a_wrapped_footnote_is_one_note(tmp_path):
    notes = [(45, 755, 9, "1) 하부집수장치 기능: 여재를 지지하고 여과수를 회수"),
             (80, 767, 9, "세척수를 여과실 전체에 공급")]
    p, _ = _parse(tmp_path, BODY + notes)
    paras = [b for b in read(p).blocks if isinstance(b, Paragraph)]
    assert (paras[-1].marker, paras[-1].text) == ("", "1) 하부집수장치 기능: 여재를 지지하고 여과수를 회수 세척수를 여과실 전체에 공급")


def test_numbered_items_in_the_body_stay_headings(tmp_path):
    """The same "N) …" lines in the body's size and place are numbered items."""
    items = [(60, 300, 14, "□ 세부 추진사항"), (70, 330, 14, "1) 수질검사 확대"), (80, 360, 14, "- 항목 확대"),
             (70, 390, 14, "2) 정수시설 개선"), (80, 420, 14, "- 노후 설비 교체 추진")]
    _, report = _parse(tmp_path, BODY + items)
    titles = _titles(report.outline)
    assert "1) 수질검사 확대" in titles and "2) 정수시설 개선" in titles


def test_small_numbered_lines_at_the_foot_without_other_signs_are_not_notes(tmp_path):
    """A smaller "N)" line at the foot, right under the body, with no term form and no
    reference to it, is not taken for a footnote."""
    items = [(70, 700, 12, "1) 향후 추진 일정 확정"), (80, 714, 12, "- 상반기 중 확정")]
    p, _ = _parse(tmp_path, BODY + [(70, 684, 14, "ㅇ 추가 과제 발굴")] + items)
    paras = [b for b in read(p).blocks if isinstance(b, Paragraph)]
    assert any(b.marker == "1)" for b in paras)


def test_raised_reference_numbers():
    def ch(t, x, top, bottom):
        return {"text": t, "x0": x, "x1": x + 5, "top": top, "bottom": bottom}
    line = [ch("량", 0, 100, 114), ch("1", 14, 100, 108), ch(")", 18, 100, 108), ch(" ", 22, 100, 114),
            ch("2", 30, 100, 114), ch(")", 35, 100, 114)]            # "2)" on the baseline: no reference
    assert raised_refs(line) == {1}


def test_a_referenced_footnote_in_the_body_size_is_a_note(tmp_path):
    """No smaller font, but the note's number is printed raised after a word above."""
    ref = [(70, 300, 14, "ㅇ 기준 변경 대상 BOD"), (213, 298, 8, "1)")]
    notes = [(45, 760, 14, "1) BOD : 생물화학적 산소요구량")]
    p, report = _parse(tmp_path, BODY + ref + notes)
    assert not any(t.startswith("1)") for t in _titles(report.outline))
    assert [b.text for b in read(p).blocks if isinstance(b, Paragraph)][-1] == "1) BOD : 생물화학적 산소요구량"


def test_a_raised_mark_does_not_cut_off_the_smaller_glyphs_after_it():
    """"점검*(4월)": the raised "*" sorts first by centre; the smaller "월" after it
    stays on the line."""
    from bogo.readers._pdf_lines import group_lines

    def ch(t, x, top, bottom):
        return {"text": t, "x0": x, "x1": x + 11, "top": top, "bottom": bottom, "size": bottom - top}
    chars = [ch("검", 0, 521.5, 536.5), ch("*", 11, 518.2, 529.7), ch("(", 14, 522.4, 536.7),
             ch("4", 17, 522.4, 536.7), ch("월", 21, 524.1, 536.0), ch(")", 30, 522.4, 536.7)]
    assert [ln.text for ln in group_lines(chars)] == ["검*(4월)"]
