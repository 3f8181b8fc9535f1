"""The project's 基本信息 section (docs/project-form.md, “The project 基本信息 section”).

项目名称, 编码, 主管部门 and its code, 实施单位, 年度, 项目属性, 项目类别, 项目期, the profile's
text blocks, the link to a task of the unit's department form and the signature block. Every
committed change is one undo command (ui/project/info_commands.py, ui/header_commands.py);
values the reader would refuse (a 项目期 year that is not 4 digits, an impossible 填报日期) stay
in the field, marked, with the reason beneath, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from typing_extensions import override

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent, QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.changes import Part
from desktop.domain.errors import EditError
from desktop.domain.header import HeaderField
from desktop.domain.model import Declaration
from desktop.domain.project import ProjectDeclaration, name_key
from desktop.domain.project_info import ProjectField
from desktop.domain.project_profile import ProjectProfile
from ui.document import DeclarationDocument
from ui.findings.row_marks import RowMarks
from ui.fonts import content_font
from ui.header_commands import SetHeaderFieldCommand, SetYearCommand
from ui.project.field_marks import FieldMarks
from ui.project.info_commands import (
    SetPeriodCommand,
    SetProjectFieldCommand,
    SetTaskLinkCommand,
    SetTextBlockCommand,
)
from ui.project.signature_box import SignatureBox
from ui.project.task_link_box import TaskLinkBox, link_hint, task_names
from ui.year_spin import YearSpin

if TYPE_CHECKING:  # ui.sections imports this module: no circle at run time
    from desktop.rules.project.cross_forms import RelatedForms
    from ui.sections import SectionContext

_PAGE = "projectInfoPanel"
# (path in findings, object name, label) of the one-line fields
_LINES: tuple[tuple[str, str, str], ...] = (
    ("project.name", "projectNameEdit", "项目名称"),
    ("project.code", "projectCodeEdit", "项目编码"),
    ("supervisor", "supervisorEdit", "主管部门"),
    ("project.supervisor_code", "supervisorCodeEdit", "主管部门代码"),
    ("unit_name", "unitNameEdit", "实施单位"),
)


class ProjectInfoPanel(QScrollArea):
    """The 基本信息 page of a project (implements ui/project/page.py ProjectPage)."""

    def __init__(
        self,
        document: DeclarationDocument,
        related: Callable[[], RelatedForms] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(_PAGE)
        self.setWidgetResizable(True)
        self.document = document
        self.profile: ProjectProfile = document.project_profile()
        self._related = related
        self._department: Declaration | None = None
        self._fresh = True
        self._related_for: tuple[str, int] | None = None
        self.marks = FieldMarks()
        body = QWidget(self)
        self.edits: dict[str, QLineEdit] = {}
        # Built in reading order, which is the Tab order: the left column, then the signature.
        left = QVBoxLayout()
        left.addWidget(self._identity_box(body))
        if self.profile.text_blocks:
            left.addWidget(self._texts_box(body))
        left.addStretch(1)
        self.signature = SignatureBox(document, self.profile, self.marks, body)
        right = QVBoxLayout()
        right.addWidget(self.signature)
        right.addStretch(1)
        columns = QHBoxLayout(body)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        columns.addStretch(0)
        self.setWidget(body)
        self.setFocusProxy(self.edits["project.name"])  # Ctrl+1 puts the cursor in 项目名称
        document.changed.connect(self._refresh)
        self._load_related()
        self._refresh(Part.ALL)

    # -- building ----------------------------------------------------------------------------
    def _identity_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("项目信息", parent)
        form = QFormLayout(box)
        for key, name, label in _LINES:
            edit = QLineEdit(box)
            edit.setObjectName(name)
            edit.setAccessibleName(label)
            edit.setFont(content_font())
            edit.editingFinished.connect(lambda k=key, e=edit: self._commit_line(k, e.text()))
            self.edits[key] = edit
            self.marks.add(key, edit)
        char = self.fontMetrics().horizontalAdvance("中")
        self.edits["project.supervisor_code"].setMaximumWidth(char * 10)
        self.year_spin = self._year(box, "year", "yearSpin", "年度")
        self.attribute = QComboBox(box)
        self.attribute.setObjectName("attributeCombo")
        self.attribute.activated.connect(lambda _i: self._commit_attribute())
        self.category = QComboBox(box)
        self.category.setObjectName("categoryCombo")
        self.category.setEditable(True)
        self.category.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.category.addItems(list(self.profile.category_values))
        category_line = self.category.lineEdit()
        assert category_line is not None
        category_line.setPlaceholderText("可不填")
        category_line.editingFinished.connect(self._commit_category)
        self.category.activated.connect(lambda _i: self._commit_category())
        self.start_spin = self._year(box, "project.period_start", "periodStartSpin", "起始年度", True)
        self.end_spin = self._year(box, "project.period_end", "periodEndSpin", "终止年度", True)
        self.period_years = QLabel(box)
        self.period_years.setObjectName("periodYearsLabel")
        period = QHBoxLayout()
        for widget in (QLabel("起始年度", box), self.start_spin, QLabel("终止年度", box), self.end_spin):
            period.addWidget(widget)
        period.addWidget(self.period_years, 1)
        self.task_box = TaskLinkBox(box)
        self.task_box.committed.connect(self._commit_task)
        self.marks.add("project.attribute", self.attribute)
        self.marks.add("project.category", self.category)
        self.marks.add("project.task", self.task_box.combo)
        form.addRow("项目名称", self.edits["project.name"])
        form.addRow("项目编码", self.edits["project.code"])
        form.addRow("主管部门", self.edits["supervisor"])
        form.addRow("主管部门代码", self.edits["project.supervisor_code"])
        form.addRow("实施单位", self.edits["unit_name"])
        form.addRow("年度", self.year_spin)
        form.addRow("", self.marks.message("year", box))
        form.addRow("项目属性", self.attribute)
        form.addRow("项目类别", self.category)
        form.addRow("项目期", period)
        form.addRow("", self.marks.message("project.period", box))
        form.addRow("所属部门整体支出任务", self.task_box)
        profile = QLabel(f"版式：{self.profile.title}", box)
        profile.setObjectName("profileLabel")
        profile.setWordWrap(True)
        profile.setStyleSheet("color: #666;")
        form.addRow("", profile)
        return box

    def _year(self, parent: QWidget, key: str, name: str, title: str, optional: bool = False) -> YearSpin:
        spin = YearSpin(f"项目期{title}" if optional else title, optional, parent)
        spin.setObjectName(name)
        spin.setAccessibleName(title)
        spin.setFixedWidth(spin.fontMetrics().horizontalAdvance("20266") + 40)
        spin.default_year = self.document.declaration.year
        message_key = "project.period" if optional else key
        spin.refused.connect(lambda text: self.marks.say(message_key, text or None))
        spin.year_edited.connect(self._commit_period if optional else self._commit_year)
        self.marks.add(key, spin)
        return spin

    def _texts_box(self, parent: QWidget) -> QGroupBox:
        from ui.project.text_block_edit import TextBlockEdit

        box = QGroupBox("项目说明", parent)
        form = QFormLayout(box)
        self.texts: dict[str, TextBlockEdit] = {}
        for block in self.profile.text_blocks:
            edit = TextBlockEdit(block.label, box)
            edit.setObjectName(f"textBlock_{block.id}")
            edit.committed.connect(lambda text, b=block.id: self._commit_text(b, text))
            label = QLabel(block.label + ('<span style="color:#c0392b;"> *</span>' if block.required else ""))
            if block.required:
                label.setToolTip("必填")
            form.addRow(label, edit)
            self.texts[block.id] = edit
            self.marks.add(f"project.texts.{block.id}", edit)
        return box

    # -- committing ----------------------------------------------------------------------------
    def _push(self, make: Callable[[], QUndoCommand], key: str | None = None) -> None:
        """Make a command and push it; a refused value is said beneath field ``key``."""
        try:
            command = make()
        except EditError as exc:
            if key is not None:
                self.marks.say(key, str(exc))
            return
        if key is not None:
            self.marks.say(key, None)
        self.document.undo_stack.push(command)

    @property
    def project(self) -> ProjectDeclaration:
        project = self.document.project
        assert project is not None
        return project

    def _commit_line(self, key: str, text: str) -> None:
        value = self.document.clean(text.strip())
        if self.edits[key].text() != value:
            self.edits[key].setText(value)
        if key in ("unit_name", "supervisor"):
            field: HeaderField = "unit_name" if key == "unit_name" else "supervisor"
            if value != getattr(self.project, field):
                title = "实施单位" if field == "unit_name" else "主管部门"
                self._push(lambda: SetHeaderFieldCommand(self.document, field, value, title))
            return
        project_field: ProjectField = key.removeprefix("project.")  # type: ignore[assignment]
        if value != getattr(self.project.project, project_field):
            self._push(lambda: SetProjectFieldCommand(self.document, project_field, value))

    def _commit_year(self, year: int | None) -> None:
        if year is not None and year != self.project.year:
            self._push(lambda: SetYearCommand(self.document, year), "year")

    def _commit_period(self, _year: int | None) -> None:
        start, end = self.start_spin.year(), self.end_spin.year()
        info = self.project.project
        if (start, end) != (info.period_start, info.period_end):
            self._push(lambda: SetPeriodCommand(self.document, start, end), "project.period")

    def _commit_attribute(self) -> None:
        value = str(self.attribute.currentData() or "")
        if value != self.project.project.attribute:
            self._push(lambda: SetProjectFieldCommand(self.document, "attribute", value))

    def _commit_category(self) -> None:
        value = self.document.clean(self.category.currentText().strip())
        if value != self.project.project.category:
            self._push(lambda: SetProjectFieldCommand(self.document, "category", value))
        self._show_combo_text(self.category, value)

    def _commit_text(self, block_id: str, text: str) -> None:
        value = self.document.clean(text)
        if value != self.project.project.texts.get(block_id, ""):
            self._push(lambda: SetTextBlockCommand(self.document, block_id, value))

    def _commit_task(self, text: str) -> None:
        value = self.document.clean(text.strip())
        if value != self.project.project.task:
            self._push(lambda: SetTaskLinkCommand(self.document, value))
        self.task_box.show_link(value)

    # -- showing -------------------------------------------------------------------------------
    def _load_related(self) -> None:
        """Read the unit's stored department form afresh (it may have changed elsewhere)."""
        if self._related is None:
            return
        self._department = self._related().department
        self._related_for = self._unit_and_year()
        self.task_box.set_tasks(task_names(self._department))

    @Slot()
    def reload_related(self) -> None:
        """The stored forms were read again: the task list and the hint follow."""
        self._load_related()
        self._show_hint()

    def _unit_and_year(self) -> tuple[str, int]:
        """What picks the department form: the 实施单位's name key and the 年度."""
        return name_key(self.project.unit_name), self.project.year

    @override
    def showEvent(self, event: QShowEvent) -> None:
        if self._fresh:  # just read when the page was built
            self._fresh = False
        else:
            self._load_related()
            self._show_hint()
        super().showEvent(event)

    def _refresh(self, parts: Part) -> None:
        if parts & Part.REPLACED:
            self._load_related()
        if not parts & (Part.HEADER | Part.PROJECT | Part.REPLACED):
            return
        project = self.project
        info = project.project
        for key, edit in self.edits.items():
            value = getattr(project, key) if key in ("unit_name", "supervisor") else getattr(info, key[8:])
            if edit.text() != value:
                edit.setText(value)
                edit.setCursorPosition(0)  # a long name shows its beginning
        self.year_spin.set_year(project.year)
        self.start_spin.set_year(info.period_start)
        self.end_spin.set_year(info.period_end)
        for spin in (self.start_spin, self.end_spin):
            spin.default_year = project.year
        years = info.period_years()
        self.period_years.setText(f"共 {years} 年" if years is not None and years > 0 else "")
        self._show_attribute(info.attribute)
        self._show_combo_text(self.category, info.category)
        for block_id, edit in getattr(self, "texts", {}).items():
            edit.show_text(info.texts.get(block_id, ""))
        self.task_box.show_link(info.task)
        self.signature.refresh()
        if self._related is not None and self._related_for != self._unit_and_year():
            self._load_related()  # another 实施单位 or 年度 means another department form
        self._show_hint()

    def _show_attribute(self, value: str) -> None:
        combo = self.attribute
        values = ["", *self.profile.attribute_values]
        if value not in values:
            values.append(value)  # a value from a file is shown (P06 reports it), never lost
        if [combo.itemData(i) for i in range(combo.count())] != values:
            combo.clear()
            for item in values:
                combo.addItem(item or "（请选择）", item)
        combo.setCurrentIndex(values.index(value))

    @staticmethod
    def _show_combo_text(combo: QComboBox, value: str) -> None:
        if combo.currentText() != value:
            combo.setEditText(value)

    def _show_hint(self) -> None:
        if self._related is None:
            self.task_box.show_hint(None)
            return
        self.task_box.show_hint(*link_hint(self.project, self._department))

    # -- ProjectPage ---------------------------------------------------------------------------
    def set_marks(self, marks: RowMarks) -> None:
        self.marks.set_marks(marks)

    def focus_where(self, where: str) -> bool:
        """Focus the field ``where`` names (``project.name``, ``footer.date``, ``year`` …)."""
        fields = self.marks.fields
        above = [k for k in fields if where.startswith(k + ".")]  # project.texts.x.y → its block
        below = [k for k in fields if k.startswith(where + ".")]  # project, footer → first field
        if where in fields:
            key = where
        elif above:
            key = max(above, key=len)
        elif below:
            key = below[0]
        else:
            return False
        widget = fields[key]
        self.ensureWidgetVisible(widget)
        widget.setFocus()
        return True


def build(ctx: SectionContext) -> QWidget:
    panel = ProjectInfoPanel(ctx.document, ctx.related)
    if ctx.related_changed is not None:  # another window saved a related form
        ctx.related_changed.connect(panel.reload_related)
    return panel
