"""The indicator library: the bundled catalogue and the user's other declarations, searched as
you type, for the current level-2 category."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QDialog

from desktop.app import make_main_window
from desktop.services.store import DeclarationStore
from tests.qtkeys import key_clicks
from ui.indicators.panel import IndicatorPanel
from ui.library.dialog import IndicatorLibraryDialog
from ui.main_window import MainWindow


def _panel(window: MainWindow) -> IndicatorPanel:
    assert window.editor is not None
    panel = window.editor.page("indicatorPanel")
    assert isinstance(panel, IndicatorPanel)
    return panel


def _texts(dialog: IndicatorLibraryDialog) -> list[str]:
    return [dialog.results.item(r).text() for r in range(dialog.results.count())]


@pytest.fixture
def empty_window(
    accept_new_dialog: list[object], qtbot: QtBot, db_path: Path, store: DeclarationStore
) -> MainWindow:
    window = make_main_window(db_path)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    window.window_actions["newAction"].trigger()  # the only declaration in the store
    return window


def test_library_on_an_empty_store_offers_the_catalogue_of_the_category(
    empty_window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    panel = _panel(empty_window)
    cost = [c.level2 for c in panel.model.categories].index("成本指标")
    panel.view.setCurrentIndex(panel.model.category_index(cost))
    seen: dict[str, Any] = {}

    def pick(dialog: IndicatorLibraryDialog) -> int:
        seen["title"] = dialog.windowTitle()
        seen["all"] = _texts(dialog)
        key_clicks(dialog.search_edit, "")
        dialog.search_edit.insert("会议")  # typed through the input method: filters at once
        seen["meeting"] = _texts(dialog)
        dialog.search_edit.clear()
        dialog.search_edit.insert("zzzz不存在")
        seen["nothing"] = (dialog.results.count(), dialog.count_label.text())
        dialog.search_edit.clear()
        dialog.search_edit.insert("会议")
        return QDialog.DialogCode.Accepted  # Enter: the first result is the current one

    monkeypatch.setattr(IndicatorLibraryDialog, "exec", pick)
    panel.open_library()
    assert "成本指标" in seen["title"]
    assert len(seen["all"]) >= 10 and all("— 指标库" in t for t in seen["all"])
    assert seen["meeting"] and all("会议" in t for t in seen["meeting"])
    assert seen["meeting"][0].startswith("人均日会议费用")
    assert seen["nothing"][0] == 0 and "没有匹配" in seen["nothing"][1]
    added = panel.model.categories[cost].indicators
    assert [(i.name, i.value) for i in added] == [("人均日会议费用", "≤550元/人·天")]
    assert "会议费" in added[0].explanation
    panel.document.undo_stack.undo()
    assert panel.model.categories[cost].indicators == []


def test_library_lists_other_declarations_and_names_first(
    qtbot: QtBot, seed_window: Callable[[int, int], MainWindow], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_window(1280, 800)  # one stored copy of the seed ...
    window = seed_window(1280, 800)  # ... and this one: the first is "another declaration"
    panel = _panel(window)
    satisfaction = [c.level2 for c in panel.model.categories].index("服务对象满意度指标")
    panel.view.setCurrentIndex(panel.model.indicator_index(satisfaction, 0))
    seen: dict[str, list[str]] = {}

    def pick(dialog: IndicatorLibraryDialog) -> int:
        dialog.search_edit.insert("满意度")
        seen["texts"] = _texts(dialog)
        dialog.search_edit.clear()
        dialog.search_edit.insert("群众")  # in names, and in explanations of other entries
        seen["complaints"] = _texts(dialog)
        dialog.search_edit.clear()
        dialog.search_edit.insert("满意度")
        dialog.all_categories.setChecked(True)
        seen["all"] = _texts(dialog)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(IndicatorLibraryDialog, "exec", pick)
    before = panel.document.declaration.indicator_count()
    panel.open_library()
    texts = seen["texts"]
    assert any("— 2026 " in t for t in texts), "indicators of the other stored declaration"
    assert any("— 指标库" in t for t in texts)
    names = [t.split("    ")[0] for t in seen["complaints"]]
    with_name = [("群众" in n) for n in names]
    assert True in with_name and False in with_name
    assert with_name == sorted(with_name, reverse=True)  # name matches first
    assert len(seen["all"]) > len(texts) and any("［" in t for t in seen["all"])
    assert panel.document.declaration.indicator_count() == before  # cancelled: nothing added
