"""The printed pages on screen (QtPdf) and on the printer (QPrinter)."""
