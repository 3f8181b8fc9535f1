"""The error every domain edit raises instead of breaking an invariant of the declaration."""

from __future__ import annotations


class EditError(ValueError):
    """An edit the declaration refuses (e.g. S08, S10); ``str()`` is a Chinese message.

    Raised before anything changes: a refused edit leaves the declaration as it was.
    """
