"""Services shared by the command line and the GUI (no Qt, no SQLAlchemy)."""
