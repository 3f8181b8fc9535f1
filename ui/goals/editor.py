"""The 总体目标 section: numbered goals, with how many indicators measure each one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.budget import block_moves, drop_moves
from desktop.domain.changes import Part
from desktop.domain.goals import GoalPasteError, goal_label, goals_from_clipboard, strip_goal_number
from desktop.domain.project import ANNUAL
from desktop.domain.tsv import format_tsv, parse_tsv
from ui.budget.delegates import TextDelegate
from ui.budget.row_drag import RowDragView
from ui.cell_block import selected_cells
from ui.document import DeclarationDocument
from ui.flow_layout import FlowLayout
from ui.goals.commands import (
    InsertGoalsCommand,
    MoveGoalsCommand,
    RemoveGoalsCommand,
    SetGoalTextsCommand,
)
from ui.goals.model import GoalColumn, GoalsModel
from ui.table_keys import leave_by_tab
from ui.view_actions import tool_row, view_action

_HINT = "目标编号随顺序自动生成；“对应指标”统计在“绩效指标”中选择了该目标的指标，为 0 的目标以底色标出。"
_EMPTY = (
    "尚无总体目标：按 Insert 或“添加目标”添加，每个目标写明做什么、做到什么程度；"
    "也可在 Excel/WPS 中复制目标所在的单元格后按 Ctrl+Shift+V 粘贴，每个单元格成为一个目标。"
)


class GoalsEditor(QWidget):
    """Edits the goals of one horizon: ``document.declaration.goals`` (年度, the department
    form's only list) or a project's ``mid_term.goals`` (中期). Every change is one command on
    the document's undo stack."""

    def __init__(
        self,
        document: DeclarationDocument,
        parent: QWidget | None = None,
        horizon: str = ANNUAL,
        wrap_tools: bool = False,
    ) -> None:
        super().__init__(parent)
        self._wrap_tools = wrap_tools  # narrow panes: buttons wrap instead of widening the pane
        self.setObjectName("goalsEditor")
        self.document = document
        self.model = GoalsModel(document, self, horizon)
        self.view = RowDragView(self)
        self.view.setObjectName("goalsList")
        self.delegate = TextDelegate(self)
        self.empty = QLabel(_EMPTY, self)
        self.empty.setObjectName("goalsEmpty")
        self.empty.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("goalsStatus")
        self.status.setWordWrap(True)
        self._row_heights = QTimer(self)
        self._row_heights.setSingleShot(True)
        self._row_heights.timeout.connect(self.view.resizeRowsToContents)
        self.setFocusProxy(self.view)  # the section shown by Ctrl+3 takes keys in its list
        self._setup_view()
        self._build_actions()
        self._build_layout()
        self._connect()
        self._refresh_empty()

    def _setup_view(self) -> None:
        view = self.view
        view.setModel(self.model)
        view.setWordWrap(True)
        view.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        )
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        leave_by_tab(view, lambda _forward: True)  # one text per row: Tab leaves the list
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setItemDelegateForColumn(GoalColumn.TEXT, self.delegate)
        header = view.horizontalHeader()
        header.setSectionResizeMode(GoalColumn.TEXT, QHeaderView.ResizeMode.Stretch)
        view.setColumnWidth(GoalColumn.LENGTH, 56)
        view.setColumnWidth(GoalColumn.LINKS, 76)
        header.sectionResized.connect(lambda *_: self._row_heights.start(0))

    def _action(
        self,
        text: str,
        key: str | QKeySequence.StandardKey,
        slot: Callable[[], object],
        tip: str,
    ) -> QAction:
        return view_action(self.view, text, QKeySequence(key), slot, tip)

    def _build_actions(self) -> None:
        self.add_action = self._action("添加目标", "Insert", self.add_goal, "在当前目标下方添加")
        self.delete_action = self._action(
            "删除目标", "Ctrl+Delete", self.delete_goals, "删除所选目标"
        )
        self.clear_action = self._action("清除", "Delete", self.clear_goals, "清除所选目标的内容")
        self.clear_action.setShortcuts([QKeySequence("Delete"), QKeySequence("Backspace")])
        self.copy_action = self._action(
            "复制",
            QKeySequence.StandardKey.Copy,
            self.copy_goals,
            "复制所选目标（可粘贴到 Excel/WPS）",
        )
        self.paste_here_action = self._action(
            "粘贴",
            QKeySequence.StandardKey.Paste,
            self.paste_here,
            "粘贴：一个单元格替换当前目标，多个单元格作为新目标插入",
        )
        self.up_action = self._action("上移", "Ctrl+Up", lambda: self.move_goal(-1), "所选目标上移")
        self.down_action = self._action(
            "下移", "Ctrl+Down", lambda: self.move_goal(1), "所选目标下移"
        )
        self.duplicate_action = self._action(
            "复制目标", "Ctrl+D", self.duplicate_goal, "复制当前目标到下方"
        )
        self.paste_action = self._action(
            "粘贴目标",
            "Ctrl+Shift+V",
            self.paste_goals,
            "粘贴从 Excel/WPS 复制的目标，每个单元格一个",
        )
        edit = self._action("编辑", "Return", self._edit_current, "编辑目标内容")
        edit.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])

    def _build_layout(self) -> None:
        actions = (
            self.add_action,
            self.delete_action,
            self.up_action,
            self.down_action,
            self.duplicate_action,
            self.paste_action,
        )
        tools: QHBoxLayout | FlowLayout
        if self._wrap_tools:
            tools = FlowLayout()
            for action in actions:
                self._tool_button(action, tools)
        else:
            tools = tool_row(self, actions)
        self.tools = tools
        self.hint = QLabel(_HINT, self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.hint)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.document.changed.connect(self._on_changed)
        self.document.replaced.connect(self.model.reload)
        self.view.rows_dropped.connect(self._on_rows_dropped)
        self.delegate.text_edited.connect(
            lambda index, text: self.model.set_preview(index.row(), text)
        )
        self.delegate.closeEditor.connect(lambda *_: self.model.set_preview(-1, None))
        self.model.dataChanged.connect(self._on_data_changed)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._after_rows_changed)

    @Slot(object)
    def _on_changed(self, parts: Part) -> None:
        if parts & (Part.LINKS | Part.INDICATORS):
            self.model.refresh_links()
        if parts & Part.GOALS:
            self._refresh_empty()

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
        if not roles and top.column() <= GoalColumn.TEXT:
            for row in range(top.row(), bottom.row() + 1):
                self.view.resizeRowToContents(row)

    def _after_rows_changed(self, *_args: object) -> None:
        self._row_heights.start(0)
        self._refresh_empty()

    def _refresh_empty(self) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)

    # -- actions --------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.view.selectionModel().selectedRows()}
        current = self.view.currentIndex()
        if not rows and current.isValid():
            rows = {current.row()}
        return sorted(rows)

    def _select(self, row: int) -> None:
        index = self.model.index(row, GoalColumn.TEXT)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def add_goal(self) -> None:
        current = self.view.currentIndex()
        row = current.row() + 1 if current.isValid() else self.model.rowCount()
        self.document.undo_stack.push(InsertGoalsCommand(self.model, row, [""], "添加目标"))
        self._select(row)
        self.view.edit(self.model.index(row, GoalColumn.TEXT))

    def delete_goals(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.document.undo_stack.push(RemoveGoalsCommand(self.model, rows))
            if self.model.rowCount():
                self._select(min(rows[0], self.model.rowCount() - 1))

    def move_goal(self, step: int) -> None:
        """Move the selected goals (adjacent ones as a block) one place; links follow.

        Nothing moves when a selected goal is already first (up) or last (down); the selection
        follows the moved goals.
        """
        rows = self.selected_rows()
        moves = block_moves(rows, step, self.model.rowCount())
        if moves:
            label = f"移动 {len(rows)} 个目标" if len(rows) > 1 else "移动目标"
            self.document.undo_stack.push(MoveGoalsCommand(self.model, moves, label))
            self.view.scrollTo(self.view.currentIndex())

    def _on_rows_dropped(self, rows: list[int], before: int) -> None:
        moves = drop_moves(rows, before, self.model.rowCount())
        if moves:
            label = f"移动 {len(rows)} 个目标" if len(rows) > 1 else "移动目标"
            self.document.undo_stack.push(MoveGoalsCommand(self.model, moves, label))

    def paste_goals(self, text: str | None = None) -> None:
        """Insert goals copied from Excel/WPS below the current goal, as one undo step."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        try:
            texts = goals_from_clipboard(text)
        except GoalPasteError as exc:
            self.status.setText(f"未粘贴：{exc}")
            return
        self.document.note_pasted(text)
        current = self.view.currentIndex()
        row = current.row() + 1 if current.isValid() else self.model.rowCount()
        label = f"粘贴 {len(texts)} 个目标"
        self.document.undo_stack.push(InsertGoalsCommand(self.model, row, texts, label))
        self.status.setText(f"已粘贴 {len(texts)} 个目标（{goal_label(row)} 起）")
        self.view.selectionModel().clearSelection()
        self._select(row)

    def clear_goals(self) -> None:
        """Delete / Backspace: empty the selected goals' texts (the goals stay), one undo step."""
        texts = self.model.goal_texts
        rows = [row for row in self.selected_rows() if texts[row]]
        if rows:
            self.document.undo_stack.push(SetGoalTextsCommand(self.model, [(r, "") for r in rows]))

    def copy_goals(self) -> None:
        """Ctrl+C: the selected goals' texts, one per row, as Excel/WPS copies a column."""
        rows = sorted({c.row() for c in selected_cells(self.view)})
        if rows:
            texts = self.model.goal_texts
            QGuiApplication.clipboard().setText(format_tsv([texts[r]] for r in rows))

    def paste_here(self, text: str | None = None) -> None:
        """Ctrl+V: one copied cell replaces the current goal's text; more become new goals."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        cells = [c for row in parse_tsv(text) for c in row if c.strip()]
        current = self.view.currentIndex()
        if len(cells) == 1 and current.isValid():
            goal = strip_goal_number(cells[0].strip())
            if goal != self.model.goal_texts[current.row()]:
                self.document.undo_stack.push(
                    SetGoalTextsCommand(self.model, [(current.row(), goal)])
                )
            self.status.setText("")
            return
        self.paste_goals(text)

    def duplicate_goal(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            text = self.model.goal_texts[current.row()]
            self.document.undo_stack.push(
                InsertGoalsCommand(self.model, current.row() + 1, [text], "复制目标")
            )
            self._select(current.row() + 1)

    def add_tool_action(self, action: QAction) -> QToolButton:
        """One more action of this list (e.g. a project's 复制到年度): a button after the others,
        and an entry of the list's context menu, which then lists every action of the list."""
        self.view.addAction(action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        return self._tool_button(action, self.tools)

    def _tool_button(self, action: QAction, tools: QHBoxLayout | FlowLayout) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        if isinstance(tools, FlowLayout):
            tools.addWidget(button)
        else:
            tools.insertWidget(tools.count() - 1, button)  # before the stretch
        return button

    def _edit_current(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.view.edit(self.model.index(current.row(), GoalColumn.TEXT))
