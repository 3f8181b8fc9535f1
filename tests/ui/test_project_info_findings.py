"""The project's 基本信息 and the findings: marked fields, jumps to a finding's field, and
read-only viewing that cannot change anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QWidget

from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_file
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore
from tests.project.helpers import ZDPQ
from tests.qtkeys import key_click, key_clicks
from tests.ui.test_project_info import OpenWindow, open_window, panel_of, sz_project
from ui.main_window import MainWindow
from ui.navigation import go_to_where
from ui.project.text_block_edit import TextBlockEdit

__all__ = ["open_window"]  # the fixture, shared with test_project_info.py


def _checked_window(
    store: DeclarationStore, open_window: OpenWindow, qtbot: QtBot, seed_path: Path
) -> MainWindow:
    """The seed's unit with a project lacking its name and end year, whose 主要内容 mixes
    punctuation: P06, P01, T03 and (no task matches an empty name) C02 info."""
    seed = read_json_file(seed_path).declaration
    import_new(store, seed)
    project = sz_project("日常养护,包括修剪。")
    project.unit_name, project.project.name, project.project.period_end = seed.unit_name, "", None
    window = open_window(import_new(store, project))
    checker = window.checks.checker
    qtbot.waitUntil(lambda: bool(checker.findings), timeout=5000)
    return window


def test_fields_named_by_findings_are_marked(
    store: DeclarationStore, open_window: OpenWindow, qtbot: QtBot, seed_path: Path
) -> None:
    window = _checked_window(store, open_window, qtbot, seed_path)
    rules = {(f.rule, f.where) for f in window.checks.checker.findings}
    expected = {
        "project.name": "P06",
        "project.period_end": "P01",
        "project.texts.content": "T03",
        "project.task": "C02",
    }
    assert {(rule, where) for where, rule in expected.items()} <= rules
    marks = panel_of(window).marks
    qtbot.waitUntil(lambda: marks.marked("project.name") is not None, timeout=5000)
    for where, rule in expected.items():
        tooltip = marks.marked(where)
        assert tooltip is not None and f"（{rule}）" in tooltip, where
        field = marks.fields[where]
        assert marks.shows_mark(where) and f"（{rule}）" in field.toolTip()
    assert marks.marked("project.code") is None and not marks.shows_mark("project.code")


JUMPS = [
    ("project.period_end", QAbstractSpinBox, "periodEndSpin"),
    ("project.period_start", QAbstractSpinBox, "periodStartSpin"),
    ("project.texts.content", TextBlockEdit, "textBlock_content"),
    ("project.attribute", QComboBox, "attributeCombo"),
    ("project.task", QComboBox, "taskLinkCombo"),
    ("unit_name", QLineEdit, "unitNameEdit"),
    ("supervisor", QLineEdit, "supervisorEdit"),
    ("year", QAbstractSpinBox, "yearSpin"),
    ("footer.date", QLineEdit, "fillDateEdit"),
    ("footer.project_head", QLineEdit, "projectHeadEdit"),
]


@pytest.mark.parametrize(("where", "kind", "name"), JUMPS)
def test_a_finding_jump_focuses_its_field(
    store: DeclarationStore, open_window: OpenWindow, where: str, kind: type[QWidget], name: str
) -> None:
    window = open_window(import_new(store, sz_project()))
    assert window.editor is not None
    window.show_section(1)  # 项目资金: the jump must come back to 基本信息
    assert go_to_where(window.editor, where)
    assert window.editor.currentIndex() == 0
    target = window.findChild(kind, name)
    assert isinstance(target, QWidget)
    focused = QApplication.focusWidget()
    assert focused is not None and (focused is target or target.isAncestorOf(focused)), where


def test_a_jump_to_something_not_on_the_page_says_so(
    store: DeclarationStore, open_window: OpenWindow
) -> None:
    window = open_window(import_new(store, sz_project()))
    assert not panel_of(window).focus_where("project.texts.overview")


def test_read_only_viewing_cannot_change_anything(
    store: DeclarationStore, open_window: OpenWindow, qtbot: QtBot, seed_path: Path
) -> None:
    import_new(store, read_json_file(seed_path).declaration)
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    before = content_key(store.load(project_id))
    editing = open_window(project_id)
    viewing = open_window(project_id)
    assert editing.read_only is None and viewing.read_only is not None
    assert viewing.document is not None
    name = viewing.findChild(QLineEdit, "projectNameEdit")
    assert isinstance(name, QLineEdit) and name.isReadOnly()
    name.setFocus()
    key_clicks(name, "abc")
    key_click(name, Qt.Key.Key_Return)
    assert name.text() == "重点片区建设（其他项目）"
    for combo in ("attributeCombo", "categoryCombo", "taskLinkCombo"):
        found = viewing.findChild(QComboBox, combo)
        assert isinstance(found, QComboBox) and not found.isEnabled(), combo
    for spin in ("yearSpin", "periodStartSpin", "periodEndSpin"):
        found_spin = viewing.findChild(QAbstractSpinBox, spin)
        assert isinstance(found_spin, QAbstractSpinBox) and found_spin.isReadOnly(), spin
    head = viewing.findChild(QLineEdit, "projectHeadEdit")
    assert isinstance(head, QLineEdit) and head.isReadOnly()
    # An edit that still reaches the undo stack is taken back at once.
    head.setText("不应保存")
    head.editingFinished.emit()
    qtbot.waitUntil(lambda: viewing.document is not None and viewing.document.undo_stack.count() == 0)
    assert viewing.document.declaration.project_head == ""  # type: ignore[attr-defined]
    assert editing.flush()
    assert content_key(store.load(project_id)) == before


def test_a_broken_task_link_is_checked_live_and_marked(
    store: DeclarationStore, open_window: OpenWindow, qtbot: QtBot, seed_path: Path
) -> None:
    from tests.ui.test_project_info import type_line

    import_new(store, read_json_file(seed_path).declaration)
    window = open_window(import_new(store, read_json_file(ZDPQ).declaration))
    checker = window.checks.checker
    qtbot.waitUntil(lambda: bool(checker.findings), timeout=5000)
    assert not any(f.rule == "C02" for f in checker.findings)
    box = panel_of(window).task_box
    type_line(box.combo, "不存在的任务")
    qtbot.waitUntil(lambda: any(f.where == "project.task" for f in checker.findings), timeout=5000)
    marks = panel_of(window).marks
    qtbot.waitUntil(lambda: marks.marked("project.task") is not None, timeout=5000)
    assert "不存在的任务" in (marks.marked("project.task") or "")
    assert window.document is not None
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: marks.marked("project.task") is None, timeout=5000)
    assert box.hint.text() == "已对应：重点片区建设（其他项目）"
