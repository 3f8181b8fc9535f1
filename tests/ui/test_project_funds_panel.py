"""The 项目资金 section as a user types into it: live totals and share bar on each keystroke,
refused amounts, spreadsheet keys, undo/redo, finding marks and jumps, and a profile in 元."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QLineEdit

from desktop.domain.profile import load_profile
from desktop.domain.project import ProjectDeclaration
from desktop.domain.project_profile import clear_caches
from desktop.exchange.reader import declaration_from_dict
from desktop.rules.engine import check_declaration
from tests.project.helpers import ANNUAL, doc
from tests.project.test_project_profiles import FOURTH, REPO
from tests.qtkeys import key_click, key_clicks
from ui.document import DeclarationDocument
from ui.findings.row_marks import RowMarks
from ui.project.funds_panel import FundsPanel
from ui.project.page import ProjectPage

MID_ROW, ANNUAL_ROW = 0, 1
TOTAL, FISCAL, OTHER = 0, 1, 2


def _panel(qtbot: QtBot, data: dict[str, object]) -> FundsPanel:
    declaration = declaration_from_dict(data).declaration
    assert isinstance(declaration, ProjectDeclaration)
    widget = FundsPanel(DeclarationDocument(declaration, load_profile(declaration.profile_id)))
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def panel(qtbot: QtBot) -> FundsPanel:
    return _panel(qtbot, doc())


def _project(panel: FundsPanel) -> ProjectDeclaration:
    project = panel.document.project
    assert project is not None
    return project


def _shown(panel: FundsPanel, row: int, column: int) -> str:
    return str(panel.model.index(row, column).data())


def _message(panel: FundsPanel) -> QLabel:
    label = panel.findChild(QLabel, "cellMessage")
    assert isinstance(label, QLabel)
    return label


def _select(panel: FundsPanel, row: int, column: int) -> None:
    """Click-like: the cell becomes current and the only one selected."""
    flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
    panel.view.selectionModel().setCurrentIndex(panel.model.index(row, column), flag)


def _edit(panel: FundsPanel, row: int, column: int) -> QLineEdit:
    view = panel.view
    view.setFocus()
    view.setCurrentIndex(panel.model.index(row, column))
    key_click(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    return editor


def _commit(qtbot: QtBot, panel: FundsPanel, editor: QLineEdit) -> None:
    key_click(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.view.state() != QAbstractItemView.State.EditingState)


def test_the_table_shows_both_horizons_in_the_profile_unit(panel: FundsPanel) -> None:
    model = panel.model
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(2)] == ["中期资金", "年度资金"]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "总额", "财政拨款", "其他资金",
    ]  # fmt: skip
    assert [_shown(panel, ANNUAL_ROW, c) for c in range(3)] == ["1,279.04", "1,279.04", "0.00"]
    assert _shown(panel, MID_ROW, TOTAL) == "3,850.00"
    assert not model.flags(model.index(ANNUAL_ROW, TOTAL)) & Qt.ItemFlag.ItemIsEditable
    assert panel.share.text() == "年度资金占中期资金 33.2%"
    assert "万元" in panel.unit_label.text()
    assert isinstance(panel, ProjectPage)
    assert not panel.c02.isVisible()  # no store in a widget test: nothing to compare with


def test_totals_and_the_share_follow_each_keystroke_and_the_commit_is_one_step(
    qtbot: QtBot, panel: FundsPanel
) -> None:
    editor = _edit(panel, ANNUAL_ROW, OTHER)
    assert editor.text() == ""  # a zero amount starts empty
    seen = []
    for key in (Qt.Key.Key_1, Qt.Key.Key_0, Qt.Key.Key_0):
        key_click(editor, key)
        seen.append((_shown(panel, ANNUAL_ROW, TOTAL), panel.share.text()))
    assert seen == [
        ("1,280.04", "年度资金占中期资金 33.2%"),
        ("1,289.04", "年度资金占中期资金 33.5%"),
        ("1,379.04", "年度资金占中期资金 35.8%"),
    ]
    assert _project(panel).funds.other == 0  # nothing stored while typing
    assert "#4a7bb7" in panel.share.bar.styleSheet()
    key_clicks(editor, "0")  # 2279.04 of 3850.00
    key_clicks(editor, "0")  # 11279.04: more than the 中期 total (P02), the bar turns red
    assert panel.share.text() == "年度资金占中期资金 293.0%"
    bar = panel.share.bar
    assert bar.value() == bar.maximum() and "#b00020" in bar.styleSheet()
    for _ in range(2):
        key_click(editor, Qt.Key.Key_Backspace)
    assert panel.share.text() == "年度资金占中期资金 35.8%"
    _commit(qtbot, panel, editor)
    assert _project(panel).funds.other == Decimal(100)
    assert _shown(panel, ANNUAL_ROW, OTHER) == "100.00"
    stack = panel.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "修改年度资金“其他资金”"
    stack.undo()
    assert _project(panel).funds.other == 0
    assert _shown(panel, ANNUAL_ROW, TOTAL) == "1,279.04"
    assert panel.share.text() == "年度资金占中期资金 33.2%"
    stack.redo()
    assert _shown(panel, ANNUAL_ROW, TOTAL) == "1,379.04"


def test_a_bad_amount_gets_a_chinese_message_and_nothing_is_stored(
    qtbot: QtBot, panel: FundsPanel
) -> None:
    before = copy.deepcopy(_project(panel))
    editor = _edit(panel, MID_ROW, FISCAL)
    editor.selectAll()
    key_clicks(editor, "12a")
    message = _message(panel)
    assert message.isVisible() and "不是金额" in message.text()
    assert _shown(panel, MID_ROW, TOTAL) == "3,850.00"  # the preview drops the bad text
    key_click(editor, Qt.Key.Key_Return)  # refused: the editor stays open
    assert panel.view.focusWidget() is editor
    key_click(editor, Qt.Key.Key_Escape)
    assert _project(panel) == before
    assert panel.document.undo_stack.count() == 0
    # A typed value past the gate (9 integer digits) is refused by the model as well.
    assert not panel.model.setData(panel.model.index(ANNUAL_ROW, FISCAL), "123456789")
    assert "最多 8 位" in message.text()
    assert _project(panel) == before


def test_delete_copy_and_paste_like_a_spreadsheet(qtbot: QtBot, panel: FundsPanel) -> None:
    view, model, stack = panel.view, panel.model, panel.document.undo_stack
    view.setFocus()
    selection = view.selectionModel()
    view.setCurrentIndex(model.index(MID_ROW, TOTAL))
    block = QItemSelection(model.index(MID_ROW, TOTAL), model.index(ANNUAL_ROW, OTHER))
    selection.select(block, QItemSelectionModel.SelectionFlag.Select)
    key_click(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "3850.00\t3850.00\t0.00\r\n1279.04\t1279.04\t0.00\r\n"

    _select(panel, ANNUAL_ROW, FISCAL)
    key_click(view, Qt.Key.Key_Delete)
    project = _project(panel)
    assert project.funds.fiscal == 0 and _shown(panel, ANNUAL_ROW, TOTAL) == "0.00"
    assert panel.share.text() == "年度资金占中期资金 0.0%"
    assert stack.count() == 1

    _select(panel, MID_ROW, FISCAL)
    QGuiApplication.clipboard().setText("4,000\t50\r\n1300\t20\r\n")
    key_click(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert project.mid_term is not None
    assert (project.mid_term.funds.fiscal, project.mid_term.funds.other) == (Decimal(4000), Decimal(50))
    assert (project.funds.fiscal, project.funds.other) == (Decimal(1300), Decimal(20))
    assert stack.count() == 2 and stack.undoText() == "粘贴 4 个金额"

    # A block with a bad value changes nothing and says which cell.
    QGuiApplication.clipboard().setText("1\t2\r\n3\tx\r\n")
    key_click(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "年度资金“其他资金”" in _message(panel).text()
    assert stack.count() == 2 and project.funds.other == Decimal(20)
    stack.undo()
    stack.undo()
    assert (project.funds.fiscal, project.mid_term.funds.fiscal) == (Decimal("1279.04"), Decimal(3850))


def test_typing_a_mid_amount_creates_the_horizon_and_undo_takes_it_away(qtbot: QtBot) -> None:
    data = doc()
    del data["mid_term"]
    panel = _panel(qtbot, data)
    before = copy.deepcopy(_project(panel))
    assert _shown(panel, MID_ROW, TOTAL) == ""  # not in use: empty, not 0.00
    assert panel.share.text() == "年度资金占中期资金：中期资金总额未填写"
    editor = _edit(panel, MID_ROW, FISCAL)
    key_clicks(editor, "2558.08")
    assert panel.share.text() == "年度资金占中期资金 50.0%"
    _commit(qtbot, panel, editor)
    project = _project(panel)
    assert project.mid_term is not None and project.mid_term.funds.fiscal == Decimal("2558.08")
    panel.document.undo_stack.undo()
    assert project.mid_term is None and project == before
    assert _shown(panel, MID_ROW, FISCAL) == ""


def test_findings_mark_their_cell_and_a_jump_selects_it(panel: FundsPanel) -> None:
    project = _project(panel)
    project.funds.fiscal = Decimal(4000)  # above the 中期 3850.00: P02 at funds.fiscal and funds
    marks = RowMarks(check_declaration(project), project)
    panel.set_marks(marks)
    model = panel.model
    fiscal = model.index(ANNUAL_ROW, FISCAL)
    assert "P02" in str(fiscal.data(Qt.ItemDataRole.ToolTipRole))
    assert fiscal.data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(ANNUAL_ROW, OTHER).data(Qt.ItemDataRole.DecorationRole) is None
    assert model.index(MID_ROW, FISCAL).data(Qt.ItemDataRole.DecorationRole) is None
    total_tip = str(model.index(ANNUAL_ROW, TOTAL).data(Qt.ItemDataRole.ToolTipRole))
    assert "P02" in total_tip and "自动计算" in total_tip

    def current(where: str) -> tuple[int, int]:
        assert panel.focus_where(where)
        index: QModelIndex = panel.view.currentIndex()
        return index.row(), index.column()

    assert current("funds.fiscal") == (ANNUAL_ROW, FISCAL)
    assert current("funds.other") == (ANNUAL_ROW, OTHER)
    assert current("funds") == (ANNUAL_ROW, TOTAL)
    assert current("funds.total") == (ANNUAL_ROW, TOTAL)
    assert current("mid_term.funds.other") == (MID_ROW, OTHER)
    assert current("mid_term") == (MID_ROW, TOTAL)
    assert panel.focus_where("budget_control_total")
    assert panel.control.edit.hasFocus()


def test_the_control_total_is_compared_with_the_annual_total(qtbot: QtBot, panel: FundsPanel) -> None:
    field = panel.control.edit
    field.setFocus()
    key_clicks(field, "1300")
    key_click(field, Qt.Key.Key_Return)
    project = _project(panel)
    assert project.budget_control_total == Decimal(1300)
    assert panel.control.gap.text() == "年度资金总额低于预算控制数 20.96 万元"
    rules = {f.rule: f.where for f in check_declaration(project)}
    assert rules["A03"] == "budget_control_total"
    panel.document.undo_stack.undo()
    assert project.budget_control_total is None
    assert panel.control.gap.text() == "填写后将与年度资金总额比较"


def test_an_annual_only_profile_has_one_row_and_no_share_bar(qtbot: QtBot) -> None:
    panel = _panel(qtbot, doc(ANNUAL))
    assert panel.model.rowCount() == 1
    assert panel.model.headerData(0, Qt.Orientation.Vertical) == "年度资金"
    assert [_shown(panel, 0, c) for c in range(3)] == ["376.80", "356.80", "20.00"]
    assert not panel.share.isVisible()
    assert not panel.focus_where("mid_term.funds.fiscal")


@pytest.fixture
def yuan_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The test's fourth layout (with a 专项债券 detail) printing amounts in 元."""
    resources = tmp_path / "resources"
    shutil.copytree(REPO / "resources" / "profiles", resources / "profiles")
    data = {**FOURTH, "id": "YY-PROJECT-2027", "amount_unit": "元"}
    (resources / "profiles" / "project" / "YY-PROJECT-2027.json").write_text(
        json.dumps(data, ensure_ascii=False), encoding="utf-8"
    )
    monkeypatch.setenv("PERFDECL_RESOURCES", str(resources))
    clear_caches()
    yield "YY-PROJECT-2027"
    monkeypatch.undo()
    clear_caches()


