"""Working copies: exact round trips, replacing saves, all-or-nothing writes, listing, deleting."""

from __future__ import annotations

import copy
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from db import mapping
from db.repository import SqliteDeclarationStore, open_store
from desktop.domain.model import AcceptedFinding, Declaration, Footer, Indicator, Task, Totals
from desktop.exchange.canonical import content_key
from desktop.services.store import NotFoundError, StoreError
from tests.db.db_samples import make_declaration


def _count(path: Path, table: str, declaration_id: int) -> int:
    with sqlite3.connect(path) as conn:
        query = f"SELECT count(*) FROM {table} WHERE declaration_id = ?"
        return int(conn.execute(query, (declaration_id,)).fetchone()[0])


def test_seed_round_trips_exactly(store: SqliteDeclarationStore, seed: Declaration) -> None:
    original = copy.deepcopy(seed)
    loaded = store.load(store.create(seed))
    assert loaded == original
    assert content_key(loaded) == content_key(original)
    assert [c.key for c in loaded.categories] == [c.key for c in original.categories]


def test_every_field_round_trips(store: SqliteDeclarationStore) -> None:
    decl = make_declaration("字段单位", 2)
    decl.declared_totals = Totals(total=Decimal("15.35"), fiscal=None, other=Decimal("3"))
    decl.budget_control_total = Decimal("99999999.999999")
    decl.footer = Footer(preparer="张三", phone="0755-1234", unit_head="李四", date="2026-01-15")
    decl.tasks[0].declared_total = Decimal("1125.33")
    decl.accepted_findings = [
        AcceptedFinding(rule="I07", subject="民生诉求满意度", reason="区财政局要求的最低值为60%"),
        AcceptedFinding(rule="A01", subject="基本支出", reason="原表如此"),
    ]
    decl.categories[-1].indicators.clear()
    decl.categories[-1].not_applicable = True
    decl.categories[0].indicators[0].unit = "次"
    decl.goals.append("")  # an empty goal is kept (S06 reports it)
    expected = copy.deepcopy(decl)
    assert store.load(store.create(decl)) == expected


def test_empty_declared_totals_differ_from_none(store: SqliteDeclarationStore) -> None:
    decl = make_declaration("合计单位", 0)
    decl.declared_totals = Totals()
    assert store.load(store.create(decl)).declared_totals == Totals()
    decl.declared_totals = None
    assert store.load(store.create(decl)).declared_totals is None


@pytest.mark.parametrize("text", ["12345678.123456", "0.000001", "0", "1125.3", "99999999.999999"])
def test_money_is_exact(store: SqliteDeclarationStore, db_path: Path, text: str) -> None:
    decl = make_declaration("金额单位", 0)
    decl.tasks = [Task(name="任务", fiscal=Decimal(text), other=Decimal(text))]
    decl.budget_control_total = Decimal(text)
    loaded = store.load(store.create(decl))
    assert loaded.tasks[0].fiscal == Decimal(text)
    assert loaded.tasks[0].other == Decimal(text)
    assert loaded.budget_control_total == Decimal(text)
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute("SELECT typeof(fiscal), fiscal FROM task").fetchone()
    assert stored[0] == "text"  # never a binary float
    assert Decimal(stored[1]) == Decimal(text)


def test_indicator_order_goals_and_not_applicable_survive(store: SqliteDeclarationStore) -> None:
    decl = make_declaration("顺序单位", 0)
    first = decl.categories[0]
    first.indicators = [
        Indicator(name="丙", value="100%", goals=[3]),
        Indicator(name="甲", value="≥4次", goals=[1, 2, 5]),
        Indicator(name="乙", value="显著", goals=[]),
    ]
    decl.categories[3].not_applicable = True
    loaded = store.load(store.create(decl))
    assert [i.name for i in loaded.categories[0].indicators] == ["丙", "甲", "乙"]
    assert [i.goals for i in loaded.categories[0].indicators] == [[3], [1, 2, 5], []]
    assert [c.not_applicable for c in loaded.categories] == [
        c.not_applicable for c in decl.categories
    ]


def test_save_replaces_the_working_copy(
    store: SqliteDeclarationStore, seed: Declaration, db_path: Path
) -> None:
    declaration_id = store.create(seed)
    replacement = make_declaration("新单位", 1)
    store.save(declaration_id, replacement)
    assert store.load(declaration_id) == replacement
    assert _count(db_path, "indicator", declaration_id) == replacement.indicator_count()
    assert _count(db_path, "task", declaration_id) == len(replacement.tasks)


