"""The project's 基本信息 section in the window: what is typed is stored, undone, redone and shown
again on reopening; bad years are refused where typed; the task link says what it matches."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLabel, QLineEdit, QWidget

from desktop.app import make_main_window
from desktop.domain.model import Declaration
from desktop.domain.project import ProjectDeclaration
from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_file
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore
from tests.project.helpers import ANNUAL, ZDPQ, doc, read
from tests.qtkeys import key_click, key_clicks
from ui.main_window import MainWindow
from ui.project.info_panel import ProjectInfoPanel
from ui.project.text_block_edit import TextBlockEdit

OpenWindow = Callable[[int], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, db_path: Path) -> OpenWindow:
    def make(declaration_id: int) -> MainWindow:
        made = make_main_window(db_path, declaration_id)
        assert isinstance(made, MainWindow)
        qtbot.addWidget(made)
        made.resize(1280, 800)
        made.show()
        made.activateWindow()  # focus moves (and commits) only in the active window
        qtbot.waitUntil(lambda: QApplication.activeWindow() is made)
        made.show_section(0)
        return made

    return make


def sz_project(content: str = "日常绿化养护。") -> ProjectDeclaration:
    """The annual example on the inferred SZ-PROJECT-2026 layout (text block 主要内容)."""
    data = doc(ANNUAL)
    data["profile"] = "SZ-PROJECT-2026"
    data["project"]["texts"] = {"content": content} if content else {}
    return read(data)


def panel_of(window: MainWindow) -> ProjectInfoPanel:
    assert window.editor is not None
    panel = window.editor.page("projectInfoPanel")
    assert isinstance(panel, ProjectInfoPanel)
    return panel


def child(window: QWidget, kind: type[QWidget], name: str) -> QWidget:
    found = window.findChild(kind, name)
    assert isinstance(found, kind), name
    return found


def type_line(field: QWidget, text: str) -> None:
    """Select what the field holds, type ``text`` over it and press Enter.

    Chinese goes in as an input method delivers it (QTest types ASCII only).
    """
    field.setFocus()
    line = field if isinstance(field, QLineEdit) else field.findChild(QLineEdit)
    assert isinstance(line, QLineEdit)
    line.selectAll()
    if not text:
        key_click(line, Qt.Key.Key_Delete)
    elif text.isascii():
        key_clicks(line, text)
    else:
        line.insert(text)
    key_click(line, Qt.Key.Key_Return)


def shown_messages(window: MainWindow) -> list[str]:
    return [
        label.text()
        for label in window.findChildren(QLabel, "fieldMessage")
        if label.isVisible() and label.text()
    ]


def test_typed_values_are_stored_undone_redone_and_shown_again(
    store: DeclarationStore, open_window: OpenWindow
) -> None:
    project_id = import_new(store, sz_project())
    original = content_key(store.load(project_id))
    window = open_window(project_id)
    assert window.document is not None
    said: list[str] = []
    window.document.notice.connect(said.append)
    type_line(child(window, QLineEdit, "projectNameEdit"), "新移交市政公园绿化养护（二期）")
    type_line(child(window, QLineEdit, "projectCodeEdit"), "XM2026-017")
    type_line(child(window, QLineEdit, "supervisorCodeEdit"), "302")
    unit = child(window, QLineEdit, "unitNameEdit")
    assert isinstance(unit, QLineEdit)
    unit.setText("示例区城市管理局\u200b（本级）")  # pasted from a web page
    unit.editingFinished.emit()
    type_line(child(window, QComboBox, "categoryCombo"), "其他运转类")
    attribute = child(window, QComboBox, "attributeCombo")
    attribute.setFocus()
    key_click(attribute, Qt.Key.Key_Down)  # 新增 → 延续
    type_line(child(window, QAbstractSpinBox, "periodEndSpin"), "2028")
    block = child(window, TextBlockEdit, "textBlock_content")
    assert isinstance(block, TextBlockEdit)
    block.setFocus()
    block.selectAll()
    block.insertPlainText("负责公园绿化养护")
    type_line(child(window, QLineEdit, "projectHeadEdit"), "王五")
    type_line(child(window, QLineEdit, "fillDateEdit"), "2026-1-5")
    assert window.flush()

    stored = store.load(project_id)
    assert isinstance(stored, ProjectDeclaration)
    info = stored.project
    assert (info.name, info.code, info.supervisor_code) == ("新移交市政公园绿化养护（二期）", "XM2026-017", "302")
    assert stored.unit_name == "示例区城市管理局（本级）"
    assert said and "不可见字符" in said[0]
    assert (info.category, info.attribute) == ("其他运转类", "延续")
    assert (info.period_start, info.period_end) == (2026, 2028)
    assert child(window, QLabel, "periodYearsLabel").property("text") == "共 3 年"
    assert info.texts == {"content": "负责公园绿化养护"}
    assert (stored.project_head, stored.footer.date) == ("王五", "2026-01-05")
    typed = content_key(stored)

    stack = window.document.undo_stack
    steps = stack.count()
    assert steps == 10  # one undo step per field typed
    for _ in range(steps):
        stack.undo()
    assert window.flush()
    assert content_key(store.load(project_id)) == original
    assert child(window, QLineEdit, "projectNameEdit").property("text") == "新移交市政公园绿化养护项目"
    for _ in range(steps):
        stack.redo()
    assert window.flush()
    assert content_key(store.load(project_id)) == typed

    window.close()
    again = open_window(project_id)
    assert child(again, QLineEdit, "projectCodeEdit").property("text") == "XM2026-017"
    assert child(again, QComboBox, "attributeCombo").property("currentText") == "延续"
    assert child(again, QComboBox, "categoryCombo").property("currentText") == "其他运转类"
    assert child(again, QAbstractSpinBox, "periodEndSpin").property("value") == 2028
    assert child(again, TextBlockEdit, "textBlock_content").property("plainText") == "负责公园绿化养护"
    assert child(again, QLineEdit, "projectHeadEdit").property("text") == "王五"
    assert child(again, QLineEdit, "fillDateEdit").property("text") == "2026-01-05"


def test_a_bad_year_is_refused_where_typed_and_an_empty_one_is_stored(
    store: DeclarationStore, open_window: OpenWindow
) -> None:
    project_id = import_new(store, sz_project())
    before = content_key(store.load(project_id))
    window = open_window(project_id)
    end = child(window, QAbstractSpinBox, "periodEndSpin")
    for typed in ("20", "999"):
        type_line(end, typed)
        assert window.flush()
        assert content_key(store.load(project_id)) == before
        messages = shown_messages(window)
        assert len(messages) == 1, messages
        assert "项目期终止年度应为 1000 至 9999" in messages[0] and f"“{typed}”未采用" in messages[0]
    type_line(child(window, QAbstractSpinBox, "periodStartSpin"), "")  # emptied: not yet known
    assert window.flush()
    stored = store.load(project_id)
    assert isinstance(stored, ProjectDeclaration)
    assert (stored.project.period_start, stored.project.period_end) == (None, 2026)
    assert shown_messages(window) == []
    assert child(window, QLabel, "periodYearsLabel").property("text") == ""


def test_the_task_link_says_what_it_matches(
    store: DeclarationStore, open_window: OpenWindow, seed_path: Path
) -> None:
    import_new(store, read_json_file(seed_path).declaration)
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    window = open_window(project_id)
    box = panel_of(window).task_box
    combo = box.combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert "重点片区建设（其他项目）" in names and "基本支出" not in names
    assert box.hint.text() == "已对应：重点片区建设（其他项目）"
    type_line(combo, "")  # empty: matched by the project's name
    assert box.hint.isVisible() and box.hint.text() == "按名称对应：重点片区建设（其他项目）"
    type_line(child(window, QLineEdit, "projectNameEdit"), "片区规划研究")
    assert box.hint.text().startswith("未找到对应任务")
    type_line(combo, "不存在的任务")
    assert box.hint.text() == "未找到对应任务：部门整体支出表中没有“不存在的任务”"
    assert window.flush()
    stored = store.load(project_id)
    assert isinstance(stored, ProjectDeclaration) and stored.project.task == "不存在的任务"
    combo.setCurrentIndex(names.index("重点片区建设（其他项目）"))
    combo.activated.emit(combo.currentIndex())
    assert box.hint.text() == "已对应：重点片区建设（其他项目）"


def test_the_task_list_follows_a_department_form_saved_in_another_window(
    store: DeclarationStore, open_window: OpenWindow, seed_path: Path
) -> None:
    seed_id = import_new(store, read_json_file(seed_path).declaration)
    window = open_window(import_new(store, read_json_file(ZDPQ).declaration))
    box = panel_of(window).task_box
    assert box.hint.text() == "已对应：重点片区建设（其他项目）"
    related = window.checks.related_forms()
    assert window.checks.related_forms() is related  # nothing changed: not read again
    seed = store.load(seed_id)
    seed.tasks[2].name = "重点片区建设"  # renamed in another window, while this page shows
    store.save(seed_id, seed)
    window.checks.related_watch.poll()  # what its timer does every 1.5 s
    assert window.checks.related_forms() is not related
    assert "重点片区建设" in [box.combo.itemText(i) for i in range(box.combo.count())]
    assert box.hint.text().startswith("未找到对应任务")


def test_no_department_form_is_said_until_the_unit_names_one(
    store: DeclarationStore, open_window: OpenWindow, qtbot: QtBot, seed_path: Path
) -> None:
    seed = read_json_file(seed_path).declaration
    import_new(store, seed)
    window = open_window(import_new(store, sz_project()))
    box = panel_of(window).task_box
    assert box.hint.isVisible() and "未找到本单位 2026 年的部门整体支出表" in box.hint.text()
    assert box.combo.count() == 0
    type_line(child(window, QLineEdit, "unitNameEdit"), seed.unit_name)  # the seed's unit
    assert box.hint.text() == "未找到对应任务：请从列表中选择所属任务"
    assert box.combo.count() == len(seed.tasks) - 1  # every task but 基本支出
    assert window.document is not None
    bare = ProjectInfoPanel(window.document)  # widget tests: no store, no hint
    qtbot.addWidget(bare)
    bare.show()
    assert not bare.task_box.hint.isVisible()


def test_tab_follows_the_form_as_read(store: DeclarationStore, open_window: OpenWindow) -> None:
    window = open_window(import_new(store, sz_project()))
    order = ["periodEndSpin", "taskLinkCombo", "textBlock_content", "preparerEdit", "phoneEdit"]
    field = child(window, QAbstractSpinBox, order[0])
    field.setFocus()
    for name in order[1:]:
        focused = QApplication.focusWidget()
        assert focused is not None
        key_click(focused, Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert focused is not None
        target = window.findChild(QWidget, name)
        assert target is not None and (focused is target or target.isAncestorOf(focused)), name


@pytest.mark.parametrize("profile", ["MOF-PROJECT-2021", "ANNUAL-PROJECT-2026", "SZ-PROJECT-2026"])
def test_nothing_is_cut_off_at_1280_by_800(
    store: DeclarationStore, open_window: OpenWindow, seed_path: Path, profile: str
) -> None:
    from tests.ui.cut_off import cut_off_widgets

    import_new(store, read_json_file(seed_path).declaration)  # the hint under the task link
    projects: dict[str, Callable[[], Declaration]] = {
        "MOF-PROJECT-2021": lambda: read_json_file(ZDPQ).declaration,
        "ANNUAL-PROJECT-2026": lambda: read(doc(ANNUAL)),
        "SZ-PROJECT-2026": lambda: sz_project("很长的主要内容。" * 120),
    }
    project = projects[profile]()
    assert project.profile_id == profile
    window = open_window(import_new(store, project))
    assert cut_off_widgets(panel_of(window)) == []
