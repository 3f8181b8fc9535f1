"""Resolving a TARGET (an id or a file) into a declaration, as docs/cli.md defines it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.commands.errors import CommandError
from desktop.domain.model import Declaration
from desktop.exchange.errors import ExchangeError
from desktop.oserrors import describe_os_failure

FILE_SUFFIXES = (".json", ".xlsx")


def is_id(target: str) -> bool:
    """An id is all digits and no file of that name exists."""
    if not target.isdigit():
        return False
    try:
        return not Path(target).exists()
    except OSError:  # e.g. a name too long for the file system: no such file
        return True


@dataclass
class FileDeclaration:
    """A declaration read from a file, never stored."""

    path: Path
    declaration: Declaration
    warnings: list[str] = field(default_factory=list)
    normalised_paths: list[str] = field(default_factory=list)
    goal_number_mismatches: list[tuple[int, int]] = field(default_factory=list)
    #: Cells of a form-layout file that could not be placed (``place：text``).
    unplaced: list[str] = field(default_factory=list)
    #: ``goal_number_mismatches`` of a project's 中期 goals (docs/project-form.md §5).
    mid_goal_number_mismatches: list[tuple[int, int]] = field(default_factory=list)


def read_declaration_file(path: Path, *, prefer_data: bool = False) -> FileDeclaration:
    """Read any declaration file, its kind told by content (JSON, our workbook, a form layout).

    Raises :class:`CommandError` naming the file and the place of the problem.
    """
    try:
        if not path.exists():
            raise CommandError(f"{path}：文件不存在")
        if path.is_dir():
            raise CommandError(f"{path}：这是文件夹，不是申报表文件")
    except OSError as exc:  # e.g. a name too long for the file system
        raise CommandError(describe_os_failure(exc)) from exc
    from desktop.documents.formread.files import read_declaration_any
    from desktop.documents.formread.result import FormReadError
    from desktop.documents.formread.sources.detect import UnreadableFileError
    from desktop.documents.xlsx.problems import XlsxImportError

    try:
        outcome = read_declaration_any(path, prefer_data=prefer_data)
    except (ExchangeError, XlsxImportError, UnreadableFileError, FormReadError) as exc:
        raise CommandError(f"{path}：{exc}") from exc
    return FileDeclaration(
        path,
        outcome.declaration,
        outcome.warnings,
        outcome.normalised_paths,
        outcome.goal_number_mismatches,
        outcome.unplaced,
        outcome.mid_goal_number_mismatches,
    )
