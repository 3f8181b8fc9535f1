"""The 基本信息 section: 年度, 部门（单位）名称, 主管部门 and the signature-block fields."""

from __future__ import annotations

import re
from typing import Any

from typing_extensions import override

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator, QUndoCommand
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.document import HEADER, DeclarationDocument
from ui.fonts import content_font

# (attribute path, object name, label)
_TEXT_FIELDS = (
    ("unit_name", "unitNameEdit", "部门（单位）名称"),
    ("supervisor", "supervisorEdit", "主管部门"),
)
_FOOTER_FIELDS = (
    ("footer.preparer", "preparerEdit", "填报人"),
    ("footer.phone", "phoneEdit", "联系电话"),
    ("footer.unit_head", "unitHeadEdit", "单位负责人"),
    ("footer.date", "fillDateEdit", "填报日期"),
)
_DATE = re.compile(r"^$|^\d{4}-\d{2}-\d{2}$")


def _get(target: Any, path: str) -> Any:
    for part in path.split("."):
        target = getattr(target, part)
    return target


def _set(target: Any, path: str, value: Any) -> None:
    *head, last = path.split(".")
    for part in head:
        target = getattr(target, part)
    setattr(target, last, value)


class SetHeaderCommand(QUndoCommand):
    """Change one header or footer field of the declaration."""

    def __init__(self, document: DeclarationDocument, path: str, value: Any, title: str) -> None:
        super().__init__(f"修改{title}")
        self.document, self.path, self.new = document, path, value
        self.old = _get(document.declaration, path)

    def _apply(self, value: Any) -> None:
        _set(self.document.declaration, self.path, value)
        self.document.notify(HEADER)

    @override
    def redo(self) -> None:
        self._apply(self.new)

    @override
    def undo(self) -> None:
        self._apply(self.old)


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
        self.year_spin.valueChanged.connect(lambda value: self._commit("year", value, "年度"))
        self.profile_label = QLabel(self)
        self.profile_label.setObjectName("profileLabel")
        self.profile_label.setWordWrap(True)
        header = QGroupBox("申报表表头", self)
        form = QFormLayout(header)
        form.addRow("年度", self.year_spin)
        for path, name, label in _TEXT_FIELDS:
            form.addRow(label, self._line(path, name, label))
        form.addRow("指标体系", self.profile_label)
        footer = QGroupBox("签字栏（打印设置中开启后打印）", self)
        footer_form = QFormLayout(footer)
        for path, name, label in _FOOTER_FIELDS:
            footer_form.addRow(label, self._line(path, name, label))
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
        document.changed.connect(self._refresh)
        self._refresh()

    def _line(self, path: str, name: str, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setFont(content_font())
        edit.editingFinished.connect(lambda: self._commit(path, edit.text().strip(), label))
        self.edits[path] = edit
        return edit

    def _commit(self, path: str, value: Any, title: str) -> None:
        if path == "footer.date" and not _DATE.match(str(value)):
            return
        if _get(self.document.declaration, path) != value:
            self.document.undo_stack.push(SetHeaderCommand(self.document, path, value, title))

    def _refresh(self, part: str = HEADER) -> None:
        if part not in (HEADER, "all"):
            return
        declaration = self.document.declaration
        if self.year_spin.value() != declaration.year:
            self.year_spin.blockSignals(True)
            self.year_spin.setValue(declaration.year)
            self.year_spin.blockSignals(False)
        for path, edit in self.edits.items():
            value = str(_get(declaration, path))
            if edit.text() != value:
                edit.setText(value)
        self.edits["supervisor"].setEnabled(self.document.profile.show_supervisor)
        self.profile_label.setText(self.document.profile.title)
