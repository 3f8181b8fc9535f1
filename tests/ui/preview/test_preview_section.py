"""The 预览 section renders in a worker thread with a progress bar; an edit cancels a render of
the old text, whose pages are never shown."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from desktop.documents.pdf import render_pdf_bytes
from desktop.domain.changes import Part
from desktop.domain.model import Declaration
from ui.background import Cancel, Cancelled
from ui.document import DeclarationDocument
from ui.preview.section import PreviewSection


class Renders:
    """A prepare callable: snapshots the goal text; its jobs render the real PDF, page by page,
    and the first job waits at its first page until released."""

    def __init__(self, document: DeclarationDocument) -> None:
        self.document = document
        self.gate = threading.Event()
        self.at_gate = threading.Event()
        self.threads: list[str] = []
        self.cancelled: list[str] = []
        self.jobs = 0

    def __call__(self) -> Any:
        import copy

        snapshot: Declaration = copy.deepcopy(self.document.declaration)
        profile = self.document.profile
        first = self.jobs == 0
        self.jobs += 1

        def job(cancel: Cancel) -> bytes:
            self.threads.append(threading.current_thread().name)

            def step(done: int, total: int) -> None:
                if first and done == 1:
                    self.at_gate.set()
                    self.gate.wait(10)
                try:
                    cancel.step(done, total)
                except Cancelled:
                    self.cancelled.append(snapshot.goals[0])
                    raise

            return render_pdf_bytes(
                snapshot, profile, revision="预览", fingerprint="0123456789ab", step=step
            )

        return job


def _section(qtbot: QtBot, document: DeclarationDocument) -> tuple[PreviewSection, Renders]:
    renders = Renders(document)
    section = PreviewSection(document, renders)
    qtbot.addWidget(section)
    section.resize(700, 800)
    return section, renders


def test_pages_are_rendered_in_a_worker_with_progress(
    qtbot: QtBot, seed_document: DeclarationDocument
) -> None:
    section, renders = _section(qtbot, seed_document)
    section.show()  # starts the render
    qtbot.waitUntil(renders.at_gate.is_set, timeout=10_000)
    assert section.progress_bar.isVisible()
    assert "正在生成预览" in section.progress_label.text()
    renders.gate.set()
    assert section.wait()
    assert renders.threads and renders.threads[0] != "MainThread"
    assert section.pane.page_count() >= 3
    assert not section.progress_bar.isVisible()


def test_an_edit_cancels_the_render_of_the_old_text(
    qtbot: QtBot, seed_document: DeclarationDocument, tmp_path: Path
) -> None:
    from tests.documents.helpers import pdftotext, squeeze

    seed_document.declaration.goals[0] = "旧的目标文字，不应出现在预览中。"
    section, renders = _section(qtbot, seed_document)
    section.show()
    qtbot.waitUntil(renders.at_gate.is_set, timeout=10_000)
    seed_document.declaration.goals[0] = "新的目标文字，完成党建活动5次。"
    seed_document.notify(Part.GOALS)  # the user types on: the running render is stale
    assert not section.progress_bar.isVisible()
    renders.gate.set()
    assert section.wait()
    assert renders.cancelled == ["旧的目标文字，不应出现在预览中。"]
    out = tmp_path / "shown.pdf"
    out.write_bytes(section.pane.pdf_bytes())
    shown = squeeze(pdftotext(out))
    assert "新的目标文字" in shown and "旧的目标文字" not in shown
