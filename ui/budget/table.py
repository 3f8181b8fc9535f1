"""The task table and, under it, a frozen view of the 金额合计 row on the same model.

``budgetTable`` shows the task rows (its model's last row, 金额合计, is hidden there); the
footer view ``budgetTotalRow`` shows only that last row, so it never scrolls away and can never be
selected, edited, moved or pasted over. Column widths and horizontal scrolling are kept in step.
A short table is only as tall as its rows, so 金额合计 sits right under the last task; the room
below stays empty.
"""

from __future__ import annotations

from collections.abc import Sequence

from typing_extensions import override

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.budget.delegates import AmountDelegate, TextDelegate
from ui.budget.model import BudgetTableModel, Column
from ui.budget.row_drag import RowDragView

#: Column widths in characters of the view's font (names wrap; amounts fit 9,999,999.99; larger ones widen by hand).
_NAME_CHARS = 8
_MIN_CONTENT_CHARS = 12
_AMOUNT_SAMPLE = "9,999,999.99"


class _TaskView(RowDragView):
    """The task rows; changes to the 金额合计 row (hidden here) are the footer's business."""

    @override
    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        model = self.model()
        if isinstance(model, BudgetTableModel) and top_left.row() == model.total_row():
            # Qt would repaint the whole height of those columns for the hidden row: on every
            # keystroke of a live total. The footer view shows that row.
            return
        super().dataChanged(top_left, bottom_right, list(roles))


class _FooterView(QTableView):
    def set_right_margin(self, width: int) -> None:
        self.setViewportMargins(0, 0, width, 0)


class BudgetTable(QWidget):
    """``view`` (the editable task rows) above ``footer`` (the pinned 金额合计 row)."""

    def __init__(self, model: BudgetTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = _TaskView(self)
        self.view.setObjectName("budgetTable")
        self.footer = _FooterView(self)
        self.footer.setObjectName("budgetTotalRow")
        self.amount_delegate = AmountDelegate(self)
        self.text_delegate = TextDelegate(self)
        self.name_delegate = TextDelegate(self, multiline=False)
        self._hidden_row = -1
        # Row heights follow the wrapped texts; recomputed once after a burst of column resizes.
        self._row_heights = QTimer(self)
        self._row_heights.setSingleShot(True)
        self._row_heights.timeout.connect(self._resize_rows)
        self._setup_view()
        self._setup_footer()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.footer)
        # Takes the height the view does not need (its maximum is its content, see _fit_height).
        layout.addStretch(0)
        for signal in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
            signal.connect(self._layout_rows)
        model.dataChanged.connect(self._on_data_changed)
        self._layout_rows()

    def _setup_view(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setWordWrap(True)
        view.setAlternatingRowColors(False)  # the model tints alternate rows (see its data)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.verticalHeader().setVisible(False)
        view.setItemDelegateForColumn(Column.NAME, self.name_delegate)
        view.setItemDelegateForColumn(Column.CONTENT, self.text_delegate)
        for column in (Column.TOTAL, Column.FISCAL, Column.OTHER):
            view.setItemDelegateForColumn(column, self.amount_delegate)
        header = view.horizontalHeader()
        metrics = view.fontMetrics()
        char = metrics.horizontalAdvance("中")
        view.setColumnWidth(Column.NAME, char * _NAME_CHARS + 16)
        for column in (Column.TOTAL, Column.FISCAL, Column.OTHER):
            view.setColumnWidth(column, metrics.horizontalAdvance(_AMOUNT_SAMPLE) + 14)
        self._min_content = char * _MIN_CONTENT_CHARS
        view.viewport().installEventFilter(self)
        header.sectionResized.connect(self._on_section_resized)
        view.horizontalScrollBar().valueChanged.connect(self.footer.horizontalScrollBar().setValue)
        view.verticalScrollBar().rangeChanged.connect(lambda *_: self._align_footer())
        # (resizeRowsToContents does not emit sectionResized: see _resize_rows.)
        view.verticalHeader().sectionResized.connect(lambda *_: self._fit_height())
        view.horizontalScrollBar().rangeChanged.connect(lambda *_: self._fit_height())

    def _setup_footer(self) -> None:
        footer = self.footer
        footer.setModel(self.model)
        # Its own delegate: a shared one would send the task view's commits to the footer too.
        marks = AmountDelegate(footer)
        for column in (Column.TOTAL, Column.FISCAL, Column.OTHER):
            footer.setItemDelegateForColumn(column, marks)
        footer.horizontalHeader().setVisible(False)
        footer.verticalHeader().setVisible(False)
        footer.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        footer.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        footer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Fixed: an expanding footer would take the spare height and sink to the bottom.
        footer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        footer.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        footer.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for index in range(self.model.columnCount()):
            footer.setColumnWidth(index, self.view.columnWidth(index))

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_content_column()
        return super().eventFilter(watched, event)

    def _fit_content_column(self) -> None:
        """主要内容 takes the room the other columns leave, but never less than it needs to read."""
        others = sum(self.view.columnWidth(c) for c in Column if c != Column.CONTENT)
        room = self.view.viewport().width() - others
        width = max(room, self._min_content)
        if self.view.columnWidth(Column.CONTENT) != width:
            self.view.setColumnWidth(Column.CONTENT, width)

    def _on_section_resized(self, column: int, _old: int, new: int) -> None:
        self.footer.setColumnWidth(column, new)
        if column in (Column.NAME, Column.CONTENT):
            self._row_heights.start(0)

    def _layout_rows(self, *_args: object) -> None:
        """Hide 金额合计 in the task view and everything else in the footer."""
        last = self.model.total_row()
        if self._hidden_row not in (-1, last) and self._hidden_row < self.model.rowCount():
            self.view.setRowHidden(self._hidden_row, False)
        self.view.setRowHidden(last, True)
        self._hidden_row = last
        for row in range(last):
            self.footer.setRowHidden(row, True)
        self.footer.setRowHidden(last, False)
        self.footer.resizeRowToContents(last)
        frame = 2 * self.footer.frameWidth()
        self.footer.setFixedHeight(self.footer.rowHeight(last) + frame)
        self._resize_rows()
        self._align_footer()

    def _resize_rows(self) -> None:
        self.view.resizeRowsToContents()
        self._fit_height()

    def _fit_height(self) -> None:
        """At most as tall as header plus task rows (a horizontal scroll bar included)."""
        view = self.view
        height = view.horizontalHeader().sizeHint().height() + view.verticalHeader().length()
        height += 2 * view.frameWidth()
        bar = view.horizontalScrollBar()
        if bar.maximum() > 0:
            height += bar.sizeHint().height()
        # Room for at least two more rows' worth, so an empty table still offers a target.
        height = max(height, view.horizontalHeader().sizeHint().height() * 3)
        if view.maximumHeight() != height:
            view.setMaximumHeight(height)

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
        # Texts change row heights; the live amount preview (roles given) never does.
        if not roles and top.column() <= Column.CONTENT and top.row() < self.model.total_row():
            for row in range(top.row(), bottom.row() + 1):
                self.view.resizeRowToContents(row)
            self._fit_height()

    def _align_footer(self) -> None:
        bar = self.view.verticalScrollBar()
        self.footer.set_right_margin(bar.sizeHint().width() if bar.maximum() > 0 else 0)
