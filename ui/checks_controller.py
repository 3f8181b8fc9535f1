"""The review rules in the window: findings dock, F5, status counts, row icons, jump to cell."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QLabel

from desktop.domain.model import Declaration
from desktop.domain.profile import Profile
from desktop.rules.findings import Finding
from desktop.services.revisions import previous_year_declaration
from ui.app_context import AppContext
from ui.document import DeclarationDocument
from ui.findings.checker import LiveChecker
from ui.findings.panel import FindingsPanel
from ui.findings.row_marks import RowMarks
from ui.window_actions import WindowActions

if TYPE_CHECKING:
    from desktop.rules.project.cross_forms import RelatedForms


def counts_text(errors: int, warnings: int, infos: int) -> str:
    return f"错误 {errors} · 警告 {warnings} · 提示 {infos}"


class ChecksController(QObject):
    """Owns the live checker, the findings dock and the counts label of one window.

    The window places :attr:`dock` and :attr:`counts` and follows the signals.

    Signals:
        jump_requested(str): show the cell of this finding path (``where``).
        marks_ready(object): new :class:`RowMarks` for the section pages.
        related_changed(): :meth:`related_forms` holds newly read forms.
    """

    jump_requested = Signal(str)
    marks_ready = Signal(object)
    #: The stored forms the open declaration is cross-checked with were read again.
    related_changed = Signal()

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._previous: Declaration | None = None
        #: The unit's stored project forms of the year, for C02/C03 (docs/project-form.md §6).
        self._related: RelatedForms | None = None
        #: The document ``_previous`` and ``_related`` were read for.
        self._read_for: DeclarationDocument | None = None
        self.checker = LiveChecker(check=self._check, parent=self)
        self.panel = FindingsPanel(self.checker)
        self.dock = QDockWidget("自检结果")
        self.dock.setObjectName("findingsDock")
        self.dock.setWidget(self.panel)
        self.dock.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.counts = QLabel("")
        self.counts.setObjectName("findingCounts")
        self.panel.counts_changed.connect(self._show_counts)
        self.panel.jump_requested.connect(self.jump_to)
        self.panel.message_posted.connect(lambda text: context.tell(text, 8000))
        self.checker.findings_changed.connect(self._mark_rows)
        self.checker.check_failed.connect(lambda text: context.tell(text, 10_000))
        # Opening is followed when the window has shown the document (see follow).
        context.document_closed.connect(lambda: self.follow(None))
        # C02/C03 follow the unit's other forms when another window saves them.
        from ui.related_watch import RelatedFormsWatch

        self.related_watch = RelatedFormsWatch(context.store, parent=self)
        self.related_watch.changed.connect(self._related_changed)

    def connect_actions(self, actions: WindowActions) -> None:
        check = actions["checkAction"]
        check.setEnabled(True)
        check.setToolTip("立即按审核规则自检 (F5)")
        check.triggered.connect(self.run_now)
        if actions.view_menu is not None:
            actions.view_menu.addSeparator()
            toggle = self.dock.toggleViewAction()
            toggle.setText("自检结果面板")
            actions.view_menu.addAction(toggle)

    @Slot(object)
    def follow(self, document: DeclarationDocument | None) -> None:
        """Check the document the window now shows, or clear after a close.

        The window calls this once the editor is built: the first check then follows a pause
        after the declaration is on screen, not during the build of a large one.
        """
        if document is None:
            self._previous, self._related, self._read_for = None, None, None
        else:
            if self._read_for is not document:  # a section page may have asked already
                self._find_previous_year()
            # A restored revision may be of another year or unit: look last year up again.
            document.replaced.connect(self._find_previous_year)
        # The first check follows a moment after the declaration is shown.
        self.checker.set_document(document, check_now=False)
        self.related_watch.follow(document)
        self.dock.setEnabled(document is not None)
        self.counts.setText("正在自检…" if document is not None else "")

    @Slot()
    def _find_previous_year(self) -> None:
        document = self.context.document
        if document is not None:
            # Imported here: the rule modules load with the first open, after the window shows.
            from desktop.services.related_forms import related_forms

            store, declaration = self.context.store, document.declaration
            self._previous = previous_year_declaration(store, declaration)
            self._related = related_forms(store, declaration, document.declaration_id)
            self._read_for = document
            self.related_changed.emit()

    def related_forms(self) -> RelatedForms:
        """The stored forms the open declaration is cross-checked with (C02/C03), as stored now.

        A look at the store's list (ui/related_watch.py) decides whether they are read again;
        section pages call this instead of reading every neighbour themselves.
        """
        self.related_watch.poll()  # reads them again (and says so) when a neighbour changed
        if self._related is None or self._read_for is not self.context.document:
            self._find_previous_year()
        assert self._related is not None
        return self._related

    @Slot()
    def _related_changed(self) -> None:
        self._find_previous_year()
        self.checker.recheck_later()

    def _check(self, declaration: Declaration, profile: Profile) -> list[Finding]:
        # Imported here: the rule modules load with the first check, after the window shows.
        from desktop.rules.engine import check_declaration

        return check_declaration(
            declaration,
            profile,
            previous=self._previous,
            font_covers=self._font_covers(),
            related=self._related,
        )

    def _font_covers(self) -> Callable[[str], bool] | None:
        """T04 checks against the print font chosen in the settings (None: the bundled one)."""
        settings = self.context.settings
        path = str(settings.get("print.font_path"))
        if not path:
            return None
        from desktop.documents.fonts import FontError, load_print_font

        try:
            return load_print_font(path, int(settings.get("print.font_index"))).has
        except FontError:
            return None  # printing reports the unusable font itself

    @Slot()
    def run_now(self) -> None:
        self._find_previous_year()  # F5 also sees project forms saved meanwhile
        self.dock.show()
        self.checker.run_now()

    @Slot(int, int, int)
    def _show_counts(self, errors: int, warnings: int, infos: int) -> None:
        self.counts.setText(counts_text(errors, warnings, infos))

    @Slot(str)
    def jump_to(self, where: str) -> None:
        self.jump_requested.emit(where)

    @Slot(list)
    def _mark_rows(self, findings: list[Finding]) -> None:
        document = self.context.document
        if document is not None:
            self.marks_ready.emit(RowMarks(findings, document.declaration))
