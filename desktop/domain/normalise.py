"""Lossless normalisation a reader would apply anyway, done before freezing or checking.

A working copy stored by an older program (or written by a path that skips the editor's entry
normalisation) may hold a goal typed as ``目标1：…``, invisible characters, or a date typed as
``2026-1-5``. The reader strips, cleans and (for dates) the editor normalises these, so a revision
frozen from the raw text would not read back equal. :func:`normalised` returns the declaration as
it will be read back; it copies only when something changes.
"""

from __future__ import annotations

import copy

from desktop.domain.dates import DateTextError, parse_date_text
from desktop.domain.goals import strip_goal_number
from desktop.domain.model import Declaration
from desktop.domain.textclean import clean_declaration_texts


def _date(text: str) -> str:
    try:
        return parse_date_text(text)
    except DateTextError:
        return text  # not normalisable: the gate names it


def _goal_text(text: str) -> str:
    return strip_goal_number(text)


def needs_normalising(declaration: Declaration) -> bool:
    if any(_goal_text(goal) != goal for goal in declaration.goals):
        return True
    if _date(declaration.footer.date) != declaration.footer.date:
        return True
    return _has_unclean_text(declaration)


def _has_unclean_text(declaration: Declaration) -> bool:
    from desktop.domain.textclean import clean_text

    d = declaration
    texts = [d.unit_name, d.supervisor, *d.goals, d.footer.preparer, d.footer.phone]
    texts += [d.footer.unit_head, d.footer.date]
    texts += [t for task in d.tasks for t in (task.name, task.content)]
    texts += [
        t
        for _c, i in d.iter_indicators()
        for t in (i.name, i.value, i.unit, i.explanation)
    ]
    texts += [t for a in d.accepted_findings for t in (a.subject, a.reason)]
    return any(clean_text(t) != t for t in texts)


def normalised(declaration: Declaration) -> Declaration:
    """``declaration`` as a reader reads it back (the same object when nothing changes)."""
    if not needs_normalising(declaration):
        return declaration
    result = copy.deepcopy(declaration)
    clean_declaration_texts(result)
    result.goals = [_goal_text(goal) for goal in result.goals]
    result.footer.date = _date(result.footer.date)
    return result
