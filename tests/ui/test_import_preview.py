"""导入预览: a form-layout file is shown (pages, unplaced cells, findings) before it is stored."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QDialog, QListWidget

from desktop.exchange.reader import read_json_file
from desktop.services.store import DeclarationStore
from tests.formread.shapes import Style, form_sheet, to_xlsx
from ui import import_preview
from ui.main_window import MainWindow


@pytest.fixture
def window(empty_window: MainWindow) -> MainWindow:
    return empty_window


def _template(seed_path: Path, tmp_path: Path) -> Path:
    decl = read_json_file(seed_path).declaration
    return to_xlsx(form_sheet(decl, Style(multiline=True, start=2, notes_above=("附件2",))), tmp_path / "hand.xlsx")


def _answer(monkeypatch: pytest.MonkeyPatch, accept: bool, seen: list[import_preview.ImportPreviewDialog]) -> None:
    def exec_(dialog: import_preview.ImportPreviewDialog) -> int:
        seen.append(dialog)
        return int(QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(import_preview.ImportPreviewDialog, "exec", exec_)


def _items(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def test_cancel_in_the_preview_stores_nothing(
    window: MainWindow, store: DeclarationStore, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[import_preview.ImportPreviewDialog] = []
    _answer(monkeypatch, False, seen)
    before = len(store.list())
    assert window.controller.import_file(_template(seed_path, tmp_path)) is None
    assert len(store.list()) == before
    dialog = seen[0]
    assert _items(dialog.unplaced) == ["Sheet1!A3：未能识别的内容“附件2”"]
    assert any(line.startswith("警告 G03") for line in _items(dialog.findings))
    assert "三级指标 29 个" in dialog.summary.text()


def test_confirm_stores_and_opens_the_recognised_declaration(
    window: MainWindow, store: DeclarationStore, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    seen: list[import_preview.ImportPreviewDialog] = []
    _answer(monkeypatch, True, seen)
    new_id = window.controller.import_file(_template(seed_path, tmp_path))
    assert new_id is not None and window.document is not None
    stored = store.load(new_id)
    assert stored.unit_name == "深圳市福田区重点片区建设发展中心（本级）" and len(stored.goals) == 10
    assert stored.indicator_count() == 29
    image = seen[0].grab()
    assert image.width() > 400
    image.save(str(tmp_path / "preview.png"))


def test_lossless_json_is_not_previewed(
    window: MainWindow, seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[import_preview.ImportPreviewDialog] = []
    _answer(monkeypatch, False, seen)
    assert window.controller.import_file(seed_path) is not None
    assert seen == []


def test_edited_own_workbook_lets_the_user_keep_the_data_sheets(
    window: MainWindow, store: DeclarationStore, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    from PySide6.QtWidgets import QRadioButton

    from desktop.documents.xlsx import export_xlsx
    from desktop.domain.profile import load_profile

    decl = read_json_file(seed_path).declaration
    path = tmp_path / "ours.xlsx"
    export_xlsx(decl, load_profile(decl.profile_id), path, revision=1, fingerprint="abc")
    book = openpyxl.load_workbook(path)
    for row in book["申报表"].iter_rows():
        for cell in row:
            if cell.value == "≥26人":
                cell.value = "≥30人"
    book.save(path)
    seen: list[import_preview.ImportPreviewDialog] = []

    def exec_(dialog: import_preview.ImportPreviewDialog) -> int:
        seen.append(dialog)
        differences = dialog.tabs.findChild(QListWidget, "differencesList")
        assert differences is not None and "≥30人" in _items(differences)[0]
        assert dialog.chosen_declaration().categories[0].indicators[1].value == "≥30人"
        button = dialog.findChild(QRadioButton, "preferData")
        assert button is not None
        button.click()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(import_preview.ImportPreviewDialog, "exec", exec_)
    new_id = window.controller.import_file(path)
    assert seen and new_id is not None
    assert store.load(new_id).categories[0].indicators[1].value == "≥26人"


def test_an_unreadable_kind_is_explained_and_nothing_changes(
    window: MainWindow, store: DeclarationStore, tmp_path: Path, warnings: list[str]
) -> None:
    from tests.formread.cfb import compound_file

    path = tmp_path / "去年的申报表.doc"
    path.write_bytes(compound_file("WordDocument"))
    assert window.controller.import_file(path) is None
    assert warnings and "Word 97-2003 文档（.doc）" in warnings[0] and "另存为" in warnings[0]
    assert store.list() == []
