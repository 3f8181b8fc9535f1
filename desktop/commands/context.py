"""What a subcommand gets from the shell: the database path and a way to open the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from desktop.datadirs import default_db_path
from desktop.services.store import DeclarationStore

#: Opens the store at a path; ``create`` False never creates a missing database file.
StoreOpener = Callable[[Path, bool], DeclarationStore]


@dataclass
class CommandContext:
    db_path: Path
    open_store: StoreOpener
    out: TextIO
    err: TextIO


__all__ = ["CommandContext", "StoreOpener", "default_db_path"]
