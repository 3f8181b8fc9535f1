"""Goal↔indicator inference (G02, G04), following the reference behaviour of docs/rules.md.

Explicit links win: a goal with a linked indicator is covered (no G02, and no G04 for a quantity
no indicator matches); its quantities are still compared where an indicator matches them. Without links a goal is cut into clauses, the quantities
of each clause are matched with indicators that share a term and the unit (counts) or are rates
of a compatible measure family (rates), and whatever stays unmatched is reported.
Counts are matched against quantitative values only (a frequency such as 每季度1次 is not a count
of the year), as in the reference prototype.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from desktop.domain.values import ValueKind
from desktop.rules.context import CheckContext, IndicatorRow
from desktop.rules.findings import Finding
from desktop.rules.quantities import Quantity, QuantityFinder, direction
from desktop.rules.textutil import TRAILING_HAN, TermNormaliser, clauses, common_suffix, substrings

_MEASURE_SUFFIX = ("率", "度", "性")
_CONNECTIVES = re.compile(r"(?:保持在|保持|均在|均达|均|在|要|需|应)$")
MIN_SUFFIX = 4


def measure_family(word: str, families: Mapping[str, Sequence[str]]) -> str | None:
    """Family of a measure word ending in 率/度/性: the I13 family whose stem ends last, else the
    word's own last three characters (``成功率``). None when ``word`` names no measure."""
    if not word or word[-1] not in _MEASURE_SUFFIX:
        return None
    best, best_end = None, -1
    for family, stems in families.items():
        for stem in stems:
            pos = word.rfind(stem)
            if pos >= 0 and pos + len(stem) > best_end:
                best, best_end = family, pos + len(stem)
    return best if best is not None else word[-3:]


@dataclass(frozen=True)
class QuantityResult:
    quantity: Quantity
    clause: str
    row: IndicatorRow | None

    def describe(self) -> str:
        """The clause around the quantity, for messages."""
        text, q = self.clause.strip(), self.quantity
        if len(text) <= 30:
            return text
        start = max(0, q.start - 15)
        end = min(len(text), q.end + 12)
        return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")

    def disagrees(self) -> bool:
        if self.row is None:
            return False
        parsed = self.row.parsed
        if parsed.number is not None and parsed.number != self.quantity.number:
            return True
        return {direction(self.quantity.operator), direction(parsed.operator)} == {1, -1}


@dataclass(frozen=True)
class GoalResult:
    index: int
    linked: tuple[IndicatorRow, ...]
    quantities: tuple[QuantityResult, ...]
    shares_term: bool


def quantity_finder(ctx: CheckContext) -> QuantityFinder:
    """The goal quantity finder of the profile (count, measure, currency units and %)."""
    finder = ctx.memo.get("quantity_finder")
    if not isinstance(finder, QuantityFinder):
        profile = ctx.profile
        units = profile.units
        finder = ctx.memo["quantity_finder"] = QuantityFinder(
            units=[*units.count, *units.measure, *units.currency, *units.percent],
            operator_words=profile.goal_operator_words,
            operator_suffixes=profile.goal_operator_suffixes,
            other_units=units.time,
        )
    return finder


