"""Import problems located by sheet and cell, and the error that carries them.

Readers collect every problem of a file before giving up, so the user sees the whole list at
once (``绩效指标!F12：无法识别的指标值 "2%8"``); an import with any error changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: At most this many errors are kept: beyond it the file is clearly not what it claims to be.
MAX_ERRORS = 200
#: The message lists this many; the rest are counted.
SHOWN_ERRORS = 20


@dataclass(frozen=True)
class Problem:
    """One finding of a reader; ``where`` is ``sheet!cell``, ``sheet`` or empty."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}：{self.message}" if self.where else self.message


class XlsxImportError(ValueError):
    """A refused workbook; ``problems`` lists every error found, ``str()`` is Chinese."""

    def __init__(self, problems: list[Problem], more: int = 0) -> None:
        self.problems = list(problems)
        lines = [str(p) for p in self.problems[:SHOWN_ERRORS]]
        hidden = len(self.problems) - len(lines) + more
        if hidden:
            lines.append(f"……另有 {hidden} 处问题未列出")
        super().__init__("\n".join(lines) if lines else "无法导入该 Excel 文件")

    @classmethod
    def single(cls, message: str, where: str = "") -> XlsxImportError:
        return cls([Problem(where, message)])


@dataclass
class ProblemLog:
    """Errors and warnings gathered while reading one workbook."""

    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    #: Errors beyond :data:`MAX_ERRORS`, counted only.
    dropped: int = 0

    def error(self, where: str, message: str) -> None:
        problem = Problem(where, message)
        if problem in self.errors:
            return
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(problem)
        else:
            self.dropped += 1

    def warn(self, where: str, message: str) -> None:
        problem = Problem(where, message)
        if problem not in self.warnings:
            self.warnings.append(problem)

    def raise_if_errors(self) -> None:
        if self.errors:
            raise XlsxImportError(self.errors, self.dropped)

    def warning_texts(self) -> list[str]:
        return [str(w) for w in self.warnings]


def cell_ref(sheet: str, row: int, column: int) -> str:
    """``绩效指标!F12`` for 1-based ``row`` and 0-based ``column``."""
    return f"{sheet}!{column_letter(column)}{row}"


def column_letter(column: int) -> str:
    """Spreadsheet letters of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    number = column + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
