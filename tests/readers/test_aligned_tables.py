"""Tables laid out in display columns (space-padded exports, pdftotext -layout)."""

from __future__ import annotations

from bogo.blocks import Paragraph, Table
from bogo.readers._alignedtables import find_aligned_tables, segments
from bogo.readers.textlines import lines_to_blocks


def _blocks(text: str):
    return lines_to_blocks(list(enumerate(text.split("\n"), 1)), aligned=True)


def test_segments_use_display_columns():
    assert segments("기획담당관   33  1 / 1") == [(0, 10, "기획담당관"), (13, 15, "33"), (17, 22, "1 / 1")]


def test_empty_cells_stay_in_their_column():
    text = ("구 분            합 계    일반직    별정직\n"
            "기 획 담 당 관   33 / 29   30 / 26\n"
            "조 직 담 당 관   31 / 30             1 / 1")
    (t,) = _blocks(text)
    assert isinstance(t, Table)
    assert t.grid() == [["구분", "합계", "일반직", "별정직"],
                        ["기획담당관", "33 / 29", "30 / 26", ""],
                        ["조직담당관", "31 / 30", "", "1 / 1"]]


def test_text_only_table_and_wrapped_label():
    text = ("분야          내용\n"
            "안전한 먹거   공공급식 등 먹거리 환경 조성\n"
            "리 확보\n"
            "일자리        청년 일자리 지원")
    (t,) = _blocks(text)
    assert t.grid() == [["분야", "내용"], ["안전한 먹거 리 확보", "공공급식 등 먹거리 환경 조성"],
                        ["일자리", "청년 일자리 지원"]]


def test_prose_with_stray_double_spaces_is_no_table():
    text = ("ㅇ 국어기본법 개정 시행(제14조)  및 기관 평가 확대를 추진하고\n"
            "ㅇ 공공용어 표준화 지원  (65건)")
    blocks = _blocks(text)
    assert all(isinstance(b, Paragraph) for b in blocks)
    assert find_aligned_tables(list(enumerate(text.split("\n"), 1))) == []


def test_empty_tab_row_inside_a_table_is_a_row():
    text = "구분\t2023\t2024\n\t\t\n합계\t10\t12"
    (t,) = _blocks(text)
    assert t.grid() == [["구분", "2023", "2024"], ["", "", ""], ["합계", "10", "12"]]


def test_pipe_table_header_goes_on_below_the_separator():
    from bogo.blocks import Document
    from bogo.structure import analyse

    text = ("| 구분 | 2018년 | 2018년 | 증감 |\n|---|---|---|---|\n| 구분 | 당초(A) | 최종(B) | 증감 |\n"
            "| 합계 | 1,000 | 1,200 | 200 |\n| 일반회계 | 600 | 700 | 100 |")
    blocks = _blocks(text)
    (rec,) = analyse(Document(blocks=blocks, format="text")).tables
    assert rec.header == [["구분", "2018년", "2018년", "증감"], ["구분", "당초(A)", "최종(B)", "증감"]]
    assert rec.rows[0] == ["합계", "1,000", "1,200", "200"]


def test_pdftotext_layout_rows_apart_signs_and_spaced_labels():
    """pdftotext -layout: rows set apart by blank lines, a sign apart from its figure,
    a row label spaced out wider than the gaps; header syllables (관 항 목) stay cells."""
    text = ("구 분         관      항        2023      2024\n"
            "\n"
            "수     입     세입    이전      168,550   △   777\n"
            "\n"
            "\n"
            "지     출     세출    경상      143,483      809")
    (t,) = _blocks(text)
    assert t.grid() == [["구분", "관", "항", "2023", "2024"],
                        ["수입", "세입", "이전", "168,550", "△ 777"],
                        ["지출", "세출", "경상", "143,483", "809"]]
    assert [c[2] for c in segments("계   -   23")] == ["계", "-", "23"]


def test_wrapped_text_with_digits_continues_and_a_trailing_sentence_is_not_a_row():
    text = ("항목     당초        산출내역\n"
            "운영비   5,830,000   운영비 5,830\n"
            "                     ,000원*12개\n"
            "                     월\n"
            "인건비   1,000       급여 1인\n"
            "위와 같이 편성함")
    blocks = _blocks(text)
    t = blocks[0]
    assert t.grid() == [["항목", "당초", "산출내역"], ["운영비", "5,830,000", "운영비 5,830 ,000원*12개 월"],
                        ["인건비", "1,000", "급여 1인"]]
    assert isinstance(blocks[1], Paragraph) and blocks[1].text == "위와 같이 편성함"


