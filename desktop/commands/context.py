"""What a subcommand gets from the shell: the database path and a way to open the store."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from desktop.services.store import DeclarationStore

#: Opens the store at a path; ``create`` False never creates a missing database file.
StoreOpener = Callable[[Path, bool], DeclarationStore]


def default_db_path() -> Path:
    """``PERFDECL_DB``, else ``<user data dir>/perfdecl/perfdecl.sqlite3``."""
    env = os.environ.get("PERFDECL_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("perfdecl", appauthor=False)) / "perfdecl.sqlite3"


@dataclass
class CommandContext:
    db_path: Path
    open_store: StoreOpener
    out: TextIO
    err: TextIO
