"""``perfdecl backup --to FILE`` and ``perfdecl restore FILE`` (docs/safety.md)."""

from __future__ import annotations

from pathlib import Path

from desktop.commands.context import CommandContext
from desktop.commands.errors import EXIT_OK, CommandError
from desktop.services.locking import LockedError
from desktop.services.store import UnusableBackupError


def run_backup(ctx: CommandContext, target: Path) -> int:
    if not ctx.db_path.exists():
        raise CommandError(f"数据库不存在：{ctx.db_path}")
    if target.exists() and target.resolve() == ctx.db_path.resolve():
        raise CommandError(f"{target}：备份文件不能是数据库本身")
    store = ctx.open_store(ctx.db_path, False)
    try:
        store.backup_to(target)
    finally:
        store.close()
    print(target, file=ctx.out)
    return EXIT_OK


def run_restore(ctx: CommandContext, source: Path) -> int:
    if not source.is_file():
        raise CommandError(f"备份文件不存在：{source}")
    if ctx.db_path.exists() and source.resolve() == ctx.db_path.resolve():
        raise CommandError(f"{source}：这就是当前的数据库，无需恢复")
    store = ctx.open_store(ctx.db_path, True)
    try:
        before = store.restore_from(source)
    except LockedError as exc:
        raise CommandError(f"{exc}；恢复会覆盖正在编辑的内容，已取消") from exc
    except UnusableBackupError as exc:  # about the file given, not the database: no db prefix
        raise CommandError(str(exc)) from exc
    finally:
        store.close()
    if before is not None:
        print(f"已从 {source} 恢复；恢复前的数据库已备份到 {before}", file=ctx.err)
    else:
        print(f"已从 {source} 恢复", file=ctx.err)
    _tell_needing_correction(ctx)
    return EXIT_OK


def _tell_needing_correction(ctx: CommandContext) -> None:
    from desktop.services.restored import describe_needing_correction, needing_correction

    store = ctx.open_store(ctx.db_path, True)
    try:
        text = describe_needing_correction(needing_correction(store))
    finally:
        store.close()
    if text:
        print(text, file=ctx.err)