def test_reader_lines_without_exporter_spacing_use_the_grammar_reader():
    text = "구분   2023   2024\n합계   10     12\n일반   4      5"
    (t,) = lines_to_blocks(list(enumerate(text.split("\n"), 1)))  # as the PDF reader calls it
    assert t.grid() == [["구분", "2023", "2024"], ["합계", "10", "12"], ["일반", "4", "5"]]


def test_pdftotext_labels_centred_between_figures_and_rates():
    """pdftotext -layout: a row of figures over its rates with the label on a line of
    its own between them (spaced out or not); rates one space apart are cells."""
    text = ("                2022년                2023년\n"
            "  구      분\n"
            "           1분기       2분기     1분기       2분기\n"
            "            91.8        72.4      87.1        64.0\n"
            "미      국\n"
            "           (113.5)     (15.7)    (△5.2)    (△11.6)\n"
            "            16.1        14.4       9.5        11.3\n"
            "룩셈부르크\n"
            "           (76.6)      (56.3)    (△40.9)   (△21.1)")
    t = next(b for b in _blocks(text) if isinstance(b, Table))
    grid = t.grid()
    assert grid[0][0] == "구분" and grid[-4:] == [["미국", "91.8", "72.4", "87.1", "64.0"], ["", "(113.5)", "(15.7)", "(△5.2)", "(△11.6)"],
                         ["룩셈부르크", "16.1", "14.4", "9.5", "11.3"], ["", "(76.6)", "(56.3)", "(△40.9)", "(△21.1)"]]
    # rates squeezed one space apart on a line laid out in columns are cells of their own
    assert [c[2] for c in segments("증감률   (5.2) (△51.2) (△37.4)   (4.5)")] == \
        ["증감률", "(5.2)", "(△51.2)", "(△37.4)", "(4.5)"]
    assert [c[2] for c in segments("계   357 (93%)   12")] == ["계", "357 (93%)", "12"]  # a figure with its count


def test_a_label_cell_beside_text_is_no_centred_label():
    text = ("구분       2026년     2027년   2028년\n"
            "                     80%      85%\n"
            "산출근거   - 참여율")
    t = next(b for b in _blocks(text) if isinstance(b, Table))
    assert t.grid()[-1][0] == "산출근거"


def test_a_line_broken_at_a_fixed_width_goes_on_in_its_indented_continuations():
    text = ("국어 정보자원 확대 구축 및 활용성 제고 ㅇ국어 말뭉치 구축\n"
            "  사업 기본 계획 보고(1월) ㅇ민관합동자문회의 개최(1월)\n"
            "  ㅇ원시 말뭉치 공개(2월)\n"
            "짧은 줄\n"
            "  들여쓴 다음 줄")
    blocks = _blocks(text)
    assert [b.text for b in blocks] == [
        "국어 정보자원 확대 구축 및 활용성 제고 ㅇ국어 말뭉치 구축 사업 기본 계획 보고(1월) "
        "ㅇ민관합동자문회의 개최(1월) ㅇ원시 말뭉치 공개(2월)", "짧은 줄", "들여쓴 다음 줄"]


def test_cells_wrapped_in_every_column_go_on_over_full_lines():
    """A schedule table whose text cells all wrap at their column's width: a line of
    every column carries on the row while each piece above filled its column; a piece
    that opens like a numbered item ("2)*12개월") inside a column is no paragraph, and
    a row starts where a cell above ended short."""
    text = ("과제          1분기         2분기\n"
            "국어 정보자   ㅇ말뭉치 구   ㅇ수정본 공\n"
            "원 확대 구축  축 계획 보고  개(5월)\n"
            "및 활용       (1월) ㅇ원시\n"
            "              말뭉치 공개(\n"
            "              2)*12개월 등\n"
            "사전 기능     ㅇ사전 정비   ㅇ정비(연중)")
    (t,) = _blocks(text)
    assert t.grid() == [["과제", "1분기", "2분기"],
                        ["국어 정보자 원 확대 구축 및 활용",
                         "ㅇ말뭉치 구 축 계획 보고 (1월) ㅇ원시 말뭉치 공개( 2)*12개월 등", "ㅇ수정본 공 개(5월)"],
                        ["사전 기능", "ㅇ사전 정비", "ㅇ정비(연중)"]]


