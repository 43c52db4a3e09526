"""X203 on an audit list read only in part: the summary is compared with the items
read, so when the report states more items' status ("추진상황 : …") than were read,
a mismatch says so as a warning instead of an error."""

from __future__ import annotations

from pathlib import Path

import bogo
from bogo.checks import run_checks

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "hanbit_2024_audit_results.txt"


def _x203(path: Path) -> list[tuple[str, str]]:
    return [(f.severity, f.message) for f in run_checks([bogo.parse(path)]).findings if f.code == "X203"]


def test_a_list_read_in_full_gives_errors(tmp_path):
    found = _x203(EXAMPLE)
    assert found and all(s == "error" for s, _ in found)


def test_a_list_read_in_part_gives_warnings_that_say_so(tmp_path):
    # one item's table row broken over lines (as a wrapping export does): its text and
    # its "추진상황 : 추진완료" are still in the report, but it is no item any more
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    broken = [line.replace("\t", "\n", 1) if "3년 연속 선정된 사례" in line else line for line in lines]
    p = tmp_path / "audit.txt"
    p.write_text("\n".join(broken) + "\n", encoding="utf-8")
    found = _x203(p)
    assert found and all(s == "warning" and "목록 일부만 읽음" in m for s, m in found)
