"""A soak of random edits with undo and redo through the real models, autosaved to the store.

After every step the totals equal the sums of the tasks, every invariant of the domain holds,
and undo/redo lead back to exactly the state recorded at that point of the history; every 50
steps (and at the end) the store equals the in-memory declaration. The long run (10,000 edits)
needs ``pytest --long``; CI runs a short one.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.repository import SqliteDeclarationStore
from desktop.domain.profile import load_profile
from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_bytes, read_json_file
from desktop.exchange.writer import dumps_declaration
from tests.long.random_edits import RandomEditor, invariant_problems
from ui.autosave import Autosaver
from ui.document import DeclarationDocument

SHORT, LONG = 1000, 10_000


@pytest.mark.parametrize(
    "edits", [pytest.param(SHORT, id="short"), pytest.param(LONG, id="long", marks=pytest.mark.long)]
)
def test_soak_of_random_edits_with_undo_and_redo(
    qtbot: QtBot, store: SqliteDeclarationStore, seed_path: Path, edits: int
) -> None:
    declaration_id = store.create(read_json_file(seed_path).declaration)
    loaded = store.load(declaration_id)
    document = DeclarationDocument(loaded, load_profile(loaded.profile_id), declaration_id)
    autosaver = Autosaver(document, store, 0, store.working_version(declaration_id))
    editor = RandomEditor(document, random.Random(20261202 + edits))
    stack = document.undo_stack
    states = {0: content_key(document.declaration)}  # undo index -> the state there
    for step in range(1, edits + 1):
        before = stack.index()
        name = editor.step()
        index, key = stack.index(), content_key(document.declaration)
        if name in ("undo", "redo") or index == before:
            assert states[index] == key, f"step {step} ({name}): not the state of index {index}"
        else:
            assert index == before + 1, f"step {step} ({name}) moved the index {before}→{index}"
            states = {i: k for i, k in states.items() if i < index}
            states[index] = key
        problems = invariant_problems(editor)
        assert problems == [], f"step {step} ({name}): {problems}"
        if step % 50 == 0 or step == edits:
            assert autosaver.flush(), f"step {step}: autosave failed"
            assert content_key(store.load(declaration_id)) == key, f"step {step}: store differs"
    assert store.load(declaration_id) == document.declaration  # field by field, not just content
    # The exchange reader's checks accept what the editor made, and nothing changes on the way.
    again = read_json_bytes(dumps_declaration(document.declaration)).declaration
    assert content_key(again) == content_key(document.declaration)
    done = sum(n for op, n in editor.counts.items() if op not in ("undo", "redo"))
    assert done > edits // 2 and editor.counts.get("undo", 0) > 0 and editor.counts.get("redo", 0) > 0
    print(f"soak: {edits} steps {dict(sorted(editor.counts.items()))}")
