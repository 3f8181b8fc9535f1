"""The 项目资金 edits of desktop/domain/funds.py: each undone back to an equal declaration; bad
amounts refused in Chinese before anything changes; pasted blocks all or nothing; 元 input."""

from __future__ import annotations

import copy
import inspect
from decimal import Decimal

import pytest

from desktop.domain import funds
from desktop.domain.errors import EditError
from desktop.domain.funds import FundsCell
from desktop.domain.money import YUAN, AmountError, parse_user_amount
from desktop.domain.project import ANNUAL, MID, Funds
from desktop.domain.project_profile import load_project_profile
from tests.project.helpers import ANNUAL as ANNUAL_FIXTURE
from tests.project.helpers import doc, read

MOF = load_project_profile("MOF-PROJECT-2021")
ANNUAL_ONLY = load_project_profile("ANNUAL-PROJECT-2026")


def test_setting_amounts_is_undone_to_an_equal_declaration() -> None:
    project = read(doc())
    before = copy.deepcopy(project)
    cells = [FundsCell(ANNUAL, "fiscal", Decimal("1300")), FundsCell(MID, "other", Decimal("12.5"))]
    funds.check_cells(project, MOF, cells)
    undo = funds.set_amounts(project, cells)
    assert project.funds.fiscal == Decimal("1300") and project.funds.total == Decimal("1300")
    assert project.mid_term is not None and project.mid_term.funds.total == Decimal("3862.5")
    funds.restore_amounts(project, undo)
    assert project == before


def test_a_mid_amount_creates_the_horizon_and_undo_removes_it_again() -> None:
    data = doc()
    del data["mid_term"]
    project = read(data)
    assert project.mid_term is None
    before = copy.deepcopy(project)
    undo = funds.set_amounts(project, [FundsCell(MID, "fiscal", Decimal("3000"))])
    assert project.mid_term is not None and project.mid_in_use()
    # The new horizon has the 年度 skeleton, empty.
    assert [c.level2 for c in project.mid_term.categories] == [c.level2 for c in project.categories]
    assert not any(c.indicators for c in project.mid_term.categories)
    funds.restore_amounts(project, undo)
    assert project.mid_term is None
    assert project == before


def test_clearing_gives_zero_amounts_and_absent_details_and_skips_empty_cells() -> None:
    project = read(doc(ANNUAL_FIXTURE))
    project.funds.details["bond"] = Decimal("5")
    places = [(ANNUAL, "fiscal"), (ANNUAL, "other"), (ANNUAL, "details.bond"), (ANNUAL, "details.x")]
    cells = funds.cleared(project, places)
    assert cells == [
        FundsCell(ANNUAL, "fiscal", Decimal(0)),
        FundsCell(ANNUAL, "other", Decimal(0)),
        FundsCell(ANNUAL, "details.bond", None),
    ]
    before = copy.deepcopy(project)
    undo = funds.set_amounts(project, cells)
    assert project.funds == Funds()
    assert funds.cleared(project, places) == []  # nothing left to clear: no undo step
    funds.restore_amounts(project, undo)
    assert project == before


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        (FundsCell(ANNUAL, "fiscal", Decimal("123456789")), "年度资金“财政拨款”：金额 123456789 无效"),
        (FundsCell(ANNUAL, "other", Decimal("-1")), "年度资金“其他资金”：金额 -1 无效"),
        (FundsCell(ANNUAL, "fiscal", Decimal("0.0000001")), "最多 6 位小数"),
        (FundsCell(ANNUAL, "fiscal", None), "年度资金“财政拨款”不能为空"),
        (FundsCell(ANNUAL, "details.bond", Decimal(1)), "此版式没有资金列"),
    ],
)
def test_a_bad_amount_is_refused_in_chinese_naming_the_cell(cell: FundsCell, message: str) -> None:
    project = read(doc())
    with pytest.raises(EditError, match=message):
        funds.check_cells(project, MOF, [cell])


def test_an_annual_only_profile_has_no_mid_row_to_set() -> None:
    project = read(doc(ANNUAL_FIXTURE))
    assert funds.horizons(ANNUAL_ONLY) == [ANNUAL]
    assert funds.horizons(MOF) == [MID, ANNUAL]
    with pytest.raises(EditError, match="没有中期资金"):
        funds.check_cells(project, ANNUAL_ONLY, [FundsCell(MID, "fiscal", Decimal(1))])


