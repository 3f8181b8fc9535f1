"""设置: every declared setting of the registry, one page per group."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as registry
from desktop.domain.profile import available_profile_ids, load_profile
from desktop.settings import Settings, SettingSpec, SettingsSaveError


class _FileField(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        browse = QPushButton("浏览…", self)
        browse.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "选择字体文件", "", "字体文件 (*.ttf *.otf *.ttc)"
        )
        if path:
            self.edit.setText(path)


class SettingsDialog(QDialog):
    """Edits a :class:`Settings`; values are written only on 确定."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("设置")
        self.settings = settings
        self.editors: dict[str, QWidget] = {}
        tabs = QTabWidget(self)
        forms: dict[str, QFormLayout] = {}
        for spec in registry.registry():
            if spec.remembered:  # the program's memory, not a preference to edit
                continue
            if spec.group not in forms:
                page = QWidget(tabs)
                forms[spec.group] = QFormLayout(page)
                tabs.addTab(page, spec.group)
            editor = self._editor(spec, settings.get(spec.key))
            editor.setObjectName(f"setting:{spec.key}")
            self.editors[spec.key] = editor
            if isinstance(editor, QCheckBox):
                forms[spec.group].addRow(editor)
            else:
                forms[spec.group].addRow(spec.title, editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def _editor(self, spec: SettingSpec, value: Any) -> QWidget:
        if spec.kind is bool:
            box = QCheckBox(spec.title, self)
            box.setChecked(bool(value))
            return box
        if spec.widget == "profile" or spec.choices:
            combo = QComboBox(self)
            choices = spec.choices or tuple(
                (pid, load_profile(pid).title) for pid in available_profile_ids()
            )
            for data, label in choices:
                combo.addItem(label, data)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            return combo
        if spec.kind is int:
            spin = QSpinBox(self)
            spin.setRange(0, 1_000_000)
            spin.setValue(int(value))
            return spin
        if spec.widget == "font_file":
            field = _FileField(self)
            field.edit.setText(str(value))
            return field
        edit = QLineEdit(str(value), self)
        return edit

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QCheckBox):
                result[key] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                result[key] = editor.currentData()
            elif isinstance(editor, QSpinBox):
                result[key] = editor.value()
            elif isinstance(editor, _FileField):
                result[key] = editor.edit.text().strip()
            elif isinstance(editor, QLineEdit):
                result[key] = editor.text()
        return result

    def apply(self) -> None:
        for key, value in self.values().items():
            if value != self.settings.get(key):
                self.settings.set(key, value)


def edit_settings(settings: Settings, parent: QWidget | None) -> bool:
    """Show the dialog; True when the user saved changes."""
    dialog = SettingsDialog(settings, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        dialog.apply()
    except SettingsSaveError as exc:
        # The new values hold for this session; the user learns they were not kept.
        QMessageBox.warning(parent, "设置未能保存", str(exc))
    return True
