"""Typed access to pytest-qt's model tester.

``ModelTester.check`` is untyped in pytest-qt (see ``pytestqt/modeltest.py``), so ``mypy
--strict`` refuses a call to it. Binding it once to a typed callable keeps the tests typed and
runs exactly the same checks.
"""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.modeltest import ModelTester

from PySide6.QtCore import QAbstractItemModel


def check_model(tester: ModelTester, model: QAbstractItemModel) -> None:
    """Run pytest-qt's model checks on ``model`` (and on every later change it signals)."""
    check: Callable[[QAbstractItemModel], None] = tester.check
    check(model)
