"""Controllers work on the application context and a narrow window port, never on the window."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.changes import Part
from desktop.services.store import DeclarationStore
from desktop.settings import Settings
from ui.app_context import AppContext
from ui.checks_controller import ChecksController
from ui.navigator.controller import LifecycleController
from ui.output_controller import OutputController
from ui.window_port import WindowPort

UI = Path(__file__).resolve().parents[2] / "ui"
PORT_METHODS = {"open_declaration", "close_declaration", "flush", "dialog_parent"}
CONTROLLERS = ("checks_controller.py", "output_controller.py", "navigator/controller.py", "importing.py")


def _window_attributes(path: Path) -> set[str]:
    """Attributes used on ``self.window`` / ``window`` in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    used: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute):
            continue
        owner = node.value
        if (isinstance(owner, ast.Name) and owner.id == "window") or (
            isinstance(owner, ast.Attribute) and owner.attr == "window"
        ):
            used.add(node.attr)
    return used


@pytest.mark.parametrize("name", CONTROLLERS)
def test_controllers_ask_the_window_only_what_the_port_offers(name: str) -> None:
    assert _window_attributes(UI / name) <= PORT_METHODS


def test_port_offers_exactly_these_methods() -> None:
    offered = {n for n in vars(WindowPort) if not n.startswith("_")}
    assert offered == PORT_METHODS


def test_no_ui_module_but_the_shell_imports_the_main_window() -> None:
    offenders = []
    for path in sorted(UI.rglob("*.py")):
        if path.name == "main_window.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "ui.main_window":
                offenders.append(str(path.relative_to(UI)))
    assert offenders == []


class FakeWindow:
    """A window port that records what it is asked."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        self.context = context
        self.parent = parent
        self.calls: list[tuple[str, Any]] = []

    def open_declaration(self, declaration_id: int, section: int | None = None) -> None:
        self.calls.append(("open", declaration_id))
        self.context.open_document(declaration_id)

    def close_declaration(self, show_start: bool = True) -> bool:
        self.calls.append(("close", show_start))
        self.flush()
        self.context.close_document()
        return True

    def flush(self) -> bool:
        return self.context.write_unsaved()

    def dialog_parent(self) -> QWidget:
        return self.parent


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    """Owns the context and controllers of a test, as the window does, so Qt deletes them."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def context(store: DeclarationStore, tmp_path: Path, host: QWidget) -> AppContext:
    return AppContext(store, Settings(tmp_path / "settings.json"), host)


def test_lifecycle_controller_runs_on_a_context_without_a_main_window(
    accept_new_dialog: list[object],
    context: AppContext, store: DeclarationStore, host: QWidget
) -> None:
    window = FakeWindow(context, host)
    controller = LifecycleController(context, window)
    said: list[str] = []
    revisions: list[int] = []
    list_changes: list[bool] = []
    context.status_message.connect(lambda text, _ms: said.append(text))
    context.revision_changed.connect(revisions.append)
    context.declarations_changed.connect(lambda: list_changes.append(True))

    new_id = controller.new()
    assert new_id is not None
    assert window.calls == [("open", new_id)]
    document = context.document
    assert document is not None and document.declaration_id == new_id
    assert context.undo_group.activeStack() is document.undo_stack

    document.declaration.unit_name = "测试单位"
    document.notify(Part.HEADER)
    assert controller.save_version() == 1
    assert revisions == [1] and list_changes
    assert said[-1].startswith("已保存第 1 版")
    assert store.load_revision(new_id, 1).unit_name == "测试单位"  # flushed before freezing


def test_deleting_through_the_controller_discards_unsaved_edits_and_closes(
    accept_new_dialog: list[object],
    context: AppContext, store: DeclarationStore, host: QWidget, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = FakeWindow(context, host)
    controller = LifecycleController(context, window)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    new_id = controller.new()
    assert context.document is not None
    context.document.notify(Part.HEADER)  # an unsaved edit of a declaration about to go
    assert controller.delete()
    assert context.document is None and context.undo_group.activeStack() is None
    assert all(summary.id != new_id for summary in store.list())


def test_checks_controller_checks_the_shown_document_and_clears_on_close(
    qtbot: QtBot, context: AppContext, seed_id: int, host: QWidget
) -> None:
    checks = ChecksController(context, host)
    qtbot.addWidget(checks.dock)
    checks.counts.setParent(host)
    marks: list[object] = []
    checks.marks_ready.connect(marks.append)
    checks.follow(context.open_document(seed_id))
    assert checks.dock.isEnabled() and checks.counts.text() == "正在自检…"
    checks.run_now()
    qtbot.waitUntil(lambda: bool(marks), timeout=10_000)
    assert "错误 0" in checks.counts.text()
    jumps: list[str] = []
    checks.jump_requested.connect(jumps.append)
    checks.jump_to("goals[3]")
    assert jumps == ["goals[3]"]
    context.close_document()
    assert not checks.dock.isEnabled() and checks.counts.text() == ""


def test_output_controller_needs_only_the_port(
    context: AppContext, seed_id: int, tmp_path: Path, host: QWidget
) -> None:
    window = FakeWindow(context, host)
    output = OutputController(context, window, host)
    revisions: list[int] = []
    context.revision_changed.connect(revisions.append)
    context.open_document(seed_id)
    target = tmp_path / "out.json"
    assert output.export_to(target)
    assert target.is_file() and revisions == [1]
