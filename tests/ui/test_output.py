"""Preview, print and export from the window: the pages name a revision that exists."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.services.store import DeclarationStore
from tests.documents.helpers import pdftotext, squeeze
from ui import output_controller
from ui.main_window import MainWindow
from ui.sections import section_index


@pytest.fixture
def window(seed_window: Callable[[int, int], MainWindow]) -> MainWindow:
    return seed_window(1280, 800)


def _edit_first_goal(window: MainWindow, text: str) -> None:
    assert window.document is not None
    window.document.declaration.goals[0] = text
    window.document.notify("goals")


def test_preview_section_shows_the_pages_with_revision_or_unsaved_label(
    window: MainWindow, tmp_path: Path
) -> None:
    window.show_section(section_index("预览"))
    pane = window.findChild(object, "previewSection").pane  # type: ignore[union-attr]
    assert pane.page_count() >= 3
    saved = tmp_path / "saved.pdf"
    saved.write_bytes(pane.pdf_bytes())
    assert "第1版" in squeeze(pdftotext(saved))
    _edit_first_goal(window, "通过开展党建活动不少于5次，保障党建工作。")
    pane.refresh()
    edited = tmp_path / "edited.pdf"
    edited.write_bytes(pane.pdf_bytes())
    text = squeeze(pdftotext(edited))
    assert "预览（未存档）" in text and "不少于5次" in text


def test_export_freezes_an_edited_working_copy_first(
    window: MainWindow, store: DeclarationStore, tmp_path: Path
) -> None:
    assert window.document is not None and window.document.declaration_id is not None
    declaration_id = window.document.declaration_id
    assert window.output.export_to(tmp_path / "first.pdf")
    assert [r.number for r in store.revisions(declaration_id)] == [1]
    _edit_first_goal(window, "通过开展党建活动不少于6次，保障党建工作。")
    out = tmp_path / "second.pdf"
    assert window.output.export_to(out)
    assert [r.number for r in store.revisions(declaration_id)] == [1, 2]
    text = squeeze(pdftotext(out))
    assert "第2版" in text and "不少于6次" in text
    assert window.output.export_to(tmp_path / "again.json")
    assert len(store.revisions(declaration_id)) == 2
    assert "第 2 版" in window.save_status.text()


def test_a_character_the_font_lacks_stops_printing_and_changes_nothing(
    window: MainWindow, store: DeclarationStore, tmp_path: Path, warnings: list[str]
) -> None:
    assert window.document is not None and window.document.declaration_id is not None
    declaration_id = window.document.declaration_id
    _edit_first_goal(window, "通过开展𠀀活动，完成4次。")
    out = tmp_path / "never.pdf"
    assert not window.output.export_to(out)
    assert not out.exists()
    assert "目标1" in warnings[0] and "𠀀" in warnings[0]
    assert len(store.revisions(declaration_id)) == 1


def test_print_and_print_preview_use_the_frozen_revision(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[bytes] = []
    monkeypatch.setattr(
        output_controller, "print_with_dialog", lambda data, parent: printed.append(data) or True
    )
    shown: list[int] = []
    monkeypatch.setattr(
        output_controller.PrintPreviewDialog,
        "exec",
        lambda self: shown.append(self.pane.page_count()) or 0,
    )
    window.window_actions["printAction"].trigger()
    window.window_actions["printPreviewAction"].trigger()
    assert printed and printed[0].startswith(b"%PDF")
    assert shown and shown[0] >= 3
