"""What the form-layout reader returns: the declaration and what it could not place."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.documents.xlsx.problems import Problem
from desktop.domain.model import Declaration, Totals


class FormReadError(ValueError):
    """No form could be recognised at all; ``str()`` is a Chinese message saying what to do."""


@dataclass
class FormReadResult:
    declaration: Declaration
    #: Cells with content the reader could not put anywhere, by sheet/page and cell.
    unplaced: list[Problem] = field(default_factory=list)
    #: Notes on what was read differently from how it was written (short level names, ...).
    notes: list[Problem] = field(default_factory=list)
    #: The sheet/page the form was found on.
    source: str = ""
    #: Field path (``tasks[0].fiscal``, ``goals[2]``, ``数量指标[1].value``) → cell place.
    places: dict[str, str] = field(default_factory=dict)
    #: The amounts the 金额合计 row printed (None without such a row).
    printed_totals: Totals | None = None
    #: True when a form title or department-form label was seen (not just an indicator table).
    recognised_form: bool = True

    def messages(self) -> list[str]:
        """Notes then unplaced cells, one line each, for a terminal or a list widget."""
        return [str(p) for p in self.notes] + [f"{p}（未导入）" for p in self.unplaced]
