"""Marks on the fields of a form page: a refused value, and the findings of the latest check.

A field whose typed value was refused gets a red border and the reason in a message beneath it
(as on the department form's 基本信息, ui/basic_info.py); a field a finding names gets a border
in the colour of the worst severity and the findings in its tooltip (spin and combo boxes are
tinted in that colour instead). Fields are keyed by their path in rule findings
(``project.name``, ``footer.date``; docs/rules.md).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLabel, QWidget

from desktop.rules.findings import ERROR, WARNING
from ui.findings.row_marks import RowMarks

REFUSED_COLOUR = "#c0392b"
_SEVERITY_COLOURS: dict[str, str] = {ERROR: REFUSED_COLOUR, WARNING: "#d68910"}
_INFO_COLOUR = "#2e86c1"


def _complex(widget: QWidget) -> bool:
    """Spin and combo boxes: a style sheet would replace their native arrows."""
    return isinstance(widget, (QAbstractSpinBox, QComboBox))


def _show_mark(widget: QWidget, colour: str | None) -> None:
    """A border in ``colour`` round a plain field; a spin or combo box is tinted instead, through
    its palette, which keeps its native arrows. None clears the mark."""
    if not _complex(widget):
        name = widget.metaObject().className()  # the class selector keeps it off children
        widget.setStyleSheet(f"{name} {{ border: 1px solid {colour}; }}" if colour else "")
        return
    palette = QApplication.palette(widget)
    if colour:
        base = QColor(colour)  # a light tint: one part the colour, four parts white
        tint = QColor(*(round((c + 4 * 255) / 5) for c in (base.red(), base.green(), base.blue())))
        for role in (QPalette.ColorRole.Base, QPalette.ColorRole.Button):
            palette.setColor(role, tint)
    widget.setPalette(palette)


class FieldMarks:
    """Borders, tooltips and messages of the fields of one page."""

    def __init__(self) -> None:
        self.fields: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self._tooltips: dict[str, str] = {}
        self._refused: set[str] = set()
        self._marked: dict[str, tuple[str, str]] = {}  # key → (colour, tooltip)

    def add(self, key: str, widget: QWidget) -> QWidget:
        self.fields[key] = widget
        self._tooltips[key] = widget.toolTip()
        return widget

    def message(self, key: str, parent: QWidget) -> QLabel:
        """The (hidden) label beneath field ``key`` that says why a value was refused."""
        label = QLabel(parent)
        label.setObjectName("fieldMessage")
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {REFUSED_COLOUR};")
        label.hide()
        self.messages[key] = label
        return label

    def say(self, key: str, message: str | None) -> None:
        """Show (or clear) why the value typed in ``key`` was not taken."""
        label = self.messages.get(key)
        if label is not None:
            label.setText(message or "")
            label.setVisible(bool(message))
        if message:
            self._refused.add(key)
        else:
            self._refused.discard(key)
        self._style(key)

    def set_marks(self, marks: RowMarks) -> None:
        self._marked.clear()
        for key in self.fields:
            mark = marks.field(key)
            if mark is not None:
                colour = _SEVERITY_COLOURS.get(mark.severity, _INFO_COLOUR)
                self._marked[key] = (colour, mark.tooltip)
        for key in self.fields:
            self._style(key)

    def shows_mark(self, key: str) -> bool:
        """Whether field ``key`` is drawn marked (a border, or a tint; tests)."""
        widget = self.fields[key]
        if not _complex(widget):
            return "border" in widget.styleSheet()
        return widget.palette().color(QPalette.ColorRole.Base) != QApplication.palette(widget).color(
            QPalette.ColorRole.Base
        )

    def marked(self, key: str) -> str | None:
        """The tooltip of the findings about ``key``, or None (tests and accessibility)."""
        found = self._marked.get(key)
        return found[1] if found is not None else None

    def _style(self, key: str) -> None:
        widget = self.fields.get(key)
        if widget is None:
            return
        mark = self._marked.get(key)
        colour = REFUSED_COLOUR if key in self._refused else (mark[0] if mark else None)
        _show_mark(widget, colour)
        tips = [t for t in (self._tooltips.get(key, ""), mark[1] if mark else "") if t]
        widget.setToolTip("\n".join(tips))
