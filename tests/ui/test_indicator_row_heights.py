"""Row heights of the indicator tree with 1,000 indicators: only rows on screen are measured,
a hidden tree measures nothing when the window is resized, and wrapped rows follow a new
column width once the resizing stops."""

from __future__ import annotations

from typing import Any

import pytest

from PySide6.QtWidgets import QStackedWidget, QWidget

from desktop.domain.profile import load_profile
from tests.synthetic import large_declaration
from ui.document import DeclarationDocument
from ui.indicators import delegates
from ui.indicators.model import Column
from ui.indicators.panel import IndicatorPanel


@pytest.fixture
def measured(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Rows whose height the delegate is asked for (one entry per sizeHint call)."""
    calls: list[int] = []
    real = delegates.IndicatorDelegate.sizeHint

    def counting(self: Any, option: Any, index: Any) -> Any:
        calls.append(index.row())
        return real(self, option, index)

    monkeypatch.setattr(delegates.IndicatorDelegate, "sizeHint", counting)
    return calls


def _large_panel(qtbot: Any) -> tuple[IndicatorPanel, DeclarationDocument]:
    declaration = large_declaration(1000)
    document = DeclarationDocument(declaration, load_profile(declaration.profile_id))
    panel = IndicatorPanel(document)
    qtbot.addWidget(panel)
    return panel, document


def test_only_rows_on_screen_are_measured(qtbot: Any, measured: list[int]) -> None:
    panel, _document = _large_panel(qtbot)
    panel.resize(1100, 700)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(200)
    # 1,000 rows × 5 columns would be 5,000 calls; a screenful (and the last one, for the
    # scroll bar) is a few hundred at most.
    assert 0 < len(measured) < 600


def test_hidden_tree_measures_nothing_on_resize_and_catches_up_when_shown(
    qtbot: Any, measured: list[int]
) -> None:
    panel, _document = _large_panel(qtbot)
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    other = QWidget()
    stack.addWidget(other)
    stack.addWidget(panel)
    stack.resize(1100, 700)
    stack.show()
    stack.setCurrentWidget(panel)
    qtbot.waitExposed(panel)
    qtbot.wait(200)
    view = panel.view
    index = panel.model.indicator_index(0, 0, Column.EXPLANATION)
    view.model().setData(index, "该指标主要考察重点片区建设项目的推进情况与成果质量。" * 3)
    qtbot.wait(200)
    wide = view.visualRect(index).height()
    stack.setCurrentWidget(other)
    measured.clear()
    for width in (900, 700, 500):
        stack.resize(width, 700)
        qtbot.wait(20)
    qtbot.wait(300)
    assert measured == []  # hidden: nothing measured while the window was resized
    stack.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: view.visualRect(index).height() > wide, timeout=3000)


def test_wrapped_rows_follow_the_column_width_after_resizing(qtbot: Any) -> None:
    panel, document = _large_panel(qtbot)
    panel.resize(1400, 700)
    panel.show()
    qtbot.waitExposed(panel)
    index = panel.model.indicator_index(0, 0, Column.EXPLANATION)
    panel.model.setData(index, "该指标主要考察重点片区建设项目的推进情况与成果质量。" * 3)
    qtbot.wait(300)
    before = panel.view.visualRect(index).height()
    panel.resize(700, 700)
    qtbot.waitUntil(lambda: panel.view.visualRect(index).height() > before, timeout=3000)