def test_a_yuan_profile_shows_and_takes_yuan_and_has_detail_columns(
    qtbot: QtBot, yuan_layout: str
) -> None:
    data = doc(ANNUAL)
    data["profile"] = yuan_layout
    data["project"]["attribute"] = "经常性"
    panel = _panel(qtbot, data)
    model = panel.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "总额", "财政拨款", "其中：专项债券", "其他资金",
    ]  # fmt: skip
    bond = 2
    assert _shown(panel, ANNUAL_ROW, TOTAL) == "3,768,000.00"
    assert "元" in panel.unit_label.text() and "万元" not in panel.unit_label.text()
    editor = _edit(panel, ANNUAL_ROW, bond)
    key_clicks(editor, "3000000")
    _commit(qtbot, panel, editor)
    project = _project(panel)
    assert project.funds.details == {"bond": Decimal(300)}  # stored in 万元
    assert _shown(panel, ANNUAL_ROW, bond) == "3,000,000.00"
    # P07 (details ≠ 财政拨款) marks the detail cell.
    panel.set_marks(RowMarks(check_declaration(project), project))
    assert "P07" in str(model.index(ANNUAL_ROW, bond).data(Qt.ItemDataRole.ToolTipRole))
    assert panel.focus_where("funds.details")
    assert panel.view.currentIndex().column() == bond
    assert panel.focus_where("funds.other")
    assert panel.focus_where("funds.details.bond")
    assert panel.view.currentIndex().column() == bond
    editor = _edit(panel, ANNUAL_ROW, FISCAL)
    assert editor.text() == "3568000.00"
    editor.selectAll()
    key_clicks(editor, "0.001")
    assert "2 位小数（单位：元）" in _message(panel).text()
    key_click(editor, Qt.Key.Key_Escape)
    # Delete empties a detail (absent, not 0), as one undo step.
    _select(panel, ANNUAL_ROW, bond)
    key_click(panel.view, Qt.Key.Key_Delete)
    assert project.funds.details == {} and _shown(panel, ANNUAL_ROW, bond) == ""


