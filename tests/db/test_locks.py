"""Edit locks between processes: a live holder keeps writers out, a killed one does not."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from db.repository import SqliteDeclarationStore
from desktop.domain.model import Declaration
from desktop.services.locking import new_holder
from tests.cli.conftest import run_cli

_HOLDER = textwrap.dedent(
    """
    import sys, time
    from db.repository import open_store
    from desktop.services.locking import new_holder
    store = open_store(sys.argv[1], create=False)
    assert store.acquire_lock(int(sys.argv[2]), new_holder()) is None
    print("locked", flush=True)
    time.sleep(60)
    """
)


def test_lock_of_another_process_holds_until_it_dies(
    store: SqliteDeclarationStore, db_path: Path, seed: Declaration, tmp_path: Path
) -> None:
    declaration_id = store.create(seed)
    repo = Path(__file__).resolve().parents[2]
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(db_path), str(declaration_id)],
        cwd=repo, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "locked"
        holder = store.lock_holder(declaration_id)
        assert holder is not None and holder.pid == child.pid
        assert store.acquire_lock(declaration_id, new_holder()) == holder
        backup = tmp_path / "backup.sqlite3"
        store.backup_to(backup)
        refused = run_cli("restore", backup, "--db", db_path)
        assert refused.status == 2 and f"进程 {child.pid}" in refused.err
    finally:
        child.kill()
        child.wait()
    time.sleep(0.05)
    assert store.lock_holder(declaration_id) is None  # stale now, and cleared
    assert run_cli("restore", backup, "--db", db_path).status == 0


def test_first_window_takes_its_lock_without_importing_sqlalchemy(
    store: SqliteDeclarationStore, db_path: Path, seed: Declaration
) -> None:
    declaration_id = store.create(seed)
    probe = (
        "import sys; from db.deferred import open_deferred; "
        "from desktop.services.locking import new_holder; "
        f"s = open_deferred({str(db_path)!r}); h = new_holder(); "
        f"print(s.acquire_lock({declaration_id}, h) is None, s.working_version({declaration_id}), "
        f"s.lock_holder({declaration_id}).token == h.token, 'sqlalchemy' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown == ["True", "0", "True", "False"]
    assert store.lock_holder(declaration_id) is None  # that process has ended: stale, cleared
