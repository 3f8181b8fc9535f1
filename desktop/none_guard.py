"""Work around a reference-count bug of PySide6 6.12.0 on Python 3.11.

PySide6 6.12.0 takes one reference away from ``None`` on every call of a Qt method that returns
nothing (``QLabel.setText``, ``QPainter.setPen``, ...) and whenever a Python model's ``data()``
returns None to C++; a long budget-table session also drained ``False``. On Python 3.12+ these
singletons are immortal and nothing happens; on 3.11 the count reaches zero after some thousands
of calls and the interpreter aborts ("deallocating None"), taking the user's unsaved typing with
it. Raising the counts of the shared singletons (None, True, False, small ints, the empty
str/tuple/bytes) by 2**48 once at start-up makes them effectively immortal on 3.11 as well.
Remove this when the Qt wheel is fixed.
"""

from __future__ import annotations

import sys

_BOOST = 1 << 48
_applied = False


def make_none_immortal() -> None:
    """Idempotent; does nothing on Python 3.12 and later."""
    global _applied
    if _applied or sys.version_info >= (3, 12):
        return
    import ctypes

    # ob_refcnt is the first field of every object in CPython 3.11 release builds.
    for shared in _shared_singletons():
        refcount = ctypes.c_ssize_t.from_address(id(shared))
        refcount.value += _BOOST
    _applied = True


def _shared_singletons() -> list[object]:
    """Objects the interpreter shares process-wide (their count is what a leak drains)."""
    singletons: list[object] = [None, True, False, Ellipsis, NotImplemented, "", (), b""]
    singletons.extend(range(-5, 257))  # CPython's cached small ints
    return singletons
