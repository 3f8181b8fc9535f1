"""New, new from last year, from the sample, duplicate, delete, versions, history, settings."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QSpinBox,
    QTabBar,
    QTreeView,
    QWidget,
)

from desktop.app import make_main_window
from desktop.services.store import DeclarationStore
from desktop.settings import Settings
from ui.dialogs.history import HistoryDialog
from ui.dialogs.settings import SettingsDialog
from ui.dialogs.year_replacements import YearReplacementsDialog
from ui.indicators.panel import IndicatorPanel
from ui.library.dialog import IndicatorLibraryDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, store: DeclarationStore) -> MainWindow:
    win = make_main_window(db_path)
    assert isinstance(win, MainWindow)
    qtbot.addWidget(win)
    win.show()
    return win


W = TypeVar("W", bound=QWidget)


def _child(window: QWidget, kind: type[W], name: str) -> W:
    child = window.findChild(kind, name)
    assert child is not None, name
    return child


def _section(window: MainWindow, kind: type[W], name: str) -> W:
    """A section's page (the editor builds it when first asked for)."""
    assert window.editor is not None
    page = window.editor.page(name)
    assert isinstance(page, kind), name
    return page


def _page_name(window: MainWindow) -> str:
    page = window.stack.currentWidget()
    assert page is not None
    return page.objectName()


def _document_id(window: MainWindow) -> int:
    assert window.document is not None
    declaration_id = window.document.declaration_id
    assert declaration_id is not None
    return declaration_id


def test_start_page_then_new_declaration_with_header_fields(
    accept_new_dialog: list[object],
    window: MainWindow, store: DeclarationStore, qtbot: QtBot
) -> None:
    assert _page_name(window) == "startPage"
    assert not window.window_actions["saveVersionAction"].isEnabled()
    window.window_actions["newAction"].trigger()
    assert len(store.list()) == 1
    new_id = store.list()[0].id
    unit = _child(window, QLineEdit, "unitNameEdit")
    unit.setText("福田区某单位")
    unit.editingFinished.emit()
    _child(window, QSpinBox, "yearSpin").setValue(2031)
    window.flush()
    stored = store.load(new_id)
    assert (stored.unit_name, stored.year) == ("福田区某单位", 2031)
    assert all(not c.indicators for c in stored.categories)
    assert _section(window, IndicatorPanel, "indicatorPanel").empty_label.text().startswith("尚无绩效指标")
    window.window_actions["undoAction"].trigger()
    window.flush()
    assert store.load(new_id).year != 2031
    list_view = _child(window, QTreeView, "declarationList")
    assert list_view.model().index(0, 1).data() == "福田区某单位"


def test_sample_duplicate_and_delete_with_confirmation(
    window: MainWindow, store: DeclarationStore, answer_yes: list[str]
) -> None:
    window.window_actions["newFromSampleAction"].trigger()
    sample_id = _document_id(window)
    assert store.load(sample_id).indicator_count() == 29
    window.window_actions["duplicateDeclarationAction"].trigger()
    copy_id = _document_id(window)
    assert copy_id != sample_id and store.load(copy_id).indicator_count() == 29
    window.window_actions["deleteDeclarationAction"].trigger()
    assert answer_yes and "删除后无法恢复" in answer_yes[0]
    assert [s.id for s in store.list()] == [sample_id]
    assert window.document is None and _page_name(window) == "startPage"


