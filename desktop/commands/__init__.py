"""The ``perfdecl`` subcommands: each works on a DeclarationStore handed in by ``desktop.cli``."""
