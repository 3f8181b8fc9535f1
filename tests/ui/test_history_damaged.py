"""历史版本 lists a revision this program cannot read as damaged, exportable as raw JSON."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

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
    items = [dialog.table.item(row, 0) for row in range(dialog.table.rowCount())]
    texts = [item.text() for item in items if item is not None]
    assert texts == ["第 2 版", f"第 1 版（{DAMAGED}）"]
    dialog.table.selectRow(1)
    assert not dialog.restore_button.isEnabled()
    assert not dialog.final_button.isEnabled()
    assert dialog.raw_button.isEnabled()
    saved = dialog.write_raw(1, tmp_path / "raw.json")
    assert saved is not None
    assert saved.read_text(encoding="utf-8") == store.revision_content(declaration_id, 1)
    assert "2026-02-30" in saved.read_text(encoding="utf-8")
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()


def test_a_legacy_s10_working_copy_is_named_in_the_editors_terms_never_as_a_raw_path(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path, tmp_path: Path,
    warnings: list[str],
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import make_main_window
    from desktop.exchange.reader import read_json_file
    from desktop.services.revisions import import_new
    from tests.db.test_gate_store import add_legacy_not_applicable_row

    declaration_id = import_new(store, read_json_file(seed_path).declaration)
    add_legacy_not_applicable_row(db_path, declaration_id)
    window = make_main_window(db_path, declaration_id)
    qtbot.addWidget(window)
    box = window.findChild(QMessageBox, "refusedOnOpenBox")
    assert box is not None and "S10" in box.text() and "indicators[" not in box.text()
    assert "第" in box.text() and "行" in box.text()
    assert isinstance(window, MainWindow)
    assert not window.output.export_to(tmp_path / "out.json")
    assert len(warnings) == 1 and "S10" in warnings[0] and "indicators[" not in warnings[0]
    assert [r.number for r in store.revisions(declaration_id)] == [1]
    assert not (tmp_path / "out.json").exists()


def test_a_refused_working_copy_is_not_retried_and_saves_once_corrected(
    qtbot: QtBot, store: DeclarationStore, db_path: Path, seed_path: Path
) -> None:
    """The gate refuses an edit of a legacy working copy: the banner names what to correct and
    offers no retry (retrying cannot help); the first edit that corrects it is saved."""
    from desktop.app import make_main_window
    from desktop.exchange.reader import read_json_file
    from desktop.services.revisions import import_new
    from tests.db.test_gate_store import add_legacy_not_applicable_row
    from ui.header_commands import SetHeaderFieldCommand
    from ui.indicators.commands import RemoveIndicatorsCommand
    from ui.indicators.panel import IndicatorPanel
    from ui.save_banner import REFUSED

    declaration_id = import_new(store, read_json_file(seed_path).declaration)
    add_legacy_not_applicable_row(db_path, declaration_id)
    window = make_main_window(db_path, declaration_id)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    window.show()
    document, autosaver = window.document, window.autosaver
    assert document is not None and autosaver is not None
    document.undo_stack.push(SetHeaderFieldCommand(document, "supervisor", "新的主管部门"))
    assert not window.flush()
    banner = window.save_banner
    assert banner.state == REFUSED and banner.isVisible()
    assert "改正后会自动保存" in banner.label.text() and "S10" in banner.label.text()
    assert "indicators[" not in banner.label.text()
    assert not banner.retry_button.isVisible() and banner.json_button.isVisible()
    assert not autosaver._retry.isActive()  # no timed retry of a refusal
    assert store.load(declaration_id).supervisor != "新的主管部门"
    panel = window.editor.page("indicatorPanel") if window.editor else None
    assert isinstance(panel, IndicatorPanel)
    legacy = [
        (c, r)
        for c, category in enumerate(document.declaration.categories)
        for r, indicator in enumerate(category.indicators)
        if indicator.name == "不适用" and indicator.value == "不适用"
    ]
    assert len(legacy) == 1
    document.undo_stack.push(RemoveIndicatorsCommand(panel.model, legacy))
    assert window.flush()
    assert not banner.isVisible()
    assert store.load(declaration_id).supervisor == "新的主管部门"
    window.close_declaration()
