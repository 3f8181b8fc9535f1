"""历史版本 lists a revision this program cannot read as damaged, exportable as raw JSON."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.services.store import DeclarationStore
from tests.db.test_gate_store import damage_revision
from ui.dialogs.history import DAMAGED, HistoryDialog
from ui.main_window import MainWindow


def test_a_damaged_revision_is_listed_and_its_raw_text_can_be_saved(
    seed_window: Callable[[int, int], MainWindow],
    store: DeclarationStore,
    db_path: Path,
    tmp_path: Path,
) -> None:
    window = seed_window(1280, 800)
    assert window.document is not None and window.document.declaration_id is not None
    declaration_id = window.document.declaration_id
    damage_revision(db_path, declaration_id, 1)
    # the working copy still versions, previews and exports
    assert window.controller.save_version() == 2
    assert window.output.export_to(tmp_path / "out.pdf")
    assert window.output.preview_bytes()[:5] == b"%PDF-"
    dialog = HistoryDialog(store, declaration_id, window)
    texts = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert texts == ["第 2 版", f"第 1 版（{DAMAGED}）"]
    dialog.table.selectRow(1)
    assert not dialog.restore_button.isEnabled()
    assert dialog.raw_button.isEnabled()
    saved = dialog.write_raw(1, tmp_path / "raw.json")
    assert saved is not None
    assert saved.read_text(encoding="utf-8") == store.revision_content(declaration_id, 1)
    assert "2026-02-30" in saved.read_text(encoding="utf-8")
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
