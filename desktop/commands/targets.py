"""Resolving a TARGET (an id or a file) into a declaration, as docs/cli.md defines it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.commands.errors import CommandError
from desktop.domain.model import Declaration
from desktop.exchange.errors import ExchangeError
from desktop.exchange.reader import ReadResult, read_json_file

FILE_SUFFIXES = (".json", ".xlsx")


def is_id(target: str) -> bool:
    """An id is all digits and no file of that name exists."""
    return target.isdigit() and not Path(target).exists()


@dataclass
class FileDeclaration:
    """A declaration read from a file, never stored."""

    path: Path
    declaration: Declaration
    warnings: list[str] = field(default_factory=list)
    normalised_paths: list[str] = field(default_factory=list)
    goal_number_mismatches: list[tuple[int, int]] = field(default_factory=list)
    mid_goal_number_mismatches: list[tuple[int, int]] = field(default_factory=list)


def read_declaration_file(path: Path) -> FileDeclaration:
    """Read a .json or our own .xlsx; raises :class:`CommandError` naming the place."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise CommandError(f"{path}：文件不存在")
    if path.is_dir():
        raise CommandError(f"{path}：这是文件夹，不是申报表文件")
    if suffix == ".json":
        try:
            result: ReadResult = read_json_file(path)
        except ExchangeError as exc:
            raise CommandError(f"{path}：{exc}") from exc
        return FileDeclaration(
            path,
            result.declaration,
            result.warnings,
            result.normalised_paths,
            result.goal_number_mismatches,
            result.mid_goal_number_mismatches,
        )
    if suffix in (".xlsx", ".xls"):
        return _read_xlsx(path)
    raise CommandError(f"{path}：不支持的文件类型“{path.suffix}”，请使用 .json 或 .xlsx")


def _read_xlsx(path: Path) -> FileDeclaration:
    from desktop.documents.xlsx import NotOwnWorkbookError, XlsxImportError, read_xlsx

    try:
        result = read_xlsx(path)
    except NotOwnWorkbookError as exc:
        raise CommandError(
            f"{path}：这是一份指标清单，不是完整的申报表；请用 import --into 编号 把指标导入已有的申报表"
        ) from exc
    except XlsxImportError as exc:
        raise CommandError(f"{path}：{exc}") from exc
    return FileDeclaration(path, result.declaration, list(result.warnings))
