"""Freezing a declaration into a revision's stored text and reading it back.

A revision stores the exchange-format JSON of the declaration (``declaration_to_dict``, keys
sorted, non-ASCII kept), so a revision is reproducible by the same reader that imports files and
does not depend on this database's table layout.
"""

from __future__ import annotations

import json

from desktop.domain.model import Declaration


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
