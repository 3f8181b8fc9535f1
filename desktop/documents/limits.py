"""Export never writes what import refuses (issue 10): cell lengths and the JSON file size.

Excel and LibreOffice hold at most 32,767 characters in a cell and cut longer texts without a
word; the exchange reader refuses a JSON file over 20 MB. Both are checked before anything is
written, so a refused export leaves neither a file nor a new revision.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.domain.model import Declaration
from desktop.domain.validate import MAX_CELL_TEXT
from desktop.exchange.jsontext import MAX_BYTES
from desktop.rules.locate import describe_where


class OutputRefusedError(ValueError):
    """An output that could not be read back as written; ``str()`` is the Chinese reason."""


def _texts(declaration: Declaration) -> Iterator[tuple[str, str]]:
    """(export path, text) of every text of the declaration."""
    yield "unit_name", declaration.unit_name
    yield "supervisor", declaration.supervisor
    for index, task in enumerate(declaration.tasks):
        yield f"tasks[{index}].name", task.name
        yield f"tasks[{index}].content", task.content
    for index, goal in enumerate(declaration.goals):
        yield f"goals[{index}]", goal
    for row, _category, indicator in declaration.exported_rows():
        if indicator is not None:
            for field in ("name", "value", "unit", "explanation"):
                yield f"indicators[{row}].{field}", getattr(indicator, field)
    for field in ("preparer", "phone", "unit_head", "date"):
        yield f"footer.{field}", getattr(declaration.footer, field)
    for index, accepted in enumerate(declaration.accepted_findings):
        yield f"accepted_findings[{index}].reason", accepted.reason


def check_cell_texts(declaration: Declaration) -> None:
    """Refuse an .xlsx export when a text would not fit in one spreadsheet cell."""
    for path, text in _texts(declaration):
        if len(text) > MAX_CELL_TEXT:
            raise OutputRefusedError(
                f"{describe_where(path, declaration)}（{path}）有 {len(text)} 个字符，超过 Excel "
                f"单元格的上限 {MAX_CELL_TEXT} 个字符，不能导出为 .xlsx；请缩短后再导出"
                f"（.pdf 和 .json 不受此限制）"
            )


def check_cell_text(text: str, where: str) -> None:
    """Refuse one cell of a built workbook (a text joined from several fields)."""
    if len(text) > MAX_CELL_TEXT:
        raise OutputRefusedError(
            f"{where}有 {len(text)} 个字符，超过 Excel 单元格的上限 {MAX_CELL_TEXT} 个字符，"
            f"不能导出为 .xlsx；请缩短后再导出（.pdf 和 .json 不受此限制）"
        )


def check_json_size(data: bytes) -> None:
    """Refuse a JSON export the importer would refuse (over 20 MB)."""
    if len(data) > MAX_BYTES:
        megabytes = MAX_BYTES // (1024 * 1024)
        raise OutputRefusedError(
            f"导出的 JSON 文件将有 {len(data):,} 字节，超过导入所能接受的 {megabytes} MB"
            f"（{MAX_BYTES:,} 字节），导出后无法再导入；请精简内容（如过长的主要内容或指标解释）后再导出"
        )
