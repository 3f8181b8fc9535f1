"""The review rules in the window: findings dock, F5, status counts, row icons, jump to cell."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QDockWidget, QLabel

from desktop.documents.fonts import FontError, load_print_font
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile
from desktop.rules.engine import Finding, check_declaration
from desktop.rules.project.cross_forms import RelatedForms
from desktop.services.related_forms import related_forms
from desktop.services.revisions import previous_year_declaration
from ui.budget.panel import BudgetPanel
from ui.findings.checker import LiveChecker
from ui.findings.panel import FindingsPanel
from ui.findings.row_marks import RowMarks
from ui.goals.editor import GoalsEditor
from ui.indicators.panel import IndicatorPanel
from ui.navigation import go_to_where

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def counts_text(errors: int, warnings: int, infos: int) -> str:
    return f"错误 {errors} · 警告 {warnings} · 提示 {infos}"


class ChecksController(QObject):
    """Owns the live checker and the findings dock of one window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._previous: Declaration | None = None
        #: The unit's stored project forms of the year, for C02/C03 (docs/project-form.md §6).
        self._related: RelatedForms | None = None
        self.checker = LiveChecker(check=self._check, parent=self)
        self.panel = FindingsPanel(self.checker)
        self.dock = QDockWidget("自检结果", window)
        self.dock.setObjectName("findingsDock")
        self.dock.setWidget(self.panel)
        self.dock.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.BottomDockWidgetArea
        )
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.counts = QLabel("", window)
        self.counts.setObjectName("findingCounts")
        window.statusBar().addPermanentWidget(self.counts)
        self.panel.counts_changed.connect(self._show_counts)
        self.panel.jump_requested.connect(self.jump_to)
        self.panel.message_posted.connect(lambda text: window.statusBar().showMessage(text, 8000))
        self.checker.findings_changed.connect(self._mark_rows)
        self.checker.check_failed.connect(lambda text: window.statusBar().showMessage(text, 10_000))

    def connect_actions(self) -> None:
        actions = self.window.window_actions
        check = actions["checkAction"]
        check.setEnabled(True)
        check.setToolTip("立即按审核规则自检 (F5)")
        check.triggered.connect(self.run_now)
        view_menu = self.window.window_actions.view_menu
        if view_menu is not None:
            view_menu.addSeparator()
            toggle = self.dock.toggleViewAction()
            toggle.setText("自检结果面板")
            view_menu.addAction(toggle)

    def follow(self, document_open: bool) -> None:
        """Check the window's document (after open), or clear (after close)."""
        document = self.window.document if document_open else None
        self._previous = None
        self._related = None
        if document is not None:
            self._find_previous_year()
            # A restored revision may be of another year or unit: look last year up again.
            document.replaced.connect(self._find_previous_year)
        # The first check follows a moment after the declaration is shown.
        self.checker.set_document(document, check_now=False)
        self.dock.setEnabled(document is not None)
        self.counts.setText("正在自检…" if document is not None else "")

    @Slot()
    def _find_previous_year(self) -> None:
        document = self.window.document
        if document is not None:
            store, declaration = self.window.store, document.declaration
            self._previous = previous_year_declaration(store, declaration)
            self._related = related_forms(store, declaration, document.declaration_id)

    def _check(self, declaration: Declaration, profile: Profile) -> list[Finding]:
        return check_declaration(
            declaration,
            profile,
            previous=self._previous,
            font_covers=self._font_covers(),
            related=self._related,
        )

    def _font_covers(self) -> Callable[[str], bool] | None:
        """T04 checks against the print font chosen in the settings (None: the bundled one)."""
        settings = self.window.settings
        path = str(settings.get("print.font_path"))
        if not path:
            return None
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
        editor = self.window.editor
        if editor is not None and not go_to_where(editor, where):
            self.window.statusBar().showMessage("该项已不存在（申报表在自检后已修改）", 6000)

    @Slot(list)
    def _mark_rows(self, findings: list[Finding]) -> None:
        editor = self.window.editor
        document = self.window.document
        if editor is None or document is None:
            return
        marks = RowMarks(findings, document.declaration)
        for name, kind in (
            ("indicatorPanel", IndicatorPanel),
            ("budgetPanel", BudgetPanel),
            ("goalsEditor", GoalsEditor),
        ):
            page = editor.page(name)
            if isinstance(page, kind):
                page.model.set_marks(marks)
