"""One focused test per quirk of spec §2, on small inputs written here."""

from __future__ import annotations

from pathlib import Path

import pytest

import bogo
from bogo.errors import BogoError, InputError, LimitExceeded
from bogo.normalize.numbers import parse_composite, parse_korean_amount, parse_number
from bogo.normalize.text import normalize_text
from bogo.settings import Settings


def parse_text(tmp_path: Path, text: str, name: str = "r.txt", encoding: str = "utf-8") -> bogo.Report:
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return bogo.parse(p)


@pytest.mark.parametrize("raw, expected", [
    ("기 획 담 당 관", "기획담당관"),
    ("인 력 306/274명", "인력 306/274명"),
    ("민 선 7 기", "민선7기"),
    ("그 외 기관", "그 외 기관"),             # a real word sequence stays apart
    ("시정 주요정책 현안", "시정 주요정책 현안"),
    ("\uf06c 추진", "● 추진"),               # private-use bullet glyph
    ("（단위 : 백만원）", "(단위 : 백만원)"),  # full-width forms
    ("기획\u2024조정", "기획·조정"),
    ("수어\u119e점자", "수어·점자"),        # the middle dot of a Hancom PDF font, as jamo arae-a
    ("\u22c5일반회계", "·일반회계"),          # the dot operator typed for a middle dot
    ("’18. 7. 12.", "'18. 7. 12."),
])
def test_normalize_text(raw, expected):
    assert normalize_text(raw) == expected


@pytest.mark.parametrize("text, value", [
    ("1,234", 1234), ("△1,042,874", -1042874), ("-645,131*", -645131), ("15.9%", 15.9), ("-", None), ("", None),
])
def test_numbers(text, value):
    assert parse_number(text) == value


def test_composite_cells():
    c = parse_composite("306 / 274 (139)")
    assert (c.quota, c.current, c.paren, c.is_pair) == (306, 274, 139, True)
    c = parse_composite("2,438,845 (78)")
    assert (c.value, c.paren) == (2438845, 78)
    c = parse_composite("56,732 (15.9%)")
    assert (c.value, c.paren, c.paren_pct) == (56732, 15.9, True)
    assert (parse_composite("1 /").quota, parse_composite("1 /").current) == (1, 0)
    assert (parse_composite("/ 1").quota, parse_composite("/ 1").current) == (0, 1)
    assert parse_composite("26,920 (-)").paren is None and parse_composite("-").empty


def test_korean_amounts():
    [a] = parse_korean_amount("예산 총 규모 : 1조 3,960억원")
    assert a.won == 1_396_000_000_000 and a.precision_won == 100_000_000
    [b] = parse_korean_amount("소요예산 : 111,500천원")
    assert b.won == 111_500_000


def test_tab_table_with_unit_caption_and_html_cells(tmp_path):
    r = parse_text(tmp_path, "Ⅰ. 현황\n○ 부서별 예산\n(단위 : 천원)\n구 분\t예산\t비 고\n"
                   "총 무 과\t1,000\t<ul><li>○ 운영비</li><li>○ 행사비</li></ul>\n"
                   "회 계 과\t<input type=\"checkbox\"/> 2,000\t-\n")
    [t] = r.tables
    assert (t.caption, t.unit, t.header) == ("부서별 예산", "천원", [["구분", "예산", "비고"]])
    assert t.rows == [["총무과", "1,000", "○ 운영비 ○ 행사비"], ["회계과", "□ 2,000", "-"]]


def test_html_table_with_spans(tmp_path):
    html = ("<table><thead><tr><th rowspan=\"2\">구분</th><th colspan=\"2\">일반직</th></tr>"
            "<tr><th>5급</th><th>6급</th></tr></thead><tbody><tr><td>정원</td><td>2</td><td>3</td></tr></tbody></table>")
    r = parse_text(tmp_path, "Ⅰ. 인력\n" + html + "\n")
    [t] = r.tables
    assert t.header == [["구분", "일반직", "일반직"], ["구분", "5급", "6급"]]
    assert t.rows == [["정원", "2", "3"]]
    assert [0, 0, 2, 1] in t.spans and [0, 1, 1, 2] in t.spans


def test_markdown_pipe_table(tmp_path):
    r = parse_text(tmp_path, "| 구분 | 2023년 | 2024년 |\n|---|---:|---:|\n| 합계 | 1,000 | 1,200 |\n| 가 | 400 | 500 |\n")
    [t] = r.tables
    assert t.header == [["구분", "2023년", "2024년"]] and t.rows[1] == ["가", "400", "500"]


def test_space_separated_table_with_broken_row(tmp_path):
    text = ("< 집행 현황 > (단위 : 억원)\n\n구 분 예산현액 대상액 집행액\n\n"
            "본 청 41조 5,459 24조 610 7조 4,737\n(31.1%)\n\n자 치 구 1,200 800 300\n")
    r = parse_text(tmp_path, text)
    [t] = r.tables
    assert t.unit == "억원" and t.header == [["구분", "예산현액", "대상액", "집행액"]]
    assert t.rows == [["본청", "41조 5,459", "24조 610", "7조 4,737 (31.1%)"], ["자치구", "1,200", "800", "300"]]


def test_space_separated_blank_cells_placed_by_totals(tmp_path):
    text = ("구 분 합 계 일반직 임기제 별정직\n계 10 / 9 (4) 6 / 5 3 / 3 1 / 1\n"
            "가 담 당 관 6 / 5 (2) 5 / 4 1 / 1\n나 담 당 관 4 / 4 (2) 1 / 1 2 / 2 1 / 1\n")
    r = parse_text(tmp_path, text)
    [t] = r.tables
    assert t.header == [["구분", "합계", "일반직", "임기제", "별정직"]]
    assert t.rows[1] == ["가담당관", "6 / 5 (2)", "5 / 4", "1 / 1", ""]