def test_a_value_under_a_value_of_the_same_width_is_a_row():
    """Contacts of equal widths fill their columns on every line: a phone number under a
    phone number is a row of its own, even in a table whose text cells wrap."""
    text = ("담당   과장    김철수   (02-2100-1690)\n"
            "       사무관  이영희   (02-2100-1692)\n"
            "       사무관  박민수   (02-2100-1696)")
    (t,) = _blocks(text)
    assert [r[3] for r in t.grid()] == ["(02-2100-1690)", "(02-2100-1692)", "(02-2100-1696)"]


def test_tables_set_apart_by_blank_lines_stay_apart():
    """Two tables one blank line apart whose columns do not line up are two tables;
    rows of one table set apart by blank lines (pdftotext -layout) stay one."""
    text = ("건의사항        조치결과\n"
            "○ 예산 절감     □ 추진완료\n"
            "\n"
            "목표(건)   실적(건)   달성률\n"
            "3,150      3,164      100.4%\n"
            "\n"
            "구분   2021   2022\n"
            "서울   1      2\n"
            "\n"
            "합계   315    320\n")
    tables = [b for b in _blocks(text) if isinstance(b, Table)]
    assert [t.n_cols for t in tables] == [2, 3, 3]
    assert tables[2].grid() == [["구분", "2021", "2022"], ["서울", "1", "2"], ["합계", "315", "320"]]


def test_a_wrapped_cell_ends_where_its_column_stops():
    """A cell goes on only on the line right below its last piece; a row whose figures
    carry units ("11종", "-") under figures is a row of its own."""
    text = ("구분          내용\n"
            "어휘·표현     · 분량: 1,00\n"
            "              0항목 파일\n"
            "주제별 구술   · 분량: 4시\n"
            "발화          간 파일\n"
            "\n"
            "연도          '18년         '19년\n"
            "원시 말뭉치   0.31억 어절   18억 어절\n"
            "분석 말뭉치   -             11종\n")
    t1, t2 = [b for b in _blocks(text) if isinstance(b, Table)]
    assert [r[0] for r in t1.grid()] == ["구분", "어휘·표현", "주제별 구술 발화"]
    assert t2.grid()[2] == ["분석 말뭉치", "-", "11종"]


def test_labels_centred_over_right_aligned_figures_head_their_columns():
    """pdftotext -layout centres a header's labels over figures set flush right: a label
    may start in the gap before its column; a line of as many labels as columns goes to
    them in order."""
    text = ("  구분      북미          유럽        아프리카        중동\n"
            " '23.1Q       97.8        23.4         0.3           0.1\n"
            " '24.1Q       67.5        37.0         2.6           1.1\n")
    (t,) = [b for b in _blocks(text) if isinstance(b, Table)]
    assert t.grid()[0] == ["구분", "북미", "유럽", "아프리카", "중동"]
    assert t.grid()[2] == ["'24.1Q", "67.5", "37.0", "2.6", "1.1"]


def test_a_bracket_broken_inside_its_word_is_one_line():
    """"(단위: 백만" over "원)" at the same indent (a narrow cell wrapped) reads as the unit
    line "(단위: 백만원)"; a closing line that says more stays a line of its own."""
    blocks = _blocks("                (단위: 백만\n                원)\n\n구분   2021\n합계   315\n일반   300")
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "(단위: 백만원)"
    blocks = _blocks("(가) 본문 (참고\n자료) 다음 문장이 이어집니다 그리고 더)")
    assert len([b for b in blocks if isinstance(b, Paragraph)]) == 2


def test_a_lone_label_over_the_first_column_is_the_corner_cell():
    text = ("구분\n"
            "         확진환자              의사환자\n"
            "         소계       퇴원       소계       검사중\n"
            "전국     10,635     7,829      535,828    14,268\n"
            "서울시   621        268        98,561     5,368\n")
    (t,) = [b for b in _blocks(text) if isinstance(b, Table)]
    assert t.grid()[0][0] == "구분" and t.grid()[3] == ["전국", "10,635", "7,829", "535,828", "14,268"]
    (p, t) = _blocks("【 국내 발생 현황 】\n구분   2021   2022\n합계   315    320\n")
    assert isinstance(p, Paragraph) and t.grid()[0] == ["구분", "2021", "2022"]


