"""The first window's store (db/deferred.py) reads exactly what the SQLAlchemy store reads,
opens the real store for anything else, and hands every file that is not plainly ours at head
to the full open (which migrates or refuses it)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from db.deferred import DeferredStore, open_deferred
from db.repository import SqliteDeclarationStore, open_store
from desktop.domain.model import AcceptedFinding, Totals
from desktop.exchange.reader import read_json_file
from desktop.services.store import DamagedDatabaseError, NewerDatabaseError, NotFoundError
from tests.synthetic import large_declaration


def _filled(db_path: Path, seed_path: Path) -> list[int]:
    with open_store(db_path) as store:
        seed = read_json_file(seed_path).declaration
        seed.declared_totals = Totals(Decimal("1.10"), Decimal("1.00"), Decimal("0.10"))
        seed.budget_control_total = Decimal("3000.50")
        seed.accepted_findings = [AcceptedFinding("G03", "目标2", "已与主管部门确认")]
        quantity = seed.category("产出指标", "数量指标")
        assert quantity is not None
        # 不适用 and its rows go together (S10: the store's gate refuses one without the other).
        quantity.not_applicable, quantity.indicators = True, []
        ids = [store.create(seed, with_revision=True), store.create(large_declaration(300))]
        store.make_revision(ids[1])
        store.set_final(ids[1], 1)
        return ids


def test_reads_equal_the_full_store(db_path: Path, seed_path: Path) -> None:
    ids = _filled(db_path, seed_path)
    deferred = open_deferred(db_path)
    assert isinstance(deferred, DeferredStore)
    with open_store(db_path, create=False) as full:
        assert deferred.list() == full.list()
        for declaration_id in ids:
            assert deferred.summary(declaration_id) == full.summary(declaration_id)
            assert deferred.load(declaration_id) == full.load(declaration_id)
            assert deferred.revisions(declaration_id) == full.revisions(declaration_id)
            for info in full.revisions(declaration_id):
                assert deferred.load_revision(declaration_id, info.number) == full.load_revision(
                    declaration_id, info.number
                )
    assert not deferred.opened
    with pytest.raises(NotFoundError):
        deferred.revisions(99)
    with pytest.raises(NotFoundError, match="没有版本 7"):
        deferred.load_revision(ids[0], 7)
    with pytest.raises(NotFoundError, match="没有编号为 99"):
        deferred.load(99)
    with pytest.raises(NotFoundError):
        deferred.summary(99)
    deferred.close()


def test_a_write_opens_the_real_store_and_later_reads_see_it(
    db_path: Path, seed_path: Path
) -> None:
    ids = _filled(db_path, seed_path)
    deferred = open_deferred(db_path)
    assert isinstance(deferred, DeferredStore)
    declaration = deferred.load(ids[0])
    declaration.goals[0] = "改过的目标文字"
    deferred.save(ids[0], declaration)
    assert deferred.opened
    assert deferred.load(ids[0]).goals[0] == "改过的目标文字"
    assert [r.number for r in deferred.revisions(ids[0])] == [1]
    deferred.close()
    with open_store(db_path, create=False) as full:
        assert full.load(ids[0]).goals[0] == "改过的目标文字"


def test_new_old_damaged_and_newer_files_take_the_full_open(db_path: Path, tmp_path: Path) -> None:
    created = open_deferred(tmp_path / "new.sqlite3")  # a new file is created and migrated
    assert isinstance(created, SqliteDeclarationStore)
    created.close()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    with pytest.raises(DamagedDatabaseError):
        open_deferred(garbage)
    open_store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    with pytest.raises(NewerDatabaseError):
        open_deferred(db_path)


def test_first_window_reads_without_importing_sqlalchemy(db_path: Path, seed_path: Path) -> None:
    ids = _filled(db_path, seed_path)
    probe = (
        "import sys; from db.deferred import open_deferred; "
        f"s = open_deferred({str(db_path)!r}); s.list(); s.summary({ids[0]}); "
        f"s.load({ids[0]}); print('sqlalchemy' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "False"


def test_window_preloads_the_database_layer_in_the_background() -> None:
    probe = """
import sys, threading
from PySide6.QtCore import QCoreApplication, QDeadlineTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import builtins
importers = []
real_import = builtins.__import__
def spy(name, *args, **kwargs):
    if name == "db.repository" or name.startswith("sqlalchemy"):
        importers.append(threading.current_thread().name)
    return real_import(name, *args, **kwargs)
app = QApplication([])
from desktop import app as shell
before = "sqlalchemy" in sys.modules
builtins.__import__ = spy
window = QMainWindow()
shell._preload_database_layer(window)
deadline = QDeadlineTimer(20000)
# Wait for the first recorded import, not for "db.repository" in sys.modules: a module is
# listed there before its body runs, so that alone raced the worker's first import.
while not importers and not deadline.hasExpired():
    QCoreApplication.processEvents()
print(before, "db.repository" in sys.modules, importers[0] if importers else None)
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    ).stdout.split()
    assert shown[:2] == ["False", "True"]
    assert shown[2] == "perfdecl-background"  # imported by the worker, not the GUI thread
