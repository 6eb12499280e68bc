"""A library file put back by hand to the schema an older version left, for migration tests
that start from files made with today's code."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def put_back_to(path: Path, version: int, *statements: str) -> None:
    """Run *statements* (undoing what the migrations after *version* added) on the library
    file *path* and mark it schema *version*, in one transaction."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.commit()
    finally:
        conn.close()
