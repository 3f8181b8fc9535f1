"""复制到中期 / 复制到年度: the selected rows (or the whole tree) into the other horizon's tree.

What is copied and what is overwritten is decided by
:func:`desktop.domain.horizon_indicators.copied_tree`; this module turns the selection into
picks, asks once before overwriting, and pushes one undo command.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.errors import EditError
from desktop.domain.horizon_goals import HORIZON_NAMES
from desktop.domain.horizon_indicators import (
    CopyResult,
    Pick,
    all_picks,
    copied_tree,
    skeleton,
)
from ui.indicators.horizon_commands import CopyIndicatorsCommand
from ui.indicators.model import Column, IndicatorTreeModel, Kind
from ui.indicators.panel import IndicatorPanel

#: At most this many overwritten rows are named in the confirmation.
LISTED = 15


def selected_picks(panel: IndicatorPanel) -> list[Pick]:
    """The picks of the selected rows: a level-3 row, a 不适用 mark, or every row and mark of a
    selected level-2 or level-1 row."""
    model = panel.model
    selection = panel.view.selectionModel()
    picks: set[Pick] = set()
    for index in selection.selectedRows() if selection is not None else []:
        kind = model.kind(index)
        cat_index = model.category_of(index)
        if kind is Kind.INDICATOR and cat_index is not None:
            picks.add((cat_index, index.row()))
        elif kind in (Kind.NOT_APPLICABLE, Kind.LEVEL2) and cat_index is not None:
            picks.update(_category_picks(model, cat_index))
        elif kind is Kind.LEVEL1:
            for l2 in range(model.rowCount(index)):
                child = model.category_of(model.index(l2, 0, index))
                if child is not None:
                    picks.update(_category_picks(model, child))
    return sorted(picks, key=lambda p: (p[0], -1 if p[1] is None else p[1]))


def _category_picks(model: IndicatorTreeModel, cat_index: int) -> list[Pick]:
    category = model.categories[cat_index]
    if category.not_applicable:
        return [(cat_index, None)]
    return [(cat_index, row) for row in range(len(category.indicators))]


def copy_to_other(panel: IndicatorPanel, parent: QWidget) -> str:
    """Copy into the other horizon's tree, which is then shown; returns a status line."""
    model = panel.model
    target_horizon = model.other_horizon()
    title = HORIZON_NAMES[target_horizon]
    picks = selected_picks(panel) or all_picks(model.categories)
    if not picks:
        return f"没有可复制的指标：{HORIZON_NAMES[model.horizon]}绩效指标为空"
    target = model.other_categories()
    if target is None:
        target = skeleton(model.document.declaration)
    try:
        result = copied_tree(model.categories, target, picks)
    except EditError as exc:
        return f"未复制：{exc}"
    if result.categories == target:
        return f"{title}绩效指标已有相同内容，无需复制"
    if result.needs_confirmation() and not _confirm(parent, result, title):
        return ""
    model.push(CopyIndicatorsCommand(model, result, target_horizon))
    _select(panel, result)
    return f"已复制 {len(picks)} 项到{title}绩效指标（可撤销）"


def _confirm(parent: QWidget, result: CopyResult, title: str) -> bool:
    lines: list[str] = []
    if result.overwritten:
        lines.append(f"{title}绩效指标中以下 {len(result.overwritten)} 条同名指标将被覆盖：")
        lines += [f"    {name}" for name in result.overwritten[:LISTED]]
        if len(result.overwritten) > LISTED:
            lines.append(f"    …… 等共 {len(result.overwritten)} 条")
    if result.removed:
        lines.append(f"以下 {len(result.removed)} 条指标所在二级指标将标记为“不适用”，指标将被删除：")
        lines += [f"    {name}" for name in result.removed[:LISTED]]
        if len(result.removed) > LISTED:
            lines.append(f"    …… 等共 {len(result.removed)} 条")
    lines.append("\n是否继续复制？（可撤销）")
    answer = QMessageBox.question(parent, f"复制到{title}", "\n".join(lines))
    return answer == QMessageBox.StandardButton.Yes


def _select(panel: IndicatorPanel, result: CopyResult) -> None:
    """Select the copied rows in the tree now shown (the target)."""
    model, view = panel.model, panel.view
    selection = QItemSelection()
    first = None
    for cat_index, row in result.positions:
        parent = model.category_index(cat_index)
        index = model.index(0 if row is None else row, 0, parent)
        if not index.isValid():
            continue
        first = first or index
        selection.select(index, index.siblingAtColumn(Column.GOALS))
    if first is None:
        return
    flags = QItemSelectionModel.SelectionFlag
    view.selectionModel().setCurrentIndex(first, flags.NoUpdate)
    view.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
    view.scrollTo(first)