def test_a_restored_declaration_is_shown_with_its_own_profile(qtbot: QtBot, panel: FundsPanel) -> None:
    other = declaration_from_dict(doc(ANNUAL)).declaration
    panel.document.replace(other, load_profile(other.profile_id))
    assert panel.model.rowCount() == 1
    assert _shown(panel, 0, TOTAL) == "376.80"
    assert not panel.share.isVisible()
    panel.document.replace(declaration_from_dict(doc()).declaration, load_profile("MOF-PROJECT-2021"))
    assert panel.model.rowCount() == 2 and panel.share.isVisible()
    assert panel.share.text() == "年度资金占中期资金 33.2%"


def test_tab_walks_the_cells_and_leaves_the_table_at_the_last_one(
    qtbot: QtBot, panel: FundsPanel
) -> None:
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.setFocus()  # as Ctrl+2 does: the table takes the keys
    view = panel.view
    assert view.hasFocus()
    _select(panel, ANNUAL_ROW, FISCAL)
    key_click(view, Qt.Key.Key_Tab)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (ANNUAL_ROW, OTHER)
    key_click(view, Qt.Key.Key_Tab)
    assert panel.control.edit.hasFocus()


def test_a_declared_total_that_differs_is_resolved_with_采用计算值(qtbot: QtBot) -> None:
    data = doc()
    data["funds"]["total"] = "1300.00"  # a source file printed another 总额: P05
    panel = _panel(qtbot, data)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    banner = panel.banner
    assert banner.isVisible()
    assert "年度资金 · 总额：文件中为 1,300.00，计算值为 1,279.04" in banner.label.text()
    project = _project(panel)
    findings = check_declaration(project)
    assert [f.where for f in findings if f.rule == "P05"] == ["funds.total"]
    panel.set_marks(RowMarks(findings, project))
    assert "P05" in str(panel.model.index(ANNUAL_ROW, TOTAL).data(Qt.ItemDataRole.ToolTipRole))
    assert panel.focus_where("funds.total")
    assert banner.button.hasFocus()
    assert panel.view.currentIndex().column() == TOTAL
    banner.button.click()
    assert not banner.isVisible() and project.funds.declared_total is None
    assert not [f for f in check_declaration(project) if f.rule == "P05"]
    panel.document.undo_stack.undo()
    assert banner.isVisible() and project.funds.declared_total == Decimal("1300.00")


