"""文件 → 新建: the kind of form, its profile, 年度, and for a project its name and 实施单位.

The dialog only gathers a :class:`NewChoice`; the lifecycle controller builds the declaration
(desktop/services/new_forms.py) and remembers the choice (docs/project-form.md §11). Enter
accepts, Esc cancels; 新建 stays disabled, with the reason beside it, while a required field is
empty.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.model import FORM_DEPARTMENT, FORM_PROJECT
from desktop.services.new_forms import (
    INFERRED_TAG,
    KIND_LABELS,
    NewChoice,
    NewDefaults,
    ProfileOption,
    profile_options,
)

YEAR_RANGE = (2000, 2099)
_AMBER = "#9a6700"


class NewDeclarationDialog(QDialog):
    """Asks what to create; :meth:`choice` is the answer once accepted."""

    def __init__(self, defaults: NewDefaults, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newDeclarationDialog")
        self.setWindowTitle("新建申报表")
        self._defaults = defaults
        self._options = {kind: profile_options(kind) for kind in KIND_LABELS}
        self._picked = {
            FORM_DEPARTMENT: defaults.department_profile,
            FORM_PROJECT: defaults.project_profile,
        }

        self.kind_buttons: dict[str, QRadioButton] = {}
        self.kind_group = QButtonGroup(self)
        kinds = QWidget(self)
        kinds_layout = QHBoxLayout(kinds)
        kinds_layout.setContentsMargins(0, 0, 0, 0)
        for kind, label in KIND_LABELS.items():
            button = QRadioButton(label, kinds)
            button.setObjectName(f"kind:{kind}")
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            kinds_layout.addWidget(button)
        kinds_layout.addStretch(1)

        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("profileCombo")
        self.profile_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.inferred_label = QLabel(INFERRED_TAG, self)
        self.inferred_label.setObjectName("inferredLabel")
        self.inferred_label.setStyleSheet(f"color: {_AMBER}; font-weight: bold;")
        profile_row = QWidget(self)
        profile_layout = QHBoxLayout(profile_row)
        profile_layout.setContentsMargins(0, 0, 0, 0)
        profile_layout.addWidget(self.profile_combo, 1)
        profile_layout.addWidget(self.inferred_label)
        self.description = QLabel(self)
        self.description.setObjectName("profileDescription")
        self.description.setStyleSheet("color: #666;")

        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("newYearSpin")
        self.year_spin.setRange(*YEAR_RANGE)
        self.year_spin.setValue(min(max(defaults.year, YEAR_RANGE[0]), YEAR_RANGE[1]))
        self.year_spin.setSuffix(" 年度")
        self.year_spin.setMaximumWidth(self.fontMetrics().horizontalAdvance("2026 年度") + 60)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("projectNameEdit")
        self.name_edit.setPlaceholderText("例如：重点片区建设（其他项目）")
        self.unit_edit = QLineEdit(defaults.unit_name, self)
        self.unit_edit.setObjectName("projectUnitEdit")
        self.unit_edit.setPlaceholderText("填报本表的单位")
        if defaults.known_units:
            completer = QCompleter(list(defaults.known_units), self.unit_edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            self.unit_edit.setCompleter(completer)

        self.form = QFormLayout()
        self.form.addRow("申报表类型", kinds)
        self.form.addRow("表样版式", profile_row)
        self.form.addRow("", self.description)
        self.form.addRow("年度", self.year_spin)
        self.form.addRow("项目名称", self.name_edit)
        self.form.addRow("实施单位", self.unit_edit)

        self.reason = QLabel(self)
        self.reason.setObjectName("newReasonLabel")
        self.reason.setStyleSheet(f"color: {_AMBER};")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("新建")
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addLayout(bottom)

        kind = defaults.kind if defaults.kind in KIND_LABELS else FORM_DEPARTMENT
        self.kind_buttons[kind].setChecked(True)
        self._show_kind(kind)
        self.kind_group.buttonToggled.connect(self._on_kind_toggled)
        self.profile_combo.currentIndexChanged.connect(self._on_profile)
        self.name_edit.textChanged.connect(self._update_ok)
        self.unit_edit.textChanged.connect(self._update_ok)
        self.year_spin.valueChanged.connect(self._update_ok)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("中") * 40)
        # Typing starts where an answer is still missing: a project's name, else the year.
        (self.name_edit if kind == FORM_PROJECT else self.year_spin).setFocus()

    # -- reading ------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return next((k for k, b in self.kind_buttons.items() if b.isChecked()), FORM_DEPARTMENT)

    def current_option(self) -> ProfileOption | None:
        row = self.profile_combo.currentIndex()
        options = self._options[self.kind]
        return options[row] if 0 <= row < len(options) else None

    def refusal(self) -> str:
        """Why 新建 cannot go on yet ("" when it can)."""
        if self.current_option() is None:
            return "没有可用的表样版式"
        if self.kind != FORM_PROJECT:
            return ""
        missing = [
            label
            for label, edit in (("项目名称", self.name_edit), ("实施单位", self.unit_edit))
            if not edit.text().strip()
        ]
        return f"请填写{'和'.join(missing)}" if missing else ""

    def choice(self) -> NewChoice:
        option = self.current_option()
        assert option is not None
        project = self.kind == FORM_PROJECT
        return NewChoice(
            self.kind,
            option.id,
            self.year_spin.value(),
            self.name_edit.text().strip() if project else "",
            self.unit_edit.text().strip() if project else "",
        )

    # -- reacting -----------------------------------------------------------------------
    def _on_kind_toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self._show_kind(self.kind)

    def _show_kind(self, kind: str) -> None:
        combo = self.profile_combo
        combo.blockSignals(True)
        combo.clear()
        for option in self._options[kind]:
            combo.addItem(option.text(), option.id)
            tip = "\n".join(t for t in (option.title, option.description, option.hint()) if t)
            combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        combo.setCurrentIndex(max(0, combo.findData(self._picked[kind])))
        combo.blockSignals(False)
        project = kind == FORM_PROJECT
        self.form.setRowVisible(self.name_edit, project)
        self.form.setRowVisible(self.unit_edit, project)
        self._on_profile()
        if project and self.isVisible():
            (self.unit_edit if self.name_edit.text().strip() else self.name_edit).setFocus()
        self.adjustSize()

    def _on_profile(self) -> None:
        option = self.current_option()
        if option is not None:
            self._picked[self.kind] = option.id
        inferred = option is not None and option.inferred
        self.inferred_label.setVisible(inferred)
        note = option.hint() if option is not None else ""
        self.inferred_label.setToolTip(note)
        self.profile_combo.setToolTip(
            self.profile_combo.itemData(self.profile_combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
            or ""
        )
        description = "\n".join(t for t in (option.description if option else "", note) if t)
        self.description.setText(description)
        self.form.setRowVisible(self.description, bool(description))
        self._update_ok()

    def _update_ok(self) -> None:
        reason = self.refusal()
        self.ok_button.setEnabled(not reason)
        if reason:
            self.reason.setText(f"{reason}。")
        elif self.kind == FORM_PROJECT and self._defaults.project_is_stored(
            self.year_spin.value(), self.unit_edit.text(), self.name_edit.text()
        ):
            # Allowed (a second version of a project is sometimes wanted), but worth knowing.
            self.reason.setText("该单位本年度已有同名项目，新建将另存一份。")
        else:
            self.reason.setText("")


def ask_new_declaration(parent: QWidget | None, defaults: NewDefaults) -> NewChoice | None:
    """Show the dialog; the choice, or None when cancelled."""
    dialog = NewDeclarationDialog(defaults, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.choice()
