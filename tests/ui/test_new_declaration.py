"""文件 → 新建: the kind, the profile, 年度, and a project's name and 实施单位."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop.domain.model import FORM_DEPARTMENT, FORM_PROJECT
from desktop.domain.project import ProjectDeclaration
from desktop.domain.project_profile import load_project_profile, project_profile_ids
from desktop.exchange.reader import read_json_file
from desktop.services.new_forms import NewDefaults, new_defaults
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore
from desktop.settings import Settings
from tests.qtkeys import key_click
from tests.ui.test_editor_window import type_text
from ui.dialogs.new_declaration import NewDeclarationDialog
from ui.main_window import MainWindow

ZDPQ = Path(__file__).resolve().parent.parent / "fixtures" / "project-futian-2026-zdpq.json"
SEED_UNIT = "深圳市福田区重点片区建设发展中心（本级）"
NEXT_YEAR = datetime.date.today().year + 1

Answer = Callable[[NewDeclarationDialog], None]


@pytest.fixture
def answer_new(monkeypatch: pytest.MonkeyPatch) -> list[Answer]:
    """The next 新建 dialogs are answered by these functions in turn, then 新建 is clicked
    (as the user would, only when enabled); each dialog is kept in the returned list's place."""
    answers: list[Answer] = []

    def run(dialog: NewDeclarationDialog) -> int:
        dialog.show()
        answers.pop(0)(dialog)
        if dialog.ok_button.isEnabled():
            dialog.ok_button.click()
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(NewDeclarationDialog, "exec", run)
    return answers


def _choose_project(qtbot: QtBot, profile_id: str, name: str, unit: str | None = None) -> Answer:
    def answer(dialog: NewDeclarationDialog) -> None:
        dialog.kind_buttons[FORM_PROJECT].click()
        dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData(profile_id))
        dialog.name_edit.setFocus()
        type_text(qtbot, dialog.name_edit, name)
        if unit is not None:
            dialog.unit_edit.clear()
            type_text(qtbot, dialog.unit_edit, unit)

    return answer


def _sections(window: MainWindow) -> list[str]:
    assert window.editor is not None
    return [window.editor.tabText(i) for i in range(window.editor.count())]


def _dialog(qtbot: QtBot, defaults: NewDefaults) -> NewDeclarationDialog:
    dialog = NewDeclarationDialog(defaults)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _defaults(kind: str = FORM_PROJECT, unit: str = SEED_UNIT) -> NewDefaults:
    return NewDefaults(kind, "SZ-DEPT-2026", "SZ-PROJECT-2026", 2027, unit)


@pytest.mark.parametrize("profile_id", project_profile_ids())
def test_a_project_of_each_shipped_profile_is_created_stored_and_opened(
    profile_id: str,
    answer_new: list[Answer],
    empty_window: MainWindow,
    store: DeclarationStore,
    qtbot: QtBot,
) -> None:
    answer_new.append(_choose_project(qtbot, profile_id, "档案数字化项目", "示例单位（本级）"))
    new_id = empty_window.controller.new()
    assert new_id is not None
    stored = store.load(new_id)
    assert isinstance(stored, ProjectDeclaration)
    assert (stored.profile_id, stored.year) == (profile_id, NEXT_YEAR)
    assert (stored.project.name, stored.unit_name) == ("档案数字化项目", "示例单位（本级）")
    profile = load_project_profile(profile_id)
    assert [(c.level1, c.level2) for c in stored.categories] == profile.profile.level2_keys()
    assert stored.mid_term is None and not stored.tasks and not stored.goals
    assert empty_window.document is not None and empty_window.document.declaration_id == new_id
    assert _sections(empty_window)[1] == "项目资金"
    assert store.summary(new_id).project_name == "档案数字化项目"


def test_the_department_form_is_what_new_makes_by_default(
    answer_new: list[Answer], empty_window: MainWindow, store: DeclarationStore
) -> None:
    seen: list[NewDeclarationDialog] = []
    answer_new.append(seen.append)
    new_id = empty_window.controller.new()
    assert new_id is not None
    dialog = seen[0]
    assert dialog.kind == FORM_DEPARTMENT and not dialog.name_edit.isVisible()
    assert dialog.profile_combo.currentData() == "SZ-DEPT-2026"
    stored = store.load(new_id)
    assert not isinstance(stored, ProjectDeclaration)
    assert (stored.form, stored.profile_id, stored.year) == (FORM_DEPARTMENT, "SZ-DEPT-2026", NEXT_YEAR)
    assert [t.name for t in stored.tasks] == ["基本支出"]
    assert _sections(empty_window)[1] == "主要任务与预算"


