"""Revisions: numbered per declaration, frozen, reproducible, and 定稿 marking changes nothing else."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from db.repository import SqliteDeclarationStore
from desktop.domain.model import Declaration, Indicator
from desktop.exchange.canonical import content_key, fingerprint
from desktop.services.store import NotFoundError
from tests.db.db_samples import make_declaration


def test_revision_freezes_the_stored_working_copy(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    declaration_id = store.create(seed)
    info = store.make_revision(declaration_id)
    assert (info.declaration_id, info.number, info.is_final) == (declaration_id, 1, False)
    assert info.fingerprint == fingerprint(seed) == "c493b6999ea4"
    assert abs(info.created - datetime.now(UTC)) < timedelta(minutes=1)
    frozen = store.load_revision(declaration_id, 1)
    assert frozen == seed
    assert content_key(frozen) == content_key(seed)
    assert store.revisions(declaration_id) == [info]


def test_editing_the_working_copy_leaves_revisions_unchanged(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    original = copy.deepcopy(seed)
    declaration_id = store.create(seed)
    store.make_revision(declaration_id)
    edited = copy.deepcopy(seed)
    edited.tasks[1].fiscal += Decimal("0.000001")
    edited.categories[0].indicators.append(Indicator(name="新增指标", value="1项", goals=[1]))
    edited.goals[0] = "改写后的目标"
    store.save(declaration_id, edited)
    second = store.make_revision(declaration_id)
    assert second.number == 2
    assert second.fingerprint == fingerprint(edited) != fingerprint(original)
    assert store.load_revision(declaration_id, 1) == original
    assert store.load_revision(declaration_id, 2) == edited
    assert store.load(declaration_id) == edited


def test_numbers_count_per_declaration(store: SqliteDeclarationStore, seed: Declaration) -> None:
    a = store.create(seed)
    b = store.create(make_declaration("乙单位", 1))
    numbers_a = [store.make_revision(a).number for _ in range(3)]
    numbers_b = [store.make_revision(b).number for _ in range(2)]
    assert numbers_a == [1, 2, 3]
    assert numbers_b == [1, 2]
    assert [r.number for r in store.revisions(a)] == [1, 2, 3]
    assert {s.id: s.latest_revision for s in store.list()} == {a: 3, b: 2}


def test_unchanged_copies_may_share_a_fingerprint(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    declaration_id = store.create(seed)
    first = store.make_revision(declaration_id)
    second = store.make_revision(declaration_id)
    assert (first.number, second.number) == (1, 2)
    assert first.fingerprint == second.fingerprint


def test_set_final_marks_without_changing_content(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    declaration_id = store.create(seed)
    store.make_revision(declaration_id)
    edited = make_declaration("定稿单位", 1)
    store.save(declaration_id, edited)
    store.make_revision(declaration_id)
    before = store.revisions(declaration_id)

    store.set_final(declaration_id, 1)
    after = store.revisions(declaration_id)
    assert [r.is_final for r in after] == [True, False]
    assert [(r.number, r.fingerprint, r.created) for r in after] == [
        (r.number, r.fingerprint, r.created) for r in before
    ]
    assert store.load_revision(declaration_id, 1) == seed
    assert store.summary(declaration_id).final_revision == 1
    assert store.summary(declaration_id).latest_revision == 2


def test_final_mark_moves_and_can_be_removed(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    declaration_id = store.create(seed)
    for _ in range(3):
        store.make_revision(declaration_id)
    store.set_final(declaration_id, 1)
    store.set_final(declaration_id, 3)
    assert [r.is_final for r in store.revisions(declaration_id)] == [False, False, True]
    store.set_final(declaration_id, 3, final=False)
    assert [r.is_final for r in store.revisions(declaration_id)] == [False, False, False]
    assert store.summary(declaration_id).final_revision is None


def test_unknown_revision_is_reported(store: SqliteDeclarationStore, seed: Declaration) -> None:
    declaration_id = store.create(seed)
    store.make_revision(declaration_id)
    with pytest.raises(NotFoundError, match="没有版本 2"):
        store.load_revision(declaration_id, 2)
    with pytest.raises(NotFoundError):
        store.set_final(declaration_id, 2)
    with pytest.raises(NotFoundError):
        store.load_revision(declaration_id + 1, 1)
    assert store.revisions(declaration_id)[0].is_final is False


def test_new_declaration_has_no_revisions(store: SqliteDeclarationStore, seed: Declaration) -> None:
    declaration_id = store.create(seed)
    assert store.revisions(declaration_id) == []
    assert store.summary(declaration_id).latest_revision == 0


def test_an_import_stores_declaration_and_revision_one_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import repository
    from desktop.services.revisions import import_new
    from tests.synthetic import large_declaration

    store = repository.open_store(tmp_path / "import.sqlite3")
    declaration_id = import_new(store, large_declaration(5))
    assert [r.number for r in store.revisions(declaration_id)] == [1]

    def broken_freeze(declaration: object) -> tuple[str, str]:
        raise RuntimeError("disk full while freezing")

    monkeypatch.setattr(repository, "freeze_checked", broken_freeze)
    with pytest.raises(RuntimeError):
        import_new(store, large_declaration(5))
    assert [s.id for s in store.list()] == [declaration_id]
    store.close()
