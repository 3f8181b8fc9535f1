"""Exit statuses of docs/cli.md and the exception that carries a user-facing failure."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNUSABLE = 2
EXIT_INTERNAL = 3


class CommandError(Exception):
    """Unusable input (exit 2 by default): ``str()`` is the Chinese message for stderr."""

    def __init__(self, message: str, status: int = EXIT_UNUSABLE) -> None:
        super().__init__(message)
        self.status = status
