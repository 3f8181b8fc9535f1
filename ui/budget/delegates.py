"""Cell editors: amounts with live preview and validation, and multi-line texts.

Amounts are parsed by the domain (``parse_user_amount``, in the unit the table shows); the
delegate never computes a sum. Any model with ``set_preview``/``clear_preview``
(:class:`AmountPreview`) gets the live preview: the task table and a project's 项目资金 table.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Protocol, runtime_checkable

from typing_extensions import override

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPolygon
from PySide6.QtWidgets import (
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.domain.money import AmountError, parse_user_amount
from ui.budget.model import AMOUNT_ROLE, HIDDEN_PRECISION_ROLE

_Index = QModelIndex | QPersistentModelIndex
_COMMIT_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_MARK = QColor("#2f6fb0")


def _plain(index: _Index) -> QModelIndex:
    """A plain index for signals (persistent indexes do not convert implicitly)."""
    model = index.model()
    return model.index(index.row(), index.column()) if index.isValid() and model else QModelIndex()


@runtime_checkable
class AmountPreview(Protocol):
    """A model that shows its totals as if a typed amount were already committed."""

    def set_preview(self, row: int, column: int, value: Decimal | None) -> None: ...

    def clear_preview(self) -> None: ...


class AmountDelegate(QStyledItemDelegate):
    """Plain-digit editor for 财政拨款/其他资金; previews totals on every keystroke.

    ``parse`` turns the typed text into the amount the model stores (default: 万元 typed).
    The editor starts with the cell's ``AMOUNT_ROLE`` value, in the unit the table shows.

    Signals:
        input_rejected(QModelIndex, str): the typed text is not an amount (Chinese reason).
        input_accepted(QModelIndex): the typed text is a valid amount again.
    """

    input_rejected = Signal(QModelIndex, str)
    input_accepted = Signal(QModelIndex)

    def __init__(
        self, parent: QObject | None = None, parse: Callable[[str], Decimal] = parse_user_amount
    ) -> None:
        super().__init__(parent)
        self._parse_amount = parse

    def _parse(self, text: str) -> Decimal | str:
        """The amount, or the Chinese reason why ``text`` is not one."""
        try:
            return self._parse_amount(text)
        except AmountError as exc:
            return exc.reason

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        persistent = QPersistentModelIndex(index)
        editor.textEdited.connect(lambda text: self._preview(persistent, text))
        return editor

    def _preview(self, index: QPersistentModelIndex, text: str) -> None:
        model = index.model()
        if not index.isValid() or not isinstance(model, AmountPreview):
            return
        parsed = self._parse(text)
        if isinstance(parsed, Decimal):
            model.set_preview(index.row(), index.column(), parsed)
            self.input_accepted.emit(_plain(index))
        else:
            model.clear_preview()
            self.input_rejected.emit(_plain(index), parsed)

    @override
    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        value = index.data(AMOUNT_ROLE)
        # Plain digits while editing; a zero amount starts empty.
        editor.setText("" if not value else format(value, "f"))

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QLineEdit)
        if isinstance(model, AmountPreview):
            model.clear_preview()
        parsed = self._parse(editor.text())
        if isinstance(parsed, Decimal):
            model.setData(index, parsed, Qt.ItemDataRole.EditRole)
        else:
            # Invalid text never reaches the model: the previous value stays.
            self.input_rejected.emit(_plain(index), parsed)

    @override
    def destroyEditor(self, editor: QWidget, index: _Index) -> None:
        model = index.model()
        if isinstance(model, AmountPreview):
            model.clear_preview()
        super().destroyEditor(editor, index)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter/Tab on invalid text keeps the editor open so the user can correct it.
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in _COMMIT_KEYS and not isinstance(self._parse(watched.text()), Decimal):
                return True
        return super().eventFilter(watched, event)

    @override
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        super().paint(painter, option, index)
        if index.data(HIDDEN_PRECISION_ROLE):
            # A small corner mark: this value has more decimals than shown (exact in tooltip).
            rect: QRect = option.rect
            painter.save()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_MARK)
            corner = rect.topLeft()
            painter.drawPolygon(QPolygon([corner, corner + QPoint(6, 0), corner + QPoint(0, 6)]))
            painter.restore()


class TextDelegate(QStyledItemDelegate):
    """Multi-line editor: Enter starts a new line, Ctrl+Enter or leaving the cell commits.

    Signals:
        text_edited(QModelIndex, str): the text being typed (for live counts).
    """

    text_edited = Signal(QModelIndex, str)

    def __init__(self, parent: QObject | None = None, *, multiline: bool = True) -> None:
        super().__init__(parent)
        self._multiline = multiline

    @override
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        if not self._multiline:
            return super().createEditor(parent, option, index)
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        persistent = QPersistentModelIndex(index)
        editor.textChanged.connect(
            lambda: self.text_edited.emit(_plain(persistent), editor.toPlainText())
        )
        return editor

    @override
    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()
        else:
            super().setEditorData(editor, index)

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)

    @override
    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: _Index
    ) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, QPlainTextEdit):
            rect.setHeight(max(rect.height(), 6 * editor.fontMetrics().lineSpacing()))
        editor.setGeometry(rect)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QPlainTextEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if (
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QStyledItemDelegate.EndEditHint.NoHint)
                return True
        return super().eventFilter(watched, event)
