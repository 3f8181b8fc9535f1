"""Marks for the editor's rows: which findings concern a task, a goal or an indicator row.

Build one :class:`RowMarks` per check result (``LiveChecker.findings_changed``) and ask it while
painting: ``marks.indicator(cat_index, row)`` in the indicator tree's DecorationRole/ToolTipRole,
``marks.task(i)`` in the budget table, ``marks.goal(i)`` in the goals list. Lookups are O(1).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from desktop.domain.model import Declaration
from desktop.domain.project import MID_PATH, MID_SUBJECT, ProjectDeclaration
from desktop.rules.findings import Finding
from desktop.rules.locate import RowMark, findings_by_row, indicator_slots, parse_where, row_mark


class RowMarks:
    """The findings of one check, keyed by the editor row they concern.

    Indicator findings are mapped through the exchange order (a 不适用 category is one row, an
    empty unmarked category none), so ``declaration`` must be the one the findings were made on.
    Findings about a whole section (``unit_name``, ``goals``, an empty category) are available
    through :meth:`section`.
    """

    def __init__(
        self, findings: Iterable[Finding] = (), declaration: Declaration | None = None
    ) -> None:
        findings = list(findings)
        self._mid: RowMarks | None = None
        if isinstance(declaration, ProjectDeclaration):
            self._mid = _mid_marks(findings, declaration)
        self._by_row = findings_by_row(findings)
        self._indicators: dict[tuple[int, int | None], list[Finding]] = {}
        if declaration is not None:
            slots = indicator_slots(declaration)
            for key, items in self._by_row.items():
                parsed = parse_where(key)
                index = parsed.index
                if parsed.section == "indicators" and index is not None and index < len(slots):
                    slot = slots[index]
                    self._indicators.setdefault((slot.cat_index, slot.row), []).extend(items)

    def indicator(self, cat_index: int, row: int) -> RowMark | None:
        """The mark of level-3 row ``row`` of category ``cat_index``."""
        return row_mark(self._indicators.get((cat_index, row), []))

    def category(self, level2: str) -> RowMark | None:
        """The mark of a level-2 row: findings about the category as a whole (e.g. S07)."""
        return row_mark([f for f in self._by_row.get("indicators", []) if f.subject == level2])

    def not_applicable(self, cat_index: int) -> RowMark | None:
        """The mark of a 不适用 category's single row."""
        return row_mark(self._indicators.get((cat_index, None), []))

    def task(self, index: int) -> RowMark | None:
        return row_mark(self._by_row.get(f"tasks[{index}]", []))

    def goal(self, index: int) -> RowMark | None:
        return row_mark(self._by_row.get(f"goals[{index}]", []))

    def section(self, name: str) -> RowMark | None:
        """Findings about a field or a section as a whole: ``unit_name``, ``tasks``, ``totals``."""
        return row_mark(self._by_row.get(name, []))


    def mid(self) -> RowMarks:
        """The marks of a project's 中期 horizon, addressed like the 年度 ones (paths and
        subjects without ``mid_term.`` and ``中期/``); empty for a department form."""
        return self._mid if self._mid is not None else RowMarks()


def _mid_marks(findings: list[Finding], project: ProjectDeclaration) -> RowMarks:
    prefix = MID_PATH + "."
    mid = [
        replace(f, where=f.where[len(prefix):], subject=f.subject.removeprefix(MID_SUBJECT))
        for f in findings
        if f.where.startswith(prefix)
    ]
    horizon = project.mid_term
    if horizon is None:
        return RowMarks()
    # A department-shaped view of the 中期 tree, built without touching the project itself.
    view = Declaration(
        profile_id=project.profile_id, year=project.year, categories=horizon.categories,
        goals=horizon.goals,
    )
    return RowMarks(mid, view)
