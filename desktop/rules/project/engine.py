"""All review rules on a project declaration (docs/project-form.md §5–§6)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from desktop.domain.model import Declaration
from desktop.domain.project import MID_SUBJECT, ProjectDeclaration
from desktop.domain.project_profile import ProjectProfile, load_project_profile
from desktop.rules.checks import rule_checks
from desktop.rules.context import CheckContext, FontCovers, SourceNotes
from desktop.rules.findings import ERROR, Finding
from desktop.rules.project import funds, identity, period, quantities
from desktop.rules.project.cross_forms import (
    RelatedForms,
    c02_for_department,
    c02_for_project,
    c03_for_department,
    c03_for_project,
)
from desktop.rules.project.horizons import ANNUAL_RULES, run_mid, split_notes


def _project_checks(
    ctx: CheckContext, decl: ProjectDeclaration, profile: ProjectProfile
) -> dict[str, Iterable[Finding]]:
    return {
        "P01": period.p01(ctx, decl, profile),
        "P02": funds.p02(ctx, decl),
        "P03": quantities.p03(ctx, decl),
        "P04": period.p04(ctx, decl, profile),
        "P05": funds.p05(ctx, decl),
        "P06": identity.p06(ctx, decl, profile),
        "P07": funds.p07(ctx, decl, profile),
        "G08": period.g08(ctx, decl),
        "A03": funds.a03(ctx, decl),
        "A06": funds.a06(ctx, decl),
        "A07": funds.a07(ctx, decl),
        "I20": identity.i20_project(ctx, decl, profile),
    }


def check_project(
    decl: ProjectDeclaration,
    *,
    previous: Declaration | None = None,
    source_notes: SourceNotes | None = None,
    font_covers: FontCovers | None = None,
    rules: Iterable[str] | None = None,
    related: RelatedForms | None = None,
) -> list[Finding]:
    """Every finding on ``decl``, unsorted and not yet marked accepted."""
    profile = load_project_profile(decl.profile_id)
    annual_notes, mid_notes = split_notes(source_notes or SourceNotes())
    ctx = CheckContext(
        declaration=decl,
        profile=profile.profile,
        previous=previous,
        source_notes=annual_notes,
        font_covers=font_covers,
    )
    identity.install_text_fields(ctx, decl, profile)
    checks = rule_checks()
    own = _project_checks(ctx, decl, profile)
    wanted = None if rules is None else set(rules)
    found: list[Finding] = []
    for rule in ANNUAL_RULES:
        if rule in checks and (wanted is None or rule in wanted):
            found.extend(checks[rule](ctx))
    for rule, results in own.items():
        if wanted is None or rule in wanted:
            found.extend(results)
    mid_wanted = checks if wanted is None else wanted
    found.extend(run_mid(decl, ctx, checks, mid_wanted, mid_notes, font_covers))
    if related is not None and related.department is not None:
        if wanted is None or "C02" in wanted:
            found.extend(c02_for_project(ctx, decl, related, related.department_profile()))
        if wanted is None or "C03" in wanted:
            found.extend(c03_for_project(ctx, decl, related, profile.core_level2))
    return found


def department_cross_findings(
    ctx: CheckContext, related: RelatedForms, rules: Iterable[str] | None = None
) -> Iterator[Finding]:
    """C02/C03 on a department form against the stored projects of its unit and year."""
    if not related.projects:
        return
    wanted = None if rules is None else set(rules)
    department = ctx.declaration
    if wanted is None or "C02" in wanted:
        yield from c02_for_department(ctx, department, related.projects)
    if wanted is None or "C03" in wanted:
        core = {p.profile_id: load_project_profile(p.profile_id).core_level2 for p in related.projects}
        yield from c03_for_department(ctx, department, related.projects, core)


def accepted_keys(decl: Declaration) -> set[tuple[str, str]]:
    """(rule, subject) pairs an acceptance covers: ``二级/三级`` also names the bare ``三级``,
    and ``中期/二级/三级`` the 中期 row ``中期/三级``."""
    keys: set[tuple[str, str]] = set()
    for item in decl.accepted_findings:
        keys.add((item.rule, item.subject))
        subject = item.subject
        prefix = ""
        if subject.startswith(MID_SUBJECT):
            prefix, subject = MID_SUBJECT, subject[len(MID_SUBJECT) :]
        if "/" in subject:
            keys.add((item.rule, prefix + subject.split("/", 1)[1]))
    return keys


def is_accepted(finding: Finding, keys: set[tuple[str, str]]) -> bool:
    return finding.severity != ERROR and (finding.rule, finding.subject) in keys
