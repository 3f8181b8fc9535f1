"""PerfDecl (绩效目标申报助手): the application package.

The core lives in ``desktop.domain``, ``desktop.exchange``, ``desktop.rules``,
``desktop.documents`` and ``desktop.services``. The one thing done at import time: openpyxl is
told to parse with defusedxml, never lxml (installed with python-docx), whose parser would
silently ignore the entity declarations a hostile workbook carries instead of refusing them.
"""

import os

os.environ.setdefault("OPENPYXL_LXML", "False")

__version__ = "0.1.0"
APP_NAME = "perfdecl"
