"""SQLite storage: safe connections, transactions and numbered migrations."""

from app.db.connection import Database, open_database, utc_now

__all__ = ["Database", "open_database", "utc_now"]
