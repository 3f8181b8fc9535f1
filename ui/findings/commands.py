"""Undo commands for accepting a finding with a reason, and for withdrawing an acceptance."""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain.model import AcceptedFinding
from desktop.rules.findings import Finding
from desktop.rules.locate import acceptance_for
from ui.document import ACCEPTED, DeclarationDocument


class AcceptFindingCommand(QUndoCommand):
    """Append an acceptance (rule, subject, reason) to ``accepted_findings``."""

    def __init__(self, document: DeclarationDocument, finding: Finding, reason: str) -> None:
        super().__init__(f"接受{finding.rule}“{finding.subject}”")
        self._document = document
        self._item = AcceptedFinding(finding.rule, finding.subject, document.clean(reason))

    @override
    def redo(self) -> None:
        self._document.declaration.accepted_findings.append(self._item)
        self._document.notify(ACCEPTED)

    @override
    def undo(self) -> None:
        accepted = self._document.declaration.accepted_findings
        # Remove this very entry (an equal one added by another command must stay).
        for position in range(len(accepted) - 1, -1, -1):
            if accepted[position] is self._item:
                del accepted[position]
                break
        self._document.notify(ACCEPTED)


class WithdrawAcceptanceCommand(QUndoCommand):
    """Remove every acceptance covering a finding; undo puts them back where they were."""

    def __init__(self, document: DeclarationDocument, finding: Finding) -> None:
        super().__init__(f"取消接受{finding.rule}“{finding.subject}”")
        self._document = document
        self._finding = finding
        self._removed: list[tuple[int, AcceptedFinding]] = []

    @override
    def redo(self) -> None:
        accepted = self._document.declaration.accepted_findings
        self._removed = [
            (position, item)
            for position, item in enumerate(accepted)
            if acceptance_for(self._finding, [item]) is not None
        ]
        for position, _ in reversed(self._removed):
            del accepted[position]
        self._document.notify(ACCEPTED)

    @override
    def undo(self) -> None:
        accepted = self._document.declaration.accepted_findings
        for position, item in self._removed:
            accepted.insert(position, item)
        self._document.notify(ACCEPTED)
