"""Cell editors of the indicator tree: 指标值 with a picker, multi-line 指标解释, 对应目标 checklist."""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QWidget,
)

from desktop.domain.profile import Profile
from ui.document import DeclarationDocument
from ui.indicators.model import GOALS_ROLE, Column
from ui.indicators.value_picker import ValuePickerPopup

AnyIndex = QModelIndex | QPersistentModelIndex


class ValueEditor(QWidget):
    """A line edit for typed text plus a ▾ button offering the picker and the grade words."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valueEditor")
        self.profile = profile
        self.line = QLineEdit(self)
        self.line.setObjectName("valueLine")
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setToolTip("选择计算符号、数值、单位或定性等级")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(self.button)
        menu.addAction("数值与单位…", self._open_picker)
        for scale in profile.grade_scales:
            sub = menu.addMenu(f"定性：{scale.title}")
            for grade in scale.grades:
                action = QAction(f"{grade.word}（{grade.band}）", sub)
                action.triggered.connect(lambda _=False, w=grade.word: self.line.setText(w))
                sub.addAction(action)
        self.button.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:  # noqa: N802 - mirrors QLineEdit
        self.line.setText(text)

    def _open_picker(self) -> None:
        popup = ValuePickerPopup(self._units(), self)
        popup.set_from_text(self.line.text())
        popup.value_chosen.connect(self.line.setText)
        popup.show_below(self)

    def _units(self) -> list[str]:
        units: list[str] = []
        for family in (self.profile.section("units") or {}).values():
            units.extend(u for u in family if u not in units)
        return units


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
        self.itemActivated.connect(self._toggle)

    def _toggle(self, item: QListWidgetItem) -> None:
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            checked = item.checkState() == Qt.CheckState.Checked
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
            return GoalsEditor(self.document.declaration.goals, parent)
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
        editor.setGeometry(rect)

    @override
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 10))
