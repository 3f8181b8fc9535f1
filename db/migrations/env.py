"""Alembic environment: runs on the connection :mod:`db.engine` hands over, never from a URL.

There is no ``alembic.ini``: ``db.engine.alembic_config`` builds the configuration in code and
puts the open connection into ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from db.schema import metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("PerfDecl migrations run only through db.engine (no connection given)")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        transactional_ddl=True,  # SQLite DDL is transactional: a failed upgrade leaves nothing
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("PerfDecl migrations do not support offline (SQL script) mode")
run_migrations_online()