def test_a_pasted_block_fills_the_cells_from_the_current_one() -> None:
    cells = funds.pasted_cells("4000\t10\r\n1300,5\t0\r\n", MOF, 0, 1, "万元")
    assert cells == [
        FundsCell(MID, "fiscal", Decimal("4000")),
        FundsCell(MID, "other", Decimal("10")),
        FundsCell(ANNUAL, "fiscal", Decimal("13005")),
        FundsCell(ANNUAL, "other", Decimal("0")),
    ]
    # Copied with 总额 (the first panel column): that value is computed, so it is skipped.
    assert funds.pasted_cells("99\t1\t2", MOF, 1, 0, "万元") == [
        FundsCell(ANNUAL, "fiscal", Decimal(1)),
        FundsCell(ANNUAL, "other", Decimal(2)),
    ]


def test_a_block_with_our_workbook_header_goes_to_the_rows_it_names() -> None:
    text = "资金\t总额\t财政拨款\t其他资金\n年度资金\t9\t7\t2\n中期资金\t30\t28\t2\n"
    cells = funds.pasted_cells(text, MOF, 0, 2, "万元")
    assert cells == [
        FundsCell(ANNUAL, "fiscal", Decimal(7)),
        FundsCell(ANNUAL, "other", Decimal(2)),
        FundsCell(MID, "fiscal", Decimal(28)),
        FundsCell(MID, "other", Decimal(2)),
    ]


@pytest.mark.parametrize(
    ("text", "row", "column", "message"),
    [
        ("1\tabc", 1, 1, "年度资金“其他资金”：\"abc\" 不是金额"),
        ("1\t2\t3", 1, 1, "超出了资金表的最后一列"),
        ("1\n2", 1, 1, "超出了资金表的最后一行"),
        ("资金\t财政拨款\n下年资金\t1", 0, 1, "资金“下年资金”不是本表的行"),
        ("财政拨款\t备注\n1\t2", 0, 1, "无法识别标题为“备注”的列"),
        ("", 0, 1, "剪贴板为空"),
    ],
)
def test_a_bad_block_is_refused_whole(text: str, row: int, column: int, message: str) -> None:
    with pytest.raises(EditError, match=message):
        funds.pasted_cells(text, MOF, row, column, "万元")


def test_amounts_typed_in_yuan_are_stored_in_wan_yuan() -> None:
    assert parse_user_amount("12,790,400", YUAN) == Decimal("1279.04")
    assert parse_user_amount("12790400.5元", YUAN) == Decimal("1279.04005")
    assert parse_user_amount("1279.04万元", YUAN) == Decimal("1279.04")
    # 12 integer digits in 元 are 8 in 万元.
    assert parse_user_amount("999999999999", YUAN) == Decimal("99999999.9999")
    for bad, reason in (("1.234", "2 位小数（单位：元）"), ("1000000000000", "12 位"), ("-5", "负数")):
        with pytest.raises(AmountError, match=reason):
            parse_user_amount(bad, YUAN)
    with pytest.raises(EditError, match="年度资金：金额最多 2 位小数"):
        funds.parse_amount("0.001", YUAN, "年度资金")


def test_the_annual_share_of_the_mid_total() -> None:
    project = read(doc())
    assert project.mid_term is not None
    share = funds.annual_share(project.funds, project.mid_term.funds)
    assert share is not None and round(share * 1000) == 332  # 1279.04 / 3850.00
    assert funds.annual_share(project.funds, None) is None
    assert funds.annual_share(project.funds, Funds()) is None
    preview = funds.funds_with(project.funds, "other", Decimal("100"))
    assert preview.total == Decimal("1379.04") and project.funds.other == 0


def test_every_edit_function_of_the_module_is_tested_here() -> None:
    tested = {
        "set_amounts", "restore_amounts", "cleared", "check_cells", "pasted_cells", "parse_amount",
        "take_declared", "put_declared",
    }  # fmt: skip
    public = {
        name
        for name, value in vars(funds).items()
        if inspect.isfunction(value)
        and value.__module__ == funds.__name__
        and name.startswith(("set_", "restore_", "clear", "paste", "check_", "parse_", "take_", "put_"))
    }
    assert public == tested


def test_accepting_the_computed_totals_drops_the_declared_ones_and_undo_restores_them() -> None:
    data = doc()
    data["funds"]["total"] = "1300.00"
    data["mid_term"]["funds"]["total"] = "3850.00"  # equal: no difference, still declared
    project = read(data)
    differences = funds.declared_differences(project)
    assert [(d.label, d.declared, d.computed) for d in differences] == [
        ("年度资金 · 总额", Decimal("1300.00"), Decimal("1279.04"))
    ]
    before = copy.deepcopy(project)
    taken = funds.take_declared(project)
    assert project.funds.declared_total is None and funds.declared_differences(project) == []
    assert project.mid_term is not None and project.mid_term.funds.declared_total is None
    funds.put_declared(project, taken)
    assert project == before
