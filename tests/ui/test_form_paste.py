"""Ctrl+Shift+V: a whole form copied in Excel/WPS/Word goes through the form reader into an
empty declaration, as one undo step; a declaration with content is left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_file
from tests.formread.shapes import Style, form_sheet, to_html
from tests.qtkeys import key_click
from ui import import_preview
from ui.main_window import MainWindow


@pytest.fixture
def window(empty_window: MainWindow) -> MainWindow:
    return empty_window


@pytest.fixture
def accept_preview(monkeypatch: pytest.MonkeyPatch) -> list[import_preview.ImportPreviewDialog]:
    seen: list[import_preview.ImportPreviewDialog] = []

    def exec_(dialog: import_preview.ImportPreviewDialog) -> int:
        seen.append(dialog)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(import_preview.ImportPreviewDialog, "exec", exec_)
    return seen


def _copy_html(seed_path: Path, tmp_path: Path) -> None:
    decl = read_json_file(seed_path).declaration
    html = to_html(form_sheet(decl, Style(multiline=True)), tmp_path / "copied.html", "utf-8").read_text("utf-8")
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText("ignored when a table is there")
    QApplication.clipboard().setMimeData(mime)


def test_whole_form_pasted_into_an_empty_declaration_is_one_undo_step(
    accept_new_dialog: list[object],
    window: MainWindow, seed_path: Path, tmp_path: Path, accept_preview: list[object], qtbot: QtBot
) -> None:
    window.controller.new()
    assert window.document is not None
    empty = content_key(window.document.declaration)
    _copy_html(seed_path, tmp_path)
    goals = window.findChild(QWidget, "goalsList")  # its own Ctrl+Shift+V pastes goal cells
    target = goals if goals is not None else window
    key_click(target, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    decl = window.document.declaration
    seed = read_json_file(seed_path).declaration
    assert accept_preview, "the preview was shown before anything changed"
    assert (decl.unit_name, decl.goals, decl.indicator_count()) == (seed.unit_name, seed.goals, 29)
    assert [(t.name, t.fiscal) for t in decl.tasks] == [(t.name, t.fiscal) for t in seed.tasks]
    window.document.undo_stack.undo()
    assert content_key(window.document.declaration) == empty


def test_tab_separated_text_is_read_too(
    accept_new_dialog: list[object],
    window: MainWindow, accept_preview: list[object]
) -> None:
    window.controller.new()
    assert window.document is not None
    rows = [
        "部门（单位）整体支出绩效目标申报表", "（2027年度）",
        "部门（单位）名称\t\t示例单位\t主管部门\t示例主管部门",
        "年度主要任务\t任务名称\t主要内容\t预算金额（万元）",
        "\t\t\t总额\t财政拨款\t其他资金",
        "\t培训工作\t组织培训\t10.5\t10\t0.5",
        "年度总体目标\t目标1：完成培训4次。",
        "一级指标\t二级指标\t三级指标\t指标值\t度量单位\t指标解释",
        "产出\t数量\t培训次数\t≥4次\t\t考察培训次数",
    ]
    QApplication.clipboard().setText("\n".join(rows))
    window.window_actions["pasteWholeFormAction"].trigger()
    decl = window.document.declaration
    assert (decl.year, decl.unit_name, decl.supervisor, decl.goals) == (2027, "示例单位", "示例主管部门", ["完成培训4次。"])
    assert [(t.name, str(t.fiscal), str(t.other)) for t in decl.tasks] == [("培训工作", "10", "0.5")]
    quantity = decl.category("产出指标", "数量指标")
    assert quantity is not None and quantity.indicators[0].value == "≥4次"


def test_a_declaration_with_content_is_not_overwritten(
    window: MainWindow, seed_path: Path, tmp_path: Path, accept_preview: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    window.controller.import_file(seed_path)
    assert window.document is not None
    before = content_key(window.document.declaration)
    told: list[str] = []
    monkeypatch.setattr("ui.form_paste.QMessageBox.information", lambda *args: told.append(args[2]))
    _copy_html(seed_path, tmp_path)
    window.window_actions["pasteWholeFormAction"].trigger()
    assert told and "空白的申报表" in told[0]
    assert content_key(window.document.declaration) == before


def test_a_whole_department_form_is_not_pasted_into_a_project(
    window: MainWindow, seed_path: Path, tmp_path: Path, accept_preview: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = Path(__file__).resolve().parent.parent / "fixtures" / "project-futian-2026-zdpq.json"
    window.controller.import_file(fixture)
    assert window.document is not None and window.document.project is not None
    before = content_key(window.document.declaration)
    told: list[str] = []
    monkeypatch.setattr("ui.form_paste.QMessageBox.information", lambda *args: told.append(args[2]))
    _copy_html(seed_path, tmp_path)
    window.window_actions["pasteWholeFormAction"].trigger()
    assert told and "项目支出申报表请用" in told[0]
    assert not accept_preview  # refused before anything was read or previewed
    assert content_key(window.document.declaration) == before


def test_rows_copied_from_a_table_still_paste_as_rows(
    accept_new_dialog: list[object], window: MainWindow, seed_path: Path, qtbot: QtBot
) -> None:
    """Only a whole form is taken by the window; the tables' own Ctrl+Shift+V keeps working."""
    from ui.form_paste import _WholeFormKey

    window.controller.new()
    QApplication.clipboard().setText("目标甲\n目标乙")
    key_filter = window.findChild(_WholeFormKey)
    assert key_filter is not None and key_filter._whole_form() is None
