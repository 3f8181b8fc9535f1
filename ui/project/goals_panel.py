"""The project's 总体目标 section (docs/project-form.md "The 总体目标 section").

The 中期 and 年度 goal lists are each the department form's goals editor (ui/goals/) on one
horizon, side by side or as tabs (ui/project/side_by_side.py); an annual-only profile shows the
年度 list alone. ``复制到年度`` / ``复制到中期`` append the selected goals to the other list in one
undo step, skipping goals that list already has (desktop/domain/horizon_goals.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain import horizon_goals
from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.project import ANNUAL, MID
from desktop.rules.locate import RowMark, parse_where
from ui.document import DeclarationDocument
from ui.findings.icons import severity_icon
from ui.findings.row_marks import RowMarks
from ui.goals.commands import CopyGoalsCommand
from ui.goals.editor import GoalsEditor
from ui.project.side_by_side import SideBySide

if TYPE_CHECKING:
    from ui.sections import SectionContext

_HINT = (
    "目标编号随顺序自动生成；“对应指标”统计同一期（中期或年度）绩效指标中选择了该目标的指标，"
    "为 0 的目标以底色标出。选中目标后按“复制到年度”或“复制到中期”，可把目标追加到另一组末尾"
    "（已有的相同目标不重复复制）。"
)


class GoalPane(QWidget):
    """One horizon's heading (with the marks of findings about the list as a whole) and list."""

    def __init__(self, document: DeclarationDocument, horizon: str, wrap: bool) -> None:
        super().__init__()
        self.horizon = horizon
        self.setObjectName(f"{horizon}GoalsPane")
        self.editor = GoalsEditor(document, self, horizon, wrap_tools=wrap)
        self.editor.setObjectName(f"{horizon}GoalsEditor")
        self.heading = QLabel(self)
        self.heading.setObjectName(f"{horizon}GoalsHeading")
        self.heading.setStyleSheet("font-weight: bold;")
        self.mark = QLabel(self)
        self.mark.hide()
        top = QHBoxLayout()
        top.setContentsMargins(9, 6, 9, 0)
        top.addWidget(self.heading)
        top.addWidget(self.mark)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.editor, 1)
        self.setFocusProxy(self.editor)

    def show_mark(self, mark: RowMark | None) -> None:
        """A finding about the whole list (e.g. no 中期 goal, P04): icon and tooltip."""
        self.mark.setVisible(mark is not None)
        self.mark.setToolTip(mark.tooltip if mark is not None else "")
        self.heading.setToolTip(mark.tooltip if mark is not None else "")
        if mark is not None:
            self.mark.setPixmap(severity_icon(mark.severity).pixmap(16, 16))


