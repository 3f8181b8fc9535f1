"""Accepting a finding with a written reason, and withdrawing acceptances; each returns its undo.

Qt-free like the other edits in :mod:`desktop.domain`. Which acceptances cover a finding is the
rules' business (``desktop/rules/locate.py``): withdrawing takes that test as a predicate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.domain.errors import EditError
from desktop.domain.model import AcceptedFinding, Declaration

#: Acceptances taken away, each with the position it had.
Removed = list[tuple[int, AcceptedFinding]]


def check_acceptance(item: AcceptedFinding) -> None:
    """An acceptance names a rule and a subject and gives a written reason."""
    if not (item.rule.strip() and item.subject.strip()):
        raise EditError("接受的问题须有规则编号和对象")
    if not item.reason.strip():
        raise EditError("接受警告或提示须写明理由")


def add_acceptance(declaration: Declaration, item: AcceptedFinding) -> None:
    """Append an acceptance (see :func:`check_acceptance`)."""
    check_acceptance(item)
    declaration.accepted_findings.append(item)


def remove_acceptance(declaration: Declaration, item: AcceptedFinding) -> None:
    """Undo :func:`add_acceptance`: remove this very entry (an equal one added later stays)."""
    accepted = declaration.accepted_findings
    for position in range(len(accepted) - 1, -1, -1):
        if accepted[position] is item:
            del accepted[position]
            return
    raise EditError(f"没有找到对{item.rule}“{item.subject}”的接受")


def remove_acceptances(
    declaration: Declaration, covers: Callable[[AcceptedFinding], bool]
) -> Removed:
    """Withdraw every acceptance ``covers`` picks; returns them with their positions."""
    accepted = declaration.accepted_findings
    removed = [(position, item) for position, item in enumerate(accepted) if covers(item)]
    for position, _ in reversed(removed):
        del accepted[position]
    return removed


def restore_acceptances(
    declaration: Declaration, removed: Sequence[tuple[int, AcceptedFinding]]
) -> None:
    """Undo :func:`remove_acceptances`: each comes back where it was."""
    for position, item in removed:
        declaration.accepted_findings.insert(position, item)
