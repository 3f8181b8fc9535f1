"""Live review checks: re-run the rules a moment after the user stops editing.

Typing must never lag, so a change only restarts a single-shot timer. When it fires (400 ms
after the last change) the rules run in a worker thread on a snapshot of the declaration
(:mod:`ui.background`); a change meanwhile makes that result stale, and it is dropped. F5
(:meth:`LiveChecker.run_now`) checks at once on the GUI thread. An acceptance (or its undo) needs
no new check: the current findings are re-marked immediately.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desktop.domain.changes import Part
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile
from desktop.rules.findings import Finding
from desktop.rules.locate import apply_acceptances
from ui.background import Cancel, LatestJob
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
        self._timer.timeout.connect(self._check_in_background)
        self._jobs = LatestJob(self)
        self._jobs.finished.connect(self._on_checked)
        self._jobs.failed.connect(self._on_failed)
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
        """Whether a check is scheduled or running (the document changed since the last one)."""
        return self._timer.isActive() or self._jobs.is_busy()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Wait (processing events) for a running background check; False on timeout."""
        return self._jobs.wait(timeout_ms)

    def set_document(self, document: DeclarationDocument | None, check_now: bool = True) -> None:
        """Follow another document (or none); checks the new one at once, or after the
        usual pause when ``check_now`` is False (so a large declaration shows first)."""
        if self._document is not None:
            self._document.changed.disconnect(self._on_changed)
        self._document = document
        self._timer.stop()
        self._jobs.cancel()
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
        self._jobs.cancel()  # a check of the text before this change is stale
        self._timer.start()  # restarts: only the last of a burst of changes runs the rules

    @Slot()
    def recheck_later(self) -> None:
        """Something the rules read besides the document changed (a related stored form):
        check again after the usual pause."""
        if self._document is None:
            return
        self._jobs.cancel()
        self._timer.start()

    @Slot()
    def _check_in_background(self) -> None:
        document = self._document
        if document is None:
            return
        snapshot = copy.deepcopy(document.declaration)  # the worker never sees later edits
        profile, check = document.profile, self._check

        def job(cancel: Cancel) -> list[Finding]:
            cancel.step()
            return check(snapshot, profile)

        self._jobs.submit(job)

    @Slot(object)
    def _on_checked(self, findings: list[Finding]) -> None:
        document = self._document
        if document is None:
            return
        self._findings = apply_acceptances(findings, document.declaration.accepted_findings)
        self.findings_changed.emit(list(self._findings))

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        log.error("review rules failed", exc_info=exc)
        self.check_failed.emit("自检时出现内部错误，结果可能不完整；详情已写入日志。")

    @Slot()
    def run_now(self) -> None:
        """Check now, on this thread (F5, a report, a screenshot)."""
        self._timer.stop()
        self._jobs.cancel()
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
