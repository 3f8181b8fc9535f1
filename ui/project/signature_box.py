"""The signature block of a project: 项目负责人 and the department form's 填报人 … 填报日期.

The profile's ``signature`` list gives the printed items and their order
(docs/project-form.md §2.1); fields it does not print are still shown and kept (a file may carry
them, and another layout prints them), marked as not printed. 填报日期 is parsed as on the
department form (desktop/domain/dates.py): 2026-1-5, 2026/1/5 and 2026年1月5日 are stored as
``2026-01-05``; an impossible date stays in the field with the reason beneath, unsaved.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from desktop.domain.dates import FORMS_HINT, DateTextError, parse_date_text
from desktop.domain.errors import EditError
from desktop.domain.header import FOOTER_TITLES, FooterField
from desktop.domain.project import ProjectDeclaration
from desktop.domain.project_info import PROJECT_HEAD_TITLE
from desktop.domain.project_profile import ProjectProfile
from ui.document import DeclarationDocument
from ui.fonts import content_font
from ui.header_commands import SetFooterFieldCommand
from ui.project.field_marks import FieldMarks
from ui.project.info_commands import SetProjectHeadCommand

PROJECT_HEAD = "project_head"
_ORDER = (PROJECT_HEAD, "preparer", "phone", "unit_head", "date")
_NAMES = {
    PROJECT_HEAD: "projectHeadEdit",
    "preparer": "preparerEdit",
    "phone": "phoneEdit",
    "unit_head": "unitHeadEdit",
    "date": "fillDateEdit",
}


class SignatureBox(QGroupBox):
    """The fields of the signature block, keyed ``footer.<item>`` in :class:`FieldMarks`."""

    def __init__(
        self,
        document: DeclarationDocument,
        profile: ProjectProfile,
        marks: FieldMarks,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("签字栏（打印设置中开启后打印）", parent)
        self.setObjectName("projectSignatureBox")
        self.document, self.marks = document, marks
        self.edits: dict[str, QLineEdit] = {}
        printed = [item for item in profile.signature if item in _ORDER]
        form = QFormLayout(self)
        for item in printed + [i for i in _ORDER if i not in printed]:
            title = PROJECT_HEAD_TITLE if item == PROJECT_HEAD else FOOTER_TITLES[self._footer_field(item)]
            edit = QLineEdit(self)
            edit.setObjectName(_NAMES[item])
            edit.setAccessibleName(title)
            edit.setFont(content_font())
            if item not in printed:
                edit.setPlaceholderText("本版式不打印")
                edit.setToolTip(f"本版式不打印{title}，填写后仍随申报表保存和导出")
            edit.editingFinished.connect(lambda i=item, e=edit: self._commit(i, e.text()))
            self.edits[item] = edit
            marks.add(f"footer.{item}", edit)
            form.addRow(title, edit)
            if item == "date":
                edit.setPlaceholderText("例如 2025-11-20")
                edit.setToolTip(f"可写成 {FORMS_HINT}；保存为 2026-01-15 的格式")
                form.addRow("", marks.message("footer.date", self))
        note = QLabel("签字栏是否打印在“打印设置”中选择。", self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #666;")
        form.addRow(note)

    @property
    def project(self) -> ProjectDeclaration:
        project = self.document.project
        assert project is not None
        return project

    def _stored(self, item: str) -> str:
        if item == PROJECT_HEAD:
            return self.project.project_head
        value: str = getattr(self.project.footer, item)
        return value

    def _commit(self, item: str, text: str) -> None:
        key = f"footer.{item}"
        value = self.document.clean(text.strip())
        try:
            if item == "date":
                value = parse_date_text(value)  # stored as 2026-01-05
            if value == self._stored(item):
                self.marks.say(key, None)
                self._show(item, value)
                return
            command = (
                SetProjectHeadCommand(self.document, value)
                if item == PROJECT_HEAD
                else SetFooterFieldCommand(self.document, self._footer_field(item), value)
            )
        except (DateTextError, EditError) as exc:
            self.marks.say(key, str(exc))  # stays in the field, unsaved, with the reason
            return
        self.marks.say(key, None)
        self.document.undo_stack.push(command)

    @staticmethod
    def _footer_field(item: str) -> FooterField:
        assert item in FOOTER_TITLES
        return item

    def refresh(self) -> None:
        for item in self.edits:
            self._show(item, self._stored(item))

    def _show(self, item: str, value: str) -> None:
        edit = self.edits[item]
        if edit.text() != value:
            edit.setText(value)
            edit.setCursorPosition(0)
            self.marks.say(f"footer.{item}", None)
