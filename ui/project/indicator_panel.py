"""The project's 绩效指标 section (docs/project-form.md §6 "绩效指标").

The department form's indicator panel (ui/indicators/) over one horizon's tree at a time, with:
- a switch 年度 | 中期 above it (F7 toggles) for profiles with the 中期 horizon;
- a grey read-only column with the other horizon's 指标值 of the row paired as rule P03 pairs
  them, where a P03 finding shows its icon;
- 复制到中期 / 复制到年度 (toolbar and right-click menu) copying the selected rows or the whole
  tree, one undo step (ui/project/horizon_copy.py).
Annual-only profiles show the 年度 tree alone, as the department form does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.horizon_goals import HORIZON_NAMES
from desktop.domain.project import ANNUAL, MID, MID_PATH
from desktop.rules.locate import parse_where
from ui.findings.row_marks import RowMarks
from ui.indicators.model import POSITION_ROLE, IndicatorTreeModel
from ui.indicators.panel import EMPTY_TEXT, IndicatorPanel
from ui.project.horizon_copy import copy_to_other
from ui.project.horizon_switch import HorizonSwitch

if TYPE_CHECKING:  # ui.sections imports the section modules: no import circle
    from ui.sections import SectionContext

EMPTY_MID = "尚无中期绩效指标：按 Insert 添加，或用“复制到中期”从年度指标开始（F7 切换）"


class ProjectIndicatorPanel(QWidget):
    """The 绩效指标 page of a project (implements ui/project/page.py ProjectPage)."""

    def __init__(self, ctx: SectionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectIndicatorPanel")
        self.document = ctx.document
        self.has_mid = self.document.project_profile().has_mid
        self.model = IndicatorTreeModel(self.document, ANNUAL, other_column=self.has_mid)
        self.panel = IndicatorPanel(self.document, ctx.stored_indicators, self, self.model)
        #: The window's 编辑 ▸ 绩效指标 menu offers these (ui/main_window.py).
        self.actions_by_name: dict[str, QAction] = self.panel.actions_by_name
        self.setFocusProxy(self.panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.switch: HorizonSwitch | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("horizonHeading")
        self.heading.setStyleSheet("color: #555;")
        if self.has_mid:
            self.switch = HorizonSwitch(self)
            self.switch.chosen.connect(self.show_horizon)
            top = QHBoxLayout()
            top.addWidget(self.switch)
            top.addSpacing(12)
            top.addWidget(self.heading, 1)
            layout.addLayout(top)
            self._make_horizon_actions()
            #: Where the cursor was in each tree (category, row, column), to come back there.
            self._positions: dict[str, tuple[int, int, int]] = {}
            self.model.modelAboutToBeReset.connect(self._remember_place)
            self.model.horizon_changed.connect(self._on_horizon_changed)
            self._on_horizon_changed(self.model.horizon)
        else:
            self.heading.hide()
        layout.addWidget(self.panel, 1)

    def _make_horizon_actions(self) -> None:
        copy = QAction(self)
        copy.setObjectName("copyToOtherHorizonAction")
        copy.triggered.connect(lambda _=False: self.copy_to_other())
        self.panel.add_tree_action(copy)
        switch = QAction("切换年度/中期", self)
        switch.setObjectName("switchHorizonAction")
        switch.setShortcut(QKeySequence(Qt.Key.Key_F7))
        # F7 wherever the focus is while this section shows (also from the 编辑 menu); it only
        # changes the view, so read-only viewing keeps it.
        switch.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        switch.setToolTip("切换显示年度 / 中期绩效指标（F7）")
        switch.triggered.connect(lambda _=False: self.toggle_horizon())
        self.addAction(switch)
        self.actions_by_name[switch.objectName()] = switch

    # -- horizons -----------------------------------------------------------------------
    def horizon(self) -> str:
        return self.model.horizon

    def show_horizon(self, horizon: str) -> None:
        if horizon == MID and not self.has_mid:
            return
        self.model.show_horizon(horizon)

    def toggle_horizon(self) -> None:
        if not self.isVisible():  # F7 through the 编辑 menu while another section shows
            return
        self.show_horizon(ANNUAL if self.model.horizon == MID else MID)
        self.panel.view.setFocus()

    def _remember_place(self) -> None:
        current = self.panel.view.currentIndex()
        position = current.data(POSITION_ROLE) if current.isValid() else None
        if isinstance(position, tuple):  # still the old tree: the reset comes next
            self._positions[self.model.horizon] = (position[0], position[1], current.column())

    def _restore_place(self, horizon: str) -> None:
        place = self._positions.get(horizon)
        categories = self.model.categories
        if place is None or place[0] >= len(categories):
            return
        if place[1] < len(categories[place[0]].indicators):
            self.panel.ops.select(*place)

    def _on_horizon_changed(self, horizon: str) -> None:
        self._restore_place(horizon)
        self.panel.empty_label.setText(EMPTY_MID if horizon == MID else EMPTY_TEXT)
        other = HORIZON_NAMES[self.model.other_horizon()]
        if self.switch is not None:
            self.switch.show_horizon(horizon)
        copy = self.actions_by_name["copyToOtherHorizonAction"]
        copy.setText(f"复制到{other}")
        copy.setToolTip(
            f"将所选指标复制到{other}绩效指标；未选择时复制整个{HORIZON_NAMES[horizon]}指标表"
        )
        self.heading.setText(self._heading(horizon))
        self.panel.status.setText("")

    def _heading(self, horizon: str) -> str:
        project = self.document.project
        if horizon == ANNUAL or project is None:
            return f"年度绩效指标（{self.document.declaration.year}年度）"
        start, end = project.project.period_start, project.project.period_end
        years = f"（{start}年—{end}年）" if start is not None and end is not None else ""
        return f"中期绩效指标{years}：覆盖整个项目期"

    def copy_to_other(self) -> None:
        self.panel.status.setText(copy_to_other(self.panel, self))

    # -- ProjectPage ----------------------------------------------------------------------
    def set_marks(self, marks: RowMarks) -> None:
        self.model.set_marks(marks)

    def focus_where(self, where: str) -> bool:
        """``indicators[i]…`` selects in the 年度 tree, ``mid_term.indicators[i]…`` switches to
        the 中期 tree and selects there."""
        mid = where.startswith(MID_PATH + ".")
        place = parse_where(where.removeprefix(MID_PATH + "."))
        if place.section != "indicators" or (mid and not self.has_mid):
            return False
        self.show_horizon(MID if mid else ANNUAL)
        if place.index is None:
            self.panel.view.setFocus()
            return True
        return self.panel.select_document_row(place.index, place.field)


def build(ctx: SectionContext) -> QWidget:
    return ProjectIndicatorPanel(ctx)
