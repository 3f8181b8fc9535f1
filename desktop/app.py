"""The application shell: wires the GUI (``ui``) to the SQLite store (``db``).

Only this module (and the command line) imports both. ``make_main_window`` builds a window for
tests and for ``run_gui``; ``take_screenshot`` renders one offscreen for ``perfdecl gui
--screenshot`` (docs/cli.md): no dialogs, and it grabs as soon as the event loop is idle (no
fixed wait).
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import os
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop.commands.errors import CommandError
from desktop.commands.targets import is_id, read_declaration_file
from desktop.none_guard import make_none_immortal
from desktop.services.duplicates import duplicate_message, find_duplicate
from desktop.services.revisions import import_new
from desktop.services.store import DeclarationStore, NotFoundError, StoreError


def _open_store(db_path: str | Path, *, deferred: bool = False) -> DeclarationStore:
    """The store; ``deferred`` (the first window of a start) reads without SQLAlchemy until
    something else than list/summary/load is needed (db/deferred.py)."""
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    if deferred:
        from db.deferred import open_deferred

        return open_deferred(db_path)
    from db.repository import open_store

    return open_store(db_path)


def _window(store: DeclarationStore, declaration_id: int | None) -> QMainWindow:
    from desktop.datadirs import startup_notice
    from desktop.settings import Settings
    from ui.fonts import apply_application_fonts
    from ui.main_window import MainWindow

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise RuntimeError("make_main_window needs a QApplication")
    apply_application_fonts(app)
    settings = Settings()
    window = MainWindow(store, settings, declaration_id)
    # A portable copy whose folder is read-only, a damaged settings file: say so once.
    notices = [text for text in (startup_notice(), settings.problem) if text]
    if notices:
        window.statusBar().showMessage("；".join(notices), 60_000)
    window.destroyed.connect(lambda: store.close())
    return window


def make_main_window(db_path: str | Path, declaration_id: int | None = None) -> QMainWindow:
    """A main window on the database (not shown); opens ``declaration_id`` or the start page."""
    return _window(_open_store(db_path), declaration_id)


def _resolve_target(
    store: DeclarationStore, target: str | None, notes: list[str] | None = None
) -> int | None:
    """An id (checked to exist) or a file imported into ``store``; raises CommandError.

    A file whose fingerprint a stored declaration already has opens that one (a file
    association launched twice must not make a copy each time); ``notes`` receives what to say.
    """
    if target is None:
        return None
    if is_id(target):
        try:
            store.summary(int(target))
        except NotFoundError as exc:
            raise CommandError(f"没有编号为 {target} 的申报表") from exc
        return int(target)
    declaration = read_declaration_file(Path(target)).declaration
    duplicate = find_duplicate(store, declaration)
    if duplicate is not None:
        if notes is not None:
            notes.append(f"{duplicate_message(duplicate)}，已打开已有的申报表")
        return duplicate.declaration_id
    return import_new(store, declaration)


def _application(argv: list[str]) -> QApplication:
    make_none_immortal()  # before any Qt call (PySide6 6.12 leaks references on 3.11)
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv)
    _install_qt_chinese(app)
    app.setStyle("Fusion")
    app.setApplicationName("perfdecl")
    app.setApplicationDisplayName("绩效目标申报助手")
    app.setDesktopFileName("perfdecl")  # Wayland/taskbars match the window to perfdecl.desktop
    _set_window_icon(app)
    return app


def _set_window_icon(app: QApplication) -> None:
    from PySide6.QtGui import QIcon

    from desktop.resources import ResourceError, resource_path

    # An incomplete installation still starts without it; the font check reports what is missing.
    with contextlib.suppress(ResourceError):
        app.setWindowIcon(QIcon(str(resource_path("icons/perfdecl.png"))))


def _display_available() -> bool:
    """On Linux a window needs X11 or Wayland (or an explicit Qt platform such as offscreen)."""
    if not sys.platform.startswith("linux") or QApplication.instance() is not None:
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _install_qt_chinese(app: QApplication) -> None:
    """Qt's own dialogs (file dialog, standard buttons) in Simplified Chinese."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def run_gui(db_path: Path, target: str | None) -> int:
    """Open the GUI on ``db_path`` with ``target`` (an id or a .json file) open; the exit code."""
    if not _display_available():
        # Qt would abort with an English message; say it in Chinese with exit 2 instead.
        raise CommandError(
            "没有可用的图形界面显示：请在桌面环境中运行 perfdecl，"
            "或使用子命令（import、list、check、export，见 perfdecl --help）"
        )
    app = _application(sys.argv[:1])
    from desktop.crashlog import write_crash_log
    from ui.error_dialogs import install_exception_dialog, show_startup_error

    try:
        store = _open_store(db_path, deferred=True)
    except StoreError as exc:
        # Started from a desktop icon there is no terminal: say it in a window too.
        show_startup_error("无法打开数据库", f"{exc}")
        raise
    backup_problem = _daily_backup(db_path)
    notes: list[str] = []
    try:
        declaration_id = _resolve_target(store, target, notes)
    except CommandError as exc:
        show_startup_error("无法打开申报表", str(exc))
        declaration_id = None
    window = _window(store, declaration_id)
    for note in notes:
        window.statusBar().showMessage(note, 20_000)
    if backup_problem:
        window.statusBar().showMessage(backup_problem, 30_000)
    window.resize(1280, 800)
    install_exception_dialog(write_crash_log)
    window.show()
    _preload_database_layer(window)
    return app.exec()


