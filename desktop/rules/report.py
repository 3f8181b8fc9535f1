"""Plain-text lines of findings for the command line (``perfdecl check`` without ``--json``)."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.rules.findings import SEVERITY_LABELS, Finding


def format_finding(finding: Finding) -> str:
    """``警告 G02 [相关性] goals[7] 目标8“…”没有对应的三级指标…（已接受）``."""
    label = SEVERITY_LABELS.get(finding.severity, finding.severity)
    accepted = "（已接受）" if finding.accepted else ""
    return f"{label} {finding.rule} [{finding.dimension}] {finding.where} {finding.message}{accepted}"


def format_findings_text(findings: Iterable[Finding]) -> list[str]:
    """One line per finding, in the given order (check_declaration already sorts them)."""
    return [format_finding(f) for f in findings]
