"""The preview shows our PDF's pages; printing through QPrinter reproduces them page by page."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from desktop.documents.pdf import render_pdf_bytes
from desktop.domain.profile import load_profile
from desktop.exchange.canonical import fingerprint
from desktop.exchange.reader import read_json_file
from tests.synthetic import large_declaration
from ui.preview import pane as pane_module
from ui.preview.pane import PdfPreviewPane
from ui.preview.printer import print_pdf


def _pdf(declaration_path: Path | None = None, indicators: int = 0) -> bytes:
    if declaration_path is not None:
        declaration = read_json_file(declaration_path).declaration
    else:
        declaration = large_declaration(indicators)
    return render_pdf_bytes(
        declaration,
        load_profile(declaration.profile_id),
        revision=1,
        fingerprint=fingerprint(declaration),
    )


def _pdfinfo(path: Path) -> dict[str, str]:
    done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in done.stdout.splitlines() if ":" in line)


def test_pane_shows_every_page_and_navigates(qtbot: QtBot) -> None:
    data = _pdf(indicators=120)
    pane = PdfPreviewPane(lambda: data)
    qtbot.addWidget(pane)
    pane.resize(800, 900)
    pane.show()
    pane.refresh()
    assert pane.page_count() >= 3
    assert pane.page_label.text() == f"第 1 / {pane.page_count()} 页"
    assert not pane.previous_button.isEnabled()
    pane.next_page()
    assert pane.current_page() == 1
    assert pane.page_label.text().startswith("第 2 / ")
    pane.previous_page()
    assert pane.current_page() == 0


def test_pane_reports_a_render_failure_without_crashing(qtbot: QtBot) -> None:
    def broken() -> bytes:
        raise ValueError("打印字体缺少字符“𠀀”")

    pane = PdfPreviewPane(broken)
    qtbot.addWidget(pane)
    pane.refresh()
    assert "无法生成预览" in pane.message.text() and "𠀀" in pane.message.text()


def test_without_qtpdf_the_pane_offers_the_system_viewer(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pane_module, "load_qtpdf", lambda: None)
    pane = PdfPreviewPane(lambda: b"%PDF-1.4")
    qtbot.addWidget(pane)
    assert "QtPdf" in pane.message.text()
    assert pane.findChild(QPushButton, "openExternalButton") is not None


def test_printing_to_a_pdf_file_gives_the_same_pages(
    qtbot: QtBot, seed_path: Path, tmp_path: Path
) -> None:
    data = _pdf(seed_path)
    source = tmp_path / "source.pdf"
    source.write_bytes(data)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    sent = print_pdf(data, printer)
    expected = int(_pdfinfo(source)["Pages"])
    assert sent == expected
    info = _pdfinfo(out)
    assert int(info["Pages"]) == expected
    assert "595" in info["Page size"] and "842" in info["Page size"]  # A4 in points


def test_printing_a_page_range(qtbot: QtBot, tmp_path: Path) -> None:
    data = _pdf(indicators=120)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "range.pdf"
    printer.setOutputFileName(str(out))
    printer.setFromTo(2, 3)
    assert print_pdf(data, printer) == 2
    assert int(_pdfinfo(out)["Pages"]) == 2


def _shown_pane(qtbot: QtBot, render: Callable[[], bytes]) -> PdfPreviewPane:
    pane = PdfPreviewPane(render)
    qtbot.addWidget(pane)
    pane.resize(800, 900)
    pane.show()
    pane.refresh()
    return pane


def test_zoom_steps_start_from_the_fitted_width(qtbot: QtBot) -> None:
    data = _pdf(indicators=40)
    pane = _shown_pane(qtbot, lambda: data)
    pane.zoom_by(1)
    pane.zoom_by(1)
    pane.fit_width()
    fitted = pane.shown_zoom()
    assert 0.5 < fitted < 1.5
    pane.zoom_by(-1)
    assert pane.shown_zoom() < fitted  # 缩小 after 适合宽度 makes the pages smaller
    pane.fit_width()
    pane.zoom_by(1)
    assert fitted < pane.shown_zoom() <= fitted * 1.5


def test_a_failed_refresh_says_the_pages_shown_are_the_last_good_ones(qtbot: QtBot) -> None:
    data = _pdf(indicators=40)
    failing = [False]

    def render() -> bytes:
        if failing[0]:
            raise ValueError("打印字体缺少字符“𠀀”")
        return data

    pane = _shown_pane(qtbot, render)
    pages = pane.page_count()
    failing[0] = True
    pane.refresh()
    assert "𠀀" in pane.message.text() and "上次生成的页面" in pane.message.text()
    assert pane.page_count() == pages
    failing[0] = False
    pane.refresh()
    assert pane.message.isHidden()


def test_refreshing_keeps_the_page_and_holds_one_buffer(qtbot: QtBot) -> None:
    import gc

    from PySide6.QtCore import QBuffer

    data = _pdf(indicators=120)
    pane = _shown_pane(qtbot, lambda: data)
    pane.next_page()
    pane.next_page()
    gc.collect()
    before = sum(isinstance(o, QBuffer) for o in gc.get_objects())
    for _ in range(25):
        pane.refresh()
    gc.collect()
    assert sum(isinstance(o, QBuffer) for o in gc.get_objects()) <= before
    assert pane.current_page() == 2 and pane.page_label.text().startswith("第 3 / ")


def test_print_preview_window_fits_the_screen(qtbot: QtBot) -> None:
    from PySide6.QtGui import QGuiApplication

    from ui.preview.dialogs import PrintPreviewDialog

    data = _pdf(indicators=10)
    dialog = PrintPreviewDialog(data, "2026 福田")
    qtbot.addWidget(dialog)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    available = screen.availableGeometry()
    assert dialog.height() <= available.height() and dialog.width() <= available.width()
    assert dialog.pane.page_count() >= 1