class GoalMatcher:
    """Holds the indicator side (terms, units, families) once for all goals of a check."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        profile = ctx.profile
        self.families: Mapping[str, Sequence[str]] = profile.measure_families
        self.normaliser = TermNormaliser(
            profile.synonyms, [*profile.generic_words, *profile.measure_words]
        )
        self.finder = quantity_finder(ctx)
        self.rows = ctx.rows
        self.names = [self.normaliser.canonical(r.name) for r in self.rows]
        self.index: dict[str, list[int]] = defaultdict(list)
        for position, name in enumerate(self.names):
            for term in substrings(self.normaliser.segments(name)):
                self.index[term].append(position)

    # -- per goal -------------------------------------------------------------------------
    def analyse(self, goal_index: int) -> GoalResult:
        text = self.ctx.declaration.goals[goal_index]
        number = goal_index + 1
        linked = tuple(r for r in self.rows if number in r.indicator.goals)
        results: list[QuantityResult] = []
        shares = False
        for clause in clauses(text):
            quantities = self.finder.find(clause)
            scores = self._term_scores(_without(clause, quantities))
            shares = shares or bool(scores)
            for q in quantities:
                row = self._match(clause, q, scores, {id(r) for r in linked})
                results.append(QuantityResult(q, clause, row))
        return GoalResult(goal_index, linked, tuple(results), shares)

    def _term_scores(self, clause_text: str) -> dict[int, int]:
        """Row position → length of the longest term it shares with the clause."""
        scores: dict[int, int] = {}
        for term in substrings(self.normaliser.segments(self.normaliser.canonical(clause_text))):
            for position in self.index.get(term, ()):
                if len(term) > scores.get(position, 0):
                    scores[position] = len(term)
        return scores

    def _match(
        self, clause: str, q: Quantity, scores: dict[int, int], linked: set[int]
    ) -> IndicatorRow | None:
        """The indicator sharing the longest term (a linked one wins a tie), or None."""
        phrase = self._measure_phrase(clause[: q.start]) if q.is_rate else ""
        clause_family = measure_family(phrase, self.families)
        best: tuple[int, bool, int] | None = None  # (score, linked, -position)
        for position, row in enumerate(self.rows):
            parsed = row.parsed
            if parsed.kind is not ValueKind.QUANTITATIVE or parsed.number is None:
                continue
            score = scores.get(position, 0)
            if q.is_rate:
                if not parsed.is_rate:
                    continue
                name = self.names[position]
                family = measure_family(name, self.families)
                if clause_family and family and clause_family != family:
                    continue
                if phrase:
                    suffix = len(common_suffix(phrase, name))
                    if suffix >= MIN_SUFFIX:
                        score = max(score, suffix)
            elif parsed.unit != q.unit:
                continue
            key = (score, id(row) in linked, -position)
            if score >= 2 and (best is None or key > best):
                best = key
        return None if best is None else self.rows[-best[2]]

    def _measure_phrase(self, before: str) -> str:
        """The Han run right before a rate (``法律意见出具及时率`` in ``…及时率不低于90%``)."""
        match = TRAILING_HAN.search(before.rstrip())
        if not match:
            return ""
        phrase = _CONNECTIVES.sub("", match.group(0))
        return self.normaliser.canonical(phrase)


def _without(clause: str, quantities: Sequence[Quantity]) -> str:
    """The clause with its quantities (and their operator wording) cut out."""
    parts, last = [], 0
    for q in quantities:
        parts.append(clause[last : q.start])
        parts.append("|")
        last = q.end
    parts.append(clause[last:])
    return "".join(parts)


class GoalFindings:
    """G02 and G04 of a declaration, computed together from one analysis."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx

    @cached_property
    def results(self) -> list[GoalResult]:
        matcher = GoalMatcher(self.ctx)
        return [
            matcher.analyse(i) for i in range(len(self.ctx.declaration.goals)) if self.ctx.goal_text(i)
        ]

    def g02(self) -> Iterator[Finding]:
        ctx = self.ctx
        for result in self.results:
            if result.linked:
                continue
            i, n = result.index, result.index + 1
            where, subject, label = f"goals[{i}]", ctx.goal_subject(i), ctx.goal_label(i)
            if not result.quantities and not result.shares_term:
                yield ctx.finding(
                    "G02", where, subject,
                    f"{label}没有对应的三级指标：目标内容与任何指标名称都不相关。"
                    f"请增加衡量该目标的指标，或在指标的“对应目标”中关联目标{n}。",
                )
            elif result.quantities and all(q.row is None for q in result.quantities):
                listed = "、".join(f"“{q.describe()}”" for q in result.quantities)
                every = "都" if len(result.quantities) > 1 else ""
                yield ctx.finding(
                    "G02", where, subject,
                    f"{label}没有对应的三级指标：目标中的{listed}{every}没有指标衡量。"
                    f"请增加相应的三级指标，或在指标的“对应目标”中关联目标{n}。",
                )

    def g04(self) -> Iterator[Finding]:
        ctx = self.ctx
        for result in self.results:
            i, n = result.index, result.index + 1
            where, subject = f"goals[{i}]", ctx.goal_subject(i)
            any_matched = any(q.row is not None for q in result.quantities)
            for q in result.quantities:
                if q.row is None:
                    if any_matched and not result.linked:
                        yield ctx.finding(
                            "G04", where, subject,
                            f"目标{n}中的“{q.describe()}”没有对应的三级指标：请增加衡量这一数值的指标，"
                            f"或在指标的“对应目标”中关联目标{n}。",
                        )
                elif q.disagrees():
                    yield ctx.finding(
                        "G04", where, subject,
                        f"目标{n}写的是“{q.describe()}”，对应的{q.row.label}指标值为"
                        f"“{q.row.value_text}”，两者不一致：请统一目标与指标值。",
                    )
