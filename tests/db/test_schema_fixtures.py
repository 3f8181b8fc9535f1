"""A database of every released schema version is kept (tests/fixtures/schema) and migrated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from db.engine import MIGRATIONS
from db.repository import open_store
from desktop.exchange.canonical import content_key
from desktop.exchange.reader import read_json_file
from tests.fixtures.schema.make_fixture import PHONE, UNIT

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "schema"


def _revisions() -> list[str]:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return [rev.revision for rev in ScriptDirectory.from_config(config).walk_revisions()]


def test_every_schema_version_has_a_stored_database() -> None:
    missing = [rev for rev in _revisions() if not (SCHEMAS / f"{rev}.sqlite3").is_file()]
    assert missing == [], "run tests/fixtures/schema/make_fixture.py and commit the file"


@pytest.mark.parametrize("revision", _revisions())
def test_stored_database_migrates_to_head_with_everything_in_it(
    revision: str, tmp_path: Path, seed_path: Path
) -> None:
    db = tmp_path / "perfdecl.sqlite3"
    shutil.copyfile(SCHEMAS / f"{revision}.sqlite3", db)
    seed = read_json_file(seed_path).declaration
    store = open_store(db, create=False)
    try:
        assert sorted(s.id for s in store.list()) == [1, 2]
        working = store.load(1)
        assert (working.unit_name, working.footer.phone) == (UNIT, PHONE)
        assert [(r.number, r.is_final) for r in store.revisions(1)] == [(1, True), (2, False)]
        assert content_key(store.load_revision(1, 1)) == content_key(seed)
        assert store.load_revision(1, 2).footer.phone == PHONE
        assert content_key(store.load(2)) == content_key(seed)
        assert store.revisions(2) == []
        # Writable with today's code: a save bumps the row version.
        version = store.working_version(1)
        assert store.save(1, working, version) == version + 1
    finally:
        store.close()
