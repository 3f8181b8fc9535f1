"""The main window: assembles navigator, section editor, menus, toolbar and status bar.

One declaration is open per window. The window builds an :class:`AppContext` over the store
(the DeclarationStore protocol; it never knows the database behind it) and the settings, hands
it to the controllers, and follows the context's and the controllers' signals. It is the
:class:`ui.window_port.WindowPort` the controllers may ask to open, close and flush.
"""

from __future__ import annotations

from datetime import datetime

from typing_extensions import override

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Declaration
from desktop.domain.normalise import normalised
from desktop.domain.validate import problems
from desktop.exchange.canonical import fingerprint
from desktop.services.store import DeclarationStore, NotFoundError
from desktop.settings import Settings
from ui.app_context import AppContext
from ui.autosave import Autosaver
from ui.backup_controller import BackupController
from ui.checks_controller import ChecksController
from ui.document import DeclarationDocument
from ui.edit_lock import EditLock
from ui.editor import DeclarationEditor
from ui.final_guard import FinalGuard
from ui.findings.row_marks import RowMarks
from ui.navigation import go_to_where, mark_new_page, show_marks
from ui.navigator.controller import LifecycleController
from ui.navigator.panel import NavigatorPanel
from ui.navigator.start_page import StartPage
from ui.output_controller import OutputController
from ui.read_only import ReadOnlyView
from ui.save_banner import SaveBanner
from ui.save_guard import SaveGuard
from ui.sections import SectionContext
from ui.status import SaveStatus
from ui.window_actions import NEED_DOCUMENT, build_actions

#: The object names of the indicator section's page (department form, project form).
_INDICATOR_PAGES = ("indicatorPanel", "projectIndicatorPanel")


