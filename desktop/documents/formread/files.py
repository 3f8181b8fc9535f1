"""Any declaration file to a declaration: the kind by content, then the reader that fits.

JSON exchange files go to the exchange reader; our own workbook to the data-sheet reader with
the form-sheet comparison; every other workbook, Word document, web table or text table to the
form-layout reader. A flat indicator list is told apart (it needs ``--into``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.documents.formread.compare import Difference
from desktop.documents.formread.result import FormReadError
from desktop.documents.formread.sources.detect import SourceKind, detect_source
from desktop.documents.xlsx.indicator_list import IndicatorListResult
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile


class FlatListError(FormReadError):
    """The file is a flat indicator list, not a whole declaration."""

    def __init__(self) -> None:
        super().__init__("这是一份指标清单，不是完整的申报表；请用 import --into 编号 把指标导入已有的申报表")


@dataclass
class FileReadOutcome:
    declaration: Declaration
    kind: SourceKind
    warnings: list[str] = field(default_factory=list)
    #: Cells the form reader could not place, as ``place：text`` lines.
    unplaced: list[str] = field(default_factory=list)
    #: Our own workbook: printed fields where the form sheet and the data sheets differ.
    differences: list[Difference] = field(default_factory=list)
    #: Our own workbook with differences: each side's declaration, for a user who chooses.
    from_data: Declaration | None = None
    from_form: Declaration | None = None
    normalised_paths: list[str] = field(default_factory=list)
    goal_number_mismatches: list[tuple[int, int]] = field(default_factory=list)
    source_fingerprint: str = ""
    #: ``goal_number_mismatches`` of a project's 中期 goals (docs/project-form.md §5).
    mid_goal_number_mismatches: list[tuple[int, int]] = field(default_factory=list)


def read_declaration_any(path: Path, *, prefer_data: bool = False) -> FileReadOutcome:
    """Read ``path`` whatever its suffix; raises a ValueError subclass with a Chinese message.

    (ExchangeError, XlsxImportError, UnreadableFileError, FormReadError and FlatListError.)
    """
    kind = detect_source(path)
    if kind is SourceKind.JSON:
        from desktop.exchange.reader import read_json_file

        result = read_json_file(path)
        return FileReadOutcome(result.declaration, kind, list(result.warnings),
                               normalised_paths=list(result.normalised_paths),
                               goal_number_mismatches=list(result.goal_number_mismatches),
                               mid_goal_number_mismatches=list(result.mid_goal_number_mismatches))
    if kind in (SourceKind.XLSX, SourceKind.XLS):
        own = _own_workbook(path, kind, prefer_data)
        if own is not None:
            return own
    return _form_file(path, kind)


def _own_workbook(path: Path, kind: SourceKind, prefer_data: bool) -> FileReadOutcome | None:
    from desktop.documents.xlsx import NotOwnWorkbookError, read_xlsx

    try:
        own = read_xlsx(path)
    except NotOwnWorkbookError:
        return None
    if kind is not SourceKind.XLSX:
        return FileReadOutcome(own.declaration, kind, list(own.warnings), source_fingerprint=own.source_fingerprint)
    from desktop.documents.formread.own_workbook import read_own_workbook

    result = read_own_workbook(path, own, prefer_data=prefer_data)
    return FileReadOutcome(
        result.declaration, kind, result.warnings,
        unplaced=[str(p) for p in result.unplaced], differences=result.differences,
        from_data=result.from_data if result.differences else None,
        from_form=result.from_form if result.differences else None,
        source_fingerprint=result.source_fingerprint,
    )


def _form_file(path: Path, kind: SourceKind) -> FileReadOutcome:
    from desktop.documents.formread import read_form
    from desktop.documents.formread.sources.load import load_grids

    result = read_form(load_grids(path, kind))
    if not result.declaration.tasks and not result.declaration.goals and not result.recognised_form:
        raise FlatListError()
    return FileReadOutcome(
        result.declaration, kind, [str(n) for n in result.notes], unplaced=[str(p) for p in result.unplaced]
    )


def read_indicator_source(path: Path, profile: Profile) -> IndicatorListResult:
    """The indicators of any file for ``--into``: a spreadsheet through the flat-list reader,
    a Word document, OpenDocument sheet, web or text table through the form reader.

    Raises a ValueError subclass with a Chinese message, like :func:`read_declaration_any`.
    """
    from desktop.documents.xlsx import read_indicator_list

    kind = detect_source(path)
    if kind in (SourceKind.XLSX, SourceKind.XLS):
        return read_indicator_list(path, profile)
    if kind is SourceKind.JSON:
        raise FormReadError("这是交换格式文件（JSON），是完整的申报表：请不带 --into 导入它")
    from desktop.documents.formread import read_form
    from desktop.documents.formread.sources.load import load_grids
    from desktop.documents.xlsx.indicator_rows import IndicatorRow

    result = read_form(load_grids(path, kind), profile.id)
    rows: list[IndicatorRow] = []
    for category in result.declaration.categories:
        if category.not_applicable:
            rows.append(IndicatorRow(0, category.level1, category.level2, None))
        for index, indicator in enumerate(category.indicators):
            where = result.places.get(f"{category.level2}[{index}].name", "")
            rows.append(IndicatorRow(0, category.level1, category.level2, indicator, goals_cell=where))
    if not any(r.indicator for r in rows):
        raise FormReadError("文件中没有找到任何三级指标")
    notes = [str(n) for n in result.notes] + [f"{p}（未导入）" for p in result.unplaced]
    return IndicatorListResult(profile.id, result.source, rows, notes)
