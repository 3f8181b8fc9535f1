"""``perfdecl import``: a .json/.xlsx declaration as a new one, or an indicator list ``--into``."""

from __future__ import annotations

from pathlib import Path

from desktop.commands.context import CommandContext
from desktop.commands.errors import EXIT_OK, CommandError
from desktop.commands.import_report import print_import_report
from desktop.commands.targets import read_declaration_file
from desktop.domain.model import Declaration
from desktop.domain.normalise import normalised
from desktop.domain.profile import load_profile
from desktop.domain.project import ProjectDeclaration
from desktop.domain.project_profile import load_project_profile
from desktop.domain.validate import problems
from desktop.services.duplicates import duplicate_message, find_duplicate
from desktop.services.locking import ConflictError, LockedError
from desktop.services.revisions import import_new
from desktop.services.store import NotFoundError


def run_import(
    ctx: CommandContext, file: Path, into: int | None, replace: bool, horizon: str | None = None,
    *, copy: bool = False, dry_run: bool = False, prefer_data: bool = False,
) -> int:
    if replace and into is None:
        raise CommandError("--replace 只能与 --into 一起使用")
    if horizon is not None and into is None:
        raise CommandError("--horizon 只能与 --into 一起使用")
    if copy and into is not None:
        raise CommandError("--copy 不能与 --into 一起使用")
    if into is not None:
        return _import_into(ctx, file, into, replace, dry_run, horizon)
    loaded = read_declaration_file(file, prefer_data=prefer_data)
    print_import_report(ctx, loaded, dry_run=dry_run)
    # The one gate (docs/data-gate.md): what could not be stored is refused naming the file.
    found = problems(normalised(loaded.declaration))
    if found:
        raise CommandError(f"{file}：无法导入：{found[0]}")
    if dry_run:
        return EXIT_OK
    # The file is fully validated before the database is opened, so a refused file never
    # creates or changes a database.
    store = ctx.open_store(ctx.db_path, True)
    try:
        duplicate = None if copy else find_duplicate(store, loaded.declaration)
        if duplicate is None:
            declaration_id = import_new(store, loaded.declaration)
    finally:
        store.close()
    if duplicate is not None:
        # The same file imported twice: the existing one is the answer (exit 0, its id).
        print(f"{duplicate_message(duplicate)}；如需另存一份，请加 --copy", file=ctx.err)
        print(duplicate.declaration_id, file=ctx.out)
        return EXIT_OK
    print(declaration_id, file=ctx.out)
    return EXIT_OK


def _import_into(
    ctx: CommandContext, file: Path, into: int, replace: bool, dry_run: bool, horizon: str | None
) -> int:
    from desktop.documents.formread.files import read_indicator_source
    from desktop.documents.formread.result import FormReadError
    from desktop.documents.formread.sources.detect import UnreadableFileError
    from desktop.documents.xlsx import XlsxImportError, apply_indicator_list

    if not ctx.db_path.exists():
        raise CommandError(f"数据库不存在：{ctx.db_path}")
    store = ctx.open_store(ctx.db_path, False)
    try:
        try:
            version = store.working_version(into)
            declaration = store.load(into)
        except NotFoundError as exc:
            raise CommandError(f"没有编号为 {into} 的申报表") from exc
        holder = store.lock_holder(into)
        if holder is not None:  # its window would overwrite (or be overwritten by) this import
            raise CommandError(f"{LockedError(into, holder)}，再导入")
        target = _horizon_target(declaration, into, horizon)
        try:
            result = read_indicator_source(file, load_profile(declaration.profile_id))
            notes = apply_indicator_list(target, result, replace)
        except (XlsxImportError, FormReadError, UnreadableFileError) as exc:
            raise CommandError(f"{file}：{exc}") from exc
        if not dry_run:
            try:
                store.save(into, declaration, version)
            except ConflictError as exc:
                raise CommandError(f"{exc}；请重新导入") from exc
    finally:
        store.close()
    for warning in [*result.warnings, *notes]:
        print(warning, file=ctx.err)
    print(into, file=ctx.out)
    return EXIT_OK


def _horizon_target(declaration: Declaration, into: int, horizon: str | None) -> Declaration:
    """The tree a list goes into: 年度 (the declaration itself) or a project's 中期 tree."""
    if horizon != "中期":
        return declaration
    if not isinstance(declaration, ProjectDeclaration):
        raise CommandError(f"申报表 {into} 是部门（单位）整体支出表，没有中期绩效指标：--horizon 中期 只用于项目支出表")
    if not load_project_profile(declaration.profile_id).has_mid:
        raise CommandError(f"申报表 {into} 的版式 {declaration.profile_id} 只有年度绩效指标，不能导入中期指标")
    return declaration.horizon_view("mid")
