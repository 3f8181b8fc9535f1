"""Finding a stored declaration an imported file duplicates (issue 10, item 6).

A file is a duplicate when its fingerprint (docs/exchange-format.md) equals the fingerprint of a
stored declaration's working copy or of one of its revisions: the paper of both is the same. The
fingerprint covers 年度, 部门（单位）名称 and the form, so only declarations agreeing on those are
compared, which keeps the look-up to a few loads however large the database is.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.model import Declaration
from desktop.exchange.canonical import fingerprint
from desktop.services.store import DeclarationStore


@dataclass(frozen=True)
class Duplicate:
    """The stored declaration a file duplicates; ``revision`` is None for its working copy."""

    declaration_id: int
    fingerprint: str
    revision: int | None


def find_duplicate(store: DeclarationStore, declaration: Declaration) -> Duplicate | None:
    """The most recently modified stored declaration with the same fingerprint, if any."""
    wanted = fingerprint(declaration)
    for summary in store.list():  # newest modification first
        if (summary.year, summary.unit_name, summary.form) != (
            declaration.year,
            declaration.unit_name,
            declaration.form,
        ):
            continue
        if fingerprint(store.load(summary.id)) == wanted:
            return Duplicate(summary.id, wanted, None)
        for info in reversed(store.revisions(summary.id)):
            if info.fingerprint == wanted:
                return Duplicate(summary.id, wanted, info.number)
    return None


def duplicate_message(duplicate: Duplicate) -> str:
    """Chinese: which stored declaration the file equals (working copy or which revision)."""
    what = (
        "当前内容" if duplicate.revision is None else f"第 {duplicate.revision} 版"
    )
    return (
        f"此文件与已有的申报表（编号 {duplicate.declaration_id}）的{what}相同"
        f"（指纹 {duplicate.fingerprint}），未重复导入"
    )
