"""The typed sections of a profile: vocabularies, roles, limits, rule thresholds, print settings.

Each dataclass is the schema of one JSON section (docs/profiles.md). A field with a default may be
left out of the data; its default equals the value the default profile ships, and
tests/domain/test_profile_typed.py keeps the two equal. Word lists have no default: they are data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

Requirement = Literal["error", "warning", "optional"]
UnitFamily = Literal["count", "percent", "currency", "time", "measure"]


@dataclass(frozen=True)
class Level2:
    name: str
    code: str = ""
    #: "error" (needs a real indicator), "warning" (should have one), or "optional".
    requirement: Requirement = "optional"
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Level1:
    name: str
    children: tuple[Level2, ...]
    code: str = ""
    requirement: Requirement = "optional"


@dataclass(frozen=True)
class Grade:
    word: str
    band: str


@dataclass(frozen=True)
class GradeScale:
    """A qualitative vocabulary (e.g. 显著/明显/一般) with the bands the explanation defines."""

    id: str
    title: str
    grades: tuple[Grade, ...]

    def explanation(self) -> str:
        """The sentence that defines the bands, as the seed writes it."""
        parts = [f"“{g.word}”则为“{g.band}”" for g in self.grades]
        return "，".join(parts) + "。"


@dataclass(frozen=True)
class BasicExpenditure:
    """The 基本支出 row a new declaration starts with."""

    name: str
    content: str


@dataclass(frozen=True)
class Units:
    """Unit families: which unit words count, measure, express money, time or a ratio."""

    count: tuple[str, ...]
    percent: tuple[str, ...]
    currency: tuple[str, ...]
    time: tuple[str, ...]
    measure: tuple[str, ...]

    def families(self) -> dict[UnitFamily, tuple[str, ...]]:
        return {
            "count": self.count, "percent": self.percent, "currency": self.currency,
            "time": self.time, "measure": self.measure,
        }

    def all(self) -> list[str]:
        """Every unit once, in family order (the value picker's list)."""
        result: list[str] = []
        for family in self.families().values():
            result.extend(u for u in family if u not in result)
        return result


@dataclass(frozen=True)
class NameUnitFamily:
    """Indicator names ending in one of ``endings`` expect a unit of ``family`` (I04)."""

    family: UnitFamily
    endings: tuple[str, ...]


@dataclass(frozen=True)
class Limits:
    """Longest text (characters) of each cell kind before I20 warns."""

    name: int = 60
    value: int = 30
    explanation: int = 300
    content: int = 1000
    goal: int = 400

    def of(self, kind: str) -> int:
        return int(getattr(self, kind))


@dataclass(frozen=True)
class CategoryRoles:
    """The category names that play a role the rules know (benefit level-1, cost level-2, ...)."""

    output_level1: tuple[str, ...]
    benefit_level1: tuple[str, ...]
    satisfaction_level1: tuple[str, ...]
    service_satisfaction_level2: tuple[str, ...]
    timeliness_level2: tuple[str, ...]
    cost_level2: tuple[str, ...]


@dataclass(frozen=True)
class S12Settings:
    min_indicators: int = 8
    max_indicators: int = 60


@dataclass(frozen=True)
class G07Settings:
    min_length: int = 15
    max_length: int = 400


@dataclass(frozen=True)
class I07Settings:
    min_value: Decimal = Decimal("80")
    operator: str = "≥"
    unit: str = "%"


@dataclass(frozen=True)
class I09Settings:
    max_share_benefit: Decimal = Decimal("0.5")
    max_share_overall: Decimal = Decimal("0.3")


@dataclass(frozen=True)
class S09Settings:
    require_explanation: bool = True


@dataclass(frozen=True)
class I11Settings:
    #: Count units that mark a benefit indicator as really an output count.
    output_units: tuple[str, ...]


@dataclass(frozen=True)
class I12Settings:
    word: str = "满意"


@dataclass(frozen=True)
class I14Settings:
    #: The measure family whose words mean "on time" (see ``measure_families``).
    timeliness_family: str = "及时"


@dataclass(frozen=True)
class RuleSettings:
    """Thresholds of the rules that a profile may tune, by rule id (docs/rules.md)."""

    I11: I11Settings
    S12: S12Settings = field(default_factory=S12Settings)
    G07: G07Settings = field(default_factory=G07Settings)
    I07: I07Settings = field(default_factory=I07Settings)
    I09: I09Settings = field(default_factory=I09Settings)
    S09: S09Settings = field(default_factory=S09Settings)
    I12: I12Settings = field(default_factory=I12Settings)
    I14: I14Settings = field(default_factory=I14Settings)


@dataclass(frozen=True)
class Margins:
    top: float
    right: float
    bottom: float
    left: float


@dataclass(frozen=True)
class PageGeometry:
    margins: Margins = field(metadata={"key": "margins_mm"})
    columns_mm: tuple[float, ...]

    @property
    def margins_mm(self) -> tuple[float, float, float, float]:
        """Top, right, bottom, left."""
        m = self.margins
        return (m.top, m.right, m.bottom, m.left)


@dataclass(frozen=True)
class PrintSettings:
    portrait: PageGeometry
    landscape: PageGeometry
    page: Literal["A4"] = "A4"
    font_size_pt: float = 10.5
    min_font_size_pt: float = 9.0
    title_size_pt: float = 18.0
    subtitle_size_pt: float = 14.0


# -- the project form's own keys (docs/project-form.md §2) -------------------------------------


@dataclass(frozen=True)
class TextBlock:
    """A multi-line text of a project (项目概况, 主要内容 …), keyed by ``id`` in the data."""

    id: str
    label: str
    required: bool = False


@dataclass(frozen=True)
class FundDetail:
    """A finer source of funds printed under its parent column."""

    id: str
    label: str
    parent: Literal["fiscal", "other"] = "fiscal"


@dataclass(frozen=True)
class MidRequired:
    """When the 中期 horizon must be filled in (rule P04)."""

    multi_year: bool = False
    attributes: tuple[str, ...] = ()
    annual_total_at_least: Decimal | None = None


@dataclass(frozen=True)
class ProjectKeys:
    """The top-level keys only a project layout has (``layout``, the print grid, is read by
    desktop/documents/project_layout.py)."""

    base: str = ""
    horizons: tuple[Literal["annual", "mid"], ...] = ("annual",)
    amount_unit: Literal["万元", "元"] = "万元"
    period_format: Literal["years", "range"] = "range"
    attribute_values: tuple[str, ...] = ()
    category_values: tuple[str, ...] = ()
    text_blocks: tuple[TextBlock, ...] = ()
    fund_details: tuple[FundDetail, ...] = ()
    mid_required: MidRequired = MidRequired()
    core_level2: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()
    inferred: bool = False
    inferred_note: str = ""


@dataclass(frozen=True)
class P01Settings:
    """Rule P01 (项目期): a warning above this many years."""

    max_years: int = 5


@dataclass(frozen=True)
class ProjectSettings:
    """The project entries taken out of the shared ``rules``, ``print`` and ``limits``."""

    P01: P01Settings = P01Settings()
    orientation: Literal["portrait", "landscape"] | None = None
    limits: Mapping[str, int] = field(default_factory=dict)
