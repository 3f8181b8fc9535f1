"""One writer per declaration: locks, read-only viewing, row versions, refused CLI writers."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication, QLineEdit

from db.repository import SqliteDeclarationStore
from desktop.app import make_main_window
from desktop.processes import host_name, own_start_time, process_start_time
from desktop.services.locking import LockHolder, new_holder
from tests.cli.conftest import logical_dump, run_cli
from ui import read_only
from ui.indicators.model import Column
from ui.indicators.panel import IndicatorPanel
from ui.main_window import MainWindow
from ui.save_banner import CONFLICT, READ_ONLY

OpenWindow = Callable[[int], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, db_path: Path) -> Iterator[OpenWindow]:
    def make(declaration_id: int) -> MainWindow:
        made = make_main_window(db_path, declaration_id)
        assert isinstance(made, MainWindow)
        qtbot.addWidget(made)
        made.show()
        return made

    yield make


def _first_name(window: MainWindow) -> str:
    assert window.document is not None
    return window.document.declaration.categories[0].indicators[0].name


def _set_first_name(window: MainWindow, text: str) -> None:
    panel = window.findChild(IndicatorPanel, "indicatorPanel")
    assert panel is not None
    model = panel.model
    model.setData(model.indicator_index(0, 0, Column.NAME), text)


def _dead_holder() -> LockHolder:
    """The identity of a process that has just exited (a crashed window)."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.2)"])
    started = process_start_time(child.pid)
    child.wait()
    return LockHolder("crashed", "someone", host_name(), child.pid, started or 0.0, datetime.now(UTC))


def test_second_window_views_read_only_and_names_the_holder(
    qtbot: QtBot, open_window: OpenWindow, store: SqliteDeclarationStore, seed_id: int
) -> None:
    first = open_window(seed_id)
    second = open_window(seed_id)
    assert first.read_only is None and first.autosaver is not None
    assert second.read_only is not None and second.autosaver is None
    banner = second.save_banner
    assert banner.isVisible() and banner.state == READ_ONLY
    assert f"进程 {first.edit_lock.holder.pid}" in banner.label.text()
    assert host_name() in banner.label.text()
    assert not second.window_actions["saveVersionAction"].isEnabled()
    assert second.save_status.text().startswith("只读查看")
    assert first.save_status.text().startswith("已打开")
    unit = second.findChild(QLineEdit, "unitNameEdit") or second.findChildren(QLineEdit)[0]
    assert unit.isReadOnly()

    original = _first_name(second)
    _set_first_name(second, "只读窗口里的修改")  # e.g. a paste that reached the model
    qtbot.waitUntil(lambda: _first_name(second) == original, timeout=3000)
    _set_first_name(first, "编辑窗口里的修改")
    assert first.flush()
    QApplication.processEvents()
    assert store.load(seed_id).categories[0].indicators[0].name == "编辑窗口里的修改"

    first.close()  # its lock goes with it: the second window may now edit
    banner.edit_button.click()
    assert second.read_only is None and second.autosaver is not None
    assert not banner.isVisible() and not second.save_status.text().startswith("只读")
    assert _first_name(second) == "编辑窗口里的修改"  # reloaded: sees what the first saved


def test_lock_of_a_dead_process_is_cleared(
    open_window: OpenWindow, store: SqliteDeclarationStore, seed_id: int
) -> None:
    assert store.acquire_lock(seed_id, _dead_holder()) is None
    reused = LockHolder(  # our own pid, but a different start: the id was reused
        "reused", "someone", host_name(), new_holder().pid, own_start_time() - 3600,
        datetime.now(UTC),
    )  # fmt: skip
    assert store.lock_holder(seed_id) is None  # the dead one was cleared where it was found
    assert store.acquire_lock(seed_id, reused) is None
    window = open_window(seed_id)
    assert window.read_only is None and window.autosaver is not None
    holder = store.lock_holder(seed_id)
    assert holder is not None and holder.token == window.edit_lock.token


