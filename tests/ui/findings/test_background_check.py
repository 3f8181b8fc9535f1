"""The live check runs off the GUI thread on a snapshot; a result for text the user has changed
since is dropped, and typing never waits for a running check."""

from __future__ import annotations

import threading
import time
from typing import Any

from desktop.domain.changes import Part
from desktop.domain.model import Declaration
from desktop.domain.profile import Profile
from desktop.rules.engine import check_declaration
from desktop.rules.findings import Finding
from ui.background import Cancel, LatestJob
from ui.document import DeclarationDocument
from ui.findings.checker import LiveChecker


class GatedCheck:
    """The real engine; the first background call waits until released and records what it saw."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.entered = threading.Event()
        self.seen: list[str] = []
        self.threads: list[str] = []

    def __call__(self, declaration: Declaration, profile: Profile) -> list[Finding]:
        self.threads.append(threading.current_thread().name)
        self.seen.append(declaration.unit_name)
        if threading.current_thread() is not threading.main_thread():
            self.entered.set()
            self.release.wait(10)
        return check_declaration(declaration, profile)


def test_check_runs_in_a_worker_on_a_snapshot(
    seed_document: DeclarationDocument, qtbot: Any
) -> None:
    check = GatedCheck()
    check.release.set()
    checker = LiveChecker(seed_document, check=check, delay_ms=10)
    seed_document.declaration.unit_name = "第一次"
    seed_document.notify(Part.HEADER)
    with qtbot.waitSignal(checker.findings_changed, timeout=5000):
        pass
    assert check.threads[0] == "MainThread"  # attaching checks at once
    assert check.threads[-1] != "MainThread"
    assert check.seen[-1] == "第一次"


def test_result_of_a_changed_text_is_dropped(
    seed_document: DeclarationDocument, qtbot: Any
) -> None:
    check = GatedCheck()
    checker = LiveChecker(seed_document, check=check, delay_ms=10)
    delivered: list[list[Finding]] = []
    checker.findings_changed.connect(delivered.append)
    seed_document.declaration.unit_name = ""  # an error finding for the empty unit name
    seed_document.notify(Part.HEADER)
    qtbot.waitUntil(check.entered.is_set, timeout=5000)
    # The user types while the check of the empty name still runs: typing does not wait.
    started = time.perf_counter()
    seed_document.declaration.unit_name = "深圳市福田区测试单位"
    seed_document.notify(Part.HEADER)
    assert time.perf_counter() - started < 1.0  # the gate holds the worker for 10 s
    assert checker.is_pending()
    check.release.set()
    qtbot.waitUntil(lambda: not checker.is_pending(), timeout=10_000)
    # Only the check of the current text was delivered, and it saw the current text.
    assert check.seen[-1] == "深圳市福田区测试单位"
    assert len(delivered) == 1
    assert [f for f in delivered[0] if f.where == "unit_name"] == []  # S02 was stale
    assert checker.findings == delivered[0]


def test_f5_while_a_check_runs_wins(seed_document: DeclarationDocument, qtbot: Any) -> None:
    check = GatedCheck()
    checker = LiveChecker(seed_document, check=check, delay_ms=10)
    seed_document.declaration.unit_name = ""
    seed_document.notify(Part.HEADER)
    qtbot.waitUntil(check.entered.is_set, timeout=5000)
    seed_document.declaration.unit_name = "单位"
    checker.run_now()  # on this thread, now
    now = checker.findings
    check.release.set()
    assert checker.wait(10_000)
    qtbot.wait(50)
    assert checker.findings == now


def test_latest_job_drops_superseded_results_and_cancels(qtbot: Any) -> None:
    jobs = LatestJob()
    results: list[object] = []
    jobs.finished.connect(results.append)
    gate = threading.Event()
    stopped: list[bool] = []

    def slow(cancel: Cancel) -> str:
        gate.wait(10)
        try:
            cancel.step(1, 2)
        except Exception:
            stopped.append(True)
            raise
        return "old"

    jobs.submit(slow)
    jobs.submit(lambda cancel: "new")
    gate.set()
    assert jobs.wait(10_000)
    assert results == ["new"]
    assert stopped == [True]  # the superseded job stopped at its next step


def test_gui_thread_gets_the_interpreter_often_while_a_job_runs(qtbot: Any) -> None:
    import sys

    from ui.background import BUSY_SWITCH_INTERVAL

    before = sys.getswitchinterval()
    jobs = LatestJob()
    gate = threading.Event()
    seen: list[float] = []

    def job(cancel: Cancel) -> None:
        seen.append(sys.getswitchinterval())
        gate.wait(10)

    jobs.submit(job)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen[0] <= BUSY_SWITCH_INTERVAL < before
    gate.set()
    assert jobs.wait(10_000)
    assert sys.getswitchinterval() == before


def test_switch_interval_comes_back_when_the_owner_goes_away_mid_job(qtbot: Any) -> None:
    import sys

    from shiboken6 import Shiboken

    before = sys.getswitchinterval()
    jobs = LatestJob()
    gate = threading.Event()
    done = threading.Event()

    def job(cancel: Cancel) -> None:
        gate.wait(10)
        done.set()

    jobs.submit(job)
    Shiboken.delete(jobs)  # e.g. the 预览 section closed with its declaration while rendering
    gate.set()
    qtbot.waitUntil(done.is_set, timeout=5000)
    qtbot.waitUntil(lambda: sys.getswitchinterval() == before, timeout=5000)
