"""Live review checks: re-run the rules a moment after the user stops editing.

Typing must never lag, so a change only restarts a single-shot timer; the rules run when the
timer fires (400 ms after the last change) or at once on F5 (:meth:`LiveChecker.run_now`). An
acceptance (or its undo) needs no new check: the current findings are re-marked immediately.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.domain.changes import Part
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile
from desktop.rules.findings import Finding
from desktop.rules.locate import apply_acceptances
from ui.document import DeclarationDocument

log = logging.getLogger(__name__)

CheckFunction = Callable[[Declaration, Profile], list[Finding]]
DEFAULT_DELAY_MS = 400


def _engine_check(declaration: Declaration, profile: Profile) -> list[Finding]:
    from desktop.rules.engine import check_declaration

    return check_declaration(declaration, profile)


class LiveChecker(QObject):
    """Runs the review rules on a document's declaration, debounced.

    Signals:
        findings_changed(list): a check finished (or acceptances changed); the new findings.
        check_failed(str): the rules raised; the Chinese message to show. The last good
            findings stay current.
    """

    findings_changed = Signal(list)
    check_failed = Signal(str)

    def __init__(
        self,
        document: DeclarationDocument | None = None,
        *,
        check: CheckFunction | None = None,
        delay_ms: int = DEFAULT_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._check = check or _engine_check
        self._document: DeclarationDocument | None = None
        self._findings: list[Finding] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.run_now)
        if document is not None:
            self.set_document(document)

    @property
    def document(self) -> DeclarationDocument | None:
        return self._document

    @property
    def findings(self) -> list[Finding]:
        """The findings of the last check (empty before the first one)."""
        return list(self._findings)

    def is_pending(self) -> bool:
        """Whether a check is scheduled (the document changed since the last one)."""
        return self._timer.isActive()

    def set_document(self, document: DeclarationDocument | None, check_now: bool = True) -> None:
        """Follow another document (or none); checks the new one at once, or after the
        usual pause when ``check_now`` is False (so a large declaration shows first)."""
        if self._document is not None:
            self._document.changed.disconnect(self._on_changed)
        self._document = document
        self._timer.stop()
        if document is None:
            self._findings = []
            self.findings_changed.emit([])
            return
        document.changed.connect(self._on_changed)
        if check_now:
            self.run_now()
        else:
            self._findings = []
            self._timer.start()  # before the signal: listeners see the check is pending
            self.findings_changed.emit([])

    @Slot(object)
    def _on_changed(self, parts: Part) -> None:
        if parts == Part.ACCEPTED and not self._timer.isActive():
            self._remark()
            return
        self._timer.start()  # restarts: only the last of a burst of changes runs the rules

    @Slot()
    def run_now(self) -> None:
        """Check now (F5, or when the timer fires)."""
        self._timer.stop()
        document = self._document
        if document is None:
            return
        try:
            findings = self._check(document.declaration, document.profile)
        except Exception:  # a rule bug must not take the editor down with it
            log.exception("review rules failed")
            self.check_failed.emit("自检时出现内部错误，结果可能不完整；详情已写入日志。")
            return
        self._findings = apply_acceptances(findings, document.declaration.accepted_findings)
        self.findings_changed.emit(list(self._findings))

    def _remark(self) -> None:
        assert self._document is not None
        self._findings = apply_acceptances(
            self._findings, self._document.declaration.accepted_findings
        )
        self.findings_changed.emit(list(self._findings))
