"""What a rule sees: the declaration, its profile, what a file reader noticed, and shared views.

Indicator rows carry their index in the exchange document as the writer writes it: grouped in
profile category order, a 不适用 category as one row in its place, an empty unmarked category as
no row at all (desktop/exchange/writer.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from desktop.domain.model import Category, Declaration, Indicator
from desktop.domain.profile import Profile
from desktop.domain.values import ParsedValue, parse_value
from desktop.rules.findings import Finding, Severity
from desktop.rules.registry import rule_info
from desktop.rules.textutil import shorten, visible

#: Longest name or value a message quotes in full (a 10,000-character cell must not flood the panel).
QUOTE_LIMIT = 30

FontCovers = Callable[[str], bool]


@dataclass(frozen=True)
class SourceNotes:
    """What a file reader noticed while reading a source document (for a file check).

    ``normalised_paths``: exchange paths (``indicators[3].value``) whose text needed the T01
    normalisation. ``goal_number_mismatches``: (0-based goal index, number N written in its
    ``目标N：`` prefix) where N differed from the position (S06 warning).
    """

    normalised_paths: Sequence[str] = ()
    goal_number_mismatches: Sequence[tuple[int, int]] = ()
    #: The same for a project's 中期 goals (docs/project-form.md §5).
    mid_goal_number_mismatches: Sequence[tuple[int, int]] = ()

    @classmethod
    def from_read_result(cls, result: Any) -> SourceNotes:
        """Build from a reader's ``ReadResult`` (duck-typed to keep the rules reader-agnostic)."""
        return cls(
            normalised_paths=tuple(getattr(result, "normalised_paths", ()) or ()),
            goal_number_mismatches=tuple(
                (int(i), int(n)) for i, n in getattr(result, "goal_number_mismatches", ()) or ()
            ),
            mid_goal_number_mismatches=tuple(
                (int(i), int(n)) for i, n in getattr(result, "mid_goal_number_mismatches", ()) or ()
            ),
        )


@dataclass(frozen=True)
class IndicatorRow:
    """A real level-3 row with its position in the document and its parsed value."""

    index: int
    ordinal: int  # 1-based position within its category, for messages
    category: Category
    indicator: Indicator
    parsed: ParsedValue

    def where(self, key: str = "") -> str:
        return f"indicators[{self.index}]" + (f".{key}" if key else "")

    @property
    def name(self) -> str:
        return visible(self.indicator.name)

    @property
    def subject(self) -> str:
        """Content key of the row (its 三级指标 name), as accepted_findings use it."""
        return self.name or f"{self.category.level2}第{self.ordinal}行"

    @property
    def value_text(self) -> str:
        """The 指标值 as a message quotes it."""
        return shorten(self.indicator.value, QUOTE_LIMIT)

    @property
    def label(self) -> str:
        """How a message names the row."""
        if self.name:
            return f"三级指标“{shorten(self.name, QUOTE_LIMIT)}”"
        return f"{self.category.level2}第{self.ordinal}个三级指标"


@dataclass
class CheckContext:
    declaration: Declaration
    profile: Profile
    previous: Declaration | None = None
    source_notes: SourceNotes = field(default_factory=SourceNotes)
    font_covers: FontCovers | None = None
    #: Views that several rule families share, computed once per check (see fields.py).
    memo: dict[str, Any] = field(default_factory=dict)
    #: The years the checked horizon covers: a project's 中期 is its whole 项目期
    #: (docs/project-form.md §5). ``None``: the budget year alone.
    years: tuple[int, int] | None = None

    @property
    def year_range(self) -> tuple[int, int]:
        return self.years or (self.declaration.year, self.declaration.year)

    # -- building findings ----------------------------------------------------------------
    def finding(
        self, rule: str, where: str, subject: str, message: str, severity: Severity | None = None
    ) -> Finding:
        info = rule_info(rule)
        return Finding(
            rule=rule,
            severity=severity or info.severity,
            dimension=info.dimension,
            where=where,
            subject=subject,
            message=message,
        )

    # -- shared views ---------------------------------------------------------------------
    @cached_property
    def grade_words(self) -> list[str]:
        return self.profile.grade_words()

    @cached_property
    def rows(self) -> list[IndicatorRow]:
        rows: list[IndicatorRow] = []
        index = 0
        words = self.grade_words
        for category in self.declaration.categories:
            if category.not_applicable:
                index += 1
                continue
            for ordinal, indicator in enumerate(category.indicators, start=1):
                parsed = parse_value(indicator.value, indicator.unit, words)
                rows.append(IndicatorRow(index, ordinal, category, indicator, parsed))
                index += 1
        return rows

    @cached_property
    def category_index(self) -> dict[tuple[str, str], int | None]:
        """Document index of each category's first row (None for an empty unmarked one)."""
        result: dict[tuple[str, str], int | None] = {}
        index = 0
        for category in self.declaration.categories:
            if category.not_applicable:
                result[category.key] = index
                index += 1
            else:
                result[category.key] = index if category.indicators else None
                index += len(category.indicators)
        return result

    def category_where(self, category: Category) -> str:
        index = self.category_index.get(category.key)
        return "indicators" if index is None else f"indicators[{index}]"

    def level1_where(self, level1: str) -> str:
        for category in self.declaration.categories:
            if category.level1 == level1 and self.category_index.get(category.key) is not None:
                return self.category_where(category)
        return "indicators"

    def rows_in(self, level1s: Iterable[str] = (), level2s: Iterable[str] = ()) -> list[IndicatorRow]:
        l1, l2 = set(level1s), set(level2s)
        return [r for r in self.rows if r.category.level1 in l1 or r.category.level2 in l2]

    # -- goals and tasks ------------------------------------------------------------------
    def goal_text(self, index: int) -> str:
        """A goal's visible text ("" for a goal of spaces or zero-width characters only)."""
        return visible(self.declaration.goals[index])

    def goal_subject(self, index: int) -> str:
        """Content key of a goal: its first 20 characters (docs/exchange-format.md, Accepted)."""
        text = self.goal_text(index)
        return text[:20] if text else f"目标{index + 1}"

    def goal_label(self, index: int) -> str:
        text = self.goal_text(index)
        return f"目标{index + 1}“{shorten(text, 16)}”" if text else f"目标{index + 1}"

    def task_subject(self, index: int) -> str:
        name = visible(self.declaration.tasks[index].name)
        return name or f"任务{index + 1}"

    def task_label(self, index: int) -> str:
        name = visible(self.declaration.tasks[index].name)
        return f"任务{index + 1}“{shorten(name, QUOTE_LIMIT)}”" if name else f"任务{index + 1}"
