"""Outline patterns of council work plans, on synthetic reports: other circled digit
sets, the jamo ㅇ bullet, boxed group numbers lost by the text layer, summary-diagram
entries, a list restarting inside a task, a list adopted by the heading above it,
appendix chapters, and mixed 추진상황 및 향후계획 sections."""

from __future__ import annotations

import bogo
from bogo.blocks import Paragraph
from bogo.normalize.markers import marker_kind, marker_number, split_marker
from bogo.structure.boxnumbers import lost_box_numbers

HEAD = "2025. 2. 11.(화) 기획위원회\n2025년 주요업무계획\n기획조정실\n"


def _parse(tmp_path, text: str):
    p = tmp_path / "report.txt"
    p.write_text(text, encoding="utf-8")
    return bogo.parse(p)


def test_other_circled_digit_sets_and_the_jamo_bullet():
    for text, num in (("❶ 과제", 1), ("➋ 과제", 2), ("➂ 과제", 3), ("⓸ 과제", 4), ("⓫ 과제", 11)):
        m, rest = split_marker(text)
        assert (marker_kind(m), marker_number(m), rest) == ("circled", num, "과제")
    assert split_marker("ㅇ 추진내용") == ("○", "추진내용")
    assert split_marker("ㅇ조직 현황") == ("○", "조직 현황")     # no word opens with a lone jamo
    assert split_marker("ㅇ인력 ▸정원 1,138명") == ("○", "인력 ▸정원 1,138명")
    assert split_marker("ㅇㅇ구 담당") == ("", "ㅇㅇ구 담당")


def test_boxed_group_numbers_lost_by_the_text_layer():
    def p(raw, marker, text):
        return Paragraph(text=text, raw=raw, line=1, marker=marker)
    blocks = [p("Ⅴ. 역점", "Ⅴ.", "역점"), p("\uf000 스마트 도시", "•", "스마트 도시"), p("❶ 과제", "❶", "과제"),
              p("\uf000 안전 도시", "•", "안전 도시"), p("❶ 과제", "❶", "과제"),
              p("\uf000 메모", "•", "메모"), p("❷ 과제", "❷", "과제"), p("• 보통 글머리", "•", "보통 글머리"),
              p("❶ 과제", "❶", "과제")]
    kinds = ["roman", None, "circled", None, "circled", None, "circled", None, "circled"]
    assert lost_box_numbers(blocks, kinds) == {1: "1", 3: "2"}


def test_summary_diagram_entries_a_restarting_list_and_an_adopted_list(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅱ. 2025년 주요업무계획
① 수질 관리 강화
고품질 수돗물
② 안정적 공급 체계
1 고품질 수돗물
수질 관리를 강화하여 안전한 수돗물을 공급
❶ 수질 관리 강화
○ 수질검사 항목 확대 추진
❶ 원수 검사 확대
✓ 검사지점 9개소
❷ 정수 검사 확대
✓ 검사항목 301종
❷ 안정적 공급 체계
○ 배수지 확충
2 미래 기반 조성
재정 확보와 시스템 선진화
1. 건전재정 확립
○ 요금 현실화
2. 시스템 선진화
○ 원격검침 확대
""")
    assert [(t.number, t.group, t.title) for t in r.tasks] == [
        ("1-1", "고품질 수돗물", "수질 관리 강화"), ("1-2", "고품질 수돗물", "안정적 공급 체계"),
        ("2-1", "미래 기반 조성", "건전재정 확립"), ("2-2", "미래 기반 조성", "시스템 선진화")]
    assert sorted(r.tasks[0].parts) == ["원수검사확대", "정수검사확대", "추진내용"]


def test_lists_restarting_under_bullets_stay_lists(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅱ. 현안업무 보고
1 감염병 대응
□ 추진 경과
○ 추진목표
① 신규 발생 감소
② 집단감염 감소
○ 유입 차단
① 입국자 전수 검사
② 무관용 원칙
""")
    def lists(secs):
        for s in secs:
            got = [c.marker for c in s.children if c.marker in "①②"]
            if got:
                yield got
            yield from lists(s.children)
    assert list(lists(r.outline)) == [["①", "②", "①", "②"]]  # siblings, none under another


