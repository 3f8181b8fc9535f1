"""The main window's actions, menus and toolbar (docs/ui.md: 文件 编辑 视图 工具 帮助)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from ui.sections import section_titles

#: object name, text, shortcut ("" for none), enabled at start (later issues connect the rest).
_FILE = (
    ("newAction", "新建", "Ctrl+N"),
    ("newFromLastYearAction", "从上年申报表新建…", ""),
    ("newFromSampleAction", "从示例新建", ""),
    ("openAction", "打开文件…", "Ctrl+O"),
    (None, "", ""),
    ("duplicateDeclarationAction", "复制申报表", ""),
    ("deleteDeclarationAction", "删除申报表…", ""),
    (None, "", ""),
    ("saveVersionAction", "保存版本", "Ctrl+S"),
    ("historyAction", "历史版本…", ""),
    ("markFinalAction", "标记定稿", ""),
    (None, "", ""),
    ("printPreviewAction", "打印预览", "Ctrl+Shift+P"),
    ("printAction", "打印…", "Ctrl+P"),
    ("exportAction", "导出…", "Ctrl+E"),
    (None, "", ""),
    ("backupAction", "备份…", ""),
    ("restoreAction", "从备份恢复…", ""),
    (None, "", ""),
    ("quitAction", "退出", "Ctrl+Q"),
)
#: Need an open declaration.
NEED_DOCUMENT = (
    "newFromLastYearAction",
    "duplicateDeclarationAction",
    "deleteDeclarationAction",
    "saveVersionAction",
    "historyAction",
    "markFinalAction",
    "printPreviewAction",
    "printAction",
    "exportAction",
    "checkAction",
)


@dataclass
class WindowActions:
    actions: dict[str, QAction] = field(default_factory=dict)
    sections: list[QAction] = field(default_factory=list)
    edit_menu: QMenu | None = None
    indicator_menu: QMenu | None = None
    view_menu: QMenu | None = None

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]


def _make(window: QMainWindow, bag: WindowActions, name: str, text: str, keys: str) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if keys:
        action.setShortcut(QKeySequence(keys))
    bag.actions[name] = action
    return action


def build_actions(window: QMainWindow, undo_group: QUndoGroup) -> WindowActions:
    """Create every action and lay out the menu bar and the toolbar."""
    bag = WindowActions()
    menubar = window.menuBar()
    file_menu = menubar.addMenu("文件(&F)")
    for name, text, keys in _FILE:
        if name is None:
            file_menu.addSeparator()
        else:
            file_menu.addAction(_make(window, bag, name, text, keys))
    undo = undo_group.createUndoAction(window, "撤销")
    undo.setObjectName("undoAction")
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo = undo_group.createRedoAction(window, "重做")
    redo.setObjectName("redoAction")
    redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    if QKeySequence("Ctrl+Y") not in redo_keys:  # what Office and WPS users press
        redo_keys.append(QKeySequence("Ctrl+Y"))
    redo.setShortcuts(redo_keys)
    bag.actions["undoAction"], bag.actions["redoAction"] = undo, redo
    edit_menu = menubar.addMenu("编辑(&E)")
    edit_menu.addAction(undo)
    edit_menu.addAction(redo)
    edit_menu.addSeparator()
    bag.edit_menu = edit_menu
    bag.indicator_menu = edit_menu.addMenu("绩效指标")
    view_menu = menubar.addMenu("视图(&V)")
    bag.view_menu = view_menu
    for number, title in enumerate(section_titles(), start=1):
        action = _make(window, bag, f"section{number}Action", title, f"Ctrl+{number}")
        bag.sections.append(action)
        view_menu.addAction(action)
    tools_menu = menubar.addMenu("工具(&T)")
    tools_menu.addAction(_make(window, bag, "checkAction", "自检", "F5"))
    tools_menu.addSeparator()
    tools_menu.addAction(_make(window, bag, "settingsAction", "设置…", ""))
    help_menu = menubar.addMenu("帮助(&H)")
    help_menu.addAction(_make(window, bag, "aboutAction", "关于", ""))
    toolbar = QToolBar("工具栏", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    for name in (
        "newAction",
        "openAction",
        None,
        "undoAction",
        "redoAction",
        None,
        "checkAction",
        None,
        "printPreviewAction",
        "printAction",
        "exportAction",
    ):
        if name is None:
            toolbar.addSeparator()
        else:
            toolbar.addAction(bag[name])
    window.addToolBar(toolbar)
    return bag