class MainWindow(QMainWindow):
    """The editor window over ``store``; ``document`` is None while the start page shows."""

    def __init__(
        self, store: DeclarationStore, settings: Settings, declaration_id: int | None = None
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("绩效目标申报助手")
        self.context = AppContext(store, settings, self)
        self.editor: DeclarationEditor | None = None
        self.window_actions = build_actions(self, self.undo_group)
        from ui.form_paste import install_paste_form_action

        install_paste_form_action(self.context, self, self.window_actions)
        self.controller = LifecycleController(self.context, self)
        self.output = OutputController(self.context, self, self)
        self.checks = ChecksController(self.context, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checks.dock)
        self.navigator = NavigatorPanel(self)
        self.start_page = StartPage(
            [
                self.window_actions["newAction"],
                self.window_actions["newFromSampleAction"],
                self.window_actions["openAction"],
            ],
            self,
        )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start_page)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(1, False)
        char = self.fontMetrics().horizontalAdvance("中")
        splitter.setSizes([char * 21, char * 80])
        self.splitter = splitter
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.save_banner = SaveBanner(central)
        column.addWidget(self.save_banner)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        # Failed saves, one writer per declaration, backups (docs/safety.md).
        self.save_guard = SaveGuard(self.context, self, self.save_banner)
        self.edit_lock = EditLock(store)
        self.read_only: ReadOnlyView | None = None
        self.save_banner.edit_requested.connect(self.retry_editing)
        self.save_banner.take_over_requested.connect(self.take_over)
        self.backups = BackupController(self.context, self, self.edit_lock)
        self.backups.connect_actions(self.window_actions)
        self.save_status = SaveStatus(self)
        self.statusBar().addWidget(self.save_status, 1)
        self.statusBar().addPermanentWidget(self.checks.counts)
        self.navigator.open_requested.connect(self.open_declaration)
        self.navigator.section_requested.connect(self.show_section)
        for number, action in enumerate(self.window_actions.sections):
            action.triggered.connect(lambda _=False, n=number: self.show_section(n, focus=True))
        self.window_actions["quitAction"].triggered.connect(self.close)
        self.controller.connect_actions(self.window_actions)
        if self.window_actions.indicator_menu is not None:
            self.window_actions.indicator_menu.aboutToShow.connect(self._indicator_menu_opens)
        self.output.connect_actions(self.window_actions)
        self.checks.connect_actions(self.window_actions)
        self.checks.jump_requested.connect(self._jump_to)
        self.checks.marks_ready.connect(self._show_marks)
        self.context.status_message.connect(self.statusBar().showMessage)
        self.context.saved.connect(self._on_saved)
        self.context.revision_changed.connect(self._on_revision)
        self.context.declarations_changed.connect(self.refresh_list)
        self.refresh_list()
        if declaration_id is not None:
            self.open_declaration(declaration_id)
        else:
            self._show_start()

    # -- what the context holds --------------------------------------------------------
    @property
    def store(self) -> DeclarationStore:
        return self.context.store

    @property
    def settings(self) -> Settings:
        return self.context.settings

    @property
    def document(self) -> DeclarationDocument | None:
        return self.context.document

    @property
    def autosaver(self) -> Autosaver | None:
        return self.context.autosaver

    @property
    def undo_group(self) -> QUndoGroup:
        return self.context.undo_group

    def dialog_parent(self) -> QWidget:
        return self

    # -- open / close -------------------------------------------------------------------
    def open_declaration(self, declaration_id: int, section: int | None = None) -> None:
        """Open a stored declaration in this window (the previous one is saved first).

        When another window or program edits it, it opens read-only (ui/edit_lock.py). A project
        declaration gets the project's sections (ui/sections.py).
        """
        self.store.summary(declaration_id)  # NotFoundError before the open one is closed
        keep = (
            section if section is not None else (self.editor.currentIndex() if self.editor else 0)
        )
        if not self.close_declaration(show_start=False):
            return
        holder = self.edit_lock.acquire(declaration_id)
        document = self.context.open_document(declaration_id, editable=holder is None)
        if self.autosaver is not None:
            self.save_guard.attach(self.autosaver)
        document.replaced.connect(lambda: self.update_status())
        document.notice.connect(self._on_notice)
        self.final_guard = FinalGuard(document, self.store, self)
        context = SectionContext(
            document,
            lambda: self.store.stored_indicators(declaration_id),
            prepare_preview=self.output.preview_job,
            print_current=self.output.print_document,
            related=self.checks.related_forms,
            related_changed=self.checks.related_changed,
        )
        self.editor = DeclarationEditor(context, self.stack, current=keep)
        self.navigator.set_form(document.declaration.form)
        for action, shown in zip(self.window_actions.sections, self.editor.sections, strict=True):
            action.setText(shown.title)  # 视图 ▸ 项目资金 for a project
        self.editor.currentChanged.connect(self.navigator.set_section)
        self.editor.page_built.connect(self._on_page_built)
        self.stack.addWidget(self.editor)
        self.stack.setCurrentWidget(self.editor)
        self._fill_indicator_menu()
        self.show_section(keep)
        self._set_document_actions(True)
        self.save_status.read_only = holder is not None
        if holder is not None:
            self.read_only = ReadOnlyView(
                holder,
                document,
                self.editor.pages,
                self.window_actions,
                self.save_banner,
                self.context.tell,
            )
        self.checks.follow(document)
        self.update_status(revision=self.store.summary(declaration_id).latest_revision)
        self.refresh_list()
        self._warn_if_refused(document.declaration)

    def _warn_if_refused(self, declaration: Declaration) -> None:
        """A working copy stored by an older program may fail the gate: say what to correct."""
        found = problems(normalised(declaration))
        if found:
            from desktop.services.refusal import describe_problems

            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "请改正以下内容",
                "此申报表由旧版程序保存，以下内容无法保存，改正后才能继续保存：\n"
                + describe_problems(found, declaration),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("refusedOnOpenBox")
            box.open()  # not modal: a screenshot or a test is never blocked by it

    def close_declaration(self, show_start: bool = True) -> bool:
        """Save and close the open declaration; False when the user chose to keep it open."""
        if self.document is None:
            if show_start:
                self._show_start()
            return True
        if not self.save_guard.may_close():
            return False
        self.edit_lock.release()
        self.read_only = None
        self.save_banner.clear_state()
        self.context.close_document()
        if self.editor is not None:
            self.stack.removeWidget(self.editor)
            self.editor.hide()
            self.editor.setParent(None)  # out of the window's children at once
            self.editor.deleteLater()
        self.editor = None
        if show_start:
            self._show_start()
        return True

    def _show_start(self) -> None:
        self.stack.setCurrentWidget(self.start_page)
        self._set_document_actions(False)
        self.save_status.clear_status()
        self.setWindowTitle("绩效目标申报助手")
        self.refresh_list()

    def retry_editing(self) -> None:
        """Open the read-only declaration again: editable now if its other window has closed."""
        if self.document is None or self.document.declaration_id is None:
            return
        try:
            self.open_declaration(self.document.declaration_id)
        except NotFoundError:  # deleted meanwhile by the window that edited it
            self.close_declaration()
            self.statusBar().showMessage("该申报表已被删除", 10_000)

    def take_over(self) -> None:
        """Clear the lock of a holder on another computer (after a warning) and edit."""
        from ui import read_only

        view, document = self.read_only, self.document
        if view is None or document is None or document.declaration_id is None:
            return
        if read_only.confirm_take_over(self, view.holder):
            self.store.release_lock(document.declaration_id, view.holder.token)
            self.retry_editing()

    def commit_pending(self) -> None:
        """Commit a cell or field still being typed in (its editor commits when it loses focus)."""
        # Enter commits through a queued call: let it run first.
        QApplication.sendPostedEvents()
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            focus.clearFocus()

    def flush(self) -> bool:
        """Commit what is being typed and write unsaved edits now."""
        self.commit_pending()
        return self.context.write_unsaved()

    # -- pieces -------------------------------------------------------------------------
    def refresh_list(self) -> None:
        current = self.document.declaration_id if self.document else None
        self.navigator.set_declarations(self.store.list(), current)

    def show_section(self, index: int, focus: bool = False) -> None:
        """Show a section; with ``focus`` (Ctrl+1 … Ctrl+5) the keyboard focus goes into it."""
        if self.editor is not None and 0 <= index < self.editor.count():
            if focus:
                self.editor.show_section(index)
            else:
                self.editor.setCurrentIndex(index)
            self.navigator.set_section(index)

    def _fill_indicator_menu(self) -> None:
        """编辑 ▸ 绩效指标 offers the indicator panel's actions; the panel is built when the
        menu first opens (or when its section is shown), not with the window."""
        menu = self.window_actions.indicator_menu
        assert menu is not None and self.editor is not None
        menu.clear()
        panel = next(
            (p for p in map(self.editor.built_page, _INDICATOR_PAGES) if p is not None), None
        )
        for action in getattr(panel, "actions_by_name", {}).values():
            menu.addAction(action)

    @Slot()
    def _indicator_menu_opens(self) -> None:
        if self.editor is not None:
            # Built now: fills the menu (_on_page_built).
            self.editor.page(self.editor.sections[3].object_name)

    @Slot(QWidget)
    def _on_page_built(self, page: QWidget) -> None:
        if self.editor is None:
            return
        mark_new_page(self.editor, page)
        if page.objectName() in _INDICATOR_PAGES:
            self._fill_indicator_menu()

    def _set_document_actions(self, enabled: bool) -> None:
        for name in NEED_DOCUMENT:
            self.window_actions[name].setEnabled(enabled)
        for action in self.window_actions.sections:
            action.setEnabled(enabled)
        if self.window_actions.indicator_menu is not None:
            self.window_actions.indicator_menu.setEnabled(enabled)

    @Slot(str)
    def _jump_to(self, where: str) -> None:
        if self.editor is not None and not go_to_where(self.editor, where):
            self.statusBar().showMessage("该项已不存在（申报表在自检后已修改）", 6000)

    @Slot(object)
    def _show_marks(self, marks: RowMarks) -> None:
        if self.editor is not None:
            show_marks(self.editor, marks)

    @Slot(str)
    def _on_notice(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)

    @Slot(datetime)
    def _on_saved(self, when: datetime) -> None:
        self.update_status(saved_at=when)

    @Slot(int)
    def _on_revision(self, number: int) -> None:
        self.update_status(revision=number)

    def update_status(self, saved_at: datetime | None = None, revision: int | None = None) -> None:
        """Refresh the status line; the revision shown is always the store's latest (the
        ``revision`` a caller just made is that one), with its fingerprint compared."""
        del revision
        if self.document is None:
            return
        declaration = self.document.declaration
        current = fingerprint(normalised(declaration))  # as frozen (docs/exchange-format.md)
        # A revision number is shown beside its own fingerprint only: after an edit the
        # status says the working copy has changed since that revision.
        latest = None
        if self.document.declaration_id is not None:
            revisions = self.store.revisions(self.document.declaration_id)
            latest = revisions[-1] if revisions else None
        self.save_status.update_status(
            saved_at=saved_at,
            revision=latest.number if latest is not None else 0,
            fingerprint=current,
            changed_since=latest is not None and latest.fingerprint != current,
        )
        unit = declaration.unit_name or "未填写单位名称"
        project = self.document.project
        if project is not None:  # a unit has many projects: the project names the window
            unit = f"{project.project.name or '未填写项目名称'} · {unit}"
        self.setWindowTitle(f"{declaration.year} {unit} — 绩效目标申报助手")

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        # Nothing is ever lost: the working copy is written now, and if it cannot be, the user
        # chooses what happens to the edits (ui/save_guard.py).
        if not self.save_guard.may_close():
            event.ignore()
            return
        self.edit_lock.release_all()
        super().closeEvent(event)

    def current_page(self) -> QWidget | None:
        return self.editor.current_page() if self.editor else None
