"""Excel export and import (docs/xlsx.md): the workbook PerfDecl writes and the files it reads.

openpyxl and xlrd are imported inside the functions that use them, and this package's own
modules on first use of a name (PEP 562 ``__getattr__``): the window imports only the indicator
clipboard at start-up, not the whole export and import machinery (docs/performance.md).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.documents.xlsx.export import export_xlsx
    from desktop.documents.xlsx.indicator_list import (
        IndicatorListResult,
        apply_indicator_list,
        read_indicator_list,
    )
    from desktop.documents.xlsx.problems import Problem, XlsxImportError
    from desktop.documents.xlsx.read_own import NotOwnWorkbookError, XlsxReadResult, read_xlsx

_HOMES = {
    "export_xlsx": "export",
    "IndicatorListResult": "indicator_list",
    "apply_indicator_list": "indicator_list",
    "read_indicator_list": "indicator_list",
    "Problem": "problems",
    "XlsxImportError": "problems",
    "NotOwnWorkbookError": "read_own",
    "XlsxReadResult": "read_own",
    "read_xlsx": "read_own",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "IndicatorListResult",
    "NotOwnWorkbookError",
    "Problem",
    "XlsxImportError",
    "XlsxReadResult",
    "apply_indicator_list",
    "export_xlsx",
    "read_indicator_list",
    "read_xlsx",
]
