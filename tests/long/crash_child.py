"""The child of the crash test: edits a stored declaration like a window does until killed.

It takes the edit lock (the lock left by the previous, killed child must be found stale and
cleared), edits through the real models every few milliseconds with the real autosave, and
sometimes saves a version. Each step is logged *after* it happened (``E seq time hash``), each
completed autosave (``S seq``) and revision (``R number hash``), with unbuffered appends that a
kill cannot lose.
"""

from __future__ import annotations

import os
import random
import time

from desktop.none_guard import make_none_immortal

make_none_immortal()  # before any Qt call (PySide6 6.12 on Python 3.11)

# Imported at module level: the fork server of the test preloads this module, so each child
# starts with Qt, SQLAlchemy and Alembic already imported.
import alembic.command  # noqa: E402, F401

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402

from db.repository import open_store  # noqa: E402
from desktop.domain.profile import load_profile  # noqa: E402
from desktop.services.locking import new_holder  # noqa: E402
from tests.long.random_edits import RandomEditor, state_hash  # noqa: E402
from ui.autosave import Autosaver  # noqa: E402
from ui.document import DeclarationDocument  # noqa: E402


def run_child(db: str, declaration_id: int, log: str, seed: int, step_ms: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([])
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(*fields: object) -> None:
        os.write(fd, ("\t".join(str(f) for f in fields) + "\n").encode())

    store = open_store(db, create=False)
    other = store.acquire_lock(declaration_id, new_holder())
    if other is not None:
        write("X", f"locked by {other}")
        os._exit(5)
    version = store.working_version(declaration_id)
    loaded = store.load(declaration_id)
    document = DeclarationDocument(loaded, load_profile(loaded.profile_id), declaration_id)
    autosaver = Autosaver(document, store, 300, version)
    editor = RandomEditor(document, random.Random(seed))
    seq = 0
    autosaver.saved.connect(lambda _when: write("S", seq))
    autosaver.failed.connect(lambda message: write("F", message))
    write("E", seq, time.time(), state_hash(document))

    def step() -> None:
        nonlocal seq
        editor.step()
        seq += 1
        write("E", seq, time.time(), state_hash(document))
        if seq % 20 == 0 and autosaver.flush():  # 保存版本 now and then
            info = store.make_revision(declaration_id)
            write("R", info.number, state_hash(document))

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(step_ms)
    app.exec()
