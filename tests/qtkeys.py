"""Typed keyboard and mouse input for widget tests.

pytest-qt's ``QtBot.keyClick``/``keyClicks``/``mouseClick``/``mouseDClick`` are untyped
pass-throughs to ``QTest`` (see ``pytestqt/qtbot.py``), so ``mypy --strict`` refuses every call.
These functions call ``PySide6.QtTest.QTest`` directly with the same arguments and defaults, and
keep the tests fully typed.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def key_click(
    widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER, delay: int = -1
) -> None:
    """Press and release ``key`` (with ``modifier``) on ``widget``."""
    QTest.keyClick(widget, key, modifier, delay)


def key_clicks(
    widget: QWidget, text: str, modifier: Qt.KeyboardModifier = NO_MODIFIER, delay: int = -1
) -> None:
    """Type ``text`` into ``widget`` one key at a time."""
    QTest.keyClicks(widget, text, modifier, delay)


def mouse_click(
    widget: QWidget,
    button: Qt.MouseButton,
    modifier: Qt.KeyboardModifier = NO_MODIFIER,
    pos: QPoint | None = None,
    delay: int = -1,
) -> None:
    """Click ``button`` on ``widget`` at ``pos`` (its centre when omitted, as ``QTest`` does)."""
    QTest.mouseClick(widget, button, modifier, pos if pos is not None else QPoint(), delay)


def mouse_double_click(
    widget: QWidget,
    button: Qt.MouseButton,
    modifier: Qt.KeyboardModifier = NO_MODIFIER,
    pos: QPoint | None = None,
    delay: int = -1,
) -> None:
    """Double-click ``button`` on ``widget`` at ``pos`` (its centre when omitted)."""
    QTest.mouseDClick(widget, button, modifier, pos if pos is not None else QPoint(), delay)
