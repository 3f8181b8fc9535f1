"""Freezing a declaration into a revision's stored text and reading it back.

A revision stores the exchange-format JSON of the declaration (``declaration_to_dict``, keys
sorted, non-ASCII kept), so a revision is reproducible by the same reader that imports files and
does not depend on this database's table layout. :func:`freeze_checked` passes the declaration
through the gate (``desktop/domain/validate.py``) and reads the frozen text back before the
revision's transaction commits: a revision that could not be read again is never stored.
"""

from __future__ import annotations

import json

from desktop.domain.model import Declaration
from desktop.domain.normalise import normalised
from desktop.domain.validate import Problem, problems
from desktop.services.store import RefusedContentError


def freeze(decl: Declaration) -> tuple[str, str]:
    """``(content, fingerprint)`` of ``decl`` at this moment."""
    from desktop.exchange.canonical import fingerprint
    from desktop.exchange.writer import declaration_to_dict

    content = json.dumps(declaration_to_dict(decl), ensure_ascii=False, sort_keys=True)
    return content, fingerprint(decl)


def thaw(content: str) -> Declaration:
    """The declaration a revision froze."""
    from desktop.exchange.reader import declaration_from_dict

    return declaration_from_dict(json.loads(content)).declaration


def gate(decl: Declaration) -> None:
    """Raise :class:`RefusedContentError` unless ``decl`` passes the one gate."""
    found = problems(normalised(decl))
    if found:
        more = f"（另有 {len(found) - 1} 处）" if len(found) > 1 else ""
        raise RefusedContentError(f"无法保存：{found[0]}{more}", found)


def freeze_checked(decl: Declaration) -> tuple[str, str]:
    """:func:`freeze`, refused (:class:`RefusedContentError`) unless it reads back equal."""
    from desktop.exchange.canonical import content_key

    decl = normalised(decl)  # as the reader will read it back (goal numbers, invisible text)
    gate(decl)
    content, fingerprint = freeze(decl)
    try:
        back = thaw(content)
    except ValueError as exc:  # ExchangeError: the reader refuses what was frozen
        problem = Problem("", f"版本无法读回（{exc}），未保存")
        raise RefusedContentError(f"无法保存版本：{problem.message}", [problem]) from exc
    # Plain equality is the fast path (a few ms for 1,000 rows); content equality decides.
    if back != decl and content_key(back) != content_key(decl):
        problem = Problem("", "版本读回后与工作副本不一致，未保存")
        raise RefusedContentError(f"无法保存版本：{problem.message}", [problem])
    return content, fingerprint