class ProjectGoalsPage(QWidget):
    """总体目标 of a project: implements ``ui/project/page.py`` ProjectPage."""

    def __init__(self, document: DeclarationDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectGoalsEditor")
        self.document = document
        profile = document.project_profile()
        self._templates = _heading_templates(dict(profile.layout.get("goals") or {}))
        horizons = [MID, ANNUAL] if profile.has_mid else [ANNUAL]
        self.panes = {h: GoalPane(document, h, wrap=len(horizons) > 1) for h in horizons}
        layout = QVBoxLayout(self)
        self.switch: SideBySide | None = None
        if len(horizons) > 1:
            for pane in self.panes.values():
                pane.editor.hint.hide()
                self._add_copy_action(pane)
            hint = QLabel(_HINT, self)
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #555555;")
            hint.setContentsMargins(9, 6, 9, 0)
            layout.addWidget(hint)
            titles = [(p, f"{horizon_goals.HORIZON_NAMES[h]}目标") for h, p in self.panes.items()]
            self.switch = SideBySide(titles, self)
            layout.addWidget(self.switch, 1)
        else:
            layout.addWidget(self.panes[ANNUAL], 1)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setFocusProxy(self.panes[horizons[0]])
        self._refresh_headings()
        document.changed.connect(self._on_changed)
        document.replaced.connect(self._refresh_headings)

    @property
    def annual(self) -> GoalsEditor:
        return self.panes[ANNUAL].editor

    @property
    def mid(self) -> GoalsEditor | None:
        pane = self.panes.get(MID)
        return pane.editor if pane is not None else None

    def _add_copy_action(self, pane: GoalPane) -> None:
        target = ANNUAL if pane.horizon == MID else MID
        name = horizon_goals.HORIZON_NAMES[target]
        action = QAction(f"复制到{name}", pane.editor.view)
        action.setObjectName(f"copyTo{target.capitalize()}Action")
        action.setToolTip(f"把所选目标复制到{name}目标末尾（已有的相同目标不复制）")
        action.triggered.connect(lambda: self.copy_selected(pane.horizon))
        pane.editor.add_tool_action(action)

    def copy_selected(self, source: str) -> None:
        """Copy the selected goals of ``source`` to the end of the other list, as one step."""
        target = ANNUAL if source == MID else MID
        editor, receiver = self.panes[source].editor, self.panes[target].editor
        try:
            plan = horizon_goals.plan_copy(
                self.document.declaration, source, target, editor.selected_rows()
            )
        except EditError as exc:
            editor.status.setText(f"未复制：{exc}")
            return
        if plan.texts:
            first = receiver.model.rowCount()
            self.document.undo_stack.push(CopyGoalsCommand(receiver.model, plan))
            receiver.view.selectionModel().clearSelection()
            receiver.view.scrollTo(receiver.model.index(first, 0))
        editor.status.setText(horizon_goals.copy_message(plan, target))

    # -- headings -------------------------------------------------------------------------
    @Slot(object)
    def _on_changed(self, parts: Part) -> None:
        if parts & Part.PROJECT:  # the 项目期 years are in the 中期 heading
            self._refresh_headings()

    def _refresh_headings(self) -> None:
        for horizon, pane in self.panes.items():
            title = horizon_goals.goal_heading(
                self.document.declaration, horizon, self._templates.get(horizon, ())
            )
            pane.heading.setText(title)

    # -- ProjectPage ----------------------------------------------------------------------
    def set_marks(self, marks: RowMarks) -> None:
        self.annual.model.set_marks(marks)
        self.panes[ANNUAL].show_mark(marks.section("goals"))
        if MID in self.panes:
            mid = marks.mid()
            self.panes[MID].editor.model.set_marks(mid)
            self.panes[MID].show_mark(mid.section("goals"))

    def focus_where(self, where: str) -> bool:
        """``goals`` / ``goals[i]`` select in the 年度 list, ``mid_term.goals[i]`` in the 中期 one."""
        horizon = MID if where.startswith("mid_term.") else ANNUAL
        place = parse_where(where.removeprefix("mid_term."))
        pane = self.panes.get(horizon)
        if place.section != "goals" or pane is None:
            return False
        if self.switch is not None:
            self.switch.show_pane(pane)
        view = pane.editor.view
        if place.index is not None:
            if not 0 <= place.index < pane.editor.model.rowCount():
                return False
            index = pane.editor.model.index(place.index, 0)
            view.setCurrentIndex(index)
            view.scrollTo(index)
        view.setFocus()
        return True


def _heading_templates(spec: dict[str, object]) -> dict[str, tuple[str, ...]]:
    """Each horizon's heading template from the profile's goals block (paired: per side)."""
    sides = spec.get("sides")
    if isinstance(sides, list):
        return {
            str(s.get("horizon")): (str(s.get("heading", "")),)
            for s in sides
            if isinstance(s, dict) and s.get("heading")
        }
    label = spec.get("label")
    return {ANNUAL: (str(label),)} if label else {}


def build(ctx: SectionContext) -> QWidget:
    return ProjectGoalsPage(ctx.document)