def test_enter_in_the_real_dialog_creates_the_department_form(
    empty_window: MainWindow, store: DeclarationStore, qtbot: QtBot
) -> None:
    def press_enter() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewDeclarationDialog)
        key_click(dialog.year_spin, Qt.Key.Key_Return)

    QTimer.singleShot(0, press_enter)
    new_id = empty_window.controller.new()
    assert new_id is not None and store.load(new_id).form == FORM_DEPARTMENT


def test_escape_cancels_and_creates_nothing(
    empty_window: MainWindow, store: DeclarationStore
) -> None:
    def press_escape() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewDeclarationDialog)
        key_click(dialog.year_spin, Qt.Key.Key_Escape)

    QTimer.singleShot(0, press_escape)
    assert empty_window.controller.new() is None
    assert store.list() == [] and empty_window.document is None


def test_ok_is_refused_with_a_reason_while_the_project_name_or_unit_is_empty(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, _defaults(unit=""))
    assert not dialog.ok_button.isEnabled()
    assert dialog.reason.text() == "请填写项目名称和实施单位。"
    key_click(dialog.name_edit, Qt.Key.Key_Return)  # Enter does not create an unnamed project
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    type_text(qtbot, dialog.name_edit, "重点片区建设")
    assert dialog.reason.text() == "请填写实施单位。" and not dialog.ok_button.isEnabled()
    type_text(qtbot, dialog.unit_edit, "某单位")
    assert dialog.reason.text() == "" and dialog.ok_button.isEnabled()
    dialog.name_edit.setText("   ")  # blanks are no name
    assert dialog.reason.text() == "请填写项目名称。" and not dialog.ok_button.isEnabled()
    dialog.kind_buttons[FORM_DEPARTMENT].click()  # a department form needs neither
    assert dialog.ok_button.isEnabled() and dialog.reason.text() == ""
    dialog.kind_buttons[FORM_PROJECT].click()
    assert not dialog.ok_button.isEnabled()
    dialog.name_edit.setText("重点片区建设")
    key_click(dialog.name_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    choice = dialog.choice()
    assert (choice.kind, choice.project_name, choice.unit_name) == (FORM_PROJECT, "重点片区建设", "某单位")


def test_the_inferred_layout_says_so_beside_its_title(qtbot: QtBot) -> None:
    dialog = _dialog(qtbot, _defaults())
    assert dialog.profile_combo.currentData() == "SZ-PROJECT-2026"
    note = load_project_profile("SZ-PROJECT-2026").inferred_note
    assert dialog.inferred_label.isVisible() and dialog.inferred_label.text() == "推断版式，待确认"
    assert note in dialog.inferred_label.toolTip() and "核实" in dialog.inferred_label.toolTip()
    assert note in dialog.description.text()
    assert "推断版式，待确认" in dialog.profile_combo.currentText()
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("MOF-PROJECT-2021"))
    assert not dialog.inferred_label.isVisible()
    assert dialog.description.text() == "中期与年度对照，金额单位：万元，横向打印"
    dialog.profile_combo.setCurrentIndex(dialog.profile_combo.findData("ANNUAL-PROJECT-2026"))
    assert dialog.description.text() == "仅年度目标，金额单位：万元"
    dialog.kind_buttons[FORM_DEPARTMENT].click()
    titles = [dialog.profile_combo.itemText(i) for i in range(dialog.profile_combo.count())]
    assert "深圳市部门（单位）整体支出绩效目标申报表（2026）" in titles
    assert not dialog.inferred_label.isVisible() and not dialog.description.isVisible()


