"""The 基本信息 section: 年度, 部门（单位）名称, 主管部门 and the signature-block fields."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.header import FOOTER_TITLES, HEADER_TITLES, FooterField, HeaderField
from ui.document import DeclarationDocument
from ui.fonts import content_font
from ui.header_commands import SetFooterFieldCommand, SetHeaderFieldCommand, SetYearCommand

# (field, object name)
_HEADER_FIELDS: tuple[tuple[HeaderField, str], ...] = (
    ("unit_name", "unitNameEdit"),
    ("supervisor", "supervisorEdit"),
)
_FOOTER_FIELDS: tuple[tuple[FooterField, str], ...] = (
    ("preparer", "preparerEdit"),
    ("phone", "phoneEdit"),
    ("unit_head", "unitHeadEdit"),
    ("date", "fillDateEdit"),
)


class BasicInfoPanel(QWidget):
    """Form of the header fields; every committed change is an undo command."""

    def __init__(self, document: DeclarationDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("basicInfoPanel")
        self.document = document
        self.edits: dict[str, QLineEdit] = {}
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("yearSpin")
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setKeyboardTracking(False)
        self.year_spin.valueChanged.connect(self._commit_year)
        self.profile_label = QLabel(self)
        self.profile_label.setObjectName("profileLabel")
        self.profile_label.setWordWrap(True)
        header = QGroupBox("申报表表头", self)
        form = QFormLayout(header)
        form.addRow("年度", self.year_spin)
        for field, name in _HEADER_FIELDS:
            edit = self._line(field, name, HEADER_TITLES[field])
            edit.editingFinished.connect(lambda f=field, e=edit: self._commit_header(f, e.text()))
            form.addRow(HEADER_TITLES[field], edit)
        form.addRow("指标体系", self.profile_label)
        footer = QGroupBox("签字栏（打印设置中开启后打印）", self)
        footer_form = QFormLayout(footer)
        for part, name in _FOOTER_FIELDS:
            edit = self._line(f"footer.{part}", name, FOOTER_TITLES[part])
            edit.editingFinished.connect(lambda f=part, e=edit: self._commit_footer(f, e.text()))
            footer_form.addRow(FOOTER_TITLES[part], edit)
        date_edit = self.edits["footer.date"]
        date_edit.setPlaceholderText("例如 2025-11-20")
        date_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,4}(-\d{0,2}){0,2}"), date_edit)
        )
        # Forms are read better at a bounded width than stretched across a wide screen.
        char = self.fontMetrics().horizontalAdvance("中")
        for box in (header, footer):
            box.setMaximumWidth(char * 56)
        self.year_spin.setMaximumWidth(char * 8)
        layout = QVBoxLayout(self)
        layout.addWidget(header)
        layout.addWidget(footer)
        layout.addStretch(1)
        self.setFocusProxy(self.year_spin)  # Ctrl+1 puts the cursor in the first field
        document.changed.connect(self._refresh)
        self._refresh()

    def _line(self, key: str, name: str, label: str) -> QLineEdit:
        """A field's line edit, kept under ``key`` (its place in rule findings, e.g. footer.date)."""
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        edit.setFont(content_font())
        self.edits[key] = edit
        return edit

    def _commit_year(self, year: int) -> None:
        if year != self.document.declaration.year:
            self.document.undo_stack.push(SetYearCommand(self.document, year))

    def _commit_header(self, field: HeaderField, text: str) -> None:
        value = text.strip()
        if value != getattr(self.document.declaration, field):
            self.document.undo_stack.push(SetHeaderFieldCommand(self.document, field, value))

    def _commit_footer(self, field: FooterField, text: str) -> None:
        value = text.strip()
        if value == getattr(self.document.declaration.footer, field):
            return
        try:
            command = SetFooterFieldCommand(self.document, field, value)
        except EditError:
            return  # an unfinished date stays in the field, unsaved, until it is a date
        self.document.undo_stack.push(command)

    def _refresh(self, parts: Part = Part.HEADER) -> None:
        if not parts & Part.HEADER:
            return
        declaration = self.document.declaration
        if self.year_spin.value() != declaration.year:
            self.year_spin.blockSignals(True)
            self.year_spin.setValue(declaration.year)
            self.year_spin.blockSignals(False)
        for field, _name in _HEADER_FIELDS:
            self._show(field, getattr(declaration, field))
        for footer_field, _name in _FOOTER_FIELDS:
            self._show(f"footer.{footer_field}", getattr(declaration.footer, footer_field))
        self.edits["supervisor"].setEnabled(self.document.profile.show_supervisor)
        self.profile_label.setText(self.document.profile.title)

    def _show(self, key: str, value: str) -> None:
        edit = self.edits[key]
        if edit.text() != value:
            edit.setText(value)