def _daily_backup(db_path: Path) -> str:
    """The first start of a day backs the database up (db/backup.py); a problem message or ""."""
    from db.backup import daily_backup

    try:
        daily_backup(db_path)
    except StoreError as exc:
        return f"今日自动备份失败：{exc}"
    return ""


#: The database layer (SQLAlchemy) is imported in the background this long after the window
#: shows: before the first autosave needs it, after the first paint.
PRELOAD_DELAY_MS = 500


def _preload_database_layer(window: QMainWindow) -> None:
    """Import SQLAlchemy in a worker thread (db/deferred.py left it out of start-up), so that the
    first autosave does not stop typing for the ~0.3 s the import takes."""
    from PySide6.QtCore import QTimer

    from ui.background import LatestJob

    jobs = LatestJob(window)

    def start() -> None:
        jobs.submit(lambda _cancel: importlib.import_module("db.repository"))

    QTimer.singleShot(PRELOAD_DELAY_MS, start)


def take_screenshot(
    out: Path,
    db_path: Path | None,
    target: str | None,
    size: tuple[int, int],
    scale: float,
    section: str | None,
) -> int:
    """Render the main window offscreen to ``out`` (PNG); ``size`` in device pixels."""
    from ui.sections import known_section_titles, section_index

    if section is not None and section not in known_section_titles():
        raise CommandError(f"未知的部分“{section}”，可用：{'、'.join(known_section_titles())}")
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"
    app = _application(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="perfdecl-shot-") as scratch:
        store = _open_store(
            db_path if db_path is not None else Path(scratch) / "screenshot.sqlite3",
            deferred=True,
        )
        try:
            declaration_id = _resolve_target(store, target)
            window = _window(store, declaration_id)
            if section is not None:
                window.show_section(section_index(section))  # type: ignore[attr-defined]
            checks = getattr(window, "checks", None)
            if checks is not None:
                checks.checker.run_now()  # a screenshot shows the findings, not "checking…"
            ratio = app.primaryScreen().devicePixelRatio() if app.primaryScreen() else 1.0
            window.resize(round(size[0] / ratio), round(size[1] / ratio))
            window.show()
            # Until idle: queued layout work (wrapped row heights, the pinned total row) runs
            # from zero-time timers and posted events; the 预览 pages come from a worker thread.
            _wait_until_idle()
            preview = window.findChild(QWidget, "previewSection")
            wait = getattr(preview, "wait_until_drawn", None)
            if section == "预览" and wait is not None:
                wait()
                _wait_until_idle()
            image = window.grab().toImage()
            window.close()
            _save_png(image, out)
        finally:
            store.close()
    return 0


def end_gui_process(
    status: int,
    exit_process: Callable[[int], object] = os._exit,
    run_exit_handlers: Callable[[], object] = atexit._run_exitfuncs,
) -> None:
    """End the process of a GUI command (``perfdecl``, ``perfdecl gui``) with ``status``,
    without the interpreter's teardown of every module and object (about 0.1 s of CPU, a
    quarter of a start; docs/performance.md).

    What that teardown does for us is done here first, in its order: every window still open
    is closed (its closeEvent writes what is typed); threads that are not daemons are waited
    for; all windows are deleted (a window's ``destroyed`` closes its store); the ``atexit``
    handlers run (PySide6's deletes the QApplication, which hands the clipboard on; logging
    flushes); the standard streams are flushed. Background jobs are daemon threads, which a
    normal exit does not wait for either. Returns (for a normal exit) when there is no
    QApplication or a window refuses to close.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    if QApplication.instance() is None:
        return
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            window.close()
    if any(w.isVisible() for w in QApplication.topLevelWidgets()):
        return
    for thread in threading.enumerate():  # as the interpreter waits for them before atexit
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    for window in QApplication.topLevelWidgets():
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    run_exit_handlers()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    exit_process(status)


#: Idle passes before a screenshot: layout requests posted by one pass run in the next.
IDLE_PASSES = 3


def _wait_until_idle() -> None:
    """Run the event loop until it is idle (a zero-time timer fires only then), a few times."""
    from PySide6.QtCore import QEventLoop, QTimer

    for _ in range(IDLE_PASSES):
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()


def _save_png(image: object, out: Path) -> None:
    from PySide6.QtGui import QImage

    from desktop.atomic import atomic_path

    assert isinstance(image, QImage)
    with atomic_path(out) as tmp:
        # The stubs want bytes for the format, but PySide6 6.12 rejects bytes at run time.
        if not image.save(str(tmp), "PNG"):  # type: ignore[call-overload]
            raise CommandError(f"{out}：无法写入图片")
