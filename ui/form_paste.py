"""编辑 → 粘贴整张申报表 (Ctrl+Shift+V): a whole form copied in Excel/WPS/Word, into an empty one.

The clipboard goes through the same form-layout reader as a file import
(desktop.documents.formread.clipboard), then through the import preview; confirming replaces
the declaration's content as one undo step. Ordinary cell paste in the tables is elsewhere.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from typing_extensions import override

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QUndoCommand
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.domain import whole_form
from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.model import Declaration
from ui.document import DeclarationDocument

if TYPE_CHECKING:
    from desktop.documents.formread.result import FormReadResult
    from ui.app_context import AppContext
    from ui.window_actions import WindowActions

class PasteWholeFormCommand(QUndoCommand):
    """Replace the printed content of the declaration; undo puts the old content back."""

    def __init__(self, document: DeclarationDocument, pasted: Declaration) -> None:
        super().__init__("粘贴整张申报表")
        whole_form.check_whole_form_target(document.declaration)
        self.document = document
        self.before = whole_form.content_of(document.declaration)
        self.after = whole_form.content_of(pasted)

    def _apply(self, content: whole_form.Content) -> None:
        whole_form.replace_content(self.document.declaration, content)
        self.document.notify(Part.ALL)

    @override
    def redo(self) -> None:
        self._apply(self.after)

    @override
    def undo(self) -> None:
        self._apply(self.before)


def is_empty(declaration: Declaration, basic_name: str) -> bool:
    """Nothing typed yet: no unit, goals or indicators, at most the untouched 基本支出 row."""
    tasks_untouched = all(t.name in ("", basic_name) and not t.fiscal and not t.other for t in declaration.tasks)
    no_indicators = not any(c.indicators or c.not_applicable for c in declaration.categories)
    return not (declaration.unit_name or declaration.supervisor or declaration.goals) and tasks_untouched and no_indicators


def _clipboard() -> tuple[str | None, str | None]:
    mime = QGuiApplication.clipboard().mimeData()
    html = mime.html() if mime is not None and mime.hasHtml() else None
    text = mime.text() if mime is not None and mime.hasText() else None
    return html, text


def _read_clipboard(profile_id: str) -> FormReadResult:
    """The clipboard as a whole form; raises FormReadError."""
    from desktop.documents.formread.clipboard import read_pasted_form

    html, text = _clipboard()
    return read_pasted_form(html, text, profile_id)


def holds_whole_form(result: FormReadResult) -> bool:
    """A titled form, or one with tasks and goals: more than rows for one table."""
    decl = result.declaration
    return result.recognised_form or bool(decl.tasks and decl.goals)


def paste_whole_form(context: AppContext, window: QWidget, result: FormReadResult | None = None) -> bool:
    """Read the clipboard as a whole form, preview it, and put it into the open declaration."""
    document = context.document
    title = "粘贴整张申报表"
    if document is None:
        QMessageBox.information(window, title, "请先新建一份申报表，再粘贴整张申报表。")
        return False
    try:
        whole_form.check_whole_form_target(document.declaration)
    except EditError as error:
        QMessageBox.information(window, title, str(error))
        return False
    if not is_empty(document.declaration, document.profile.basic_expenditure.name):
        QMessageBox.information(
            window, title, "整张申报表只能粘贴到空白的申报表中：请先新建一份申报表（Ctrl+N），再按 Ctrl+Shift+V 粘贴。"
        )
        return False
    from desktop.documents.formread.result import FormReadError

    if result is None:
        try:
            result = _read_clipboard(document.profile.id)
        except FormReadError as error:
            QMessageBox.warning(window, title, f"无法识别剪贴板中的申报表：{error}")
            return False
    from pathlib import Path

    from desktop.documents.formread.files import FileReadOutcome
    from desktop.documents.formread.sources.detect import SourceKind
    from ui.import_preview import ImportPreviewDialog

    pasted = dataclasses.replace(
        result.declaration, profile_id=document.declaration.profile_id, form=document.declaration.form
    )
    outcome = FileReadOutcome(pasted, SourceKind.HTML, [str(n) for n in result.notes],
                              [str(p) for p in result.unplaced])
    dialog = ImportPreviewDialog(Path("剪贴板"), outcome, window)
    dialog.setWindowTitle("粘贴整张申报表 - 预览")
    dialog.import_button.setText("粘贴")
    if dialog.exec() != dialog.DialogCode.Accepted:
        return False
    document.undo_stack.push(PasteWholeFormCommand(document, dialog.chosen_declaration()))
    context.tell("已粘贴整张申报表（可撤销）", 10_000)
    return True


class _WholeFormKey(QObject):
    """Ctrl+Shift+V anywhere in the window: a whole form on the clipboard is pasted as one.

    The goals, budget and indicator tables have their own Ctrl+Shift+V for rows; a second
    action with that key would make Qt refuse both as ambiguous. So the key is looked at first
    here: when the clipboard holds a whole form, it is taken (and the tables never see it);
    otherwise the tables paste their rows as before.
    """

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self._pending: FormReadResult | None = None

    @staticmethod
    def _is_key(event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent) or event.key() != Qt.Key.Key_V:
            return False
        wanted = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        return event.modifiers() == wanted

    def _whole_form(self) -> FormReadResult | None:
        from desktop.documents.formread.result import FormReadError

        document = self.context.document
        if document is None:
            return None
        try:
            result = _read_clipboard(document.profile.id)
        except (FormReadError, ValueError):
            return None
        return result if holds_whole_form(result) else None

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) or not self._is_key(event):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            self._pending = self._whole_form()
            if self._pending is None:
                return False
            event.accept()  # keep the tables' row-paste shortcuts from firing
            return True
        result, self._pending = self._pending, None
        if result is None:
            result = self._whole_form()  # a key press that came without its override
        if result is None:
            return False
        paste_whole_form(self.context, self.window, result)
        return True


def install_paste_form_action(context: AppContext, window: QWidget, actions: WindowActions) -> QAction:
    """The 编辑 menu entry and the window-wide Ctrl+Shift+V for a whole form."""
    action = QAction("粘贴整张申报表\tCtrl+Shift+V", window)
    action.setObjectName("pasteWholeFormAction")
    action.setStatusTip("把在 Excel、WPS 或 Word 中复制的整张申报表粘贴到空白申报表中")
    action.triggered.connect(lambda: paste_whole_form(context, window))
    if actions.edit_menu is not None:
        actions.edit_menu.addAction(action)
    actions.actions["pasteWholeFormAction"] = action
    app = QApplication.instance()
    if app is not None:
        key_filter = _WholeFormKey(context, window)
        app.installEventFilter(key_filter)  # removed by Qt when the window (its parent) goes
    return action