def test_a_cell_left_open_goes_on_and_a_repeated_header_opens_a_table():
    """A piece that cannot end a cell ("'20. 4. ~") goes on even with a figure ("8."); the
    same header after blank lines is the next table, not more rows of this one."""
    text = ("요구사항       조치결과\n"
            "○ 자료 제출    □ 평가 실시\n"
            "철저히 준비    : '20. 4. ~\n"
            "               8.\n"
            "\n"
            "요구사항       조치결과\n"
            "○ 위탁 관리    □ 추진 완료\n")
    t1, t2 = [b for b in _blocks(text) if isinstance(b, Table)]
    assert t1.grid()[1] == ["○ 자료 제출 철저히 준비", "□ 평가 실시 : '20. 4. ~ 8."]
    assert t2.grid() == [["요구사항", "조치결과"], ["○ 위탁 관리", "□ 추진 완료"]]


def _findings(tmp_path, text: str):
    import bogo
    from bogo.checks import run_checks

    p = tmp_path / "report.txt"
    p.write_text(text, encoding="utf-8")
    return [(f.code, f.severity, f.found, f.expected, f.message) for f in run_checks([bogo.parse(p)]).findings
            if f.code == "T101"]


ALIGNED_SUM = ("2025년 주요업무계획\n\n"
               "구 분            계        국비      시비\n"
               "합 계            160       60        90\n"
               "가 사업          100       40        60\n"
               "나 사업          50        20        30\n")
TABBED_SUM = ("2025년 주요업무계획\n\n구분\t계\t국비\t시비\n합계\t160\t60\t90\n가 사업\t100\t40\t60\n"
              "나 사업\t50\t20\t30\n")


def test_a_sum_in_columns_lined_up_by_spaces_is_at_most_a_warning(tmp_path):
    # a pdftotext -layout table: its columns come from the spacing, so a mismatch may be
    # a reading fault (a merged or shifted cell) and says so
    (t,) = [b for b in _blocks(ALIGNED_SUM) if isinstance(b, Table)]
    assert t.origin == "aligned"
    found = _findings(tmp_path, ALIGNED_SUM)
    assert found and all(s == "warning" and "표 읽기 불확실" in m for _, s, _, _, m in found)
    assert ("T101", "warning", 160, 150) in [x[:4] for x in found]
    # the same table with tabs: the export states its cells, and the slip is an error
    tabbed = _findings(tmp_path, TABBED_SUM)
    assert ("T101", "error", 160, 150) in [x[:4] for x in tabbed]


PLACED = "□ 체육 현황\n\n구분 계 시청팀 구청팀 공기업팀 사기업팀\n팀 51 7 13 9 22\n인원 336 54 70 92 120\n{short}\n" \
         "예산 100 20 30 40 10\n"


def test_a_sum_over_cells_whose_columns_the_reader_guessed_is_at_most_a_warning(tmp_path):
    # "종목 6 12 7 1": four figures for five columns and no total row to place them by
    found = _findings(tmp_path, PLACED.format(short="종목 6 12 7 1"))
    assert [x[:4] for x in found] == [("T101", "warning", 6, 20)]
    assert "칸이 빠진 행" in found[0][4]
    # the same row given in full is read for certain, and its slip is an error
    full = _findings(tmp_path, PLACED.format(short="종목 6 1 2 1 3"))
    assert [x[:4] for x in full] == [("T101", "error", 6, 7)]


def test_a_sum_under_a_header_that_does_not_tell_its_columns_apart_is_at_most_a_warning(tmp_path):
    # single-space rows read by the grammar of their cells; the header line has more words
    # than the body has columns ("'23년 '24년 …" cannot all be columns), so which is which is a guess
    body = "계 300 100 200 90\n국비 100 40 100 40\n시비 100 60 100 50\n"
    crammed = _findings(tmp_path, "□ 사업비\n\n구분 총사업비 '23년 '24년 '25년 '26년이후 집행\n" + body)
    assert crammed and all(s == "warning" and "표 읽기 불확실" in m for _, s, _, _, m in crammed)
    named = _findings(tmp_path, "□ 사업비\n\n구분 총사업비 예산 집행 보조\n" + body)
    assert [x[:4] for x in named] == [("T101", "error", 300, 200)]


