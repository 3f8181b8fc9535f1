"""Read-only viewing of a declaration another window is editing (docs/safety.md).

Text can still be selected, copied and scrolled; nothing can be typed, and a command that still
reaches the undo stack (a menu action, a paste) is taken back at once, so the document never
differs from what was loaded. No autosaver is attached, so nothing is ever written from here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from desktop.processes import host_name
from desktop.services.locking import LockHolder
from ui.document import DeclarationDocument
from ui.save_banner import READ_ONLY, SaveBanner
from ui.window_actions import WindowActions

#: Pages that only show the declaration keep their buttons (page turning, zoom).
VIEW_ONLY_PAGES = ("previewSection",)
#: Dynamic property of a control that only changes the view (e.g. the 年度 | 中期 switch of a
#: project's indicator tree): it stays enabled in read-only viewing.
VIEW_CONTROL = "viewControl"

#: Actions that would change the declaration's working copy or revisions in the store.
WRITING_ACTIONS = (
    "saveVersionAction",
    "markFinalAction",
    "historyAction",
    "deleteDeclarationAction",
)


def make_read_only(pages: list[QWidget]) -> None:
    """Turn every input in ``pages`` into a viewer."""
    for page in pages:
        if page.objectName() in VIEW_ONLY_PAGES:
            continue
        for view in page.findChildren(QAbstractItemView):
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        fields: list[QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit] = [
            *page.findChildren(QLineEdit),
            *page.findChildren(QAbstractSpinBox),
            *page.findChildren(QTextEdit),
            *page.findChildren(QPlainTextEdit),
        ]
        for field in fields:
            field.setReadOnly(True)
        for control in (*page.findChildren(QAbstractButton), *page.findChildren(QComboBox)):
            if not control.property(VIEW_CONTROL):
                control.setEnabled(False)


class UndoRevert:
    """Takes back any command pushed on a read-only document's undo stack."""

    def __init__(
        self, document: DeclarationDocument, on_reverted: Callable[[], None] | None = None
    ) -> None:
        self.document = document
        self.reverted = 0
        self._on_reverted = on_reverted
        document.undo_stack.indexChanged.connect(self._on_index)

    def _on_index(self, index: int) -> None:
        if index > 0:
            # Not inside the push that emitted this: let it finish first.
            QTimer.singleShot(0, self._revert)

    def _revert(self) -> None:
        stack = self.document.undo_stack
        if stack.index() == 0:
            return
        stack.setIndex(0)
        stack.clear()
        self.reverted += 1
        if self._on_reverted is not None:
            self._on_reverted()


class ReadOnlyView:
    """Puts a window's open declaration into read-only viewing, naming who edits it."""

    def __init__(
        self,
        holder: LockHolder,
        document: DeclarationDocument,
        pages: list[QWidget],
        actions: WindowActions,
        banner: SaveBanner,
        tell: Callable[[str, int], None],
    ) -> None:
        self.holder = holder
        make_read_only(pages)
        self.revert = UndoRevert(
            document, lambda: tell("只读查看：此修改已撤回，不会保存", 8000)
        )
        for name in WRITING_ACTIONS:
            actions[name].setEnabled(False)
        # A process on another computer cannot be checked: if that computer crashed, its lock
        # would keep everybody out for ever, so the user may clear it after a warning.
        remote = holder.host != host_name()
        banner.show_state(
            READ_ONLY,
            f"此申报表正在由{holder.describe()}编辑。本窗口只读查看，不会保存任何修改；"
            "需要另存一份时可用“复制申报表”。",
            can_take_over=remote,
        )


def confirm_take_over(parent: QWidget, holder: LockHolder) -> bool:
    answer = QMessageBox.warning(
        parent,
        "强制解除锁定",
        f"此申报表由{holder.describe()}锁定。\n\n"
        "只有在确认那台计算机上的 PerfDecl 已经关闭（或已死机、断电）时才可解除锁定；"
        "否则两处的修改会互相覆盖。\n\n确定解除锁定并在本窗口编辑吗？",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
