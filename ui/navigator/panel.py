"""The left navigator: the stored declarations above, the sections of the open one below."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QVBoxLayout, QWidget

from desktop.services.store import DeclarationSummary
from ui.navigator.declaration_list import ID_ROLE, DeclarationListModel, DeclarationListView
from ui.sections import section_titles


class NavigatorPanel(QWidget):
    """Signals:
    open_requested(int): the user picked a stored declaration.
    section_requested(int): the user picked a section.
    """

    open_requested = Signal(int)
    section_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.list_model = DeclarationListModel(self)
        self.list_view = DeclarationListView(self.list_model, self)
        self.list_view.activated.connect(self._on_activated)
        self.list_view.clicked.connect(self._on_activated)
        self.sections = QListWidget(self)
        self.sections.setObjectName("sectionList")
        self.sections.addItems(_step_texts(""))
        self.sections.currentRowChanged.connect(self._on_section)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(QLabel("申报表", top))
        top_layout.addWidget(self.list_view)
        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(QLabel("填报步骤", bottom))
        bottom_layout.addWidget(self.sections)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 0, 4)
        layout.addWidget(splitter)

    def set_declarations(self, rows: list[DeclarationSummary], current_id: int | None) -> None:
        self.list_model.current_id = current_id
        self.list_model.set_rows(rows)
        row = self.list_model.row_of(current_id) if current_id is not None else None
        if row is not None:
            self.list_view.setCurrentIndex(self.list_model.index(row, 0))
        self.sections.setEnabled(current_id is not None)

    def set_form(self, form: str) -> None:
        """Name the 填报步骤 after the sections of the open declaration's kind (``form``):
        a project has 项目资金 where the department form has 主要任务与预算."""
        for row, text in enumerate(_step_texts(form)):
            item = self.sections.item(row)
            if item is not None:
                item.setText(text)

    def set_section(self, index: int) -> None:
        self.sections.blockSignals(True)
        self.sections.setCurrentRow(index)
        self.sections.blockSignals(False)

    def _on_activated(self, index: QModelIndex) -> None:
        declaration_id = index.data(ID_ROLE)
        if declaration_id is not None and declaration_id != self.list_model.current_id:
            self.open_requested.emit(int(declaration_id))

    def _on_section(self, row: int) -> None:
        if row >= 0:
            self.section_requested.emit(row)


def _step_texts(form: str) -> list[str]:
    return [f"{title}　Ctrl+{n}" for n, title in enumerate(section_titles(form), start=1)]
