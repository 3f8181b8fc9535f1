"""Print a PerfDecl PDF through QPrinter to a real Windows printer driver (CI on Windows).

``python packaging/windows/print_check.py IN.pdf OUT.pdf [PRINTER]`` sends the pages of IN.pdf
(exported by the frozen program) through the application's own printing code
(``ui/preview/printer.py``) to "Microsoft Print to PDF", which writes OUT.pdf without a dialog
because the output file is given. Exit 0 when OUT.pdf is a PDF with as many pages as were printed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "windows")


def main(argv: list[str]) -> int:
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
    from PySide6.QtWidgets import QApplication

    from ui.preview.printer import print_pdf

    source, target = Path(argv[0]), Path(argv[1]).resolve()
    name = argv[2] if len(argv) > 2 else "Microsoft Print to PDF"
    app = QApplication(sys.argv[:1])
    names = [info.printerName() for info in QPrinterInfo.availablePrinters()]
    print("printers:", names)
    if name not in names:
        print(f"printer {name!r} not installed", file=sys.stderr)
        return 2
    printer = QPrinter(QPrinterInfo.printerInfo(name), QPrinter.PrinterMode.HighResolution)
    printer.setOutputFileName(str(target))  # the driver writes here instead of asking
    target.unlink(missing_ok=True)
    pages = print_pdf(source.read_bytes(), printer)
    deadline = time.monotonic() + 60  # the spooler writes the file after the job is closed
    while time.monotonic() < deadline and not (target.exists() and target.stat().st_size > 0):
        time.sleep(0.5)
    del app
    data = target.read_bytes() if target.exists() else b""
    print(f"printed {pages} pages, {len(data)} bytes to {target}")
    return 0 if pages > 0 and data.startswith(b"%PDF") else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
