"""Live checks: a burst of edits runs the rules once, after the user pauses; F5 runs them now."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.domain.changes import Part
from desktop.domain.model import AcceptedFinding, Declaration
from desktop.domain.profile import Profile
from desktop.rules.engine import check_declaration
from desktop.rules.findings import Finding
from ui.document import DeclarationDocument
from ui.findings.checker import LiveChecker


class CountingCheck:
    """The real engine, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, declaration: Declaration, profile: Profile) -> list[Finding]:
        self.calls += 1
        return check_declaration(declaration, profile)


def test_burst_of_edits_runs_the_rules_once(seed_document: DeclarationDocument, qtbot: QtBot) -> None:
    check = CountingCheck()
    checker = LiveChecker(seed_document, check=check, delay_ms=100)
    assert check.calls == 1  # the document is checked when it is attached
    for _ in range(6):
        seed_document.notify(Part.GOALS)
    # nothing ran while "typing": only the timer was restarted
    assert check.calls == 1
    assert checker.is_pending()
    with qtbot.waitSignal(checker.findings_changed, timeout=2000):
        pass
    assert check.calls == 2
    qtbot.wait(250)
    assert check.calls == 2
    assert not checker.is_pending()


def test_findings_follow_the_edit(seed_document: DeclarationDocument, qtbot: QtBot) -> None:
    checker = LiveChecker(seed_document, delay_ms=50)
    assert not any(f.rule == "S05" for f in checker.findings)
    seed_document.declaration.goals.clear()
    seed_document.notify(Part.GOALS)
    with qtbot.waitSignal(checker.findings_changed, timeout=2000) as blocker:
        pass
    assert any(f.rule == "S05" and f.severity == "error" for f in blocker.args[0])


def test_run_now_checks_at_once_and_cancels_the_pending_check(
    seed_document: DeclarationDocument, qtbot: QtBot
) -> None:
    check = CountingCheck()
    checker = LiveChecker(seed_document, check=check, delay_ms=100)
    seed_document.declaration.unit_name = ""
    seed_document.notify(Part.HEADER)
    with qtbot.waitSignal(checker.findings_changed, timeout=0) as blocker:
        checker.run_now()
    assert any(f.rule == "S02" for f in blocker.args[0])
    assert check.calls == 2
    qtbot.wait(250)
    assert check.calls == 2


def test_acceptance_is_shown_without_running_the_rules(
    seed_document: DeclarationDocument, qtbot: QtBot
) -> None:
    check = CountingCheck()
    checker = LiveChecker(seed_document, check=check, delay_ms=100)
    target = next(f for f in checker.findings if f.rule == "I07")
    seed_document.declaration.accepted_findings.append(
        AcceptedFinding("I07", target.subject, "理由")
    )
    with qtbot.waitSignal(checker.findings_changed, timeout=0) as blocker:
        seed_document.notify(Part.ACCEPTED)
    assert check.calls == 1
    assert [f.accepted for f in blocker.args[0] if f.rule == "I07"] == [True]
    seed_document.declaration.accepted_findings.clear()
    seed_document.notify(Part.ACCEPTED)
    assert [f.accepted for f in checker.findings if f.rule == "I07"] == [False]


def test_a_failing_rule_keeps_the_last_findings(
    seed_document: DeclarationDocument, qtbot: QtBot
) -> None:
    calls: list[int] = []

    def flaky(declaration: Declaration, profile: Profile) -> list[Finding]:
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("rule bug")
        return check_declaration(declaration, profile)

    checker = LiveChecker(seed_document, check=flaky)
    before = checker.findings
    assert before
    with qtbot.waitSignal(checker.check_failed, timeout=0) as blocker:
        checker.run_now()
    assert "内部错误" in blocker.args[0]
    assert checker.findings == before


def test_switching_documents(seed_document: DeclarationDocument, qtbot: QtBot) -> None:
    check = CountingCheck()
    checker = LiveChecker(check=check)
    assert checker.findings == [] and check.calls == 0
    checker.set_document(seed_document)
    assert checker.findings
    with qtbot.waitSignal(checker.findings_changed, timeout=0) as blocker:
        checker.set_document(None)
    assert blocker.args == [[]]
    seed_document.notify(Part.GOALS)  # the old document no longer schedules checks
    assert not checker.is_pending()
