"""Stage settings (TableSettings, CheckSettings): read from the environment with
validation, and passed through every stage that uses them."""

from __future__ import annotations

import pytest

from bogo import api
from bogo.checks.arith import pair_combos
from bogo.errors import UsageError
from bogo.model import TableRec
from bogo.settings import CheckSettings, Settings, TableSettings
from bogo.structure.headers import detect_header_rows
from bogo.tables import build_view, parse_cell


def test_nested_settings_from_env():
    s = Settings.from_env({"BOGO_TABLES_MAX_HEADER_ROWS": "2", "BOGO_CHECKS_LIST_USES": "5",
                           "BOGO_TABLES_LABEL_NUMERIC_SHARE": "0.75", "BOGO_MAX_SPAN": "9"})
    assert (s.tables.max_header_rows, s.tables.label_numeric_share, s.checks.list_uses, s.max_span) == (2, 0.75, 5, 9)
    assert s.checks.max_ambiguous_cells == CheckSettings().max_ambiguous_cells


@pytest.mark.parametrize(("name", "value"), [
    ("BOGO_TABLES_LABEL_NUMERIC_SHARE", "1.5"),     # a share lies in (0, 1]
    ("BOGO_TABLES_MAX_HEADER_ROWS", "many"),
    ("BOGO_CHECKS_MAX_AMBIGUOUS_CELLS", "0"),
])
def test_bad_stage_setting_is_a_korean_error_naming_the_variable(name, value):
    with pytest.raises(UsageError, match=name) as e:
        Settings.from_env({name: value})
    assert "값이 잘못되었습니다" in str(e.value)


def test_header_row_limit_is_the_setting():
    grid = [["구분", "예산", "예산"], ["구분", "본예산", "추경"], ["구분", "일반", "특별"],
            ["합계", "30", "20"], ["가과", "10", "5"]]
    assert detect_header_rows(grid) == 3
    assert detect_header_rows(grid, max_rows=2) == 2


def _table(rows: list[list[str]]) -> TableRec:
    return TableRec(id="t1", section=None, caption=None, unit=None, line=1,
                    header=[["사업", "구분", "금액"]], rows=rows)


def test_label_column_share_is_the_setting():
    # the second column is one third numbers: a label column at share ½, data at share ¼
    t = _table([["가사업", "신규", "10"], ["나사업", "3", "20"], ["다사업", "계속", "30"]])
    assert build_view(t).label_cols == 2
    assert build_view(t, TableSettings(label_numeric_share=0.25)).label_cols == 1


def test_ambiguous_pair_cells_limit_is_the_setting():
    cells = [parse_cell(x) for x in ("3", "4", "5")]
    assert pair_combos(cells, [True] * 3, max_ambiguous=3) is not None
    assert pair_combos(cells, [True] * 3, max_ambiguous=2) is None


def test_check_settings_reach_the_checks_through_the_api(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("1. 추진 현황\n\n 가. 예산은 효율적·효율적으로 집행한다.\n", encoding="utf-8")
    codes = [f.code for f in api.check(p).files[0][2]]
    assert codes.count("W401") == 1
    # "효율적" is written twice: with list_uses=2 the text counts as a list, not a slip
    strict = Settings(checks=CheckSettings(list_uses=2))
    assert "W401" not in [f.code for f in api.check(p, settings=strict).files[0][2]]