def test_results_chapter_topics_and_appendix_are_not_tasks(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅰ. 2024년 주요 성과
1 주요 성과
□ 시민 만족도 향상
○ 만족도 조사 결과 상승
Ⅱ. 2025년 주요업무계획
1 교통 혁신
□ 추진계획
○ 노선 개편 ('25. 6월)
별첨 2024년 공모사업 추진상황
○ 공모사업 신청 ('25. 3월)
""")
    assert [t.title for t in r.tasks] == ["교통 혁신"]
    assert [m.raw for m in r.milestones] == ["'25. 6월"]


def test_date_led_lines_of_a_mixed_section_are_plans(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅱ. 주요 현안
1 취수시설 건설
□ 사업개요
○ 사업기간 : 2023년~2026년
□ 추진상황 및 향후계획
○ '23. 5. : 기본설계 완료
○ '24. 12. : 취수관로 착공
○ '25.   : 취수탑 공사
○ '25.~'26. : 취수시설 준공
○ 관계기관 협의 완료('25. 1.)
""")
    assert [(m.raw, m.start, m.end) for m in r.milestones] == [
        ("'25.", "2025-01", "2025-12"), ("'25.~'26.", "2025-01", "2026-12")]


def test_bare_numbers_before_a_bracketed_word_or_a_latin_abbreviation():
    assert split_marker("3 (가칭)부산주거정책 포럼 구성") == ("3", "(가칭)부산주거정책 포럼 구성")
    assert split_marker("8 K-블루푸드테크 협력체계 구축") == ("8", "K-블루푸드테크 협력체계 구축")
    assert split_marker("2 BRT 구간 확충") == ("2", "BRT 구간 확충")
    for text in ("5 (명) 현원", "3 (단위: 억원)", "10 MW급 발전", "12 (2024년)"):
        assert split_marker(text) == ("", text)


def test_a_deeper_item_takes_a_list_of_the_kind_ranked_above_as_its_own(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅱ. 2025년 주요업무계획
6. 현장 중심 사업소 운영
6-1 남항관리사업소
○ 시설 관리
6-2 유통시설관리사업소
1. 수산물 도매시장
○ 거래 목표 달성
2. 수산가공 단지
○ 입주 관리
6-3 수산자원연구소
○ 종자 방류
""")
    assert [(t.number, t.title) for t in r.tasks] == [("6-1", "남항관리사업소"), ("6-2", "유통시설관리사업소"),
                                                     ("6-3", "수산자원연구소")]


def test_a_box_title_over_square_sections_and_stray_diagram_boxes(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅸ. 기타보고
▣ 지역사회보장계획 연차별 계획 수립
□ 개요
○ 사업기간 : 2025. 1월 ~ 12월
Ⅱ 발전 전략체계 : 4대 추진전략, 12개 과업
2 전략
3 전략
□ 2025년 추진계획
○ '25. 4. 시행결과 평가
""")
    assert [(t.title, sorted(t.parts)) for t in r.tasks] == [("지역사회보장계획 연차별 계획 수립", ["2025년 추진계획", "개요"])]
    assert [m.raw for m in r.milestones] == ["'25. 4."]


def test_a_numbered_heading_wrapped_in_its_frame_is_one_heading_again():
    from bogo.structure.boxnumbers import join_split_headings

    def p(text, marker=""):
        return Paragraph(text=text, raw=text, line=1, marker=marker, page=3)
    blocks = [p("장애인시티투어버스 운영사업 업무협약", "5"), p("향후계획", "○"),
              p("액티브시니어와 함께하는「장애인 시티투어」"), p("6"), p("공동협력 업무협약"),
              p("교통약자 이동권 향상을 위한 「저상버스 동행 캠페인」 7"), p("공동협력 업무협약"),
              p("올해 목표 9"), p("다음 줄")]
    got = [(b.marker, b.text) for b in join_split_headings(blocks)]
    assert got[2:4] == [("6", "액티브시니어와 함께하는「장애인 시티투어」 공동협력 업무협약"),
                        ("7", "교통약자 이동권 향상을 위한 「저상버스 동행 캠페인」 공동협력 업무협약")]
    assert got[4:] == [("", "올해 목표 9"), ("", "다음 줄")]  # 9 does not go on the list (7 → 8 would)


def test_a_title_in_a_labelled_frame(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅳ. 현안사항
현안 재정 신속집행 추진
❖ 지역경기 회복을 위해 신속집행으로 민생안정 견인
□ 추진목표
○ 중앙정부 정책 기조보다 강력한 목표 설정
□ 향후계획
○ 신속집행 추진단 구성·운영 ('25. 3월)
""")
    assert [(t.title, sorted(t.parts)) for t in r.tasks] == [("현안 재정 신속집행 추진", ["추진목표", "향후계획"])]


def test_divider_pages_give_the_groups(tmp_path):
    r = _parse(tmp_path, HEAD + """Ⅳ. 2025년 주요업무계획
복지정책과
다함께 행복한 복지·돌봄 실현
1. 사회서비스 비전 제시
2. 위기가구 발굴 강화
1 사회서비스 비전 제시
◆ 생애주기별 맞춤형 사회서비스
□ 사회서비스 혁신
○ 지역계획 수립
2 위기가구 발굴 강화
◆ 촘촘한 안전망
□ 발굴 체계 강화
○ 위기가구 조사
장애인복지과
장애인의 삶의 질 향상
1. 생활안정 지원
2. 자립생활 지원
1 생활안정 지원
◆ 장애인 소득 보장
□ 연금 지원
○ 장애인연금 지급
2 자립생활 지원
◆ 지역사회 자립
□ 자립 주택
○ 자립생활주택 운영
""")
    assert [(t.number, t.group, t.title) for t in r.tasks] == [
        ("1-1", "다함께 행복한 복지·돌봄 실현", "사회서비스 비전 제시"),
        ("1-2", "다함께 행복한 복지·돌봄 실현", "위기가구 발굴 강화"),
        ("2-1", "장애인의 삶의 질 향상", "생활안정 지원"), ("2-2", "장애인의 삶의 질 향상", "자립생활 지원")]


CONTENTS_REPORT = HEAD + """목 차
Ⅰ. 역점추진 과제 ······························ 2
1. 핵심 과제 ·································· 2
1-1. 주민 참여 예산 확대 ························· 3
1-2. 공공 데이터 개방 ···························· 5
2. 현안 과제 ·································· 7
2-1. 청사 이전 추진 ······························ 7
Ⅰ. 역점추진 과제
1 핵심 과제
\uf000 주민 참여 예산 확대
○ (추진내용) 참여 예산 위원회 구성
\uf000 공공 데이터 개방
○ (추진내용) 개방 목록 확대
\uf000 홍보 강화
○ 누리집 게시
2 현안 과제
\uf000 청사 이전 추진
○ (추진내용) 이전 부지 선정
공공 데이터 개방
"""


def test_a_boxed_number_lost_by_the_text_layer_is_taken_from_the_contents(tmp_path):
    r = _parse(tmp_path, CONTENTS_REPORT)
    chapter = next(s for s in r.outline if s.title == "역점추진 과제" and s.children)
    groups = [(g.marker, g.title, [(c.marker, c.title) for c in g.children]) for g in chapter.children]
    # "홍보 강화" is in no contents entry: it stays a bulleted line of task 1-2, and the
    # unbulleted repeat of an entry's title at the end is text, not a heading
    assert groups == [("1", "핵심 과제", [("1-1", "주민 참여 예산 확대"), ("1-2", "공공 데이터 개방")]),
                      ("2", "현안 과제", [("2-1", "청사 이전 추진")])]
    assert [(t.number, t.group, t.title) for t in r.tasks] == [
        ("1-1", "핵심 과제", "주민 참여 예산 확대"), ("1-2", "핵심 과제", "공공 데이터 개방"),
        ("2-1", "현안 과제", "청사 이전 추진")]


def test_contents_that_number_one_title_twice_give_it_no_number(tmp_path):
    text = CONTENTS_REPORT.replace("2-1. 청사 이전 추진 ······", "2-1. 청사 이전 추진 ······ 7\n2-2. 청사 이전 추진 ······")
    r = _parse(tmp_path, text)
    assert "2-1" not in [t.number for t in r.tasks] and "2-2" not in [t.number for t in r.tasks]
    assert [t.number for t in r.tasks][:2] == ["1-1", "1-2"]


def test_a_cp949_export_with_lost_glyphs_and_contents_on_one_line(tmp_path):
    # the same report saved as CP949 text: the boxed glyphs it lacks became "?", and the
    # contents, laid out in a table, came out as one line with the page numbers in it
    lines = CONTENTS_REPORT.split("\n")
    toc = lines.index("목 차")
    entries = [ln.split(" ··")[0] + " " + ln.rsplit(" ", 1)[1] for ln in lines[toc + 1:toc + 7]]
    body = [ln.replace("\uf000", "?") for ln in lines[toc + 7:]]
    text = "\n".join([*lines[:toc + 1], " ".join(entries), *body])
    p = tmp_path / "report.txt"
    p.write_bytes(text.encode("cp949"))
    r = bogo.parse(p)
    assert [(t.number, t.group, t.title) for t in r.tasks] == [
        ("1-1", "핵심 과제", "주민 참여 예산 확대"), ("1-2", "핵심 과제", "공공 데이터 개방"),
        ("2-1", "현안 과제", "청사 이전 추진")]


def test_a_run_of_contents_entries_needs_pages_in_order():
    from bogo.structure.boxnumbers import contents_run

    line = "Ⅰ. 2021년 평가 1 Ⅱ. 추진 과제 1. 핵심 과제 4 1-1. 국민의 국어능력(쓰기 등) 진단 6 2. 현안 과제 9"
    assert contents_run(line) == [("1", "핵심 과제"), ("1-1", "국민의 국어능력(쓰기 등) 진단"), ("2", "현안 과제")]
    assert contents_run("1. 예산 확대 9 2. 인력 증원 4 3. 조직 개편 7") == []      # pages out of order
    assert contents_run("1. 예산 12억원 확대 2. 인력 3명 증원 3. 조직 개편") == []   # no pages
    assert split_marker("? 국민의 국어능력") == ("•", "국민의 국어능력")
    assert split_marker("? 1,000") == ("", "? 1,000")


def _tree(sections, depth=0):
    out = []
    for s in sections:
        out.append((depth, s.title))
        out += _tree(s.children or [], depth + 1)
    return out


def test_chapters_sections_and_decimal_numbers_written_in_the_text(tmp_path):
    """제N장 / 제N절 head chapters, "2.1" under "제2장" is its first part (not a stray
    diagram box numbered 2), and bullets other fonts draw (❏ ☐ ▢ for □, ◯ ⚪ for ○,
    ⑴ for (1)) are the bullets they stand for."""
    rep = _parse(tmp_path, HEAD + "\n제1장 일반현황\n\n1.1 조직\n\n❏ 추진 목표\n◯ 주민 참여 확대\n  ⑴ 주민참여예산 확대\n"
                 "  ⑵ 주민자치회 확대\n☐ 세부 추진계획\n⚪ 마을 공동체 지원\n\n제2장 주요 사업\n\n제1절 문화\n\n"
                 "2.1 문화 사업\n\n▢ 축제 운영\n◯ 지역 축제 안전관리\n")
    assert _tree(rep.outline) == [
        (0, "일반현황"), (1, "조직"), (2, "추진 목표"), (3, "주민참여예산 확대"), (3, "주민자치회 확대"),
        (2, "세부 추진계획"),
        (0, "주요 사업"), (1, "문화"), (2, "문화 사업"), (3, "축제 운영")]
    bullets = {p.text: p.marker for p in rep.paragraphs if p.text.startswith(("주민", "마을", "지역"))}
    assert bullets == {"주민 참여 확대": "○", "주민참여예산 확대": "(1)", "주민자치회 확대": "(2)",
                       "마을 공동체 지원": "○", "지역 축제 안전관리": "○"}


def test_ordinal_headings_are_short_lines_only():
    from bogo.structure._heading import split_ordinal

    assert split_ordinal("제1장 일반현황") == ("chapter", "제1장", "일반현황")
    assert split_ordinal("제 2 절 추진 전략") == ("section_no", "제2절", "추진 전략")
    assert split_ordinal("제3조(목적)") == ("article", "제3조", "(목적)")
    assert split_ordinal("제1편 총칙") == ("volume", "제1편", "총칙")
    assert split_ordinal("제3조(목적) 이 조례는 주민의 복리 증진과 지역 발전에 이바지함을 목적으로 한다.") is None
    assert split_ordinal("제2회 가을밤의 음악축제") is None and split_ordinal("제1장") is None


def test_squares_over_numbered_lists_when_the_document_uses_them_so(tmp_path):
    """A report whose □ headings each open a "1." list of their own ranks □ above 1.
    (the order in which it uses its markers decides); where the list goes on across
    a □ ("1. 현황 / □ 조직 / 2. 사업"), the □ stays inside the list."""
    task = "\n가. 추진배경\n ○ 배경\n나. 향후계획\n ○ '25. 3월 : 착수\n\n"
    rep = _parse(tmp_path, HEAD + "\n□ 주민 참여 확대\n\n1. 주민참여예산 확대" + task + "2. 주민자치회 확대" + task
                 + "□ 재정 건전성 강화\n\n1. 지방채 감축" + task)
    parts = [(2, "추진배경"), (2, "향후계획")]
    assert _tree(rep.outline) == [(0, "주민 참여 확대"), (1, "주민참여예산 확대"), *parts, (1, "주민자치회 확대"), *parts,
                                  (0, "재정 건전성 강화"), (1, "지방채 감축"), *parts]
    assert [(t.title, t.number, t.group) for t in rep.tasks] == [
        ("주민참여예산 확대", "1", "주민 참여 확대"), ("주민자치회 확대", "2", "주민 참여 확대"),
        ("지방채 감축", "1", "재정 건전성 강화")]
    going_on = _parse(tmp_path, HEAD + "\n□ 보고 개요\n\n1. 일반 현황\n\n□ 조직\n ○ 3국 12과\n\n2. 주요 사업\n\n"
                      "□ 추진 상황\n ○ 착수\n")
    assert _tree(going_on.outline) == [(0, "보고 개요"), (0, "일반 현황"), (1, "조직"), (0, "주요 사업"), (1, "추진 상황")]
