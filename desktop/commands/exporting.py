"""``perfdecl export``: write .json, .pdf or .xlsx of a stored declaration or a file.

For a stored declaration the output names a revision: when the working copy differs from the
latest revision it is frozen as a new one, after its file was written completely (so a failed
write changes nothing), and ``--revision N`` reproduces revision N exactly. A PDF is checked
against the print font first, so a refused export changes nothing either.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from desktop.commands.context import CommandContext
from desktop.commands.errors import EXIT_OK, CommandError
from desktop.commands.targets import is_id, read_declaration_file
from desktop.domain.model import Declaration
from desktop.oserrors import describe_os_error
from desktop.services.output import (
    OUTPUT_SUFFIXES,
    UnsupportedOutputError,
    export_stored,
    write_output,
)
from desktop.services.store import DamagedRevisionError, NotFoundError


def run_export(ctx: CommandContext, target: str, out: Path, revision: int | None) -> int:
    suffix = out.suffix.lower()
    if suffix not in OUTPUT_SUFFIXES:
        raise CommandError(f"{out}：不支持的导出格式“{out.suffix}”，请使用 .pdf、.xlsx 或 .json")
    if not out.parent.is_dir():
        raise CommandError(f"{out}：目标文件夹不存在")
    if out.is_dir():
        raise CommandError(f"{out}：这是一个文件夹，请给出输出文件的名称")
    if is_id(target):
        return _export_stored(ctx, int(target), out, revision)
    if revision is not None:
        raise CommandError("--revision 只适用于数据库中的申报表编号")
    loaded = read_declaration_file(Path(target))
    _write(loaded.declaration, out, revision=None)
    return EXIT_OK


def _export_stored(
    ctx: CommandContext, declaration_id: int, out: Path, revision: int | None
) -> int:
    if not ctx.db_path.exists():
        raise CommandError(f"数据库不存在：{ctx.db_path}")
    store = ctx.open_store(ctx.db_path, False)
    try:
        try:
            if out.suffix.lower() == ".pdf" and revision is None:
                _check_printable(store.load(declaration_id))
            # The file is complete before a new revision is frozen: a failed write changes
            # nothing in the database.
            with _output_errors(out):
                export_stored(store, declaration_id, out, revision)
        except NotFoundError as exc:
            raise CommandError(str(exc) or f"没有编号为 {declaration_id} 的申报表") from exc
        except DamagedRevisionError as exc:
            raise CommandError(
                f"{exc}。工作副本和其他版本不受影响；该版本的原始内容可在图形界面"
                f"“历史版本”中用“导出原始数据…”保存，供技术支持分析"
            ) from exc
    finally:
        store.close()
    return EXIT_OK


def _check_printable(declaration: Declaration) -> None:
    from desktop.documents.fonts import FontError, MissingGlyphError
    from desktop.documents.printing import check_printable_with_settings

    try:
        check_printable_with_settings(declaration)
    except (MissingGlyphError, FontError) as exc:
        raise CommandError(str(exc)) from exc


@contextlib.contextmanager
def _output_errors(out: Path) -> Iterator[None]:
    """Turn a refused or failed output into exit status 2 with a Chinese message."""
    from desktop.documents.fonts import FontError, MissingGlyphError
    from desktop.documents.limits import OutputRefusedError

    try:
        yield
    except (MissingGlyphError, FontError, UnsupportedOutputError, OutputRefusedError) as exc:
        raise CommandError(str(exc)) from exc
    except OSError as exc:
        raise CommandError(f"{out}：无法写入文件（{describe_os_error(exc)}）") from exc


def _write(declaration: Declaration, out: Path, revision: int | None) -> None:
    with _output_errors(out):
        write_output(declaration, out, revision)
