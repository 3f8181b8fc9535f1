"""The 基本信息 section: 年度, 部门（单位）名称, 主管部门 and the signature-block fields.

年度 and 填报日期 are checked where they are typed (desktop/domain/validate.py and
desktop/domain/dates.py): a refused value stays in the field, marked, with the reason beneath
it, and nothing is stored; an accepted date is stored (and shown) as ``YYYY-MM-DD``.
"""

from __future__ import annotations

from typing import Any

from typing_extensions import override

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import FORMS_HINT, DateTextError, parse_date_text
from desktop.domain.validate import MAX_YEAR, MIN_YEAR, year_problem
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
_REFUSED_STYLE = "QLineEdit { border: 1px solid #c0392b; }"


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
        self.year_spin.setRange(MIN_YEAR, MAX_YEAR)
        self.year_spin.setKeyboardTracking(False)
        self.year_spin.valueChanged.connect(lambda value: self._commit("year", value, "年度"))
        # QSpinBox silently reverts what is out of range: remember what was typed to say so.
        self._typed_year = ""
        self.year_spin.lineEdit().textEdited.connect(self._remember_year)
        self.year_spin.editingFinished.connect(self._check_year)
        self.messages: dict[str, QLabel] = {}
        self.profile_label = QLabel(self)
        self.profile_label.setObjectName("profileLabel")
        self.profile_label.setWordWrap(True)
        header = QGroupBox("申报表表头", self)
        form = QFormLayout(header)
        form.addRow("年度", self.year_spin)
        form.addRow("", self._message("year"))
        for path, name, label in _TEXT_FIELDS:
            form.addRow(label, self._line(path, name, label))
        form.addRow("指标体系", self.profile_label)
        footer = QGroupBox("签字栏（打印设置中开启后打印）", self)
        footer_form = QFormLayout(footer)
        for path, name, label in _FOOTER_FIELDS:
            footer_form.addRow(label, self._line(path, name, label))
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
        document.changed.connect(self._refresh)
        self._refresh()

    def _line(self, path: str, name: str, label: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setFont(content_font())
        edit.editingFinished.connect(lambda: self._commit(path, edit.text().strip(), label))
        self.edits[path] = edit
        return edit

    def _message(self, path: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName("fieldMessage")
        label.setWordWrap(True)
        label.setStyleSheet("color: #c0392b;")
        label.hide()
        self.messages[path] = label
        return label

    def _say(self, path: str, message: str | None) -> None:
        """Show (or clear) why the value typed in ``path`` was refused, beneath the field."""
        label = self.messages[path]
        label.setText(message or "")
        label.setVisible(bool(message))
        if path in self.edits:
            self.edits[path].setStyleSheet(_REFUSED_STYLE if message else "")

    def _remember_year(self, text: str) -> None:
        self._typed_year = text

    def _check_year(self) -> None:
        typed, self._typed_year = self._typed_year.strip(), ""
        if not typed:
            return
        accepted = (
            typed.isdigit()
            and year_problem(int(typed)) is None
            and int(typed) == self.year_spin.value()
        )
        refused = f"年度应为 {MIN_YEAR} 至 {MAX_YEAR} 之间的 4 位数字，输入的“{typed}”未采用"
        self._say("year", None if accepted else refused)

    def _commit(self, path: str, value: Any, title: str) -> None:
        if path == "footer.date":
            try:
                value = parse_date_text(str(value))
            except DateTextError as exc:
                self._say(path, str(exc))
                return
            self._say(path, None)
            self.edits[path].setText(value)
        elif isinstance(value, str):
            value = self.document.clean(value)
            self.edits[path].setText(value)
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
                if path in self.messages:  # a refused text was replaced by the stored value
                    self._say(path, None)
        self.edits["supervisor"].setEnabled(self.document.profile.show_supervisor)
        self.profile_label.setText(self.document.profile.title)
