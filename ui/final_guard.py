"""Editing a 定稿 declaration first asks whether to 撤销定稿 (issue 10, item 6).

定稿 marks the revision printed for signing and stamping. An edit after that is asked about
once: 撤销定稿 keeps the edit and removes the mark (the 定稿 revision itself stays exactly as it
was, in 历史版本); keeping 定稿 undoes the edit. The question is asked just after the edit's
undo command ran, so the answer "no" is one undo step and nothing else changes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop.services.store import DeclarationStore, StoreError
from ui.document import DeclarationDocument


class FinalGuard(QObject):
    """Watches one document's undo stack; asks before an edit changes a 定稿 declaration."""

    def __init__(
        self, document: DeclarationDocument, store: DeclarationStore, window: QMainWindow
    ) -> None:
        super().__init__(document)
        self.document = document
        self.store = store
        self.window = window
        self._busy = False
        document.undo_stack.indexChanged.connect(self._on_edit)

    def final_revision(self) -> int | None:
        if self.document.declaration_id is None:
            return None
        try:
            return self.store.summary(self.document.declaration_id).final_revision
        except StoreError:
            return None

    def _on_edit(self, _index: int) -> None:
        try:
            cleared = self.document.undo_stack.count() == 0  # restore, reload: no edit to ask about
        except RuntimeError:  # the stack is being destroyed with its window
            return
        if self._busy or cleared:
            return
        if self.final_revision() is None:
            return
        self._busy = True
        # Not inside the push: the command has finished before it can be undone.
        QTimer.singleShot(0, self.ask)

    def ask(self) -> bool:
        """Ask now; True when the edit stays (定稿 was withdrawn)."""
        try:
            number = self.final_revision()
            if number is None or self.document.declaration_id is None:
                return True
            answer = QMessageBox.question(
                self.window,
                "撤销定稿",
                f"此申报表已定稿（第 {number} 版）。修改前需要撤销定稿；第 {number} 版本身保持不变，"
                f"可在“历史版本”中查看或重新标记定稿。\n\n撤销定稿并保留这次修改？"
                f"（选“否”则撤回这次修改，保持定稿）",
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.store.set_final(self.document.declaration_id, number, False)
                self.window.statusBar().showMessage(
                    f"已撤销定稿（第 {number} 版保持不变）", 10_000
                )
                return True
            stack = self.document.undo_stack
            if stack.canUndo():
                stack.undo()
            return False
        finally:
            self._busy = False
