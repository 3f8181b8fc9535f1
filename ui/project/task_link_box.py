"""所属部门整体支出任务: which task of the unit's department form a project belongs to.

An editable combo of the task names of the stored department form (基本支出 is never a target),
and beneath it what the link resolves to with rule C02's own matching
(``task_link`` in desktop/rules/project/cross_forms.py; docs/project-form.md §6): an empty link
matches the task named like the project.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from desktop.domain.model import Declaration
from desktop.domain.project import ProjectDeclaration, name_key
from desktop.rules.project.cross_forms import task_link
from desktop.rules.textutil import shorten

NO_TASK = "未找到对应任务"


def link_hint(project: ProjectDeclaration, department: Declaration | None) -> tuple[str, bool]:
    """The hint beneath the combo and whether it is a good result (a task was found)."""
    if department is None:
        return f"未找到本单位 {project.year} 年的部门整体支出表（按实施单位名称查找），无法对应任务", False
    from desktop.domain.profile import load_profile

    link = task_link(project, department, load_profile(department.profile_id))
    explicit = project.project.task.strip()
    if link.index is None:
        if explicit:
            return f"{NO_TASK}：部门整体支出表中没有“{shorten(explicit, 30)}”", False
        return f"{NO_TASK}：请从列表中选择所属任务", False
    name = department.tasks[link.index].name
    return (f"已对应：{name}" if explicit else f"按名称对应：{name}"), True


def task_names(department: Declaration | None) -> list[str]:
    """The department form's task names a project may belong to (not 基本支出)."""
    if department is None:
        return []
    from desktop.domain.profile import load_profile

    basic = load_profile(department.profile_id).basic_expenditure.name
    basic_key = name_key(basic) if basic else None
    return [t.name for t in department.tasks if t.name.strip() and name_key(t.name) != basic_key]


class TaskLinkBox(QWidget):
    """The combo and its hint. Signals: committed(str), the text chosen or typed (stripped)."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("taskLinkCombo")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setAccessibleName("所属部门整体支出任务")
        line = self.combo.lineEdit()
        assert line is not None
        line.setPlaceholderText("留空：按项目名称对应")
        line.editingFinished.connect(self._commit)
        self.combo.activated.connect(lambda _index: self._commit())
        self.hint = QLabel(self)
        self.hint.setObjectName("taskLinkHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.combo)

    def set_tasks(self, names: list[str]) -> None:
        text = self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems(names)
        self.combo.setEditText(text)
        self.combo.blockSignals(False)

    def show_link(self, link: str) -> None:
        if self.combo.currentText() != link:
            self.combo.setEditText(link)

    def show_hint(self, text: str | None, good: bool = True) -> None:
        """The result of the link; None hides it (no store, e.g. widget tests)."""
        self.hint.setText(text or "")
        self.hint.setStyleSheet("color: #1e7d32;" if good else "color: #b9770e;")
        self.hint.setVisible(text is not None)

    def _commit(self) -> None:
        self.committed.emit(self.combo.currentText())
