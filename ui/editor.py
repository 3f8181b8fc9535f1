"""The section editor of one open declaration: a tab per section, built from the registry.

A section's page is built when it is first shown or first asked for (:meth:`page`), not when
the declaration opens: the first window then builds one page instead of five (docs/performance.md).
Each tab holds a host widget; the page goes into it when built, and the host hands the keyboard
focus on to the page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.document import DeclarationDocument
from ui.sections import Section, SectionContext, sections_for


class DeclarationEditor(QTabWidget):
    """Tabs 基本信息 | 主要任务与预算 (项目资金) | 总体目标 | 绩效指标 | 预览 over one document.

    The sections are those of the document's form kind (ui/sections.py).

    Signals:
        page_built(QWidget): a section's page was built (its object name says which).
    """

    page_built = Signal(QWidget)

    def __init__(
        self, context: SectionContext, parent: QWidget | None = None, current: int = 0
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sectionTabs")
        self.setDocumentMode(True)
        self.document: DeclarationDocument = context.document
        self._context = context
        self._hosts: list[QWidget] = []
        self._built: dict[int, QWidget] = {}
        self.sections: tuple[Section, ...] = sections_for(context.document.declaration.form)
        #: The row marks of the latest check (ui/navigation.py gives them to pages built later).
        self.row_marks: object | None = None
        for section in self.sections:
            host = QWidget()
            host.setObjectName("sectionHost")
            layout = QVBoxLayout(host)
            layout.setContentsMargins(0, 0, 0, 0)
            self._hosts.append(host)
            self.addTab(host, section.title)
        if 0 <= current < len(self.sections):
            self.setCurrentIndex(current)  # only the section shown first is built
        # Connected before anybody else: the page exists when the others hear of the change.
        self.currentChanged.connect(self._build)
        self._build(self.currentIndex())

    def _build(self, index: int) -> QWidget | None:
        if not 0 <= index < len(self.sections):
            return None
        page = self._built.get(index)
        if page is None:
            section = self.sections[index]
            page = section.factory(self._context)
            if not page.objectName():
                page.setObjectName(section.object_name)
            host = self._hosts[index]
            layout = host.layout()
            assert layout is not None
            layout.addWidget(page)
            # Shown now, not by the queued show a layout posts for a visible parent: a key
            # pressed before the event loop runs again must already reach the page.
            page.show()
            host.setFocusProxy(page)
            self._built[index] = page
            self.page_built.emit(page)
        return page

    def show_section(self, index: int) -> None:
        """Show section ``index`` with the keyboard focus in it (its first field or table).

        Each section names that widget as its focus proxy; a section without one takes the
        focus itself, so that it no longer stays on a button elsewhere (e.g. 立即自检).
        """
        self.setCurrentIndex(index)
        self._build(self.currentIndex())
        host = self.currentWidget()  # hands the focus on to its page (its focus proxy)
        if host is not None:
            host.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def page(self, object_name: str) -> QWidget | None:
        """The page called ``object_name``, built now if it was not yet."""
        index = next((i for i, s in enumerate(self.sections) if s.object_name == object_name), -1)
        return self._build(index)

    def built_page(self, object_name: str) -> QWidget | None:
        """The page called ``object_name`` if it has been built (None otherwise)."""
        return next((p for p in self._built.values() if p.objectName() == object_name), None)

    @property
    def pages(self) -> list[QWidget]:
        """Every section's page, in the tabs' order (building those not built yet)."""
        built = [self._build(i) for i in range(len(self.sections))]
        return [p for p in built if p is not None]

    def current_page(self) -> QWidget | None:
        return self._build(self.currentIndex())
