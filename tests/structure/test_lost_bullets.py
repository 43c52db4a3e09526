"""□ headings whose bullet glyph a text export lost are read as □ headings again."""

from __future__ import annotations

from bogo.blocks import Document
from bogo.readers.textlines import lines_to_blocks
from bogo.structure import analyse
from bogo.structure.outline import walk


def _heads(text: str):
    blocks = lines_to_blocks(list(enumerate(text.split("\n"), 1)))
    lay = analyse(Document(blocks=blocks, format="text"))
    return [(h.kind, h.title) for h in walk([h for h in lay.headings if h.parent is None])]


LOST = ("Ⅰ. 추진계획\n1 말뭉치 구축\n국어 말뭉치 확대 구축\nㅇ 원시 말뭉치 구축\nㅇ 분석 말뭉치 구축\n"
        "말뭉치 공유 체계 운영\nㅇ 말뭉치 공개\n2 사전 편찬\n국어사전 기능 강화\nㅇ 사전 개편\n"
        "3 국어능력 향상\n진단 체계 마련\nㅇ 쓰기 진단\n주요 내용\nㅇ 척도 개발")


def test_unmarked_titles_over_sub_items_are_square_headings_when_the_report_lost_them():
    heads = _heads(LOST)
    assert ("square", "국어 말뭉치 확대 구축") in heads
    assert ("square", "말뭉치 공유 체계 운영") in heads
    assert ("square", "주요 내용") in heads  # a part heading ranks as a □ heading there
    assert not any(t.startswith("ㅇ") for _, t in heads)


def test_a_report_with_its_square_bullets_or_a_lone_unmarked_line_keeps_them_body_text():
    kept = LOST.replace("국어 말뭉치 확대 구축", "□ 국어 말뭉치 확대 구축")
    assert ("square", "말뭉치 공유 체계 운영") not in _heads(kept)  # □ present: nothing was lost
    lone = "1 말뭉치 구축\n국어 말뭉치 확대 구축\nㅇ 원시 말뭉치\n2 사전\nㅇ 개편\n3 능력\nㅇ 진단\n4 교육\nㅇ 교원"
    assert all(k != "square" for k, _ in _heads(lone))  # one heading of four: the writer's line


def test_sentences_and_lines_between_tables_are_not_headings():
    text = LOST.replace("말뭉치 공유 체계 운영", "말뭉치를 공유하였다.")
    assert all(t != "말뭉치를 공유하였다." for _, t in _heads(text))
