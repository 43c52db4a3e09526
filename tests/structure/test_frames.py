"""Text drawn in table frames reads as paragraphs; tables that hold figures, two columns of
text or a form's options stay tables; a blank frame is layout; a press release's title is
its headline, not "보도자료" nor the 보도시점 line."""

from __future__ import annotations

from bogo.blocks import Document, Paragraph, Table, grid_to_table
from bogo.structure import analyse
from bogo.structure.frames import unwrap_boxes
from bogo.structure.meta import extract_meta


def _texts(blocks):
    return [(b.marker, b.text) if isinstance(b, Paragraph) else "table" for b in blocks]


def test_a_title_bar_and_a_reference_title_are_paragraphs():
    bar = grid_to_table([["", "보도자료", ""]], 1)
    ref = grid_to_table([["참고", "정부혁신 비전 및 추진전략"]], 2)
    assert _texts(unwrap_boxes([bar, ref])) == [("", "보도자료"), ("", "참고 정부혁신 비전 및 추진전략")]


def test_lines_one_per_row_under_a_title_are_a_text_box():
    box = grid_to_table([["", "〈 정부혁신으로 달라지는 모습 〉", ""], ["", "", ""],
                         ["• 범정부 국민 참여 플랫폼이 구축되어 국민이 참여하게 된다", "", ""]], 1)
    headline = grid_to_table([["'국민주권시대, AI와 함께 열다' 국민주권정부의 정부혁신 청사진 공개"],
                              ["- '국민이 주도하고 AI가 뒷받침하는 국민주권정부' 구현"]], 5)
    assert _texts(unwrap_boxes([box, headline])) == [
        ("", "〈 정부혁신으로 달라지는 모습 〉"), ("•", "범정부 국민 참여 플랫폼이 구축되어 국민이 참여하게 된다"),
        ("", "'국민주권시대, AI와 함께 열다' 국민주권정부의 정부혁신 청사진 공개"),
        ("-", "'국민이 주도하고 AI가 뒷받침하는 국민주권정부' 구현")]


def test_figures_two_columns_a_form_or_one_cell_in_a_grid_stay_tables():
    figures = grid_to_table([["방문객 수"], ["1,200"]], 1)
    pairs = grid_to_table([["보도시점", "(온라인) 2025. 12. 2.(화) 16:00"], ["", "(지 면) 2025. 12. 3.(수) 조간"]], 3)
    consent = grid_to_table([["개인정보 수집·이용 동의여부"], ["□동의함 □동의하지 않음"]], 5)
    lonely = grid_to_table([["", "< 분석보고서 요약 >", ""], ["", "", ""], ["", "", ""]], 7)
    assert _texts(unwrap_boxes([figures, pairs, consent, lonely])) == ["table"] * 4


def test_a_blank_frame_is_layout():
    blank = grid_to_table([["", "", ""], ["", "", ""]], 2)
    layout = analyse(Document(blocks=[Paragraph(text="서식", raw="서식", line=1), blank], format="hwpx"))
    assert [t.role for t in layout.tables] == ["layout"]
    assert isinstance(layout.blocks[1], Table)


def test_a_press_release_title_is_its_headline():
    def p(line, text):
        return Paragraph(text=text, raw=text, line=line)
    m = extract_meta([p(1, "보도자료"), p(2, "보도시점 2024. 6. 21.(금) 11:00 배포 2024. 6. 21.(금) 09:00"),
                      p(3, "'24년 1분기 해외직접투자는 150.9억 달러로 전년동기비 14.6% 감소")])
    assert m.title == "'24년 1분기 해외직접투자는 150.9억 달러로 전년동기비 14.6% 감소"
    dated = extract_meta([p(1, "일일굴착복구공사 현황보고('26.06.26)"), p(2, "도로관리과")])
    assert dated.title == "일일굴착복구공사 현황보고('26.06.26)"
