"""The 基本信息 section: 年度, 部门（单位）名称, 主管部门 and the signature-block fields.

年度 and 填报日期 are checked where they are typed (desktop/domain/validate.py and
desktop/domain/dates.py): a refused value stays in the field, marked, with the reason beneath
it, and nothing is stored; an accepted date is stored (and shown) as ``YYYY-MM-DD``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import Part
from desktop.domain.dates import FORMS_HINT, DateTextError, parse_date_text
from desktop.domain.errors import EditError
from desktop.domain.header import FOOTER_TITLES, HEADER_TITLES, FooterField, HeaderField
from ui.document import DeclarationDocument
from ui.fonts import content_font
from ui.header_commands import SetFooterFieldCommand, SetHeaderFieldCommand, SetYearCommand
from ui.year_spin import YearSpin

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
_REFUSED_STYLE = "QLineEdit { border: 1px solid #c0392b; }"


class BasicInfoPanel(QWidget):
    """Form of the header fields; every committed change is an undo command."""

    def __init__(self, document: DeclarationDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("basicInfoPanel")
        self.document = document
        self.edits: dict[str, QLineEdit] = {}
        self.year_spin = YearSpin("年度", parent=self)
        self.year_spin.setObjectName("yearSpin")
        self.year_spin.year_edited.connect(self._commit_year)
        self.year_spin.refused.connect(lambda message: self._say("year", message or None))
        self.messages: dict[str, QLabel] = {}
        self.profile_label = QLabel(self)
        self.profile_label.setObjectName("profileLabel")
        self.profile_label.setWordWrap(True)
        header = QGroupBox("申报表表头", self)
        form = QFormLayout(header)
        form.addRow("年度", self.year_spin)
        form.addRow("", self._message("year"))
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
        footer_form.addRow("", self._message("footer.date"))
        date_edit = self.edits["footer.date"]
        date_edit.setPlaceholderText("例如 2025-11-20")
        date_edit.setToolTip(f"可写成 {FORMS_HINT}；保存为 2026-01-15 的格式")
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

    def _message(self, key: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName("fieldMessage")
        label.setWordWrap(True)
        label.setStyleSheet("color: #c0392b;")
        label.hide()
        self.messages[key] = label
        return label

    def _say(self, key: str, message: str | None) -> None:
        """Show (or clear) why the value typed in ``key`` was refused, beneath the field."""
        label = self.messages[key]
        label.setText(message or "")
        label.setVisible(bool(message))
        if key in self.edits:
            self.edits[key].setStyleSheet(_REFUSED_STYLE if message else "")

    def _commit_year(self, year: int | None) -> None:
        if year is not None and year != self.document.declaration.year:
            self.document.undo_stack.push(SetYearCommand(self.document, year))

    def _commit_header(self, field: HeaderField, text: str) -> None:
        value = self.document.clean(text.strip())
        self._show(field, value)
        if value != getattr(self.document.declaration, field):
            self.document.undo_stack.push(SetHeaderFieldCommand(self.document, field, value))

    def _commit_footer(self, field: FooterField, text: str) -> None:
        key = f"footer.{field}"
        value = self.document.clean(text.strip())
        if field == "date":
            try:
                value = parse_date_text(value)  # 2026-1-5, 2026/1/5, 2026年1月5日 → 2026-01-05
            except DateTextError as exc:
                self._say(key, str(exc))  # stays in the field, unsaved, with the reason
                return
            self._say(key, None)
        self._show(key, value)
        if value == getattr(self.document.declaration.footer, field):
            return
        try:
            command = SetFooterFieldCommand(self.document, field, value)
        except EditError as exc:
            self._say(key, str(exc))
            return
        self.document.undo_stack.push(command)

    def _refresh(self, parts: Part = Part.HEADER) -> None:
        if not parts & Part.HEADER:
            return
        declaration = self.document.declaration
        self.year_spin.set_year(declaration.year)
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
            if key in self.messages:  # a refused text was replaced by the stored value
                self._say(key, None)
