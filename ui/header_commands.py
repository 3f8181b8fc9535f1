"""Undo commands of the 基本信息 section: 年度, the header names and the signature block.

Each command checks its value with :mod:`desktop.domain.header` when it is made (a refused value
raises :class:`~desktop.domain.errors.EditError` before anything is pushed), changes the
declaration through one setter there and notifies the document once.
"""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain import header
from desktop.domain.changes import Part
from desktop.domain.header import FOOTER_TITLES, HEADER_TITLES, FooterField, HeaderField
from ui.document import DeclarationDocument


class SetYearCommand(QUndoCommand):
    """Change 年度."""

    def __init__(self, document: DeclarationDocument, year: int) -> None:
        super().__init__("修改年度")
        header.check_year(year)
        self.document, self.new = document, year
        self.old = document.declaration.year

    @override
    def redo(self) -> None:
        header.set_year(self.document.declaration, self.new)
        self.document.notify(Part.HEADER)

    @override
    def undo(self) -> None:
        header.set_year(self.document.declaration, self.old)
        self.document.notify(Part.HEADER)


class SetHeaderFieldCommand(QUndoCommand):
    """Change 部门（单位）名称 (a project's 实施单位) or 主管部门."""

    def __init__(
        self, document: DeclarationDocument, field: HeaderField, value: str, title: str = ""
    ) -> None:
        super().__init__(f"修改{title or HEADER_TITLES[field]}")
        self.document, self.field, self.new = document, field, value
        self.old: str = getattr(document.declaration, field)

    @override
    def redo(self) -> None:
        header.set_header_field(self.document.declaration, self.field, self.new)
        self.document.notify(Part.HEADER)

    @override
    def undo(self) -> None:
        header.set_header_field(self.document.declaration, self.field, self.old)
        self.document.notify(Part.HEADER)


class SetFooterFieldCommand(QUndoCommand):
    """Change one field of the signature block (填报人, 联系电话, 单位负责人, 填报日期)."""

    def __init__(self, document: DeclarationDocument, field: FooterField, value: str) -> None:
        super().__init__(f"修改{FOOTER_TITLES[field]}")
        header.check_footer_value(field, value)
        self.document, self.field, self.new = document, field, value
        self.old: str = getattr(document.declaration.footer, field)

    @override
    def redo(self) -> None:
        header.set_footer_field(self.document.declaration, self.field, self.new)
        self.document.notify(Part.HEADER)

    @override
    def undo(self) -> None:
        header.set_footer_field(self.document.declaration, self.field, self.old)
        self.document.notify(Part.HEADER)
