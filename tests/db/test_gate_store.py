"""The store refuses what the gate refuses, and a damaged revision blocks nothing (issue 10)."""

from __future__ import annotations

import copy
import json
import sqlite3
from pathlib import Path

import pytest

from db.repository import SqliteDeclarationStore
from desktop.domain.model import Declaration, Indicator
from desktop.exchange.canonical import content_key
from desktop.services.output import export_stored
from desktop.services.revisions import import_new, previous_year_declaration, working_copy_differs
from desktop.services.store import DamagedRevisionError, RefusedContentError


def damage_revision(db_path: Path, declaration_id: int, number: int, date: str = "2026-02-30") -> None:
    """What an older program stored: a revision whose 填报日期 the reader now refuses."""
    with sqlite3.connect(db_path) as conn:
        (content,) = conn.execute(
            "SELECT content FROM revision WHERE declaration_id = ? AND number = ?",
            (declaration_id, number),
        ).fetchone()
        doc = json.loads(content)
        doc["footer"]["date"] = date
        conn.execute(
            "UPDATE revision SET content = ? WHERE declaration_id = ? AND number = ?",
            (json.dumps(doc, ensure_ascii=False), declaration_id, number),
        )


def test_an_impossible_date_is_never_stored(store: SqliteDeclarationStore, seed: Declaration) -> None:
    declaration_id = store.create(seed)
    bad = copy.deepcopy(seed)
    bad.footer.date = "2026-02-30"
    with pytest.raises(RefusedContentError, match="footer.date") as caught:
        store.save(declaration_id, bad)
    assert caught.value.problems[0].path == "footer.date"
    with pytest.raises(RefusedContentError):
        store.create(bad)
    assert store.load(declaration_id) == seed
    assert len(store.list()) == 1
    # the revision that followed used to be unreadable; now it is made and reads back
    info = store.make_revision(declaration_id)
    assert content_key(store.load_revision(declaration_id, info.number)) == content_key(seed)


def test_a_not_applicable_row_beside_real_rows_is_never_stored(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    declaration_id = store.create(seed)
    bad = copy.deepcopy(seed)
    category = next(c for c in bad.categories if c.indicators)
    category.indicators.append(Indicator(name="不适用", value="不适用"))
    with pytest.raises(RefusedContentError, match="S10"):
        store.save(declaration_id, bad)
    assert store.load(declaration_id) == seed
    assert store.revisions(declaration_id) == []


def test_a_revision_is_read_back_before_it_commits(
    store: SqliteDeclarationStore, seed: Declaration, monkeypatch: pytest.MonkeyPatch
) -> None:
    from db import revisions

    declaration_id = store.create(seed)
    real_freeze = revisions.freeze

    def lossy_freeze(decl: Declaration) -> tuple[str, str]:
        content, fingerprint = real_freeze(decl)
        return content.replace(seed.unit_name, "别的单位"), fingerprint

    monkeypatch.setattr(revisions, "freeze", lossy_freeze)
    with pytest.raises(RefusedContentError, match="不一致"):
        store.make_revision(declaration_id)
    assert store.revisions(declaration_id) == []


def test_a_damaged_revision_blocks_nothing(
    store: SqliteDeclarationStore, db_path: Path, seed: Declaration, tmp_path: Path
) -> None:
    declaration_id = import_new(store, seed)
    damage_revision(db_path, declaration_id, 1)
    with pytest.raises(DamagedRevisionError, match="第 1 版无法读取"):
        store.load_revision(declaration_id, 1)
    # the raw text stays available for support
    assert "2026-02-30" in store.revision_content(declaration_id, 1)
    # the working copy is exported (a new, readable revision is made) ...
    assert working_copy_differs(store, declaration_id)
    info = export_stored(store, declaration_id, tmp_path / "out.json")
    assert info.number == 2
    assert content_key(store.load_revision(declaration_id, 2)) == content_key(seed)
    # ... later revisions and edits work
    edited = copy.deepcopy(seed)
    edited.footer.date = "2026-03-01"
    store.save(declaration_id, edited)
    assert store.make_revision(declaration_id).number == 3


def test_next_years_lookup_skips_a_damaged_revision(
    store: SqliteDeclarationStore, db_path: Path, seed: Declaration
) -> None:
    last_year = copy.deepcopy(seed)
    last_year.year = seed.year - 1
    old_id = import_new(store, last_year)
    store.make_revision(old_id)
    damage_revision(db_path, old_id, 2)
    found = previous_year_declaration(store, seed)
    assert found is not None and content_key(found) == content_key(last_year)
    damage_revision(db_path, old_id, 1)
    assert previous_year_declaration(store, seed) is None


def add_legacy_not_applicable_row(db_path: Path, declaration_id: int) -> None:
    """What an older program let through: 不适用/不适用 typed beside real rows (S10)."""
    with sqlite3.connect(db_path) as conn:
        row = conn.execute(
            "SELECT level1, level2, MAX(position) FROM indicator WHERE declaration_id = ? "
            "GROUP BY level1, level2 ORDER BY COUNT(*) DESC LIMIT 1",
            (declaration_id,),
        ).fetchone()
        conn.execute(
            "INSERT INTO indicator (declaration_id, level1, level2, position, name, value, unit,"
            " explanation, goals) VALUES (?, ?, ?, ?, '不适用', '不适用', '', '', '')",
            (declaration_id, row[0], row[1], row[2] + 1),
        )


def test_a_goal_typed_with_its_number_freezes_as_the_reader_reads_it(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    """A 目标N： prefix (typed in an older version) is stripped by the reader: the revision is
    frozen that way instead of being refused or reading back different."""
    legacy = copy.deepcopy(seed)
    legacy.goals[0] = "目标1：" + seed.goals[0]
    legacy.unit_name = seed.unit_name + "\u200b"
    declaration_id = store.create(legacy)
    info = store.make_revision(declaration_id)
    assert content_key(store.load_revision(declaration_id, info.number)) == content_key(seed)
    assert not working_copy_differs(store, declaration_id)


def test_the_deferred_store_reports_a_damaged_revision_the_same_way(
    store: SqliteDeclarationStore, db_path: Path, seed: Declaration
) -> None:
    """The first window reads through db/deferred.py: a damaged revision must not look like a
    damaged database there either."""
    from db.deferred import open_deferred

    declaration_id = import_new(store, seed)
    damage_revision(db_path, declaration_id, 1)
    deferred = open_deferred(db_path, create=False)
    try:
        with pytest.raises(DamagedRevisionError, match="第 1 版无法读取"):
            deferred.load_revision(declaration_id, 1)
        assert "2026-02-30" in deferred.revision_content(declaration_id, 1)
        assert working_copy_differs(deferred, declaration_id)
    finally:
        deferred.close()
