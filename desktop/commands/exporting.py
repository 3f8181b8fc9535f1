"""``perfdecl export``: write .json, .pdf or .xlsx of a stored declaration or a file.

For a stored declaration the output names a revision: the working copy is frozen first when it
differs from the latest revision, and ``--revision N`` reproduces revision N exactly. A PDF is
checked against the print font before anything is frozen, so a refused export changes nothing.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop import __version__
from desktop.commands.context import CommandContext
from desktop.commands.errors import EXIT_OK, CommandError
from desktop.commands.targets import is_id, read_declaration_file
from desktop.domain.model import Declaration
from desktop.domain.profile import load_profile
from desktop.exchange.canonical import fingerprint
from desktop.exchange.writer import write_json_file
from desktop.services.revisions import output_source
from desktop.services.store import NotFoundError

SUFFIXES = (".json", ".pdf", ".xlsx")


def run_export(ctx: CommandContext, target: str, out: Path, revision: int | None) -> int:
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise CommandError(f"{out}：不支持的导出格式“{out.suffix}”，请使用 .pdf、.xlsx 或 .json")
    if not out.parent.exists() if str(out.parent) else False:
        raise CommandError(f"{out}：目标文件夹不存在")
    if is_id(target):
        return _export_stored(ctx, int(target), out, revision)
    if revision is not None:
        raise CommandError("--revision 只适用于数据库中的申报表编号")
    loaded = read_declaration_file(Path(target))
    _write(loaded.declaration, out, revision=None)
    return EXIT_OK


def _export_stored(ctx: CommandContext, declaration_id: int, out: Path, revision: int | None) -> int:
    if not ctx.db_path.exists():
        raise CommandError(f"数据库不存在：{ctx.db_path}")
    store = ctx.open_store(ctx.db_path, False)
    try:
        try:
            if out.suffix.lower() == ".pdf" and revision is None:
                _check_printable(store.load(declaration_id))
            source = output_source(store, declaration_id, revision)
        except NotFoundError as exc:
            raise CommandError(str(exc) or f"没有编号为 {declaration_id} 的申报表") from exc
    finally:
        store.close()
    _write(source.declaration, out, revision=source.revision.number)
    return EXIT_OK


def _check_printable(declaration: Declaration) -> None:
    from desktop.documents.printing import MissingGlyphError, check_printable_with_settings

    try:
        check_printable_with_settings(declaration)
    except MissingGlyphError as exc:
        raise CommandError(str(exc)) from exc


def _write(declaration: Declaration, out: Path, revision: int | None) -> None:
    suffix = out.suffix.lower()
    fp = fingerprint(declaration)
    try:
        if suffix == ".json":
            meta: dict[str, object] = {
                "app": f"perfdecl {__version__}",
                "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                "fingerprint": fp,
            }
            if revision is not None:
                meta["revision"] = revision
            write_json_file(declaration, out, meta)
        elif suffix == ".pdf":
            from desktop.documents.printing import MissingGlyphError, export_pdf_with_settings

            try:
                export_pdf_with_settings(declaration, out, revision=revision, fingerprint=fp)
            except MissingGlyphError as exc:
                raise CommandError(str(exc)) from exc
        else:
            from desktop.documents.xlsx_writer import export_xlsx

            export_xlsx(
                declaration,
                load_profile(declaration.profile_id),
                out,
                revision=revision,
                fingerprint=fp,
            )
    except OSError as exc:
        raise CommandError(f"{out}：无法写入文件（{exc.strerror or exc}）") from exc
