"""A 4-digit year field: a spin box that says why a typed value was not taken.

A plain ``QSpinBox`` silently reverts a value outside its range (``99``, ``12345``…); the user
would believe it stored. :class:`YearSpin` remembers what was typed and emits :attr:`refused`
with a Chinese reason (the gate's words, desktop/domain/validate.py) when it was not taken.
With ``optional`` the field may also be empty, its year then ``None`` (a project's 项目期,
docs/project-form.md §1): the minimum of the spin box stands for the empty value.
"""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtCore import Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox, QWidget

from desktop.domain.validate import MAX_YEAR, MIN_YEAR, year_problem

_EMPTY = MIN_YEAR - 1


class YearSpin(QSpinBox):
    """Signals:
    year_edited(object): the user changed the year (an int, or None when emptied).
    refused(str): why the text typed was not taken; ``""`` when the last typed text was.
    """

    year_edited = Signal(object)
    refused = Signal(str)

    def __init__(self, title: str, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title, self.optional = title, optional
        #: Where the arrows start from when an optional field is empty.
        self.default_year = 2026
        self.setRange(_EMPTY if optional else MIN_YEAR, MAX_YEAR)
        self.setKeyboardTracking(False)
        self._typed: str | None = None
        self._quiet = False
        self.lineEdit().textEdited.connect(self._remember)
        self.editingFinished.connect(self._check_typed)
        self.valueChanged.connect(self._changed)
        if optional:
            self.setToolTip(f"{title}：4 位数字；可留空")

    def year(self) -> int | None:
        value = self.value()
        return None if self.optional and value == _EMPTY else value

    def set_year(self, year: int | None) -> None:
        """Show ``year`` without announcing it as the user's edit."""
        value = _EMPTY if year is None else year
        if value != self.value() or (year is None and self.text()):
            self._quiet = True
            self.setValue(value)
            self._quiet = False

    @override
    def textFromValue(self, val: int) -> str:
        return "" if self.optional and val == _EMPTY else str(val)

    @override
    def valueFromText(self, text: str) -> int:
        text = text.strip()
        return _EMPTY if self.optional and not text else int(text)

    @override
    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        stripped = text.strip()
        if not stripped:
            state = QValidator.State.Acceptable if self.optional else QValidator.State.Intermediate
        elif not stripped.isdigit() or len(stripped) > 4:
            state = QValidator.State.Invalid
        elif len(stripped) < 4 or year_problem(int(stripped)) is not None:
            state = QValidator.State.Intermediate
        else:
            state = QValidator.State.Acceptable
        return state, text, pos

    @override
    def stepBy(self, steps: int) -> None:
        if self.year() is None:  # arrows on an empty field start from a sensible year
            self.setValue(self.default_year)
            return
        super().stepBy(steps)

    def _remember(self, text: str) -> None:
        self._typed = text

    def _changed(self, value: int) -> None:
        if not self._quiet:
            self.year_edited.emit(self.year())

    def _check_typed(self) -> None:
        typed, self._typed = self._typed, None
        if typed is None:
            return
        typed = typed.strip()
        if not typed:  # emptied: taken when the field may be empty, else simply reverted
            if self.optional:
                self.refused.emit("")
            return
        taken = typed.isdigit() and year_problem(int(typed)) is None and int(typed) == self.value()
        refused = f"{self.title}应为 {MIN_YEAR} 至 {MAX_YEAR} 之间的 4 位数字，输入的“{typed}”未采用"
        self.refused.emit("" if taken else refused)
