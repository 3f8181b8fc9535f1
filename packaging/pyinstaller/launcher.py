"""Entry point of the packaged program (PyInstaller runs this after its runtime hooks).

PyInstaller's bootloader points ``LD_LIBRARY_PATH`` at the bundle, which child processes would
inherit: the system PDF viewer started by "open the PDF" would then load our Qt libraries and
crash, so it is put back to what the user had. Qt itself finds its plugins through the
``qt.conf`` that PySide6 embeds; Qt plugin paths set globally by other software are removed so
that neither we nor our children load foreign plugins (packaging/README.md).
"""

import os

for _name in ("QT_PLUGIN_PATH", "QML2_IMPORT_PATH", "QT_QPA_PLATFORM_PLUGIN_PATH"):
    os.environ.pop(_name, None)
for _name in ("LD_LIBRARY_PATH",):
    _original = os.environ.pop(_name + "_ORIG", None)
    if _original is None:
        os.environ.pop(_name, None)
    else:
        os.environ[_name] = _original

from desktop.cli import console_main  # noqa: E402

console_main()
