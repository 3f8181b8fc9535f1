"""The ``perfdecl`` command line (docs/cli.md): the shell that wires subcommands to the database.

Only this module, ``desktop.app`` and ``desktop.__main__`` import ``db``; nothing here imports
Qt except the ``gui`` subcommand. Exit statuses: 0 success, 1 check findings, 2 unusable input,
3 internal error (with a log file, never a bare traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from desktop.cli_parser import build_parser, parse_size
from desktop.commands.context import CommandContext, default_db_path
from desktop.commands.errors import EXIT_INTERNAL, EXIT_OK, EXIT_UNUSABLE, CommandError
from desktop.crashlog import write_crash_log
from desktop.datadirs import startup_notice
from desktop.domain.profile import ProfileError
from desktop.oserrors import describe_os_failure
from desktop.services.store import DeclarationStore, StoreError


def open_store(path: Path, create: bool) -> DeclarationStore:
    """Open the SQLite store (the only place the command line touches ``db``). Reads go through
    the ``sqlite3`` module until a command writes (db/deferred.py): ``check`` and ``list`` never
    import SQLAlchemy."""
    from db.deferred import open_deferred

    return open_deferred(path, create=create)


def _dispatch(args: argparse.Namespace, ctx: CommandContext) -> int:
    command = args.command
    if args.smoke_test:
        from desktop.commands.smoke import run_smoke_test

        return run_smoke_test(ctx)
    if command is None or command == "gui":
        return _run_gui(args, ctx)
    if command == "import":
        from desktop.commands.importing import run_import

        return run_import(
            ctx, Path(args.file), args.into, args.replace, args.horizon,
            copy=args.copy, dry_run=args.dry_run, prefer_data=args.prefer in ("data", "数据"),
        )
    if command == "list":
        from desktop.commands.listing import run_list

        return run_list(ctx, args.json)
    if command == "check":
        from desktop.commands.checking import run_check

        return run_check(ctx, list(args.targets), args.json)
    if command == "export":
        from desktop.commands.exporting import run_export

        return run_export(ctx, args.target, Path(args.to), args.revision)
    if command == "backup":
        from desktop.commands.backups import run_backup

        return run_backup(ctx, Path(args.to))
    if command == "restore":
        from desktop.commands.backups import run_restore

        return run_restore(ctx, Path(args.file))
    raise CommandError(f"未知的子命令：{command}")


#: Plain-Python modules the first window needs, imported before Qt for the same reason as the
#: database layer (about 6 ms of CPU less than after it; docs/performance.md).
_IMPORTED_BEFORE_QT = (
    "desktop.none_guard",
    "desktop.commands.targets",
    "desktop.services.duplicates",
    "desktop.services.related_forms",  # ui/checks_controller.py, when a declaration opens
    "desktop.services.revisions",
    "desktop.services.next_year",
    "desktop.settings",
    "desktop.domain.acceptances",
    "desktop.domain.changes",
    "desktop.domain.header",
    "desktop.domain.indicators",
    "desktop.documents.fonts",
    "desktop.rules.findings",
    "desktop.rules.locate",
    "desktop.rules.order",
    "desktop.rules.registry",
    "platformdirs",
    "typing_extensions",
    "ctypes",  # desktop/none_guard.py, when the QApplication is made
    "locale",
    "_strptime",  # datetime.strptime in db/backup.py's daily backup
    "getpass",  # desktop/processes.py, the edit lock's holder
)


def import_before_qt() -> None:
    """The database layer and the plain modules of the first window, before ``desktop.app``
    loads Qt: PySide6's import hook reads the source of every module imported after Qt (for its
    __feature__ switches), which makes later imports slower. The first window reads without
    SQLAlchemy (db/deferred.py), which is imported when first needed."""
    importlib.import_module("db.deferred")
    for name in _IMPORTED_BEFORE_QT:
        importlib.import_module(name)


def _run_gui(args: argparse.Namespace, ctx: CommandContext) -> int:
    target = getattr(args, "target", None)
    screenshot = getattr(args, "screenshot", None)
    import_before_qt()
    from desktop import app

    if screenshot:
        try:
            size = parse_size(args.size)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if args.scale <= 0 or args.scale > 4:
            raise CommandError("缩放倍数应在 0 到 4 之间")
        # A file target without --db is shown from a temporary database, never the user's
        # (docs/cli.md); "12" is a file when a file of that name exists.
        from desktop.commands.targets import is_id

        explicit_db = args.db is not None
        file_target = target is not None and not is_id(target)
        db_path = ctx.db_path if explicit_db or not file_target else None
        return app.take_screenshot(
            Path(screenshot), db_path, target, size, args.scale, getattr(args, "section", None)
        )
    return app.run_gui(ctx.db_path, target)


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        # argparse prints usage, --help and --version itself: send them to our streams.
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_UNUSABLE
    db_path = Path(args.db) if args.db else default_db_path()
    if not args.db and args.command not in (None, "gui"):
        notice = startup_notice()  # the GUI shows it in its status bar
        if notice:
            print(notice, file=err)
    ctx = CommandContext(db_path=db_path, open_store=open_store, out=out, err=err)
    try:
        return _dispatch(args, ctx)
    except CommandError as exc:
        print(str(exc), file=err)
        return exc.status
    except StoreError as exc:
        print(f"{db_path}：{exc}", file=err)
        return EXIT_UNUSABLE
    except ProfileError as exc:  # a bundled profile that was edited or damaged
        print(f"{exc}。请恢复该文件或重新安装本程序。", file=err)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        print("已取消", file=err)
        return EXIT_UNUSABLE
    except OSError as exc:  # a name too long, no permission, a full disk: the user's to fix
        print(describe_os_failure(exc), file=err)
        return EXIT_UNUSABLE
    except Exception as exc:  # noqa: BLE001 - the last line of defence: log, apologise, exit 3
        try:
            log = write_crash_log(type(exc), exc, exc.__traceback__)
            print(f"抱歉，程序内部出错，未完成操作。详细信息已写入日志文件：{log}", file=err)
        except OSError:
            print("抱歉，程序内部出错，未完成操作，且无法写入日志文件。", file=err)
        return EXIT_INTERNAL


def console_main() -> None:
    status = main()
    if "PySide6.QtWidgets" in sys.modules:  # a GUI command ran: end without the teardown
        from desktop.app import end_gui_process

        end_gui_process(status)  # returns only where a normal exit is needed
    sys.exit(status)


if __name__ == "__main__":  # pragma: no cover
    console_main()


__all__ = ["main", "console_main", "open_store", "EXIT_OK"]
