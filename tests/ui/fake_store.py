"""An in-memory DeclarationStore for UI tests (same protocol as db.repository's store)."""

from __future__ import annotations

import copy
from datetime import datetime

from desktop.domain.model import Declaration
from desktop.exchange.canonical import fingerprint
from desktop.services.store import DeclarationSummary, NotFoundError, RevisionInfo, StoredIndicator


class FakeStore:
    def __init__(self) -> None:
        self.working: dict[int, Declaration] = {}
        self.modified: dict[int, datetime] = {}
        self.revs: dict[int, list[tuple[RevisionInfo, Declaration]]] = {}
        self.saves = 0
        self._next = 1

    def create(self, declaration: Declaration) -> int:
        new_id = self._next
        self._next += 1
        self.working[new_id] = copy.deepcopy(declaration)
        self.modified[new_id] = datetime.now()
        self.revs[new_id] = []
        return new_id

    def load(self, declaration_id: int) -> Declaration:
        if declaration_id not in self.working:
            raise NotFoundError(str(declaration_id))
        return copy.deepcopy(self.working[declaration_id])

    def save(self, declaration_id: int, declaration: Declaration) -> None:
        self.working[declaration_id] = copy.deepcopy(declaration)
        self.modified[declaration_id] = datetime.now()
        self.saves += 1

    def delete(self, declaration_id: int) -> None:
        self.working.pop(declaration_id)
        self.revs.pop(declaration_id)

    def summary(self, declaration_id: int) -> DeclarationSummary:
        d = self.working[declaration_id]
        revs = self.revs[declaration_id]
        final = next((r.number for r, _ in reversed(revs) if r.is_final), None)
        return DeclarationSummary(
            declaration_id,
            d.year,
            d.unit_name,
            d.form,
            d.profile_id,
            len(revs),
            final,
            self.modified[declaration_id],
        )

    def list(self) -> list[DeclarationSummary]:
        items = [self.summary(i) for i in self.working]
        return sorted(items, key=lambda s: s.modified, reverse=True)

    def make_revision(self, declaration_id: int) -> RevisionInfo:
        d = copy.deepcopy(self.working[declaration_id])
        info = RevisionInfo(
            declaration_id,
            len(self.revs[declaration_id]) + 1,
            datetime.now(),
            fingerprint(d),
            False,
        )
        self.revs[declaration_id].append((info, d))
        return info

    def revisions(self, declaration_id: int) -> list[RevisionInfo]:
        return [r for r, _ in self.revs[declaration_id]]

    def load_revision(self, declaration_id: int, number: int) -> Declaration:
        for info, d in self.revs.get(declaration_id, []):
            if info.number == number:
                return copy.deepcopy(d)
        raise NotFoundError(f"{declaration_id}/{number}")

    def set_final(self, declaration_id: int, number: int, final: bool = True) -> None:
        revs = self.revs[declaration_id]
        for i, (info, d) in enumerate(revs):
            if info.number == number:
                revs[i] = (
                    RevisionInfo(
                        info.declaration_id, info.number, info.created, info.fingerprint, final
                    ),
                    d,
                )

    def stored_indicators(self, exclude_declaration_id: int | None = None) -> list[StoredIndicator]:
        out: list[StoredIndicator] = []
        for i, d in self.working.items():
            if i == exclude_declaration_id:
                continue
            for c, ind in d.iter_indicators():
                out.append(
                    StoredIndicator(i, d.year, d.unit_name, c.level1, c.level2, copy.deepcopy(ind))
                )
        return out

    def close(self) -> None:
        pass