def test_a_rate_column_beside_a_difference_merged_down_is_no_difference(tmp_path):
    # the export repeats "증감 (B-A)" in both header rows (one cell merged down); the
    # column beside it is the rate (B-A)/A, not a second 증감 column to check against B-A
    text = ("□ 예산 현황\n\n구분\t2025 예산 (A)\t2026년 예산 (B)\t증감 (B-A)\t\n"
            "구분\t2025 예산 (A)\t2026년 예산 (B)\t증감 (B-A)\t(B-A)/A\n"
            "총지출\t353,452\t376,761\t23,309\t6.6\n예산지출\t57,549\t66,657\t9,108\t15.6\n")
    import bogo
    from bogo.checks import run_checks

    p = tmp_path / "report.txt"
    p.write_text(text, encoding="utf-8")
    assert [f.code for f in run_checks([bogo.parse(p)]).findings if f.severity == "error"] == []


def test_a_leaf_line_names_the_columns_the_line_above_left_unnamed(tmp_path):
    # a collapsed export drops the blanks of a header row: "%" stood under the last column,
    # the one column "구분 2021년 (A) 2022년 (B) 증감 (B-A)" leaves unnamed — so it names that one,
    # and the reading is sure: a slip in a sum is an error
    body = "계 1,125 1,128 3 0.27\n토지대여료 94 97 3 3.19\n건물대여료 1,031 1,031 0 0\n"
    head = "□ 세입예산\n\n구분 2021년 (A) 2022년 (B) 증감 (B-A)\n%\n"
    assert _findings(tmp_path, head + body) == []
    slip = _findings(tmp_path, head + body.replace("계 1,125", "계 1,135"))
    assert [x[:4] for x in slip] == [("T101", "error", 1135, 1125)]
    # with every column named, "%" is the rate column and nothing is wrong
    full = _findings(tmp_path, "□ 세입예산\n\n구분 2021년 (A) 2022년 (B) 증감 (B-A)\n구분 금액 금액 금액 %\n" + body)
    assert full == []


def test_a_sum_under_a_leaf_line_that_names_few_of_the_columns_is_at_most_a_warning(tmp_path):
    # "%" under a line that leaves two columns unnamed: which of them it names is a guess;
    # a decimal column that is no one's percentage is then summed, its slip at most a warning
    body = "계 1,125 1,128 3 0.28\n토지대여료 94 97 3 3.18\n건물대여료 1,031 1,031 0 0\n"
    short = _findings(tmp_path, "□ 세입예산\n\n구분 2021년 (A) 2022년 (B)\n%\n" + body)
    assert short and all(s == "warning" for _, s, _, _, _ in short)
    assert (0.28, 3.18) in [x[2:4] for x in short]
    # figures that are 증감 ÷ 2021년 × 100 row by row are a rate, whatever the header says
    rates = body.replace("3.18", "3.19").replace("0.28", "0.27")
    assert _findings(tmp_path, "□ 세입예산\n\n구분 2021년 (A) 2022년 (B)\n%\n" + rates) == []


CENTRED_UNITS = ("□ 인원 현황\n\n"
                 "구 분            계      일반직    별정직\n"
                 "         정 원    30        25        5\n"
                 "합계\n"
                 "         현 원    28        24        4\n"
                 "         정 원    20        17        3\n"
                 "본부\n"
                 "         현 원    19        16        3\n"
                 "         정 원    10         8        2\n"
                 "지원\n"
                 "         현 원     9         8        1\n")


def test_a_unit_centred_between_its_two_lines_of_figures_labels_the_pair(tmp_path):
    # pdftotext -layout centres a merged unit cell between its 정원 and 현원 lines, left
    # of the column where both lines' own labels start
    import bogo

    p = tmp_path / "r.txt"
    p.write_text(CENTRED_UNITS, encoding="utf-8")
    s = bogo.parse(p).staffing
    assert (s.total.quota, s.total.current) == (30, 28)
    assert [(row.unit, row.quota, row.current) for row in s.rows] == [("본부", 20, 19), ("지원", 10, 9)]


def test_a_label_between_lines_that_start_in_different_columns_is_no_unit(tmp_path):
    # "혁신기획과" between "담당자 …" and "사무관 …" (which start in other columns) is a cell
    # of its own column, not the unit of a pair
    import bogo

    text = ("담당 부서   참여혁신국   책임자   과장     홍길동   (02-000-0001)\n"
            "                         담당자   서기관   김철수   (02-000-0002)\n"
            "            혁신기획과\n"
            "                                  사무관   이영희   (02-000-0003)\n")
    p = tmp_path / "r.txt"
    p.write_text(text, encoding="utf-8")
    [t] = bogo.parse(p).tables
    assert ["", "혁신기획과", "", "", "", ""] in [list(r) for r in t.rows]
