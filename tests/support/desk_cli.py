"""The desk commands through the real ``thuvien`` command line, and the loans they left."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import redirect_stdout
from pathlib import Path

from app.cli import main


def thuvien(db: Path, *args: str) -> tuple[int, dict[str, object]]:
    """The real ``thuvien`` command line, in this process (its answer as JSON)."""
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["--db", str(db), "--lang", "en", *args, "--json"])
    return code, json.loads(out.getvalue())


def open_loans(db: Path) -> list[tuple[int, str]]:
    """The loans not returned in the library file *db*: (patron id, barcode), sorted."""
    conn = sqlite3.connect(db)
    try:
        return sorted(conn.execute("SELECT l.patron_id, i.barcode FROM loans l JOIN items i "
                                   "ON i.id = l.item_id WHERE l.returned_at IS NULL"))
    finally:
        conn.close()