def test_save_touches_the_modification_time(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    declaration_id = store.create(seed)
    before = store.summary(declaration_id).modified
    store.save(declaration_id, seed)
    after = store.summary(declaration_id).modified
    assert after > before
    assert after.tzinfo is not None


def test_failing_save_leaves_the_previous_working_copy(
    store: SqliteDeclarationStore, seed: Declaration, monkeypatch: pytest.MonkeyPatch
) -> None:
    declaration_id = store.create(seed)
    before = store.summary(declaration_id)

    def explode(declaration_id: int, decl: Declaration) -> list[mapping.Row]:
        raise RuntimeError("disk on fire")  # after tasks, goals and indicators were written

    monkeypatch.setattr(mapping, "accepted_rows", explode)
    with pytest.raises(RuntimeError):
        store.save(declaration_id, make_declaration("半途单位", 3))
    assert store.load(declaration_id) == seed
    assert store.summary(declaration_id) == before


def test_invalid_amount_is_refused_without_touching_anything(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    declaration_id = store.create(seed)
    bad = copy.deepcopy(seed)
    bad.tasks[-1].other = Decimal("NaN")
    with pytest.raises(StoreError, match="无效"):
        store.save(declaration_id, bad)
    with pytest.raises(StoreError):
        store.create(bad)
    assert store.load(declaration_id) == seed
    assert [s.id for s in store.list()] == [declaration_id]


def test_list_is_newest_modification_first(
    store: SqliteDeclarationStore, seed: Declaration
) -> None:
    a = store.create(seed)
    b = store.create(make_declaration("乙单位", 1, year=2027))
    assert [s.id for s in store.list()] == [b, a]
    store.save(a, seed)
    summaries = store.list()
    assert [s.id for s in summaries] == [a, b]
    assert summaries[1].year == 2027 and summaries[1].unit_name == "乙单位"
    assert summaries[1].form == "department_overall" and summaries[1].profile_id == "SZ-DEPT-2026"
    assert (summaries[1].latest_revision, summaries[1].final_revision) == (0, None)
    assert store.summary(b) == summaries[1]


def test_delete_removes_the_declaration_and_its_children(
    store: SqliteDeclarationStore, seed: Declaration, db_path: Path
) -> None:
    keep = store.create(make_declaration("保留单位", 1))
    gone = store.create(seed)
    store.make_revision(gone)
    store.delete(gone)
    for table in ("task", "goal", "category_state", "indicator", "accepted_finding", "revision"):
        assert _count(db_path, table, gone) == 0, table
    assert [s.id for s in store.list()] == [keep]
    assert _count(db_path, "indicator", keep) > 0
    with pytest.raises(NotFoundError):
        store.load(gone)


def test_unknown_ids_are_reported(store: SqliteDeclarationStore, seed: Declaration) -> None:
    with pytest.raises(NotFoundError, match="没有编号为 7 的申报表"):
        store.load(7)
    for call in (
        lambda: store.save(7, seed),
        lambda: store.delete(7),
        lambda: store.summary(7),
        lambda: store.make_revision(7),
        lambda: store.revisions(7),
    ):
        with pytest.raises(NotFoundError):
            call()
    assert store.list() == []


def test_two_stores_on_one_file_see_each_others_writes(db_path: Path, seed: Declaration) -> None:
    with open_store(db_path) as first, open_store(db_path, create=False) as second:
        declaration_id = first.create(seed)
        assert second.load(declaration_id) == seed
        second.save(declaration_id, make_declaration("另一窗口", 1))
        assert first.load(declaration_id).unit_name == "另一窗口"


def test_a_locked_database_is_reported_and_the_copy_kept(
    db_path: Path, seed: Declaration, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_MS", 50)  # don't wait 5 s in a test
    with open_store(db_path) as store:
        declaration_id = store.create(seed)
        other = sqlite3.connect(db_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with pytest.raises(StoreError, match="数据库暂时无法使用"):
                store.save(declaration_id, make_declaration("锁定单位", 1))
            assert store.load(declaration_id) == seed  # readers are not blocked (WAL)
        finally:
            other.execute("ROLLBACK")
            other.close()
        store.save(declaration_id, make_declaration("锁定单位", 1))
        assert store.load(declaration_id).unit_name == "锁定单位"