def test_unit_is_prefilled_from_the_open_form_then_from_the_last_one_used(
    answer_new: list[Answer],
    empty_window: MainWindow,
    store: DeclarationStore,
    seed_path: Path,
    qtbot: QtBot,
) -> None:
    seen: list[NewDeclarationDialog] = []

    def look(dialog: NewDeclarationDialog) -> None:
        seen.append(dialog)

    seed_id = import_new(store, read_json_file(seed_path).declaration)
    empty_window.open_declaration(seed_id)
    choose = _choose_project(qtbot, "MOF-PROJECT-2021", "项目甲")

    def look_then_choose(dialog: NewDeclarationDialog) -> None:
        look(dialog)
        choose(dialog)

    answer_new.append(look_then_choose)
    first = empty_window.controller.new()
    assert first is not None and store.load(first).unit_name == SEED_UNIT
    assert seen[0].unit_edit.text() == SEED_UNIT  # from the open department form
    # Another project for another unit; with nothing open, that unit is offered next time.
    answer_new.append(_choose_project(qtbot, "MOF-PROJECT-2021", "项目乙", "另一单位"))
    empty_window.controller.new()
    empty_window.close_declaration()
    answer_new.append(look)
    empty_window.controller.new()
    again = seen[1]
    assert again.kind == FORM_PROJECT  # the kind chosen last
    assert again.profile_combo.currentData() == "MOF-PROJECT-2021"  # and its layout
    assert again.unit_edit.text() == "另一单位"
    assert again.name_edit.text() == ""  # a project name is never carried over
    remembered = Settings()
    assert remembered.get("new.unit_name") == "另一单位" and remembered.get("new.kind") == FORM_PROJECT
    empty_window.open_declaration(seed_id)  # the open form's unit wins over the one used last
    answer_new.append(look)
    empty_window.controller.new()
    assert seen[2].unit_edit.text() == SEED_UNIT


def test_remembered_choices_are_not_offered_as_settings(qtbot: QtBot) -> None:
    from ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    assert not [key for key in dialog.editors if key.startswith("new.")]


def test_new_from_last_year_of_a_project_is_the_same_project_next_year(
    seed_window: Callable[[int, int], MainWindow],
    store: DeclarationStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui.dialogs.year_replacements import YearReplacementsDialog

    window = seed_window(1280, 800)
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    window.open_declaration(project_id)
    old = store.load(project_id)
    assert isinstance(old, ProjectDeclaration)
    monkeypatch.setattr(YearReplacementsDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    window.window_actions["newFromLastYearAction"].trigger()
    new_id = window.document.declaration_id if window.document is not None else None
    assert new_id is not None and new_id != project_id
    new = store.load(new_id)
    assert isinstance(new, ProjectDeclaration)
    assert (new.year, new.project.name, new.unit_name) == (2027, old.project.name, old.unit_name)
    assert (new.project.period_start, new.project.period_end) == (2026, 2028)
    assert new.funds.fiscal == old.funds.fiscal and new.mid_in_use()
    assert _sections(window)[1] == "项目资金"


def test_new_from_the_sample_while_a_project_is_open_makes_a_department_form(
    seed_window: Callable[[int, int], MainWindow], store: DeclarationStore
) -> None:
    window = seed_window(1280, 800)
    project_id = import_new(store, read_json_file(ZDPQ).declaration)
    window.open_declaration(project_id)
    window.window_actions["newFromSampleAction"].trigger()
    assert window.document is not None
    assert window.document.declaration.form == FORM_DEPARTMENT
    assert _sections(window)[1] == "主要任务与预算"


def test_a_project_name_the_unit_already_has_that_year_is_pointed_out_but_allowed(
    qtbot: QtBot, store: DeclarationStore
) -> None:
    import_new(store, read_json_file(ZDPQ).declaration)
    defaults = new_defaults(
        kind=FORM_PROJECT,
        default_profile="SZ-DEPT-2026",
        last_project_profile="MOF-PROJECT-2021",
        year=2026,
        open_unit="",
        last_unit=SEED_UNIT,
        summaries=store.list(),
    )
    dialog = _dialog(qtbot, defaults)
    type_text(qtbot, dialog.name_edit, "重点片区建设(其他项目)")  # ASCII brackets: the same name
    assert dialog.reason.text() == "该单位本年度已有同名项目，新建将另存一份。"
    assert dialog.ok_button.isEnabled()
    dialog.year_spin.setValue(2027)  # next year's project is a new one
    assert dialog.reason.text() == ""


@pytest.mark.parametrize(
    ("kind", "focused"), [(FORM_PROJECT, "projectNameEdit"), (FORM_DEPARTMENT, "newYearSpin")]
)
def test_typing_starts_in_the_first_field_still_to_answer(
    qtbot: QtBot, kind: str, focused: str
) -> None:
    dialog = _dialog(qtbot, _defaults(kind))
    focus = dialog.focusWidget()
    assert focus is not None and focus.objectName() == focused
