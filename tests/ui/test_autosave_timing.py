"""Autosave under continuous editing, and a declaration deleted elsewhere."""

from __future__ import annotations

import time
from datetime import datetime

from pytestqt.qtbot import QtBot

from desktop.domain.changes import Part
from desktop.domain.profile import load_profile
from desktop.services.store import DeclarationStore
from ui.autosave import Autosaver
from ui.document import DeclarationDocument


def _document(store: DeclarationStore, declaration_id: int) -> DeclarationDocument:
    loaded = store.load(declaration_id)
    return DeclarationDocument(loaded, load_profile(loaded.profile_id), declaration_id)


def test_edits_in_quick_succession_are_written_within_a_second(
    qtbot: QtBot, store: DeclarationStore, seed_id: int
) -> None:
    document = _document(store, seed_id)
    autosaver = Autosaver(document, store, 300, store.working_version(seed_id))
    saves: list[datetime] = []
    autosaver.saved.connect(saves.append)
    first_edit = time.monotonic()
    number = 0
    # One committed edit every 100 ms, each restarting the 300 ms debounce, for 1.5 s.
    while time.monotonic() - first_edit < 1.5:
        number += 1
        document.declaration.footer.phone = f"电话 {number}"
        document.notify(Part.HEADER)
        qtbot.wait(100)
    assert saves, "nothing was written while edits kept coming"
    assert store.load(seed_id).footer.phone != ""


def test_declaration_deleted_elsewhere_stops_autosave_and_says_so(
    qtbot: QtBot, store: DeclarationStore, seed_id: int
) -> None:
    document = _document(store, seed_id)
    autosaver = Autosaver(document, store, 0, store.working_version(seed_id))
    conflicts: list[str] = []
    autosaver.conflict.connect(conflicts.append)
    store.delete(seed_id)
    document.declaration.unit_name = "删除后仍在输入"
    document.notify(Part.HEADER)
    assert not autosaver.flush()
    assert autosaver.stopped and conflicts and "已在别处被删除" in conflicts[0]
    assert document.declaration.unit_name == "删除后仍在输入"  # kept for 另存为新申报表
