"""Run-time hook: ``inspect.getsourcefile`` for the bundle's relative code file names.

PyInstaller stores file names relative to the bundle in code objects (``desktop/app.py``), so
``inspect.stack()`` (reportlab's ``rl_safe_eval`` calls it) cannot match frames to modules and
falls back to scanning every loaded module. PyInstaller's own hook (``pyi_rth_inspect``) does the
same as this one but also imports ``zipfile`` (with bz2 and lzma) at every start to list
``base_library.zip``, which a bundle with plain ``.pyc`` files (``noarchive``) does not have
(packaging/README.md, "Start-up").
"""

import inspect
import os
import sys
from typing import Any


def _install() -> None:
    bundle = os.path.normpath(sys._MEIPASS)  # type: ignore[attr-defined]
    original = inspect.getsourcefile

    def getsourcefile(object: Any) -> str | None:  # the name inspect gives it
        filename = os.path.normpath(inspect.getfile(object))
        if not os.path.isabs(filename):
            main_file = getattr(sys.modules["__main__"], "__file__", None)
            if main_file and filename == os.path.basename(main_file):
                return str(main_file)
            return os.path.join(bundle, filename)
        if filename.startswith(bundle):
            return filename
        return original(object)

    inspect.getsourcefile = getsourcefile


_install()
del _install
