"""Internal errors are written to a log file the user can send to support; never lost."""

from __future__ import annotations

import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType


def log_dir() -> Path:
    try:
        from desktop.datadirs import resolve_data_dirs

        folder = resolve_data_dirs().logs  # beside the data in portable mode
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except OSError:
        return Path(tempfile.gettempdir())


def write_crash_log(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> Path:
    """Write the traceback to a new log file and return its path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = log_dir() / f"perfdecl-error-{stamp}.log"
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    path.write_text(f"perfdecl {sys.argv!r}\n{text}", encoding="utf-8")
    return path
