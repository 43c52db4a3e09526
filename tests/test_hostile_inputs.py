"""The hostile-input suite: every class of broken or hostile file, generated here, with its outcome.

Each case is built by :mod:`hostile_kit` (or inline), run through the command line
in-process, and must end as expected: a correct parse (exit 0, or 1 when the file
was only partly read and says so) or one Korean error line with exit 2 — never a
traceback, never exit 3.  The memory-bomb classes run again in a subprocess under
a 2 GiB address-space limit (tests/test_hostile_bounds.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hostile_kit as k
from bogo.cli import app

runner = CliRunner()


@dataclass(frozen=True)
class Case:
    id: str
    build: Callable[[Path], Path]
    exit: int
    says: str = ""            # a fragment of the one error line (exit 2) or of the output
    command: str = "check"


def _text(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(d: Path) -> Path:
        p = d / name
        p.write_bytes(data)
        return p
    return build


def _hwpx(body: str, extra: dict | None = None) -> Callable[[Path], Path]:
    return lambda d: k.hwpx(d / "case.hwpx", body, extra)


def _docx(body: str) -> Callable[[Path], Path]:
    return lambda d: k.write_docx(d / "case.docx", k.docx_para("Ⅰ. 현황") + body)


HTML_SPANS = ("<html><body><h1>Ⅰ. 현황</h1><table>"
              + "".join('<tr><td rowspan="1000" colspan="1000">x</td><td>1</td></tr>' for _ in range(300))
              + "</table></body></html>").encode()
TEXT_SPANS = ("Ⅰ. 현황\n\n<table>" + "".join('<tr><td rowspan="1000" colspan="1000">x</td></tr>' for _ in range(300))
              + "</table>\n").encode()
CP949 = "Ⅰ. 현황\n\n□ 추진 계획을 세웠습니다\n".encode("cp949")
XXE = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
       f'<hs:sec {k.NS}>{k.para("&xxe;")}</hs:sec>')
XINCLUDE = (f'<?xml version="1.0"?><hs:sec {k.NS} xmlns:xi="http://www.w3.org/2001/XInclude">'
            f'{k.para("Ⅰ. 현황")}<xi:include href="file:///etc/passwd" parse="text"/></hs:sec>')

def _long_table(rows: int) -> bytes:
    body = [f"항목{i}\t100\t110\t10" for i in range(rows)]
    head = ["구 분\t2023년\t2024년\t증 감", f"합 계\t{rows * 100}\t{rows * 110}\t{rows * 10}"]
    return ("Ⅰ. 현황\n\n(단위 : 백만원)\n\n" + "\n".join(head + body) + "\n").encode()


CASES = [
    # memory bombs from tiny files: declared sizes are measured, spans clamped, budgets charged
    Case("hwpx-declared-100000x100000", _hwpx(k.hwpx_table(k.hwpx_cell("셀", 0, 0), 100_000, 100_000)), 0,
         command="parse"),
    Case("hwpx-cell-address-1e9", _hwpx(k.hwpx_table(k.hwpx_cell("셀", 10**9, 10**9))), 2, "표가 너무 큽니다"),
    Case("hwpx-overlapping-spans-1000",
         _hwpx(k.hwpx_table("".join(k.hwpx_cell("x", r, 0, 1000, 1000) for r in range(300)), 100_000, 100_000)),
         2, "표"),
    Case("hwpx-negative-and-text-spans",
         _hwpx(k.hwpx_table(k.hwpx_cell("a", -1, "x", -5, "abc") + k.hwpx_cell("b", 0, 1, "1e9", 0), 2, 2)), 0,
         command="parse"),
    Case("html-rowspan-colspan-1000", _text("spans.html", HTML_SPANS), 2, "표"),
    Case("text-table-rowspan-colspan-1000", _text("spans.txt", TEXT_SPANS), 2, "표"),
    Case("docx-gridspan-1e9", _docx(k.docx_table([[("a", '<w:gridSpan w:val="1000000000"/>'), ("b", "")]])), 0,
         command="parse"),
    Case("docx-negative-and-text-spans",
         _docx(k.docx_table([[("a", '<w:gridSpan w:val="-3"/>'), ("b", '<w:gridSpan w:val="x"/>')]])), 0,
         command="parse"),
    Case("table-30000-rows-checked", _text("rows.txt", _long_table(30_000)), 0),
    Case("ten-million-lines", _text("lines.txt", b"a\n" * 10_000_000), 2, "줄(문단) 수"),
    Case("zip-sections-over-total-budget",
         lambda d: k.write_hwpx(d / "big.hwpx", [k.section(k.para("x" * (40 << 20)))] * 8), 2, "한도"),
    # false all-clear: a partly read file is never clean
    Case("cp949-with-bad-bytes-is-partial", _text("bad.txt", CP949 + b"\xff\xfe\xff 9\n" + CP949), 1),
    # readable files are read
    Case("utf8-and-cp949-mixed", _text("mixed.txt", "Ⅰ. 현황\n".encode() + "□ 추진\n".encode("cp949")), 0,
         "현황", command="parse"),
    Case("two-nul-bytes-near-start", _text("nul.txt", b"\x00\x00" + "Ⅰ. 현황\n\n□ 추진\n".encode()), 0, "현황",
         command="parse"),
    Case("utf16-le-bom", _text("le.txt", "Ⅰ. 현황\n\n□ 추진\n".encode("utf-16")), 0, "현황", command="parse"),
    Case("utf16-be-bom", _text("be.txt", b"\xfe\xff" + "Ⅰ. 현황\n\n□ 추진\n".encode("utf-16-be")), 0, "현황",
         command="parse"),
    Case("binary-garbage", _text("rand.txt", bytes(range(256)) * 64), 2, "이진 파일"),
    # the terminal shows document text as text
    Case("markup-closing-tag-in-heading", _text("m.txt", "Ⅰ. 현황 [/붙임]\n\n□ 추진\n".encode()), 0, "[/붙임]",
         command="parse"),
    Case("markup-like-name-kept", _text("e.txt", "Ⅰ. [e-호조] 운영\n\n□ 추진\n".encode()), 0, "[e-호조]",
         command="parse"),
    Case("escape-sequences-made-visible",
         _text("esc.txt", "Ⅰ. 현황\x1b]0;pwned\x07\x1b[2J\u202e끝\n\n□ 추진\n".encode()), 0, "␛]0;pwned␇",
         command="parse"),
    # classes handled before: entities, DTDs, XInclude, traversal, bombs, encryption, truncation
    Case("xxe-entity", lambda d: k.write_hwpx(d / "xxe.hwpx", [XXE]), 2, "DTD"),
    Case("xinclude-not-followed", lambda d: k.write_hwpx(d / "xi.hwpx", [XINCLUDE]), 0, "현황", command="parse"),
    Case("path-traversal-entry", _hwpx("", {"../../evil.xml": "x"}), 2, "경로"),
    Case("deflate-bomb", _hwpx("", {"BinData/zeros.bin": b"\0" * (48 << 20)}), 2, "zip bomb"),
    Case("encrypted-zip-entry", lambda d: k.zip_with_encrypted_flag(d / "enc.hwpx"), 2, "암호화"),
    Case("truncated-hwpx", lambda d: _cut(k.hwpx(d / "cut.hwpx", k.para("내용 " * 5000)), 0.5), 2, "zip"),
    Case("pdf-reference-loop", _text("loop.pdf", k.pdf_reference_loop()), 2, "PDF"),
    Case("pdf-garbage-after-magic", _text("g.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 8), 2, "PDF"),
]


def _cut(p: Path, keep: float) -> Path:
    data = p.read_bytes()
    p.write_bytes(data[: int(len(data) * keep)])
    return p


def run(*args: str):
    return runner.invoke(app, list(args))


def assert_one_line_error(r, says: str) -> None:
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("오류 ") and says in lines[0], lines[0]
    assert re.search("[가-힣]", lines[0])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_case(tmp_path, case: Case):
    path = case.build(tmp_path)
    args = [case.command, str(path)] + (["--format", "json"] if case.command == "check" else [])
    r = run(*args)
    assert "Traceback" not in r.output and "내부 오류" not in r.output, r.output
    assert r.exit_code == case.exit, r.output
    if case.exit == 2:
        assert_one_line_error(r, case.says)
    elif case.says:
        assert case.says in r.stdout
    assert "\x1b" not in r.stdout


def test_partly_read_file_is_never_clean_in_any_output(tmp_path):
    src = tmp_path / "bad.txt"
    src.write_bytes(CP949 + b"\xff\xfe\xff 9\n")
    import json

    import openpyxl

    r = run("check", str(src), "--format", "json")
    assert r.exit_code == 1
    f = json.loads(r.stdout)["files"][0]
    assert f["status"] == "partial" and f["warnings"] and json.loads(r.stdout)["summary"]["partial"] == 1
    r = run("check", str(src))
    assert r.exit_code == 1 and "일부만 읽음" in r.stdout and "발견된 문제 없음" not in r.stdout
    assert r.stdout.index("읽기 경고") < r.stdout.index("합계")
    html = tmp_path / "r.html"
    assert run("check", str(src), "-o", str(html)).exit_code == 1
    page = html.read_text(encoding="utf-8")
    assert "일부만 읽음" in page and "발견된 문제 없음" not in page
    xlsx = tmp_path / "r.xlsx"
    assert run("check", str(src), "-o", str(xlsx), "--fail-on", "never").exit_code == 0
    rows = list(openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True))
    assert rows[1][1] == "읽기경고" and rows[1][2] == "일부만 읽음"


def test_fail_on_never_lets_a_partial_read_pass(tmp_path):
    src = tmp_path / "bad.txt"
    src.write_bytes(CP949 + b"\xff\xfe\xff 9\n")
    assert run("check", str(src), "--fail-on", "never").exit_code == 0


def test_long_heading_wraps_and_keeps_its_locator(tmp_path):
    src = tmp_path / "long.txt"
    src.write_text("Ⅰ. " + "긴 제목 " * 18 + "끝말\n\n□ 추진\n", encoding="utf-8")
    r = run("parse", str(src))
    assert r.exit_code == 0
    assert "(1행)" in r.stdout and "끝말" in r.stdout


@pytest.mark.parametrize("name", ["[/x].txt", "줄\n바꿈.txt", "-dash.txt", "a" * 200 + ".txt", "공백 있는 이름.txt"])
def test_odd_missing_file_names_give_one_line(tmp_path, name):
    r = run("check", "--", str(tmp_path / name))
    assert r.exit_code == 2
    assert_one_line_error(r, "파일이 없습니다")


def test_non_utf8_file_name(tmp_path):
    raw = os.fsencode(tmp_path) + b"/\xff\xfe.txt"
    r = run("check", os.fsdecode(raw))
    assert r.exit_code == 2
    assert_one_line_error(r, "파일이 없습니다")


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_symlink_to_device_is_refused(tmp_path, target):
    if not Path(target).exists():
        pytest.skip(f"{target} missing")
    link = tmp_path / "report.txt"
    link.symlink_to(target)
    r = run("check", str(link))
    assert r.exit_code == 2
    assert_one_line_error(r, "일반 파일이 아닙니다")


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = run("parse", str(fifo))
    assert r.exit_code == 2
    assert_one_line_error(r, "일반 파일이 아닙니다")
