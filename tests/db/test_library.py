"""The indicator library: every stored indicator with where it came from, minus one declaration."""

from __future__ import annotations

from db.repository import SqliteDeclarationStore
from desktop.domain.model import Declaration
from tests.db.db_samples import make_declaration


def _expected(declaration_id: int, decl: Declaration) -> list[tuple[object, ...]]:
    return [
        (declaration_id, decl.year, decl.unit_name, c.level1, c.level2, i)
        for c, i in decl.iter_indicators()
    ]


def _as_tuples(
    store: SqliteDeclarationStore, exclude: int | None = None
) -> list[tuple[object, ...]]:
    return [
        (s.declaration_id, s.year, s.unit_name, s.level1, s.level2, s.indicator)
        for s in store.stored_indicators(exclude)
    ]


def test_library_lists_every_declaration_newest_year_first(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    seed_id = store.create(seed)
    older = make_declaration("往年单位", 2, year=2025)
    older_id = store.create(older)
    newer = make_declaration("明年单位", 1, year=2027)
    newer_id = store.create(newer)
    assert _as_tuples(store) == (
        _expected(newer_id, newer) + _expected(seed_id, seed) + _expected(older_id, older)
    )


def test_library_excludes_the_declaration_being_edited(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    seed_id = store.create(seed)
    other = make_declaration("其他单位", 1, year=2025)
    other_id = store.create(other)
    assert _as_tuples(store, exclude=seed_id) == _expected(other_id, other)
    assert _as_tuples(store, exclude=other_id) == _expected(seed_id, seed)


def test_library_follows_saves_and_deletes(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    declaration_id = store.create(seed)
    replacement = make_declaration("改后单位", 1)
    store.save(declaration_id, replacement)
    assert _as_tuples(store) == _expected(declaration_id, replacement)
    store.delete(declaration_id)
    assert store.stored_indicators() == []
