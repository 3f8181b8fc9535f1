"""Excel export and import (docs/xlsx.md): the workbook PerfDecl writes and the files it reads.

openpyxl and xlrd are imported inside the functions that use them, so importing this package
costs nothing at start-up.
"""

from desktop.documents.xlsx.export import export_xlsx
from desktop.documents.xlsx.indicator_list import (
    IndicatorListResult,
    apply_indicator_list,
    read_indicator_list,
)
from desktop.documents.xlsx.problems import Problem, XlsxImportError
from desktop.documents.xlsx.read_own import NotOwnWorkbookError, XlsxReadResult, read_xlsx

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
