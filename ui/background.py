"""Work off the GUI thread where only the newest request counts (rule check, preview pages).

:class:`LatestJob` runs one job at a time in a worker thread. Submitting again while a job runs
cancels it (cooperatively: the job's :class:`Cancel` token raises at its next ``step``) and
queues the new one; a superseded job's result is never delivered. Results come back on the GUI
thread through queued signals, so receivers may touch widgets. A job must work on its own data
(a snapshot), never on objects the GUI thread edits meanwhile.
"""

from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop, QObject, Signal, Slot


class Cancelled(Exception):
    """Raised inside a job whose result is no longer wanted."""


class Cancel:
    """A job's link back: ``step`` reports progress and stops a superseded job."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._event = threading.Event()
        self._report = report

    def set(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def step(self, done: int = 0, total: int = 0) -> None:
        """Raise :class:`Cancelled` when superseded; else report ``done`` of ``total``."""
        if self._event.is_set():
            raise Cancelled
        if total:
            self._report(done, total)


Job = Callable[[Cancel], Any]

#: The interpreter's switch interval while a job runs (seconds).
BUSY_SWITCH_INTERVAL = 0.0005
_running_jobs = 0
_idle_switch_interval = sys.getswitchinterval()
_jobs_lock = threading.Lock()


def _job_started() -> None:
    global _running_jobs, _idle_switch_interval
    with _jobs_lock:
        if _running_jobs == 0:
            _idle_switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_idle_switch_interval, BUSY_SWITCH_INTERVAL))
        _running_jobs += 1


def _job_ended() -> None:
    """Called by the worker itself, so a job whose owner was deleted still counts down."""
    global _running_jobs
    with _jobs_lock:
        _running_jobs -= 1
        if _running_jobs == 0:
            sys.setswitchinterval(_idle_switch_interval)


class LatestJob(QObject):
    """Runs the latest submitted job in a worker thread.

    Signals:
        started(): a job began (after any earlier one ended).
        progress(int, int): the running, still wanted job's ``done`` and ``total``.
        finished(object): the result of the latest job.
        failed(object): the exception the latest job raised.
    """

    started = Signal()
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    _done = Signal(int, bool, object)  # generation, ok, result or exception (worker → GUI)
    _step = Signal(int, int, int)  # generation, done, total (worker → GUI)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._running: Cancel | None = None
        self._pending: Job | None = None
        self._done.connect(self._on_done)
        self._step.connect(self._on_step)

    def is_busy(self) -> bool:
        """Whether a job runs or waits to run."""
        return self._running is not None or self._pending is not None

    def submit(self, job: Job) -> None:
        """Run ``job(cancel)`` in the worker; any earlier job's result is dropped."""
        self._generation += 1
        if self._running is not None:
            self._running.set()
            self._pending = job  # starts when the cancelled one has stopped
            return
        self._start(job)

    def cancel(self) -> None:
        """Drop the running and the waiting job (their results are never delivered)."""
        self._generation += 1
        self._pending = None
        if self._running is not None:
            self._running.set()

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Process events until no job runs or waits (tests, screenshots); False on timeout."""
        deadline = QDeadlineTimer(timeout_ms)
        while self.is_busy():
            if deadline.hasExpired():
                return False
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if self.is_busy():
                threading.Event().wait(0.002)
        return True

    def _start(self, job: Job) -> None:
        generation = self._generation
        cancel = Cancel(lambda done, total: self._step.emit(generation, done, total))
        self._running = cancel
        _job_started()
        self.started.emit()

        def run() -> None:
            try:
                result: object = job(cancel)
                ok = True
            except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
                result, ok = exc, False
            finally:
                _job_ended()
            # The owner may have been deleted meanwhile: then nobody wants the result.
            with contextlib.suppress(RuntimeError):
                self._done.emit(generation, ok, result)

        threading.Thread(target=run, name="perfdecl-background", daemon=True).start()

    @Slot(int, int, int)
    def _on_step(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation:
            self.progress.emit(done, total)

    @Slot(int, bool, object)
    def _on_done(self, generation: int, ok: bool, outcome: object) -> None:
        self._running = None
        wanted = generation == self._generation and not isinstance(outcome, Cancelled)
        pending, self._pending = self._pending, None
        if pending is not None:
            self._start(pending)
        if not wanted:
            return
        if ok:
            self.finished.emit(outcome)
        else:
            self.failed.emit(outcome)
