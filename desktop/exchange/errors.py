"""The error a reader raises for a refused file: a JSON path and a Chinese problem text."""

from __future__ import annotations


class ExchangeError(ValueError):
    """A refused exchange file. ``str()`` is the Chinese message naming the place."""

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        self.message = message
        super().__init__(f"{path}：{message}" if path else message)
