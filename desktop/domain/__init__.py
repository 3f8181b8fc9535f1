"""The declaration domain model: pure Python, no Qt, no database."""
