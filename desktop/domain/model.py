"""The declaration of 部门（单位）整体支出绩效目标申报表 as plain data.

Decisions (docs/exchange-format.md): 指标值/度量单位 are stored as typed after the T01 normalisation;
总额 and 金额合计 are derived; totals printed in a source document are *declared* values kept
beside the data; goals are numbered by position and indicators link to goal numbers (1-based).
The indicator table is held grouped: one :class:`Category` per level-2 category of the profile,
always all of them, in profile order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from desktop.domain.money import ZERO

FORM_DEPARTMENT = "department_overall"
FORM_PROJECT = "project"
NOT_APPLICABLE = "不适用"


@dataclass
class Task:
    """One row of 年度主要任务; 总额 is derived from 财政拨款 + 其他资金."""

    name: str = ""
    content: str = ""
    fiscal: Decimal = ZERO
    other: Decimal = ZERO
    declared_total: Decimal | None = None

    @property
    def total(self) -> Decimal:
        return self.fiscal + self.other


@dataclass
class Totals:
    """The three sums of the 金额合计 row (derived, or declared by a source document)."""

    total: Decimal | None = None
    fiscal: Decimal | None = None
    other: Decimal | None = None

    def is_empty(self) -> bool:
        return self.total is None and self.fiscal is None and self.other is None


@dataclass
class Indicator:
    """A level-3 indicator (三级指标) row; ``goals`` are 1-based goal numbers, ascending."""

    name: str = ""
    value: str = ""
    unit: str = ""
    explanation: str = ""
    goals: list[int] = field(default_factory=list)


@dataclass
class Category:
    """A level-2 category of the profile with its level-3 rows, or marked 不适用."""

    level1: str
    level2: str
    not_applicable: bool = False
    indicators: list[Indicator] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.level1, self.level2)


@dataclass
class Footer:
    """Signature-block fields (填报人, 联系电话, 单位负责人, 填报日期 as ISO date text)."""

    preparer: str = ""
    phone: str = ""
    unit_head: str = ""
    date: str = ""

    def is_empty(self) -> bool:
        return not (self.preparer or self.phone or self.unit_head or self.date)


@dataclass
class AcceptedFinding:
    """A warning the user accepted with a written reason, identified by rule and subject."""

    rule: str
    subject: str
    reason: str


@dataclass
class Declaration:
    """One 部门（单位）整体支出绩效目标申报表; build an empty one with :func:`new_declaration`."""

    profile_id: str
    year: int
    categories: list[Category]
    form: str = FORM_DEPARTMENT
    unit_name: str = ""
    supervisor: str = ""
    tasks: list[Task] = field(default_factory=list)
    declared_totals: Totals | None = None
    goals: list[str] = field(default_factory=list)
    footer: Footer = field(default_factory=Footer)
    budget_control_total: Decimal | None = None
    accepted_findings: list[AcceptedFinding] = field(default_factory=list)

    # -- derived values -------------------------------------------------------------------
    def computed_totals(self) -> Totals:
        fiscal = sum((t.fiscal for t in self.tasks), ZERO)
        other = sum((t.other for t in self.tasks), ZERO)
        return Totals(total=fiscal + other, fiscal=fiscal, other=other)

    def category(self, level1: str, level2: str) -> Category | None:
        for category in self.categories:
            if category.level1 == level1 and category.level2 == level2:
                return category
        return None

    def iter_indicators(self) -> Iterator[tuple[Category, Indicator]]:
        """Every real level-3 row in printed order, with its category."""
        for category in self.categories:
            for indicator in category.indicators:
                yield category, indicator

    def exported_rows(self) -> Iterator[tuple[int, Category, Indicator | None]]:
        """Rows of the exchange ``indicators`` array (0-based, grouped order): a 不适用
        category is one row with no indicator."""
        row = 0
        for category in self.categories:
            if category.not_applicable:
                yield row, category, None
                row += 1
                continue
            for indicator in category.indicators:
                yield row, category, indicator
                row += 1

    def indicator_count(self) -> int:
        return sum(len(c.indicators) for c in self.categories)

    def level1_names(self) -> list[str]:
        names: list[str] = []
        for category in self.categories:
            if category.level1 not in names:
                names.append(category.level1)
        return names
