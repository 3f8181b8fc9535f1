"""Local SQLite storage through SQLAlchemy 2: schema, migrations, repository.

``import db`` is cheap: :func:`open_store` loads SQLAlchemy only when first used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.repository import SqliteDeclarationStore, open_store

__all__ = ["SqliteDeclarationStore", "open_store"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from db import repository

        return getattr(repository, name)
    raise AttributeError(f"module 'db' has no attribute {name!r}")
