"""Preview, print and export from the window: the pages name a revision that exists."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QWidget

from desktop.domain.changes import Part
from desktop.services.store import DeclarationStore
from tests.documents.helpers import pdftotext, squeeze
from ui import output_controller
from ui.main_window import MainWindow
from ui.preview import dialogs
from ui.preview.dialogs import PrintPreviewDialog
from ui.preview.section import PreviewSection
from ui.sections import section_index


@pytest.fixture
def window(seed_window: Callable[[int, int], MainWindow]) -> MainWindow:
    return seed_window(1280, 800)


def _edit_first_goal(window: MainWindow, text: str) -> None:
    assert window.document is not None
    window.document.declaration.goals[0] = text
    window.document.notify(Part.GOALS)


def test_preview_section_shows_the_pages_with_revision_or_unsaved_label(
    window: MainWindow, tmp_path: Path
) -> None:
    window.show_section(section_index("预览"))
    section = window.findChild(PreviewSection, "previewSection")
    assert section is not None
    assert section.wait()  # the pages are rendered in a worker thread
    pane = section.pane
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

    def print_with_dialog(data: bytes, parent: QWidget | None) -> bool:
        printed.append(data)
        return True

    monkeypatch.setattr(dialogs, "print_with_dialog", print_with_dialog)
    shown: list[int] = []

    def show_preview(dialog: PrintPreviewDialog) -> int:
        shown.append(dialog.pane.page_count())
        return 0

    monkeypatch.setattr(PrintPreviewDialog, "exec", show_preview)
    window.window_actions["printAction"].trigger()
    window.window_actions["printPreviewAction"].trigger()
    assert printed and printed[0].startswith(b"%PDF")
    assert shown and shown[0] >= 3


def test_export_over_an_existing_file_replaces_it(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "old.xlsx"
    out.write_bytes(b"an older export")
    assert window.output.export_to(out)
    assert out.read_bytes().startswith(b"PK")


def test_a_folder_that_cannot_be_written_is_named_and_makes_no_revision(
    window: MainWindow, store: DeclarationStore, tmp_path: Path, warnings: list[str]
) -> None:
    assert window.document is not None and window.document.declaration_id is not None
    _edit_first_goal(window, "通过开展党建活动不少于7次，保障党建工作。")
    out = tmp_path / "missing folder" / "x.pdf"
    assert not window.output.export_to(out)
    assert "missing folder" in warnings[0] and "文件夹不存在" in warnings[0]
    assert len(store.revisions(window.document.declaration_id)) == 1


def test_a_refused_write_is_explained_in_chinese(
    window: MainWindow, tmp_path: Path, warnings: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    from desktop.services import output

    assert window.document is not None and window.document.declaration_id is not None
    _edit_first_goal(window, "通过开展党建活动不少于7次，保障党建工作。")
    revisions = len(window.store.revisions(window.document.declaration_id))
    monkeypatch.setattr(output, "write_output", refuse)
    assert not window.output.export_to(tmp_path / "x.pdf")
    assert "没有写入权限" in warnings[0] and "Permission" not in warnings[0]
    # the edited working copy was not frozen for a file that was never written
    assert len(window.store.revisions(window.document.declaration_id)) == revisions


@pytest.mark.parametrize(
    ("typed", "chosen", "written"),
    [
        ("报表", "Excel 工作簿 (*.xlsx)", "报表.xlsx"),
        ("报表.2026", "PDF 文件（正式版式）(*.pdf)", "报表.2026.pdf"),
        ("报表.JSON", "PDF 文件（正式版式）(*.pdf)", "报表.JSON"),
    ],
)
def test_the_typed_name_keeps_its_dots_and_gets_the_chosen_suffix(
    typed: str, chosen: str, written: str
) -> None:
    assert output_controller.export_path(typed, chosen) == Path(written)


def test_choosing_another_file_type_changes_the_suggested_suffix(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog

    seen: list[str] = []

    def choose_excel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        combo = dialog.findChild(QComboBox, "fileTypeCombo")
        assert combo is not None
        combo.setCurrentIndex(1)
        combo.activated.emit(1)
        seen.append(Path(dialog.selectedFiles()[0]).name)
        dialog.accept()

    QTimer.singleShot(200, choose_excel)
    chosen = window.output.ask_export_path(str(tmp_path / "2026年福田绩效目标申报表.pdf"))
    assert seen == ["2026年福田绩效目标申报表.xlsx"]
    assert chosen is not None and chosen[0].name == "2026年福田绩效目标申报表.xlsx"


def test_the_suggested_name_has_no_character_windows_refuses(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.document is not None
    window.document.declaration.unit_name = "福田区/重点片区:中心"
    asked: list[str] = []

    def ask_export_path(suggested: str) -> None:
        asked.append(suggested)  # and cancel the dialog

    monkeypatch.setattr(window.output, "ask_export_path", ask_export_path)
    window.output.export()
    assert Path(asked[0]).name == "2026年福田区_重点片区_中心绩效目标申报表.pdf"
