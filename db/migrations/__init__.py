"""Alembic migrations of the PerfDecl database (applied by :mod:`db.engine` on open)."""
