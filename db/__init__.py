"""Local SQLite storage through SQLAlchemy 2: schema, migrations, repository."""