def test_outline_summary_list_not_duplicated(tmp_path):
    text = ("Ⅰ. 주요업무\n\n① 첫째 과제 추진\n② 둘째 과제 추진\n\n"
            "1 첫째 과제 추진\n□ 추진계획\n- 세부 내용 : '24. 5월\n"
            "2 둘째 과제 추진\n□ 추진실적\n- 실적 내용\n")
    r = parse_text(tmp_path, text)
    [top] = r.outline
    assert [s.title for s in top.children] == ["첫째 과제 추진", "둘째 과제 추진"]
    assert [t.title for t in r.tasks] == ["첫째 과제 추진", "둘째 과제 추진"]


def test_cover_meta(tmp_path):
    r = parse_text(tmp_path, "제 287 회 한빛시의회 정례회\n행정자치위원회\n주 요 업 무 보 고\n2024. 7.\n기 획 예 산 실\n\nⅠ. 일반 현황\n")
    m = r.meta
    assert (m.title, m.kind, m.date, m.office, m.session, m.committee) == (
        "주요업무보고", "주요업무보고", "2024-07", "기획예산실", "제287회 정례회", "행정자치위원회")


def test_cp949_same_as_utf8(tmp_path, seeds):
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        try:
            data = text.encode("cp949")
        except UnicodeEncodeError:
            continue
        a = bogo.parse(seed).to_dict()
        (tmp_path / seed.name).write_bytes(data)
        b = bogo.parse(tmp_path / seed.name).to_dict()
        a.pop("source")
        b.pop("source")
        assert a == b
        return
    pytest.fail("no seed is CP949-encodable")


def test_bom_and_missing_final_newline(tmp_path):
    r1 = parse_text(tmp_path, "\ufeffⅠ. 현황\n구 분\t계\n합 계\t1", name="a.txt")
    r2 = parse_text(tmp_path, "Ⅰ. 현황\n구 분\t계\n합 계\t1\n", name="b.txt")
    assert r1.source.encoding == "utf-8-sig"
    assert r1.tables[0].rows == r2.tables[0].rows == [["합계", "1"]]


def test_invalid_bytes_warn_with_lines(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes("Ⅰ. 현황\n".encode() + "정상 줄\n".encode() * 3 + b"\xff\xfe broken\n" + "끝\n".encode())
    r = bogo.parse(p)
    assert r.source.warnings and "5행" in r.source.warnings[0]


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


@pytest.mark.parametrize("make, reason", [
    (lambda d: d / "missing.txt", "파일이 없습니다"),
    (lambda d: d, "디렉터리"),
    (lambda d: _write(d / "empty.hwp", b""), "빈 파일"),
    (lambda d: _write(d / "x.bin", bytes(range(256)) * 40), "알 수 없는 형식"),
    (lambda d: _write(d / "ws.txt", b" \n\t\n"), "내용이 없는"),
])
def test_bad_input_errors(tmp_path, make, reason):
    with pytest.raises(InputError) as e:
        bogo.parse(make(tmp_path))
    assert reason in str(e.value) and "\n" not in str(e.value)


def test_huge_single_line_refused_quickly(tmp_path):
    p = tmp_path / "long.txt"
    p.write_bytes(b"a" * (50 * 1024 * 1024))
    with pytest.raises(LimitExceeded) as e:
        bogo.parse(p)
    assert "너무 깁니다" in str(e.value)


def test_limits_live_in_settings(tmp_path):
    p = tmp_path / "small.txt"
    p.write_text("Ⅰ. 현황\n" * 100, encoding="utf-8")
    with pytest.raises(BogoError):
        bogo.parse(p, settings=Settings(max_file_bytes=100))


def test_caption_never_crosses_a_table_but_a_section_unit_holds(tmp_path):
    text = ("Ⅰ. 현황\n3 예산 집행현황 (기준 / 단위 : '24. 1. 31. / 천원)\n● 과목별\n구 분\t예산액\n계\t100\n"
            "● 사업별\n구 분\t금액\n계\t50\n")
    r = parse_text(tmp_path, "Ⅰ. 현황\n(2023. 1. 1. 기준, 단위: 명)\n인력\n구 분\t계\n정 원\t3\n\n"
                   "주요기능\n구 분\t담당업무\n가과\t기획\n")
    assert [(t.caption, t.unit, t.as_of) for t in r.tables] == [("인력", "명", "2023. 1. 1."), ("주요기능", None, None)]
    r = parse_text(tmp_path, text, name="b.txt")
    assert [(t.caption, t.unit, t.as_of) for t in r.tables] == [("과목별", "천원", "'24. 1. 31."),
                                                               ("사업별", "천원", "'24. 1. 31.")]


def test_lettered_part_headings_make_tasks(tmp_path):
    r = parse_text(tmp_path, "2023. 2.\nⅡ. 주요업무\n1. 도시기본계획 재정비\n가. 추진배경\n ○ 여건 변화\n"
                   "나. 추진계획\n ○ 용역 착수 : 2023. 3월\n")
    [t] = r.tasks
    assert (t.number, t.title, list(t.parts)) == ("1", "도시기본계획 재정비", ["추진배경", "추진계획"])
    assert [(m.raw, m.start) for m in r.milestones] == [("2023. 3월", "2023-03")]
