"""Library-wide settings stored in the database (policy, identity), as JSON values."""

from __future__ import annotations

import json
from typing import Any

from app.db.connection import Database


class Settings:
    """Read and write the ``settings`` table.

    >>> lib.settings.get("library_name", "Thư viện")  # doctest: +SKIP
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        """The value stored under *key*, or *default*."""
        row = self._db.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        """Store *value* (anything JSON can hold) under *key*, durably."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value, ensure_ascii=False)),
            )

    @property
    def library_id(self) -> str:
        """This library's permanent UUID (made when the database was created)."""
        return str(self.get("library_id"))
