"""What the window says when asked to open a project declaration (docs/project-form.md).

The project form's editing sections are not built yet: instead of showing a department editor
on project data, the window stays on the start page and says how to work with the form.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMessageBox

PROJECT_NOT_EDITABLE = (
    "项目支出申报表的编辑界面尚未完成，可用命令行检查和导出："
    "perfdecl check {id}；perfdecl export {id} --to 文件.json"
)


def tell_project_not_editable(window: QMainWindow, declaration_id: int) -> QMessageBox:
    """A non-blocking message box (and status line) naming the commands to use instead."""
    text = PROJECT_NOT_EDITABLE.format(id=declaration_id)
    window.statusBar().showMessage(text, 15_000)
    box = QMessageBox(QMessageBox.Icon.Information, "项目支出申报表", text, QMessageBox.StandardButton.Ok, window)
    box.setObjectName("projectNotEditableBox")
    box.open()
    return box
