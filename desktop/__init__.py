"""PerfDecl (绩效目标申报助手): the application package.

Nothing is done at import time; the core lives in ``desktop.domain``, ``desktop.exchange``,
``desktop.rules``, ``desktop.documents`` and ``desktop.services``.
"""

__version__ = "0.1.0"
APP_NAME = "perfdecl"
