"""Running the department rules on each horizon of a project (docs/project-form.md §5).

The 年度 horizon *is* the project declaration's ``goals``/``indicators``, so those rules run on
it directly. The 中期 horizon runs on a department-shaped view of ``mid_term``; its findings are
moved under ``mid_term.`` with subjects starting ``中期/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from desktop.domain.project import MID_PATH, MID_SUBJECT, ProjectDeclaration
from desktop.rules.context import CheckContext, FontCovers, SourceNotes
from desktop.rules.fields import text_fields
from desktop.rules.findings import Finding

Check = Callable[[CheckContext], Iterable[Finding]]

#: Department rules on the 年度 horizon. Not applied: S02 (P06), S03/S04/A01/A02/G01 (no tasks);
#: A03/A06/A07 run in their project form (funds.py).
ANNUAL_RULES = (
    "S01", "S05", "S06", "S07", "S09", "S11", "S12", "S13", "S14",
    "G02", "G03", "G04", "G05", "G06", "G07",
    "I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08", "I09", "I10", "I11", "I12", "I13",
    "I14", "I15", "I16", "I17", "I18", "I19", "I20", "C01", "T01", "T02", "T03", "T04",
)  # fmt: skip
#: Department rules on the 中期 tree and goals (S05 is covered by P04 there; G05 and I18 use
#: the 项目期 and run only when both years are given).
MID_RULES = (
    "S06", "S07", "S09", "S11", "S12", "S13", "S14",
    "G02", "G03", "G04", "G05", "G06", "G07",
    "I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08", "I09", "I10", "I11", "I12", "I13",
    "I14", "I15", "I16", "I17", "I18", "I19", "I20", "T01", "T02", "T03", "T04",
)  # fmt: skip
_PERIOD_RULES = ("G05", "I18")


def split_notes(notes: SourceNotes) -> tuple[SourceNotes, SourceNotes]:
    """The reader's notes for the 年度 and the 中期 horizon (中期 paths without the prefix)."""
    prefix = MID_PATH + "."
    annual = [p for p in notes.normalised_paths if not p.startswith(prefix)]
    mid = [p[len(prefix) :] for p in notes.normalised_paths if p.startswith(prefix)]
    return (
        SourceNotes(annual, notes.goal_number_mismatches),
        SourceNotes(mid, notes.mid_goal_number_mismatches),
    )


def run_mid(
    decl: ProjectDeclaration,
    base: CheckContext,
    checks: dict[str, Check],
    wanted: Iterable[str],
    notes: SourceNotes,
    font_covers: FontCovers | None,
) -> list[Finding]:
    """The department rules ``wanted`` on the 中期 horizon, moved under ``mid_term``."""
    if decl.mid_term is None or not decl.mid_in_use():
        return []
    info = decl.project
    years = None
    if info.period_start is not None and info.period_end is not None and info.period_start <= info.period_end:
        years = (info.period_start, info.period_end)
    ctx = CheckContext(
        declaration=decl.horizon_view("mid"),
        profile=base.profile,
        source_notes=notes,
        font_covers=font_covers,
        years=years,
    )
    # Only the horizon's own texts: the identification and footer are checked on 年度.
    ctx.memo["text_fields"] = [
        f for f in text_fields(ctx) if f.where.startswith(("goals", "indicators"))
    ]
    found: list[Finding] = []
    for rule in wanted:
        if rule not in MID_RULES or rule not in checks:
            continue
        if rule in _PERIOD_RULES and years is None:
            continue
        found.extend(_moved(f) for f in checks[rule](ctx))
    return found


def _moved(finding: Finding) -> Finding:
    return replace(
        finding,
        where=f"{MID_PATH}.{finding.where}",
        subject=MID_SUBJECT + finding.subject,
        message="中期：" + finding.message,
    )
