"""Cell editors of the indicator tree: 指标值 with a picker, multi-line 指标解释, 对应目标 checklist."""

from __future__ import annotations

import math

from typing_extensions import override

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QIcon,
    QMouseEvent,
    QPainter,
    QPixmap,
    QPolygonF,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from desktop.domain.profile import Profile
from ui.document import DeclarationDocument
from ui.indicators.model import GOALS_ROLE, Column, IndicatorTreeModel, tree_depth
from ui.indicators.value_picker import ValuePickerPopup

AnyIndex = QModelIndex | QPersistentModelIndex
WRAPPED = (Column.NAME, Column.EXPLANATION)


def _arrow_icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#555555"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawPolygon(QPolygonF([QPointF(3, 6), QPointF(13, 6), QPointF(8, 12)]))
    painter.end()
    return QIcon(pixmap)


class ValueEditor(QLineEdit):
    """Typed text, plus a ▾ button in the field offering the picker and the grade words.

    A single QLineEdit, so that the delegate's Tab / Enter / Esc handling applies unchanged.
    """

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valueEditor")
        self.profile = profile
        self.menu = QMenu(self)
        self.menu.addAction("数值与单位…", self._open_picker)
        for scale in profile.grade_scales:
            # A submenu parented explicitly: the one addMenu(str) returns may be deleted with its
            # Python wrapper on some PySide6 versions (6.8 LTS, packaging/README.md).
            sub = QMenu(f"定性：{scale.title}", self.menu)
            self.menu.addMenu(sub)
            for grade in scale.grades:
                action = QAction(f"{grade.word}（{grade.band}）", sub)
                action.triggered.connect(lambda _=False, w=grade.word: self.setText(w))
                sub.addAction(action)
        picker = self.addAction(_arrow_icon(), QLineEdit.ActionPosition.TrailingPosition)
        picker.setToolTip("选择计算符号、数值、单位或定性等级")
        picker.triggered.connect(self.show_menu)

    def show_menu(self) -> None:
        self.menu.popup(self.mapToGlobal(QPoint(0, self.height())))

    def _open_picker(self) -> None:
        popup = ValuePickerPopup(self._units(), self)
        popup.set_from_text(self.text())
        popup.value_chosen.connect(self.setText)
        popup.show_below(self)

    def _units(self) -> list[str]:
        return self.profile.units.all()


