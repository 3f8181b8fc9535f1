"""``python -m desktop``: the same as the ``perfdecl`` console script."""

from desktop.cli import console_main

console_main()