def test_the_mid_row_shows_zero_amounts_of_a_horizon_in_use_and_marks_p04(qtbot: QtBot) -> None:
    data = doc()
    data["mid_term"]["funds"] = {"fiscal": "0", "other": "0"}  # 中期 goals and indicators only
    panel = _panel(qtbot, data)
    assert [_shown(panel, MID_ROW, c) for c in range(3)] == ["0.00", "0.00", "0.00"]
    project = _project(panel)
    findings = check_declaration(project)
    assert [f.where for f in findings if f.rule == "P04"] == ["mid_term.funds"]
    panel.set_marks(RowMarks(findings, project))
    tip = str(panel.model.index(MID_ROW, TOTAL).data(Qt.ItemDataRole.ToolTipRole))
    assert tip.count("P04") == 1 and "中期资金总额为 0" in tip
    # 年度 1279.04 above a 中期 of 0: P02 on the 年度 总额, not on the 中期 row.
    annual_tip = str(panel.model.index(ANNUAL_ROW, TOTAL).data(Qt.ItemDataRole.ToolTipRole))
    assert "P02" in annual_tip and "P02" not in tip
    assert panel.focus_where("mid_term.funds")
    assert (panel.view.currentIndex().row(), panel.view.currentIndex().column()) == (MID_ROW, TOTAL)