class GoalsEditor(QListWidget):
    """A checkable list of 目标N with the first words of each goal."""

    def __init__(self, goals: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalsChecklist")
        for number, text in enumerate(goals, start=1):
            snippet = text.strip().replace("\n", " ")
            snippet = snippet[:16] + ("…" if len(snippet) > 16 else "")
            item = QListWidgetItem(f"目标{number}  {snippet}", self)
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        if not goals:
            empty = QListWidgetItem("尚无总体目标：请先在“总体目标”中填写", self)
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
        # Space ticks the current goal, a click on the box or on the text ticks that goal,
        # Enter commits the cell (the delegate's handling), Esc cancels.

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        before = item.checkState() if item is not None else None
        super().mouseReleaseEvent(event)
        if (
            item is not None
            and event.button() == Qt.MouseButton.LeftButton
            and item.flags() & Qt.ItemFlag.ItemIsUserCheckable
            and item.checkState() == before  # not on the box itself: Qt did not toggle it
        ):
            checked = before == Qt.CheckState.Checked
            item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def set_checked(self, numbers: list[int]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                number = item.data(Qt.ItemDataRole.UserRole)
                item.setCheckState(
                    Qt.CheckState.Checked if number in numbers else Qt.CheckState.Unchecked
                )

    def checked(self) -> list[int]:
        return [
            int(self.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.count())
            if self.item(r).checkState() == Qt.CheckState.Checked
        ]


class IndicatorDelegate(QStyledItemDelegate):
    """Chooses the editor by column; everything is committed through ``model.setData``."""

    def __init__(self, document: DeclarationDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Read profile and goals at each edit: the document may have been replaced.
        self.document = document

    @override
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        column = index.column()
        if column == Column.VALUE:
            return ValueEditor(self.document.profile, parent)
        if column == Column.EXPLANATION:
            editor = QPlainTextEdit(parent)
            editor.setObjectName("explanationEditor")
            editor.setTabChangesFocus(True)
            return editor
        if column == Column.GOALS:
            model = index.model()
            goals = model.goals if isinstance(model, IndicatorTreeModel) else None
            return GoalsEditor(self.document.declaration.goals if goals is None else goals, parent)
        return super().createEditor(parent, option, index)

    @override
    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, ValueEditor):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        elif isinstance(editor, GoalsEditor):
            editor.set_checked(list(index.data(GOALS_ROLE) or []))
        else:
            super().setEditorData(editor, index)

    @override
    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, ValueEditor):
            model.setData(index, editor.text())
        elif isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText())
        elif isinstance(editor, GoalsEditor):
            model.setData(index, editor.checked())
        else:
            super().setModelData(editor, model, index)

    @override
    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, QPlainTextEdit):
            rect.setHeight(max(rect.height(), option.fontMetrics.height() * 5))
        elif isinstance(editor, GoalsEditor):
            rows = max(1, min(editor.count(), 8))
            rect.setHeight(editor.sizeHintForRow(0) * rows + 2 * editor.frameWidth() + 4)
            rect.setWidth(max(rect.width(), 260))
            host = editor.parentWidget()
            if host is not None and rect.right() >= host.width():
                rect.moveRight(host.width() - 1)
            if host is not None and rect.bottom() >= host.height():  # a row near the bottom
                rect.moveBottom(max(rect.height() - 1, host.height() - 1))
        editor.setGeometry(rect)

    @override
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        # Computed here from the text alone: Qt's own hint asks the model for a dozen roles per
        # cell and assumes one line; the tree needs every row's height, so this must be cheap.
        metrics = option.fontMetrics
        line = metrics.height() + 10
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        view = self.parent()
        if index.column() in WRAPPED and text and isinstance(view, QTreeView):
            depth = tree_depth(index)
            width = _text_width(view, index, depth)
            if width > 20:
                font = option.font
                if depth < 2:  # level-1/2 rows have their own weight
                    role_font = index.data(Qt.ItemDataRole.FontRole)
                    font = role_font if isinstance(role_font, QFont) else font
                return QSize(width, max(line, _wrapped_height(font, text, width) + 10))
        return QSize(metrics.horizontalAdvance(text) + 16, line)


def _text_width(view: QTreeView, index: AnyIndex, depth: int) -> int:
    """The width the style will wrap a cell's text to (see QCommonStyle's item view layout)."""
    style = view.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    width = view.columnWidth(index.column()) - 2 * margin
    if index.column() == Column.NAME:
        # The first column starts after the branch indentation of the row's depth ...
        width -= (depth + (1 if view.rootIsDecorated() else 0)) * view.indentation()
        # ... and after a finding's icon.
        if depth == 2 and index.data(Qt.ItemDataRole.DecorationRole) is not None:
            icon = view.iconSize().width()
            if icon <= 0:
                icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, view)
            width -= icon + 2 * margin
    return width


_heights: dict[tuple[str, int, str], int] = {}


def _wrapped_height(font: QFont, text: str, width: int) -> int:
    """Height of ``text`` wrapped as the item view style wraps it (word boundary, else anywhere)."""
    key = (text, width, font.key())
    height = _heights.get(key)
    if height is None:
        if len(_heights) > 20_000:
            _heights.clear()
        layout = QTextLayout(text.replace("\n", "\u2028"), font)
        layout.setTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft))
        option = layout.textOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        total = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, total))
            total += line.height()
        layout.endLayout()
        height = _heights[key] = math.ceil(total)
    return height