def test_new_from_last_year_shows_each_replacement(
    window: MainWindow, store: DeclarationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.window_actions["newFromSampleAction"].trigger()
    old = store.load(_document_id(window))
    shown: list[str] = []

    def accept_all_but_first(dialog: YearReplacementsDialog) -> int:
        shown.extend(dialog.list.item(r).text() for r in range(dialog.list.count()))
        dialog.list.item(0).setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(YearReplacementsDialog, "exec", accept_all_but_first)
    window.window_actions["newFromLastYearAction"].trigger()
    new = store.load(_document_id(window))
    assert new.year == old.year + 1 and new.unit_name == old.unit_name
    assert new.indicator_count() == old.indicator_count()
    with_year = [i for i, g in enumerate(old.goals) if "2026" in g]
    assert len(with_year) >= 2 and shown[0].startswith(f"目标{with_year[0] + 1}")
    assert "原：" in shown[0] and "新：" in shown[0] and "2027" in shown[0]
    assert new.goals[with_year[0]] == old.goals[with_year[0]]  # unchecked: left alone
    assert new.goals[with_year[1]] == old.goals[with_year[1]].replace("2026", "2027")
    explanations = [i.explanation for _, i in new.iter_indicators()]
    assert any("2027年12月前" in e for e in explanations)


def test_versions_history_restore_and_final(
    window: MainWindow, store: DeclarationStore, monkeypatch: pytest.MonkeyPatch, answer_yes: list[str]
) -> None:
    window.window_actions["newFromSampleAction"].trigger()
    doc_id = _document_id(window)
    window.window_actions["saveVersionAction"].trigger()
    status = window.save_status.text()
    assert "第 1 版" in status and "指纹 c493b6999ea4" in status
    panel = _section(window, IndicatorPanel, "indicatorPanel")
    panel.model.setData(panel.model.indicator_index(0, 0), "改过的名称")
    window.flush()
    assert "已自动保存" in window.save_status.text()
    assert "c493b6999ea4" not in window.save_status.text()

    def restore_first(dialog: HistoryDialog) -> int:
        fingerprint = dialog.table.item(0, 2)
        assert dialog.table.rowCount() == 1 and fingerprint is not None
        assert fingerprint.text() == "c493b6999ea4"
        dialog.table.selectRow(0)
        dialog.restore_selected()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(HistoryDialog, "exec", restore_first)
    window.window_actions["historyAction"].trigger()
    assert store.load(doc_id).categories[0].indicators[0].name == "党组织建设事项数"
    assert panel.model.indicator_index(0, 0).data() == "党组织建设事项数"
    window.window_actions["markFinalAction"].trigger()  # the working copy equals version 1: mark it
    assert [(r.number, r.is_final) for r in store.revisions(doc_id)] == [(1, True)]
    assert _child(window, QTreeView, "declarationList").model().index(0, 4).data() == "定稿"


def test_library_adds_catalogue_and_stored_indicators(
    accept_new_dialog: list[object],
    window: MainWindow, store: DeclarationStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.window_actions["newFromSampleAction"].trigger()
    window.window_actions["newAction"].trigger()
    panel = _section(window, IndicatorPanel, "indicatorPanel")
    panel.view.setCurrentIndex(panel.model.category_index(2))  # 时效指标
    seen: dict[str, list[str]] = {}

    def pick(dialog: IndicatorLibraryDialog) -> int:
        dialog.search_edit.setText("及时率")
        texts = [dialog.results.item(r).text() for r in range(dialog.results.count())]
        seen["texts"] = texts
        catalogue = next(r for r, t in enumerate(texts) if "指标库" in t)
        dialog.results.setCurrentRow(catalogue)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(IndicatorLibraryDialog, "exec", pick)
    panel.open_library()
    texts = seen["texts"]
    assert texts and all("及时" in t for t in texts)
    assert any("2026 深圳市福田区" in t for t in texts)  # from the other stored declaration
    added = panel.model.categories[2].indicators
    assert len(added) == 1 and "及时率" in added[0].name
    assert added[0].value and added[0].unit == ""


def test_settings_dialog_groups_and_saves(qtbot: QtBot) -> None:
    settings = Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    tab_bar = dialog.findChild(QTabBar, "qt_tabwidget_tabbar")
    assert tab_bar is not None
    tabs = [tab_bar.tabText(i) for i in range(3)]
    assert {"编辑", "打印与导出"} <= set(tabs)
    profile_box = dialog.editors["editor.default_profile"]
    assert isinstance(profile_box, QComboBox)
    profile_box.setCurrentIndex(profile_box.findData("MOF-2021"))
    signature_box = dialog.editors["print.signature_block"]
    assert isinstance(signature_box, QCheckBox)
    signature_box.setChecked(True)
    dialog.apply()
    again = Settings()
    assert again.get("editor.default_profile") == "MOF-2021"
    assert again.get("print.signature_block") is True


def test_settings_that_cannot_be_saved_are_reported(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    from desktop.settings import SettingsSaveError
    from ui.dialogs import settings as settings_dialog

    settings = Settings()

    def refuse(self: Settings) -> None:
        raise SettingsSaveError("无法保存设置：设置文件夹只读")

    monkeypatch.setattr(Settings, "save", refuse)
    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", lambda self: 1)
    monkeypatch.setattr(
        settings_dialog.SettingsDialog,
        "values",
        lambda self: {"print.signature_block": True},
    )
    assert settings_dialog.edit_settings(settings, None)
    assert warnings and "只读" in warnings[0]
    assert settings.get("print.signature_block") is True  # kept for this session


def test_a_damaged_settings_file_is_said_once_in_the_status_bar(qtbot: QtBot, tmp_path: Path) -> None:
    from desktop.app import make_main_window
    from desktop.settings import config_dir

    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.json").write_text("{broken", encoding="utf-8")
    window = make_main_window(tmp_path / "s.sqlite3")
    qtbot.addWidget(window)
    assert "已损坏" in window.statusBar().currentMessage()
