"""Issue 10 reproductions in the window: bad values are refused where typed, nothing is stored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox

from desktop.services.store import DeclarationStore
from tests.qtkeys import key_click, key_clicks
from ui.goals.editor import GoalsEditor
from ui.indicators.model import Column, IndicatorTreeModel
from ui.indicators.panel import IndicatorPanel
from ui.main_window import MainWindow
from ui.sections import section_index


@pytest.fixture
def window(seed_window: Callable[[int, int], MainWindow]) -> MainWindow:
    made = seed_window(1280, 800)
    made.show_section(section_index("基本信息"))
    return made


def _type_date(window: MainWindow, text: str) -> QLineEdit:
    edit = window.findChild(QLineEdit, "fillDateEdit")
    assert edit is not None
    edit.setText(text)
    edit.editingFinished.emit()
    return edit


def _shown_messages(window: MainWindow) -> list[str]:
    return [
        label.text()
        for label in window.findChildren(QLabel, "fieldMessage")
        if label.isVisible() and label.text()
    ]


def test_an_impossible_date_is_refused_at_the_field_and_nothing_is_stored(
    window: MainWindow, store: DeclarationStore, tmp_path: Path
) -> None:
    assert window.document is not None and window.document.declaration_id is not None
    declaration_id = window.document.declaration_id
    for typed in ("2026-02-30", "2025-11-31"):
        _type_date(window, typed)
        assert window.flush()
        assert window.document.declaration.footer.date == ""
        assert store.load(declaration_id).footer.date == ""
        messages = _shown_messages(window)
        assert len(messages) == 1 and "没有 3" in messages[0] and typed in messages[0]
    # What used to freeze an unreadable revision now works, and so does everything after it.
    assert window.controller.save_version() == 2
    assert window.output.export_to(tmp_path / "out.json")
    assert store.load_revision(declaration_id, 2).footer.date == ""


def test_a_short_date_is_stored_normalised_and_shown_so(
    window: MainWindow, store: DeclarationStore
) -> None:
    assert window.document is not None and window.document.declaration_id is not None
    edit = _type_date(window, "2026-1-5")
    assert window.flush()
    assert store.load(window.document.declaration_id).footer.date == "2026-01-05"
    assert edit.text() == "2026-01-05"
    _type_date(window, "2026年1月6日")
    assert window.document.declaration.footer.date == "2026-01-06"
    assert _shown_messages(window) == []


def test_the_year_1999_is_kept_not_silently_reverted(
    window: MainWindow, store: DeclarationStore, qtbot: QtBot
) -> None:
    assert window.document is not None and window.document.declaration_id is not None
    spin = window.findChild(QSpinBox, "yearSpin")
    assert spin is not None
    spin.setFocus()
    spin.selectAll()
    key_clicks(spin, "1999")
    key_click(spin, Qt.Key.Key_Return)
    assert window.flush()
    assert store.load(window.document.declaration_id).year == 1999
    assert _shown_messages(window) == []
    # what cannot be a year is not taken, and the field says so instead of reverting silently
    spin.setFocus()
    spin.selectAll()
    key_clicks(spin, "99")
    key_click(spin, Qt.Key.Key_Return)
    assert window.document.declaration.year == 1999
    messages = _shown_messages(window)
    assert len(messages) == 1 and "1000 至 9999" in messages[0] and "99" in messages[0]


def _indicator_panel(window: MainWindow) -> IndicatorPanel:
    panel = window.findChild(IndicatorPanel, "indicatorPanel")
    assert panel is not None
    return panel


def _indicator_model(window: MainWindow) -> IndicatorTreeModel:
    return _indicator_panel(window).model


def test_not_applicable_beside_real_rows_is_refused_at_the_cell(
    window: MainWindow, store: DeclarationStore, tmp_path: Path, warnings: list[str]
) -> None:
    """S10: used to freeze an unreadable revision; the GUI export then showed a raw path."""
    assert window.document is not None and window.document.declaration_id is not None
    model = _indicator_model(window)
    cat_index = next(i for i, c in enumerate(model.categories) if len(c.indicators) >= 2)
    before = store.load(window.document.declaration_id)
    assert model.setData(model.indicator_index(cat_index, 1, Column.NAME), "不适用")
    refused: list[str] = []
    model.refused.connect(lambda _index, reason: refused.append(reason))
    assert not model.setData(model.indicator_index(cat_index, 1, Column.VALUE), "不适用")
    assert len(refused) == 1 and "S10" in refused[0]
    message = _indicator_panel(window).message
    assert not message.isHidden() and "S10" in message.text()
    assert model.categories[cat_index].indicators[1].value == before.categories[cat_index].indicators[1].value
    assert window.output.export_to(tmp_path / "out.xlsx")
    assert warnings == []


def test_invisible_characters_are_removed_on_entry_and_said(
    window: MainWindow, store: DeclarationStore
) -> None:
    assert window.document is not None and window.document.declaration_id is not None
    said: list[str] = []
    window.document.notice.connect(said.append)
    edit = window.findChild(QLineEdit, "unitNameEdit")
    assert edit is not None
    edit.setText("\ufeff福田区\u200b财政局\u2028")
    edit.editingFinished.emit()
    model = _indicator_model(window)
    cat_index = next(i for i, c in enumerate(model.categories) if c.indicators)
    assert model.setData(model.indicator_index(cat_index, 0, Column.EXPLANATION), "说明\u000b第二行\ufffe")
    assert window.flush()
    stored = store.load(window.document.declaration_id)
    assert stored.unit_name == "福田区财政局"
    assert stored.categories[cat_index].indicators[0].explanation == "说明\n第二行"
    assert len(said) == 2 and all("不可见字符" in s for s in said)
    assert "不可见字符" in window.statusBar().currentMessage()


def test_pasting_not_applicable_rows_beside_real_ones_is_refused_and_pasted_text_is_cleaned(
    qtbot: QtBot, seed_document: object
) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.document import DeclarationDocument
    from ui.indicators.panel import IndicatorPanel

    assert isinstance(seed_document, DeclarationDocument)
    panel = IndicatorPanel(seed_document)
    qtbot.addWidget(panel)
    model = panel.model
    cat_index = next(i for i, c in enumerate(model.categories) if c.indicators)
    before = [i.name for i in model.categories[cat_index].indicators]
    panel.view.setCurrentIndex(model.indicator_index(cat_index, 0))
    QApplication.clipboard().setText("不适用\t不适用\t\t\r\n")
    panel._paste(panel.ops.paste)
    assert [i.name for i in model.categories[cat_index].indicators] == before
    assert "未粘贴" in panel.status.text() and "S10" in panel.status.text()
    said: list[str] = []
    seed_document.notice.connect(said.append)
    QApplication.clipboard().setText("来自\u200b网页的指标\t≥95%\t\t说明\u000b第二行\r\n")
    assert panel.ops.paste() == 1
    assert len(said) == 1 and "不可见字符" in said[0]
    pasted = model.categories[cat_index].indicators[1]
    assert (pasted.name, pasted.explanation) == ("来自网页的指标", "说明\n第二行")


def test_a_goal_typed_with_its_number_is_stored_without_it(
    window: MainWindow, store: DeclarationStore
) -> None:
    from ui.goals.model import GoalColumn

    assert window.editor is not None and window.document is not None
    editor = window.findChild(GoalsEditor, "goalsEditor")
    assert editor is not None
    model = editor.model
    assert model.setData(model.index(1, GoalColumn.TEXT), "目标2：加强预算管理")
    assert window.flush()
    assert window.document.declaration_id is not None
    assert store.load(window.document.declaration_id).goals[1] == "加强预算管理"
    assert window.controller.save_version() == 2
