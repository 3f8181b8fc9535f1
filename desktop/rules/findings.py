"""A finding of the review rules, and the vocabularies it uses (severity, dimension).

The JSON shape is the one of docs/cli.md (``perfdecl check --json``); ``where`` is a 0-based path into
the exchange-format document, ``subject`` names what the finding is about by content (so an
acceptance in ``accepted_findings`` survives reordering) and ``message`` is for people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]

ERROR: Severity = "error"
WARNING: Severity = "warning"
INFO: Severity = "info"

SEVERITY_ORDER: dict[str, int] = {ERROR: 0, WARNING: 1, INFO: 2}
SEVERITY_LABELS: dict[str, str] = {ERROR: "错误", WARNING: "警告", INFO: "提示"}

# The official review dimensions (财政部 88号) plus 格式 for format/export hygiene.
COMPLETENESS = "完整性"
RELEVANCE = "相关性"
APPROPRIATENESS = "适当性"
FEASIBILITY = "可行性"
FORMAT = "格式"
DIMENSIONS = (COMPLETENESS, RELEVANCE, APPROPRIATENESS, FEASIBILITY, FORMAT)


@dataclass(frozen=True)
class Finding:
    """One result of a review rule."""

    rule: str
    severity: Severity
    dimension: str
    where: str
    subject: str
    message: str
    accepted: bool = False

    def to_json(self) -> dict[str, Any]:
        """The finding object of ``perfdecl check --json`` (docs/cli.md)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "dimension": self.dimension,
            "where": self.where,
            "subject": self.subject,
            "message": self.message,
            "accepted": self.accepted,
        }
