"""The 绩效指标 section: the indicator tree with its actions, filter and empty state."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar, QVBoxLayout, QWidget

from desktop.documents.xlsx.indicator_clipboard import IndicatorPasteError
from desktop.domain.model import Declaration
from desktop.domain.project import MID
from desktop.rules.locate import locate_indicator
from desktop.services.store import StoredIndicator
from ui.budget.cell_message import CellMessage
from ui.document import DeclarationDocument
from ui.fonts import content_font
from ui.indicators.delegates import IndicatorDelegate
from ui.indicators.model import Column, IndicatorTreeModel, Kind
from ui.indicators.operations import IndicatorOperations
from ui.indicators.view import IndicatorTreeView
from ui.table_keys import leave_by_tab

if TYPE_CHECKING:
    from ui.library.catalog import LibraryEntry

EMPTY_TEXT = "尚无绩效指标：按 Insert 添加，或从指标库选择"
#: The column of each field of a finding's place (``indicators[3].value``).
FIELD_COLUMNS = {
    "name": Column.NAME,
    "value": Column.VALUE,
    "unit": Column.UNIT,
    "explanation": Column.EXPLANATION,
    "goals": Column.GOALS,
}


class IndicatorPanel(QWidget):
    """Tree, toolbar and filter; its actions are also offered to the window's 编辑 menu."""

    def __init__(
        self,
        document: DeclarationDocument,
        stored_indicators: Callable[[], list[StoredIndicator]] | None = None,
        parent: QWidget | None = None,
        model: IndicatorTreeModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorPanel")
        self.document = document
        self.stored_indicators = stored_indicators or list
        # A project passes a model showing either horizon's tree (ui/project/indicator_panel.py).
        self.model = model or IndicatorTreeModel(document)
        self.view = IndicatorTreeView(self.model, self, content_font())
        self.view.setItemDelegate(IndicatorDelegate(document, self.view))
        # Right click offers the same actions as the toolbar.
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.expandAll()  # after the delegate: it measures the rows
        self.model.marks_changed.connect(self.view.viewport().update)
        self.message = CellMessage(self.view)
        # A bound slot, not a lambda: a lambda holding ``self`` outlives a deleted panel.
        self.model.refused.connect(self._show_refusal)
        self.ops = IndicatorOperations(self.view)
        leave_by_tab(self.view)
        self.setFocusProxy(self.view)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("indicatorFilter")
        self.filter.setPlaceholderText("筛选指标（Ctrl+F）")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.view.apply_filter)
        self.empty_label = QLabel(EMPTY_TEXT, self)
        self.empty_label.setObjectName("indicatorEmptyHint")
        self.empty_label.setStyleSheet("color: #666; padding: 4px;")
        self.status = QLabel(self)
        self.status.setObjectName("indicatorStatus")
        self.status.setWordWrap(True)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("indicatorToolbar")
        self.actions_by_name: dict[str, QAction] = {}
        self._make_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filter)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        document.changed.connect(self._update_state)
        self.model.modelReset.connect(self._update_state)  # another tree shown, or replaced
        self.view.selectionModel().currentChanged.connect(self._update_state)
        self._update_state()

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        keys: list[QKeySequence],
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts(keys)
        # Shortcuts act only while the tree has focus, never while a cell is being typed in.
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(
            f"{text}（{keys[0].toString(QKeySequence.SequenceFormat.NativeText)}）"
            if keys
            else tip or text
        )
        action.triggered.connect(lambda _=False: slot())
        self.view.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _make_actions(self) -> None:
        ops = self.ops
        add = self._action(
            "addIndicatorAction", "添加指标", ops.add, [QKeySequence(Qt.Key.Key_Insert)]
        )
        library = self._action(
            "libraryAction", "从指标库添加…", self.open_library, [QKeySequence("Ctrl+L")]
        )
        delete = self._action(
            "deleteIndicatorAction", "删除指标", ops.delete, [QKeySequence("Ctrl+Delete")]
        )
        self._action(
            "clearCellsAction",
            "清除",
            ops.clear,
            [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)],
            "清除所选行当前列的内容",
        )
        up = self._action("moveUpAction", "上移", lambda: ops.move(-1), [QKeySequence("Ctrl+Up")])
        down = self._action(
            "moveDownAction", "下移", lambda: ops.move(1), [QKeySequence("Ctrl+Down")]
        )
        dup = self._action("duplicateAction", "复制一行", ops.duplicate, [QKeySequence("Ctrl+D")])
        copy = self._action(
            "copyRowsAction", "复制行", ops.copy, [QKeySequence(QKeySequence.StandardKey.Copy)]
        )
        paste = self._action(
            "pasteRowsAction",
            "粘贴行（Excel/WPS）",
            lambda: self._paste(ops.paste),
            [QKeySequence("Ctrl+Shift+V")],
        )
        self._action(
            "pasteAction",
            "粘贴",
            lambda: self._paste(ops.paste_here),
            [QKeySequence(QKeySequence.StandardKey.Paste)],
            "粘贴：一个单元格粘贴到当前单元格，多行作为新指标插入",
        )
        na = self._action("notApplicableAction", "不适用", self._toggle_not_applicable, [])
        na.setCheckable(True)
        na.setToolTip("将当前二级指标标记为“不适用”")
        find = QAction("筛选", self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(lambda: self.filter.setFocus())
        self.addAction(find)
        for before in (delete, up, copy, na):  # groups in the right-click menu
            separator = QAction(self)
            separator.setSeparator(True)
            self.view.insertAction(before, separator)
        for action in (add, library, delete, None, up, down, dup, paste, None, na):
            if action is None:
                self.toolbar.addSeparator()
            else:
                self.toolbar.addAction(action)

    @Slot(QModelIndex, str)
    def _show_refusal(self, index: QModelIndex, reason: str) -> None:
        """An edit the domain refused (e.g. S10): the reason under the cell, for a while."""
        self.message.show_for(index, reason, timeout_ms=10_000)

    def _paste(self, paste: Callable[[], int]) -> None:
        """Run a paste; a block that cannot be mapped is refused here, in words."""
        try:
            count = paste()
        except IndicatorPasteError as exc:
            self.status.setText(f"未粘贴：{exc}")
            return
        self.status.setText(f"已粘贴 {count} 条指标" if count > 1 else "")

    def _toggle_not_applicable(self) -> None:
        action = self.actions_by_name["notApplicableAction"]
        self.ops.set_not_applicable(action.isChecked(), self)
        self._update_state()

    def _update_state(self, *_: object) -> None:
        categories = self.model.categories
        self.empty_label.setVisible(
            not any(c.indicators or c.not_applicable for c in categories)
        )
        cat_index = self.ops.current_category()
        na = self.actions_by_name["notApplicableAction"]
        na.setEnabled(
            cat_index is not None and self.model.kind(self.view.currentIndex()) is not Kind.LEVEL1
        )
        na.setChecked(cat_index is not None and self.model.categories[cat_index].not_applicable)
        on_row = self.model.kind(self.view.currentIndex()) is Kind.INDICATOR
        for name in (
            "deleteIndicatorAction",
            "clearCellsAction",
            "moveUpAction",
            "moveDownAction",
            "duplicateAction",
        ):
            self.actions_by_name[name].setEnabled(on_row)

    def add_tree_action(self, action: QAction, before: QAction | None = None) -> None:
        """Offer one more action in the toolbar, the right-click menu and ``actions_by_name``."""
        if before is None:
            self.view.addAction(action)
        else:
            self.view.insertAction(before, action)
        self.toolbar.addAction(action)
        self.actions_by_name[action.objectName()] = action

    def select_document_row(self, index: int, field: str = "") -> bool:
        """Select the row ``indicators[index]`` of the shown tree names (a finding's place);
        False when there is no such row."""
        slot = locate_indicator(
            Declaration(self.document.declaration.profile_id, 0, self.model.categories), index
        )
        if slot is None:
            return False
        if slot.row is None:  # the single row of a 不适用 category
            parent = self.model.category_index(slot.cat_index)
            self.view.expand(parent)
            self.view.setCurrentIndex(self.model.index(0, 0, parent))
        else:
            self.ops.select(slot.cat_index, slot.row, FIELD_COLUMNS.get(field, Column.NAME))
        self.view.setFocus()
        return True

    def _cumulative(self, entry: LibraryEntry) -> bool:
        from desktop.rules.project.quantities import is_cumulative

        return is_cumulative(entry.value, entry.unit, self.document.profile)

    def open_library(self) -> None:
        from ui.library.dialog import open_library

        cat_index = self.ops.current_category()
        if cat_index is None:
            cat_index = 0
        chosen = open_library(
            self,
            self.model.categories[cat_index],
            self.stored_indicators,
            self.document.declaration_id,
            self._cumulative if self.model.horizon == MID else None,
        )
        if chosen:
            position = self.ops.insert_position() or (
                cat_index,
                len(self.model.categories[cat_index].indicators),
            )
            if position[0] != cat_index:
                position = (cat_index, len(self.model.categories[cat_index].indicators))
            self.ops.insert(position, chosen, "从指标库添加")
