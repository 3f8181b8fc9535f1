"""指标库 dialog: search as you type, pick indicators for the current level-2 category.

For a project's 中期 tree the dialog says so and marks the entries whose value is a quantity
that adds up over the years (counts, measures, money): their 中期 指标值 is the total of the
项目期, not the example's annual figure (docs/project-form.md §6).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import Category, Indicator
from desktop.services.store import StoredIndicator
from ui.library.catalog import LibraryEntry, catalogue_entries, search, stored_entries

#: The mark of an entry whose 中期 value must be the total over the 项目期.
MID_TOTAL_NOTE = "［中期：累计量，指标值应填整个项目期的合计］"


class IndicatorLibraryDialog(QDialog):
    """Lists library entries matching the search text, for one category (or all)."""

    def __init__(
        self,
        category: Category,
        entries: list[LibraryEntry],
        parent: QWidget | None = None,
        cumulative: Callable[[LibraryEntry], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorLibrary")
        horizon = "（中期）" if cumulative is not None else ""
        self.setWindowTitle(f"指标库{horizon} — {category.level1} / {category.level2}")
        self.category = category
        self.entries = entries
        #: For a 中期 tree: which entries are quantities summed over the 项目期 (marked).
        self.cumulative = cumulative
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("librarySearch")
        self.search_edit.setPlaceholderText("输入关键词搜索，例如：及时率、满意度、党建")
        self.all_categories = QCheckBox("显示所有二级指标类别", self)
        self.all_categories.setObjectName("libraryAllCategories")
        self.results = QListWidget(self)
        self.results.setObjectName("libraryResults")
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setWordWrap(True)
        self.count_label = QLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("添加所选")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.all_categories)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self.search_edit.textChanged.connect(self.refresh)
        self.all_categories.toggled.connect(self.refresh)
        self.resize(640, 480)
        self.refresh()

    def refresh(self) -> None:
        level2 = None if self.all_categories.isChecked() else self.category.level2
        found = search(self.entries, self.search_edit.text(), level2)
        self.results.clear()
        for entry in found[:300]:
            head = f"{entry.name}    {entry.value}{entry.unit}"
            where = "" if level2 else f"［{entry.level2}］"
            text = f"{head}\n    {where}{entry.explanation}  — {entry.source}"
            if self.cumulative is not None and self.cumulative(entry):
                text += f"\n    {MID_TOTAL_NOTE}"
            item = QListWidgetItem(text, self.results)
            item.setData(Qt.ItemDataRole.UserRole, entry)
        if found:
            self.results.setCurrentRow(0)
        self.count_label.setText(
            f"找到 {len(found)} 条"
            if found
            else "没有匹配的指标：换个关键词，或勾选“显示所有二级指标类别”"
        )

    def chosen(self) -> list[Indicator]:
        items = self.results.selectedItems()
        return [item.data(Qt.ItemDataRole.UserRole).to_indicator() for item in items]


def open_library(
    parent: QWidget,
    category: Category,
    stored: Callable[[], list[StoredIndicator]],
    exclude_id: int | None,
    cumulative: Callable[[LibraryEntry], bool] | None = None,
) -> list[Indicator]:
    """Show the library for ``category``; the indicators the user chose (empty if cancelled).

    ``cumulative`` (a project's 中期 tree) marks the entries summed over the 项目期.
    """
    entries = catalogue_entries()
    try:
        own = [s for s in stored() if s.declaration_id != exclude_id]
    except Exception:  # the library still works from the catalogue alone
        own = []
    dialog = IndicatorLibraryDialog(category, entries + stored_entries(own), parent, cumulative)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return dialog.chosen()
