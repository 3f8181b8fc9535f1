"""The 项目资金 section in the window: typed amounts saved and reopened, the C02 line against the
stored department form, findings marking and jumping to cells, read-only viewing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from desktop.app import make_main_window
from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_file
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore
from tests.qtkeys import key_click, key_clicks
from ui.main_window import MainWindow
from ui.project.c02_status import DIFFERENT, EQUAL, NEUTRAL
from ui.project.funds_panel import FundsPanel
from ui.sections import section_index

ZDPQ = Path(__file__).resolve().parent.parent / "fixtures" / "project-futian-2026-zdpq.json"
MID_ROW, ANNUAL_ROW = 0, 1
TOTAL, FISCAL, OTHER = 0, 1, 2
GREEN_TEXT = "部门整体支出表任务“重点片区建设（其他项目）”1279.04 万元；已对应项目合计 1279.04 万元"


def _window(qtbot: QtBot, db_path: Path, declaration_id: int) -> MainWindow:
    window = make_main_window(db_path, declaration_id)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _funds_page(window: MainWindow) -> FundsPanel:
    window.show_section(section_index("项目资金"), focus=True)
    assert window.editor is not None
    page = window.editor.page("projectFundsPanel")
    assert isinstance(page, FundsPanel)
    return page


def _type_amount(qtbot: QtBot, page: FundsPanel, row: int, column: int, text: str) -> QLineEdit:
    """Open the cell's editor and type ``text`` (left open: the caller commits)."""
    view = page.view
    view.setFocus()
    flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
    view.selectionModel().setCurrentIndex(page.model.index(row, column), flag)
    key_click(view, Qt.Key.Key_F2)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    key_clicks(editor, text)
    return editor


def _commit(qtbot: QtBot, page: FundsPanel, editor: QLineEdit) -> None:
    key_click(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.view.state() != QAbstractItemView.State.EditingState)


def test_a_typed_amount_is_saved_undone_and_shown_again_after_reopening(
    qtbot: QtBot, store: DeclarationStore, db_path: Path
) -> None:
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    window = _window(qtbot, db_path, project_id)
    page = _funds_page(window)
    editor = _type_amount(qtbot, page, ANNUAL_ROW, OTHER, "120.5")
    _commit(qtbot, page, editor)
    assert window.flush()
    stored = store.load(project_id)
    assert stored.funds.other == Decimal("120.5")  # type: ignore[attr-defined]

    # Typed in the 中期 row, then undone with Ctrl+Z: the store follows.
    editor = _type_amount(qtbot, page, MID_ROW, FISCAL, "4000")
    _commit(qtbot, page, editor)
    assert window.document is not None
    window.document.undo_stack.undo()
    assert window.flush()
    stored = store.load(project_id)
    assert stored.mid_term.funds.fiscal == Decimal("3850")  # type: ignore[attr-defined]
    window.close()

    again = _window(qtbot, db_path, project_id)
    page = _funds_page(again)
    assert page.model.index(ANNUAL_ROW, OTHER).data() == "120.50"
    assert page.model.index(ANNUAL_ROW, TOTAL).data() == "1,399.54"
    assert page.share.text() == "年度资金占中期资金 36.4%"
    again.close()


def test_the_c02_line_is_green_with_the_seed_and_amber_while_the_amounts_differ(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    seed_id = import_new(store, read_json_file(seed_path).declaration)
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    window = _window(qtbot, db_path, project_id)
    page = _funds_page(window)
    line = page.c02
    assert line.isVisible() and line.text() == GREEN_TEXT and line.color == EQUAL

    editor = _type_amount(qtbot, page, ANNUAL_ROW, FISCAL, "1300")
    # Live, before the amount is committed.
    assert line.color == DIFFERENT and "已对应项目合计 1300.00 万元" in line.text()
    _commit(qtbot, page, editor)
    assert line.color == DIFFERENT
    # The live check reports C02 on 年度资金 and the window marks the 总额 cell with it.
    checker = window.checks.checker
    qtbot.waitUntil(lambda: any(f.rule == "C02" for f in checker.findings), timeout=5000)
    total = page.model.index(ANNUAL_ROW, TOTAL)
    qtbot.waitUntil(lambda: "C02" in str(total.data(Qt.ItemDataRole.ToolTipRole)), timeout=5000)
    assert window.document is not None
    window.document.undo_stack.undo()
    assert line.text() == GREEN_TEXT and line.color == EQUAL

    # Another window saves the department form: the window's store watch rechecks, and the
    # line follows while the section is shown.
    seed = store.load(seed_id)
    seed.tasks[2].other = Decimal("10")
    store.save(seed_id, seed)
    window.checks.related_watch.poll()
    qtbot.waitUntil(lambda: page.c02.color == DIFFERENT, timeout=5000)
    assert "1289.04 万元；已对应项目合计 1279.04 万元" in page.c02.text()
    # Changed again while another section is shown: seen when the section is shown again.
    window.show_section(section_index("基本信息"))
    seed.tasks[2].other = Decimal("0")
    store.save(seed_id, seed)
    page = _funds_page(window)
    assert page.c02.text() == GREEN_TEXT and page.c02.color == EQUAL
    window.close()


def test_the_c02_line_is_grey_without_a_stored_department_form_or_task(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    window = _window(qtbot, db_path, project_id)
    page = _funds_page(window)
    assert page.c02.color == NEUTRAL and "部门整体支出表尚未保存" in page.c02.text()
    window.close()

    seed = read_json_file(seed_path).declaration
    seed.tasks[2].name = "另一项任务"
    import_new(store, seed)
    window = _window(qtbot, db_path, project_id)
    page = _funds_page(window)
    assert page.c02.color == NEUTRAL and "所属任务“重点片区建设（其他项目）”不在" in page.c02.text()
    window.close()


def test_a_finding_jumps_to_its_cell(qtbot: QtBot, store: DeclarationStore, db_path: Path) -> None:
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    window = _window(qtbot, db_path, project_id)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_section(section_index("基本信息"))
    window.checks.jump_to("mid_term.funds.other")
    assert window.editor is not None
    assert window.editor.currentIndex() == section_index("项目资金")
    page = window.editor.page("projectFundsPanel")
    assert isinstance(page, FundsPanel)
    current = page.view.currentIndex()
    assert (current.row(), current.column()) == (MID_ROW, OTHER)
    assert page.view.hasFocus()
    window.close()


def test_read_only_viewing_cannot_change_the_funds(
    qtbot: QtBot, store: DeclarationStore, db_path: Path
) -> None:
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    before = content_key(store.load(project_id))
    first = _window(qtbot, db_path, project_id)
    second = _window(qtbot, db_path, project_id)
    assert second.read_only is not None
    page = _funds_page(second)
    assert page.view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert page.control.edit.isReadOnly()
    assert second.document is not None
    declaration = second.document.declaration
    page.view.setFocus()
    flag = QItemSelectionModel.SelectionFlag.ClearAndSelect
    page.view.selectionModel().setCurrentIndex(page.model.index(ANNUAL_ROW, FISCAL), flag)
    key_click(page.view, Qt.Key.Key_Delete)  # the command is pushed, then taken back
    qtbot.waitUntil(lambda: second.document is not None and second.document.undo_stack.count() == 0)
    assert content_key(declaration) == before
    assert page.model.index(ANNUAL_ROW, FISCAL).data() == "1,279.04"
    page.paste_cells("1\t2")
    qtbot.waitUntil(lambda: second.document is not None and second.document.undo_stack.count() == 0)
    assert content_key(declaration) == before
    QApplication.processEvents()
    second.close()
    first.close()
    assert content_key(store.load(project_id)) == before
