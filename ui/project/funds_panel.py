"""The project's 项目资金 section (docs/project-form.md §13).

A small table (rows 中期资金/年度资金, columns 总额 | 财政拨款 | 其他资金 | details) with live
totals, the bar ``年度资金占中期资金 33.2%``, the C02 status line against the unit's stored
department form, and the 预算控制数 field (rule A03 compares it with 年度资金总额). Every change is
one command of ``ui/project/funds_commands.py``; keys as in docs/table-keys.md.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from typing_extensions import override

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import funds
from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.money import parse_user_amount
from desktop.domain.project import ANNUAL, MID, MID_PATH
from desktop.rules.project.cross_forms import RelatedForms
from ui.budget.cell_message import SHOWN_AFTER_CLOSE_MS, CellMessage
from ui.budget.commands import SetControlTotalCommand
from ui.budget.control_total import ControlTotalField
from ui.budget.declared_banner import DeclaredTotalsBanner
from ui.cell_block import block_tsv, selected_cells
from ui.document import DeclarationDocument
from ui.findings.row_marks import RowMarks
from ui.project.c02_status import C02StatusLine
from ui.project.funds_commands import AcceptComputedFundsCommand, SetFundsCommand
from ui.project.funds_model import TOTAL_COLUMN, FundsTableModel
from ui.project.funds_share import ShareBar
from ui.project.funds_table import FundsTable
from ui.table_keys import leave_by_tab
from ui.view_actions import view_action

if TYPE_CHECKING:  # ui/sections.py imports this module when the section is first shown
    from ui.sections import SectionContext

#: Re-reading the store after a change of 单位/年度 waits for typing to pause.
_RELATED_DELAY_MS = 400


def build(ctx: SectionContext) -> QWidget:
    panel = FundsPanel(ctx.document, ctx.related)
    if ctx.related_changed is not None:  # another window saved a related form
        ctx.related_changed.connect(panel.reload_related)
    return panel


class FundsPanel(QWidget):
    """Edits the 项目资金 of ``document.project``; implements ui/project/page.py ProjectPage."""

    def __init__(
        self,
        document: DeclarationDocument,
        related: Callable[[], RelatedForms] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectFundsPanel")
        self.document = document
        self._read_related = related
        self._related: RelatedForms | None = None
        self.model = FundsTableModel(document, self)
        self.view = FundsTable(self.model, self._parse, self)
        self.message = CellMessage(self.view)
        self.unit_label = QLabel(self)
        self.banner = DeclaredTotalsBanner(self)
        self.share = ShareBar(self)
        self.c02 = C02StatusLine(self)
        self.control = ControlTotalField(self, unit=self.model.unit, subject="年度资金总额")
        self.status = QLabel(self)
        self.status.setObjectName("projectFundsStatus")
        self.status.setWordWrap(True)
        self._related_timer = QTimer(self)
        self._related_timer.setSingleShot(True)
        self._related_timer.setInterval(_RELATED_DELAY_MS)
        self._related_timer.timeout.connect(self.reload_related)
        self.setFocusProxy(self.view)  # Ctrl+2 puts the keys into the table
        self._build_actions()
        self._build_layout()
        self._connect()
        self._refresh()

    def _parse(self, text: str) -> Decimal:
        """Typed text in the profile's unit → 万元 (the delegate shows AmountError reasons)."""
        return parse_user_amount(text, self.model.unit)

    # -- construction ---------------------------------------------------------------------
    def _build_actions(self) -> None:
        view = self.view
        clear = view_action(view, "清除", "Delete", self.clear_cells, "清除所选金额")
        clear.setShortcuts([QKeySequence("Delete"), QKeySequence("Backspace")])
        copy = QKeySequence(QKeySequence.StandardKey.Copy)
        view_action(view, "复制", copy, self.copy_cells, "复制所选金额（可粘贴到 Excel/WPS）")
        paste = QKeySequence(QKeySequence.StandardKey.Paste)
        view_action(view, "粘贴", paste, self.paste_cells, "粘贴到当前单元格起的区域")
        edit = view_action(view, "编辑", "Return", self._edit_current, "编辑单元格")
        edit.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])

    def _apply_profile(self) -> None:
        """What depends on the profile (again after a restore swapped the declaration)."""
        self.unit_label.setText(
            f"金额单位：{self.model.unit}　总额 = 财政拨款 + 其他资金，随输入自动计算"
        )
        self.share.setVisible(self.model.profile.has_mid)

    def _build_layout(self) -> None:
        self.unit_label.setStyleSheet("color: #555555;")
        table_row = QHBoxLayout()
        table_row.addWidget(self.view)
        table_row.addStretch(1)
        self._apply_profile()
        control_row = QHBoxLayout()
        control_row.addWidget(self.control)
        control_row.addStretch(1)
        layout = QVBoxLayout(self)
        title = QLabel("项目资金", self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(self.unit_label)
        layout.addWidget(self.banner)
        layout.addLayout(table_row)
        layout.addWidget(self.share)
        layout.addWidget(self.c02)
        layout.addSpacing(8)
        layout.addLayout(control_row)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.document.changed.connect(self._on_changed)
        self.model.preview_changed.connect(self._refresh_figures)
        self.model.edit_refused.connect(lambda index, text: self.message.show_for(index, text))
        self.model.modelReset.connect(self._apply_profile)
        self.view.delegate.input_rejected.connect(lambda index, reason: self.message.show_for(index, reason))
        self.view.delegate.input_accepted.connect(lambda _index: self.message.hide())
        self.view.delegate.closeEditor.connect(self.message.keep_after_edit)
        self.control.value_committed.connect(self._set_control_total)
        self.banner.accept_requested.connect(
            lambda: self.document.undo_stack.push(AcceptComputedFundsCommand(self.document))
        )
        leave_by_tab(self.view, self._at_edge)

    # -- refresh --------------------------------------------------------------------------
    @Slot(object)
    def _on_changed(self, parts: Part) -> None:
        if parts & (Part.HEADER | Part.REPLACED):
            # 单位名称 or 年度 decide which stored forms are the neighbours.
            self._related_timer.start()
        if parts & (Part.FUNDS | Part.PROJECT | Part.HEADER):
            self._refresh()

    @override
    def showEvent(self, event: QShowEvent) -> None:
        # Another window may have changed the department form or a project meanwhile.
        self.reload_related()
        super().showEvent(event)

    @override
    def hideEvent(self, event: QHideEvent) -> None:
        self._related_timer.stop()  # e.g. the declaration is being closed
        super().hideEvent(event)

    @Slot()
    def reload_related(self) -> None:
        """Look at the stored forms again and show the C02 line against them."""
        self._related_timer.stop()
        if not self.isVisible():
            return  # read again when shown
        if self._read_related is not None and self.document.project is not None:
            self._related = self._read_related()
            self._refresh_figures()

    def _refresh(self) -> None:
        project = self.document.project
        if project is None:
            return
        decimals = self.document.profile.amount_decimals
        self.control.show_gap(project.budget_control_total, funds.control_gap(project), decimals)
        self.banner.show_differences(funds.declared_differences(project), decimals, self.model.unit)
        self._refresh_figures()

    def _refresh_figures(self) -> None:
        """The share bar and the C02 line, with the amount being typed."""
        project = self.document.project
        if project is None:
            return
        annual = self.model.current(ANNUAL)
        assert annual is not None
        if self.model.profile.has_mid:
            self.share.show_share(funds.annual_share(annual, self.model.current(MID)))
        self.c02.show_status(
            self._related if self._read_related is not None else None,
            project,
            annual,
            self.model.unit,
            self.document.profile.amount_decimals,
        )

    # -- ProjectPage ----------------------------------------------------------------------
    def set_marks(self, marks: RowMarks) -> None:
        self.model.set_marks(marks)

    def focus_where(self, where: str) -> bool:
        """Select the cell of a 项目资金 path (``funds.fiscal``, ``mid_term.funds`` …)."""
        if where == "budget_control_total":
            self.control.edit.setFocus()
            return True
        horizon = ANNUAL
        if where == MID_PATH or where.startswith(MID_PATH + "."):
            horizon, where = MID, where.removeprefix(MID_PATH).removeprefix(".")
        row = self.model.row_of(horizon)
        if row is None:
            return False
        key: str | None = None
        field = where.removeprefix("funds").removeprefix(".")
        if field in (funds.FISCAL, funds.OTHER) or field.startswith(funds.DETAIL):
            key = field
        elif field == "details":
            key = next((k for k in self.model.keys if k and k.startswith(funds.DETAIL)), None)
        column = self.model.column_of(key)
        if column is None:
            column = TOTAL_COLUMN
        index = self.model.index(row, column)
        self.view.setCurrentIndex(index)
        if field == "total" and self.banner.isVisibleTo(self):
            # A declared 总额 that differs (P05) is resolved with the banner's 采用计算值.
            self.banner.button.setFocus()
        else:
            self.view.setFocus()
        return True

    # -- keys -----------------------------------------------------------------------------
    def _places(self, cells: list[QModelIndex]) -> list[tuple[str, str]]:
        places: list[tuple[str, str]] = []
        for cell in sorted(cells, key=lambda c: (c.row(), c.column())):
            key = self.model.keys[cell.column()]
            if key is not None:  # 总额 is computed
                places.append((self.model.horizons[cell.row()], key))
        return places

    def clear_cells(self) -> None:
        """Delete / Backspace: amounts become 0, details empty; one undo step."""
        project = self.document.project
        assert project is not None
        cells = funds.cleared(project, self._places(selected_cells(self.view)))
        if cells:
            self._push(SetFundsCommand(self.document, cells, f"清除 {len(cells)} 个金额"))

    def copy_cells(self) -> None:
        """Ctrl+C: the selected block as Excel/WPS copies it (digits without separators)."""
        cells = selected_cells(self.view)
        if cells:
            text = block_tsv(cells, lambda c: str(c.data(Qt.ItemDataRole.EditRole) or ""))
            QGuiApplication.clipboard().setText(text)

    def paste_cells(self, text: str | None = None) -> None:
        """Ctrl+V: a block over the cells from the current one on, all or nothing."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        current = self.view.currentIndex()
        row, column = (current.row(), current.column()) if current.isValid() else (0, 1)
        try:
            cells = funds.pasted_cells(text, self.model.profile, row, column, self.model.unit)
            command = SetFundsCommand(self.document, cells) if cells else None
        except EditError as exc:
            where = self.model.index(row, column)
            self.message.show_for(where, f"未粘贴：{exc}", timeout_ms=SHOWN_AFTER_CLOSE_MS)
            return
        self.message.hide()
        self.document.note_pasted(text)
        if command is not None:
            self._push(command)

    def _push(self, command: SetFundsCommand) -> None:
        self.document.undo_stack.push(command)

    def _set_control_total(self, value: Decimal | None) -> None:
        try:
            command = SetControlTotalCommand(self.document, value, Part.FUNDS)
        except EditError as exc:
            self.status.setText(f"未保存：{exc}")
            return
        self.document.undo_stack.push(command)

    def _edit_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index)

    def _at_edge(self, forward: bool) -> bool:
        """Tab on the last cell (Shift+Tab on the first editable one) leaves the table."""
        current = self.view.currentIndex()
        if not current.isValid():
            return True
        if forward:
            last = self.model.rowCount() - 1, self.model.columnCount() - 1
            return (current.row(), current.column()) == last
        return current.row() == 0 and current.column() <= 1
