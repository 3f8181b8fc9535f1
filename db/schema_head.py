"""The head revision of ``db/migrations``, without importing SQLAlchemy or Alembic.

``tests/db/test_open.py`` keeps it equal to Alembic's head: a new migration must move it. A file
stored at this revision opens without Alembic (db/engine.py) and, for the first window, without
SQLAlchemy (db/deferred.py).
"""

SCHEMA_HEAD = "0003_project_part"
