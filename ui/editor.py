"""The section editor of one open declaration: a tab per section, built from the registry."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from ui.document import DeclarationDocument
from ui.sections import SECTIONS, SectionContext


class DeclarationEditor(QTabWidget):
    """Tabs 基本信息 | 主要任务与预算 | 总体目标 | 绩效指标 | 预览 over one document."""

    def __init__(self, context: SectionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionTabs")
        self.setDocumentMode(True)
        self.document: DeclarationDocument = context.document
        self.pages: list[QWidget] = []
        for section in SECTIONS:
            page = section.factory(context)
            if not page.objectName():
                page.setObjectName(section.object_name)
            self.pages.append(page)
            self.addTab(page, section.title)

    def show_section(self, index: int) -> None:
        """Show section ``index`` with the keyboard focus in it (its first field or table).

        Each section names that widget as its focus proxy; a section without one takes the
        focus itself, so that it no longer stays on a button elsewhere (e.g. 立即自检).
        """
        self.setCurrentIndex(index)
        page = self.currentWidget()
        if page is not None:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def page(self, object_name: str) -> QWidget | None:
        return next((p for p in self.pages if p.objectName() == object_name), None)
