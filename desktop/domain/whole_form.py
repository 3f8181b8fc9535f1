"""Replacing a declaration's printed content at once (a whole form pasted from Excel/WPS/Word).

The content is everything the paper form prints; the profile, the form kind and the accepted
findings stay with the declaration (docs/edit-path.md). One undo step keeps the content before
and after as plain snapshots taken here.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

from desktop.domain.errors import EditError
from desktop.domain.model import FORM_DEPARTMENT, Declaration

#: The fields a whole form replaces.
CONTENT_FIELDS = (
    "year", "unit_name", "supervisor", "tasks", "declared_totals", "goals", "categories", "footer",
)  # fmt: skip

Content = Mapping[str, object]


def content_of(declaration: Declaration) -> dict[str, object]:
    """A detached snapshot of the printed content of ``declaration``."""
    return {name: copy.deepcopy(getattr(declaration, name)) for name in CONTENT_FIELDS}


def check_whole_form_target(declaration: Declaration) -> None:
    """Raise :class:`EditError` unless a whole department form may replace this content."""
    if declaration.form != FORM_DEPARTMENT:
        raise EditError("整张申报表粘贴只适用于部门（单位）整体支出申报表；项目支出申报表请用“文件 → 导入”。")


def replace_content(declaration: Declaration, content: Content) -> dict[str, object]:
    """Put ``content`` (from :func:`content_of`) into ``declaration``; copies, never shares.

    Returns the content it replaced (what an undo puts back).
    """
    unknown = set(content) - set(CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"not content fields: {sorted(unknown)}")
    before = content_of(declaration)
    for name, value in content.items():
        setattr(declaration, name, copy.deepcopy(value))
    return before
