"""Undo commands for accepting a finding with a reason, and for withdrawing an acceptance."""

from __future__ import annotations

from typing_extensions import override

from PySide6.QtGui import QUndoCommand

from desktop.domain.acceptances import (
    Removed,
    add_acceptance,
    check_acceptance,
    remove_acceptance,
    remove_acceptances,
    restore_acceptances,
)
from desktop.domain.changes import Part
from desktop.domain.model import AcceptedFinding
from desktop.rules.findings import Finding
from desktop.rules.locate import acceptance_for
from ui.document import DeclarationDocument


class AcceptFindingCommand(QUndoCommand):
    """Append an acceptance (rule, subject, reason) to ``accepted_findings``."""

    def __init__(self, document: DeclarationDocument, finding: Finding, reason: str) -> None:
        super().__init__(f"接受{finding.rule}“{finding.subject}”")
        self._document = document
        self._item = AcceptedFinding(finding.rule, finding.subject, document.clean(reason))
        check_acceptance(self._item)

    @override
    def redo(self) -> None:
        add_acceptance(self._document.declaration, self._item)
        self._document.notify(Part.ACCEPTED)

    @override
    def undo(self) -> None:
        remove_acceptance(self._document.declaration, self._item)
        self._document.notify(Part.ACCEPTED)


class WithdrawAcceptanceCommand(QUndoCommand):
    """Remove every acceptance covering a finding; undo puts them back where they were."""

    def __init__(self, document: DeclarationDocument, finding: Finding) -> None:
        super().__init__(f"取消接受{finding.rule}“{finding.subject}”")
        self._document = document
        self._finding = finding
        self._removed: Removed = []

    @override
    def redo(self) -> None:
        self._removed = remove_acceptances(
            self._document.declaration,
            lambda item: acceptance_for(self._finding, [item]) is not None,
        )
        self._document.notify(Part.ACCEPTED)

    @override
    def undo(self) -> None:
        restore_acceptances(self._document.declaration, self._removed)
        self._document.notify(Part.ACCEPTED)