def test_lock_of_another_computer_is_respected_until_cleared_on_purpose(
    open_window: OpenWindow, store: SqliteDeclarationStore, seed_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    remote = LockHolder("remote", "lisi", "OTHER-PC", 4242, 1.0, datetime.now(UTC))
    assert store.acquire_lock(seed_id, remote) is None
    window = open_window(seed_id)
    assert window.read_only is not None
    assert "OTHER-PC" in window.save_banner.label.text() and "lisi" in window.save_banner.label.text()
    # That computer may have crashed: after a warning the user may clear its lock.
    button = window.save_banner.take_over_button
    assert button.isVisible()
    answers = [False, True]
    monkeypatch.setattr(read_only, "confirm_take_over", lambda w, h: answers.pop(0))
    button.click()
    assert window.read_only is not None and store.lock_holder(seed_id) == remote
    button.click()
    assert window.read_only is None and window.autosaver is not None
    holder = store.lock_holder(seed_id)
    assert holder is not None and holder.token == window.edit_lock.token


def test_live_lock_on_this_computer_cannot_be_taken_over(
    open_window: OpenWindow, seed_id: int
) -> None:
    open_window(seed_id)
    second = open_window(seed_id)
    assert second.read_only is not None
    assert not second.save_banner.take_over_button.isVisible()


def test_change_made_elsewhere_is_never_overwritten(
    open_window: OpenWindow, store: SqliteDeclarationStore, seed_id: int
) -> None:
    window = open_window(seed_id)
    elsewhere = store.load(seed_id)  # a writer that ignores locks (an older PerfDecl)
    elsewhere.unit_name = "别处改的单位名称"
    store.save(seed_id, elsewhere)
    _set_first_name(window, "本窗口的修改")
    assert not window.flush()
    assert window.save_banner.isVisible() and window.save_banner.state == CONFLICT
    assert "已在别处" in window.save_banner.label.text()
    assert store.load(seed_id).unit_name == "别处改的单位名称"  # not overwritten
    assert window.autosaver is not None and window.autosaver.stopped
    _set_first_name(window, "本窗口的第二处修改")
    assert store.load(seed_id).unit_name == "别处改的单位名称"

    window.save_banner.new_button.click()  # 另存为新申报表
    assert window.document is not None and window.document.declaration_id not in (seed_id, None)
    new_id = window.document.declaration_id
    assert new_id is not None
    assert store.load(new_id).categories[0].indicators[0].name == "本窗口的第二处修改"
    assert store.load(seed_id).unit_name == "别处改的单位名称"
    assert not window.save_banner.isVisible()


def test_import_into_and_restore_exit_2_naming_the_holder(
    open_window: OpenWindow, db_path: Path, seed_id: int, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["三级指标", "二级指标", "一级指标", "指标值", "计量单位"])
    sheet.append(["培训场次", "数量指标", "产出指标", "≥3", "场"])
    flat = tmp_path / "list.xlsx"
    book.save(flat)
    backup = tmp_path / "backup.sqlite3"
    assert run_cli("backup", "--to", backup, "--db", db_path).status == 0

    window = open_window(seed_id)
    before = logical_dump(db_path)
    pid = f"进程 {window.edit_lock.holder.pid}"
    into = run_cli("import", flat, "--into", str(seed_id), "--db", db_path)
    assert into.status == 2 and pid in into.err and "正在由" in into.err
    restore = run_cli("restore", backup, "--db", db_path)
    assert restore.status == 2 and pid in restore.err
    assert logical_dump(db_path) == before
    window.close()
    assert run_cli("import", flat, "--into", str(seed_id), "--db", db_path).status == 0


def test_closing_after_a_conflict_offers_a_new_declaration(
    open_window: OpenWindow, store: SqliteDeclarationStore, seed_id: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from ui import save_guard

    window = open_window(seed_id)
    elsewhere = store.load(seed_id)
    elsewhere.supervisor = "别处改的主管部门"
    store.save(seed_id, elsewhere)
    _set_first_name(window, "关闭前未保存的修改")
    asked: list[bool] = []

    def ask(parent: object, message: str, conflict: bool) -> str:
        asked.append(conflict)
        return save_guard.SAVE_NEW

    monkeypatch.setattr(save_guard, "ask_unsaved", ask)
    before = {s.id for s in store.list()}
    window.close()
    assert asked == [True] and not window.isVisible()
    (new_id,) = {s.id for s in store.list()} - before
    assert store.load(new_id).categories[0].indicators[0].name == "关闭前未保存的修改"
    assert store.load(seed_id).supervisor == "别处改的主管部门"
    assert store.lock_holder(new_id) is None and store.lock_holder(seed_id) is None
