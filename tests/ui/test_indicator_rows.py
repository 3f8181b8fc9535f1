"""Row heights of the indicator tree: every 三级指标 and 指标解释 is shown whole, never elided.

The height a cell needs is asked of Qt's own item delegate with the cell's real rectangle (what
the painter will use), so the test does not repeat the panel's arithmetic.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.rules.engine import check_declaration
from ui.document import DeclarationDocument
from ui.findings.row_marks import RowMarks
from ui.indicators.model import Column
from ui.indicators.panel import IndicatorPanel
from ui.indicators.view import IndicatorTreeView

LONG_NAME = "形成VI系统设计成果数量及片区标识导视系统设计方案深化成果数量"


def _needed_height(view: IndicatorTreeView, index: QModelIndex) -> int:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    option.fontMetrics = view.fontMetrics()
    option.rect = view.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
    small = view.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view)
    option.decorationSize = view.iconSize() if view.iconSize().isValid() else QSize(small, small)
    option.decorationPosition = QStyleOptionViewItem.Position.Left
    option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    plain = QStyledItemDelegate()
    return plain.sizeHint(option, index).height()


def _cramped(view: IndicatorTreeView) -> list[str]:
    """The texts whose row is lower than the wrapped text needs (Qt would elide them)."""
    model = view.tree_model
    cramped: list[str] = []
    for cat_index, category in enumerate(model.categories):
        for row in range(len(category.indicators)):
            for column in (Column.NAME, Column.EXPLANATION):
                index = model.indicator_index(cat_index, row, column)
                if view.visualRect(index).height() < _needed_height(view, index):
                    cramped.append(str(index.data()))
    return cramped


def _panel(qtbot: QtBot, document: DeclarationDocument, width: int) -> IndicatorPanel:
    panel = IndicatorPanel(document)
    qtbot.addWidget(panel)
    panel.resize(width, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_wrapped_rows_are_tall_enough_for_their_whole_text(
    qtbot: QtBot, seed_document: DeclarationDocument
) -> None:
    seed_document.declaration.categories[0].indicators[3].name = LONG_NAME
    for width in (760, 1000):
        panel = _panel(qtbot, seed_document, width)
        assert _cramped(panel.view) == []


def test_rows_with_a_finding_icon_wrap_like_the_others(
    qtbot: QtBot, seed_document: DeclarationDocument
) -> None:
    seed_document.declaration.categories[0].indicators[3].name = LONG_NAME
    panel = _panel(qtbot, seed_document, 800)
    declaration = seed_document.declaration
    marks = RowMarks(check_declaration(declaration), declaration)
    panel.model.set_marks(marks)
    marked = [
        (c, r)
        for c, category in enumerate(panel.model.categories)
        for r in range(len(category.indicators))
        if marks.indicator(c, r) is not None
    ]
    assert len(marked) >= 10  # the seed has findings on many rows: icons are shown
    qtbot.wait(50)
    assert _cramped(panel.view) == []
    # And when the findings go away, the rows are measured again for the wider text.
    panel.model.set_marks(RowMarks())
    qtbot.wait(50)
    assert _cramped(panel.view) == []
