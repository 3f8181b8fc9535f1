"""The 项目支出绩效目标申报表 (form ``"project"``) as plain data (docs/project-form.md §1).

A project declaration is a :class:`Declaration` whose ``goals`` and ``categories`` hold the 年度
horizon, so every department rule, path and importer works on it unchanged; it adds the project
identification, the 年度 funds and the optional 中期 horizon. A project has no tasks and no
declared 金额合计.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.domain.model import FORM_PROJECT, Category, Declaration
from desktop.domain.money import ZERO

if TYPE_CHECKING:
    from desktop.domain.project_profile import ProjectProfile

ANNUAL = "annual"
MID = "mid"
#: Prefix of paths and subjects of findings about the 中期 horizon.
MID_PATH = "mid_term"
MID_SUBJECT = "中期/"


@dataclass
class Funds:
    """项目资金 of one horizon; 总额 is derived, a declared 总额 only kept for rule P05."""

    fiscal: Decimal = ZERO
    other: Decimal = ZERO
    declared_total: Decimal | None = None
    #: Finer sources keyed by the profile's ``fund_details`` ids.
    details: dict[str, Decimal] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return self.fiscal + self.other

    def has_content(self) -> bool:
        amounts = [self.fiscal, self.other, *self.details.values()]
        if self.declared_total is not None:
            amounts.append(self.declared_total)
        return any(a != 0 for a in amounts)


@dataclass
class Horizon:
    """The 中期 horizon: funds, goals and an indicator tree on the profile's skeleton."""

    funds: Funds
    goals: list[str]
    categories: list[Category]

    def in_use(self) -> bool:
        """Content anywhere: a non-empty goal, a row or 不适用 mark, or a non-zero amount."""
        if any(g.strip() for g in self.goals):
            return True
        if any(c.not_applicable or c.indicators for c in self.categories):
            return True
        return self.funds.has_content()


@dataclass
class ProjectInfo:
    """Identification of the project; years are 4-digit or ``None`` when not filled in."""

    name: str = ""
    code: str = ""
    supervisor_code: str = ""
    attribute: str = ""
    category: str = ""
    period_start: int | None = None
    period_end: int | None = None
    #: Text blocks keyed by the profile's ``text_blocks`` ids (项目概况, 主要内容 …).
    texts: dict[str, str] = field(default_factory=dict)
    #: Explicit link to a department task's 任务名称 (empty: match by project name).
    task: str = ""

    def period_years(self) -> int | None:
        if self.period_start is None or self.period_end is None:
            return None
        return self.period_end - self.period_start + 1


@dataclass
class ProjectDeclaration(Declaration):
    """One 项目支出绩效目标申报表; ``unit_name`` is the 实施单位."""

    form: str = FORM_PROJECT
    project: ProjectInfo = field(default_factory=ProjectInfo)
    funds: Funds = field(default_factory=Funds)
    mid_term: Horizon | None = None
    #: 项目负责人 of the signature block (``footer.project_head`` in the exchange format).
    project_head: str = ""

    def mid_in_use(self) -> bool:
        return self.mid_term is not None and self.mid_term.in_use()

    def horizon_view(self, horizon: str) -> Declaration:
        """A department-shaped declaration holding one horizon's goals and tree.

        The 年度 view shares the lists of this declaration; the 中期 view those of ``mid_term``
        (created empty on the profile's skeleton when absent). Rules, writer and reader run on
        such a view exactly as on a department form.
        """
        if horizon == ANNUAL:
            goals, categories = self.goals, self.categories
        else:
            mid = self.ensure_mid_term()
            goals, categories = mid.goals, mid.categories
        return Declaration(
            profile_id=self.profile_id,
            year=self.year,
            categories=categories,
            unit_name=self.unit_name,
            supervisor=self.supervisor,
            goals=goals,
            footer=self.footer,
        )

    def ensure_mid_term(self) -> Horizon:
        if self.mid_term is None:
            self.mid_term = Horizon(Funds(), [], [Category(c.level1, c.level2) for c in self.categories])
        return self.mid_term


def is_project(declaration: Declaration) -> bool:
    return isinstance(declaration, ProjectDeclaration)


def name_key(text: str) -> str:
    """Matching key of unit, task and project names (NFC, no whitespace, full-width brackets)."""
    normal = unicodedata.normalize("NFC", text)
    return "".join(normal.split()).replace("(", "（").replace(")", "）")


def new_project_declaration(
    profile: ProjectProfile, year: int, name: str, unit_name: str
) -> ProjectDeclaration:
    """An empty project of ``profile`` for ``year``: its name, its 实施单位 and the profile's
    年度 tree (every category, no rows). No 中期 horizon until the user fills one in, and the
    项目期 is left empty for the user to give (rule P01 asks for it)."""
    return ProjectDeclaration(
        profile_id=profile.id,
        year=year,
        categories=profile.profile.empty_categories(),
        unit_name=unit_name.strip(),
        project=ProjectInfo(name=name.strip()),
    )
