"""The navigator's declaration list: year, unit, last modified in local time, revision, 定稿."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeView

from desktop.services.store import DeclarationStore
from ui.main_window import MainWindow
from ui.navigator.declaration_list import short_time

BEIJING = timezone(timedelta(hours=8))


@pytest.fixture
def beijing_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The computer's clock set to China Standard Time (the test machine runs on UTC)."""
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _list(window: MainWindow) -> QTreeView:
    view = window.findChild(QTreeView, "declarationList")
    assert view is not None
    return view


def test_last_modified_is_shown_in_local_time(
    beijing_time: None, seed_window: Callable[[int, int], MainWindow], store: DeclarationStore
) -> None:
    window = seed_window(1366, 768)
    summary = store.list()[0]
    assert summary.modified.utcoffset() == timedelta(0)  # the store keeps UTC
    local = summary.modified.astimezone(BEIJING)
    model = _list(window).model()
    assert f"{local:%Y-%m-%d %H:%M}" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    now = datetime.now(BEIJING)
    expected = f"{local:%H:%M}" if local.date() == now.date() else f"{local:%m-%d}"
    assert model.index(0, 2).data() == expected


def test_short_time_shows_what_matters() -> None:
    now = datetime(2026, 11, 27, 15, 0, tzinfo=UTC).astimezone()
    assert short_time(datetime(2026, 11, 27, 9, 5, tzinfo=UTC), now) == (
        f"{datetime(2026, 11, 27, 9, 5, tzinfo=UTC).astimezone():%H:%M}"
    )
    assert short_time(datetime(2026, 3, 2, 12, 0, tzinfo=UTC), now) == "03-02"
    assert short_time(datetime(2025, 3, 2, 12, 0, tzinfo=UTC), now) == "2025-03-02"


def test_revision_and_final_mark_follow_the_actions(
    seed_window: Callable[[int, int], MainWindow], store: DeclarationStore
) -> None:
    window = seed_window(1366, 768)
    window.window_actions["duplicateDeclarationAction"].trigger()  # a copy without revisions
    model = _list(window).model()
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(Qt.ItemDataRole.FontRole)
    )
    assert (model.index(row, 3).data(), model.index(row, 4).data()) == ("—", "")
    window.window_actions["saveVersionAction"].trigger()
    assert (model.index(row, 3).data(), model.index(row, 4).data()) == ("1", "")
    window.window_actions["markFinalAction"].trigger()
    assert (model.index(row, 3).data(), model.index(row, 4).data()) == ("1", "定稿")
    assert "第 1 版已定稿" in model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)


@pytest.mark.parametrize("size", [(1280, 800), (1366, 768), (1920, 1080)])
def test_every_column_fits_the_navigator(
    seed_window: Callable[[int, int], MainWindow], size: tuple[int, int]
) -> None:
    window = seed_window(*size)
    view = _list(window)
    header = view.header()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert sum(widths) <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
    char = view.fontMetrics().horizontalAdvance("中")
    assert widths[1] >= 4 * char  # room for the start of the unit's name
    for column in (0, 2, 3, 4):
        text = view.model().index(0, column).data() or ""
        assert header.sectionSize(column) >= view.fontMetrics().horizontalAdvance(text)
