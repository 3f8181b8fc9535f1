"""The 项目资金 table view: as large as its cells, amounts edited by the department's delegate."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSizePolicy, QTableView, QWidget

from ui.budget.delegates import AmountDelegate
from ui.project.funds_model import FundsTableModel

#: Every column fits an amount of 12 integer digits (a 元 profile's largest) with separators.
_AMOUNT_SAMPLE = "99,999,999,999.99"


class FundsTable(QTableView):
    """Rows and columns of :class:`FundsTableModel`; ``parse`` reads typed text (unit aware)."""

    def __init__(
        self, model: FundsTableModel, parse: Callable[[str], Decimal], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectFundsTable")
        self.setModel(model)
        self.funds_model = model
        self.delegate = AmountDelegate(self, parse=parse)
        self.setItemDelegate(self.delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        model.modelReset.connect(self.fit)
        self.fit()

    def fit(self) -> None:
        """Exactly as large as its cells: a table of two rows never scrolls."""
        width = self.fontMetrics().horizontalAdvance(_AMOUNT_SAMPLE) + 16
        for column in range(self.funds_model.columnCount()):
            self.setColumnWidth(column, width)
        header, side = self.horizontalHeader(), self.verticalHeader()
        frame = 2 * self.frameWidth()
        self.setFixedHeight(header.sizeHint().height() + side.length() + frame)
        self.setFixedWidth(side.sizeHint().width() + header.length() + frame)
