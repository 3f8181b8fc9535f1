"""Run the review rules on a declaration: the entry point for the CLI, the GUI and the print gate.

``check_declaration`` returns every finding, sorted by severity and then by document order.
Findings the user accepted (``accepted_findings``: same rule and subject) stay listed with
``accepted=True``; only warnings and infos can be accepted, an error always blocks.
``summarize`` counts what still needs attention: accepted findings are not counted as warnings
or infos but shown as ``已接受 N`` at the end when there are any.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from desktop.domain.model import Declaration
from desktop.domain.profile import Profile, load_profile
from desktop.domain.project import ProjectDeclaration
from desktop.rules.checks import rule_checks
from desktop.rules.context import CheckContext, FontCovers, SourceNotes
from desktop.rules.findings import ERROR, INFO, SEVERITY_ORDER, WARNING, Finding
from desktop.rules.order import document_key
from desktop.rules.project.cross_forms import RelatedForms
from desktop.rules.project.engine import (
    accepted_keys,
    check_project,
    department_cross_findings,
    is_accepted,
)
from desktop.rules.registry import RULES, RULESET_VERSION

__all__ = [
    "RULESET_VERSION",
    "Finding",
    "SourceNotes",
    "check_declaration",
    "summarize",
    "rule_checks",
]



def check_declaration(
    decl: Declaration,
    profile: Profile | None = None,
    *,
    previous: Declaration | None = None,
    source_notes: SourceNotes | None = None,
    font_covers: FontCovers | None = None,
    rules: Iterable[str] | None = None,
    related: RelatedForms | None = None,
) -> list[Finding]:
    """Every finding of the review rules on ``decl`` (``rules`` limits the check to some ids).

    A project declaration is checked by ``desktop/rules/project/engine.py``; ``related`` holds
    the stored forms of the same unit and year for the cross-checks C02/C03.
    """
    if isinstance(decl, ProjectDeclaration):
        found = check_project(
            decl, previous=previous, source_notes=source_notes, font_covers=font_covers,
            rules=rules, related=related,
        )  # fmt: skip
        return sort_findings(_mark_accepted(found, decl))
    ctx = CheckContext(
        declaration=decl,
        profile=profile or load_profile(decl.profile_id),
        previous=previous,
        source_notes=source_notes or SourceNotes(),
        font_covers=font_covers,
    )
    checks = rule_checks()
    wanted = list(checks) if rules is None else [r for r in rules if r in checks]
    findings: list[Finding] = []
    for rule in wanted:
        findings.extend(checks[rule](ctx))
    if related is not None:
        findings.extend(department_cross_findings(ctx, related, rules))
    return sort_findings(_mark_accepted(findings, decl))


def _mark_accepted(findings: list[Finding], decl: Declaration) -> list[Finding]:
    # "二级指标/三级指标" names an indicator as well as its bare name does (and "中期/…" the
    # same of a project's 中期 row).
    accepted = accepted_keys(decl)
    if not accepted:
        return findings
    return [replace(f, accepted=True) if is_accepted(f, accepted) else f for f in findings]


# -- ordering ------------------------------------------------------------------------------
_RULE_RANK = {rule: rank for rank, rule in enumerate(RULES)}


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(
        findings,
        key=lambda f: (
            SEVERITY_ORDER[f.severity],
            document_key(f.where),
            _RULE_RANK.get(f.rule, len(_RULE_RANK)),
        ),
    )


# -- summary -------------------------------------------------------------------------------
def summarize(findings: Iterable[Finding]) -> str:
    """``错误 0 · 警告 7 · 提示 2`` (unaccepted), plus ``· 已接受 N`` when some were accepted."""
    counts = {ERROR: 0, WARNING: 0, INFO: 0}
    accepted = 0
    for f in findings:
        if f.accepted:
            accepted += 1
        else:
            counts[f.severity] += 1
    text = f"错误 {counts[ERROR]} · 警告 {counts[WARNING]} · 提示 {counts[INFO]}"
    return text + (f" · 已接受 {accepted}" if accepted else "")


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == ERROR for f in findings)

