"""Alembic migrations of the PerfDecl database, applied by :mod:`db.engine` whenever a file opens.

There is no ``alembic.ini``; the configuration is built in code. A schema change is a new file
``versions/000N_<what>.py`` (copy the shape of ``0001_initial.py``, set ``down_revision`` to the
previous id) plus the matching change in :mod:`db.schema`; ``tests/db`` checks the two agree.
Frozen builds must ship this folder's ``.py`` files as data: alembic loads them by path.
"""
