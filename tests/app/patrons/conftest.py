"""Fixtures: a fresh library database per test, and its patron service."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.db.connection import Database, open_database
from app.patrons.service import PatronService
from app.settings import Settings


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "library.sqlite3")
    yield database
    database.close()


@pytest.fixture
def patrons(db: Database) -> PatronService:
    settings = Settings(db)
    settings.set("school_year", "2025-2026")
    return PatronService(db, settings)


Outbox = Callable[[], list[tuple[str, str, dict[str, Any]]]]


@pytest.fixture
def outbox(db: Database) -> Outbox:
    """A function returning the patron outbox rows so far: (uuid, op, payload)."""

    def rows() -> list[tuple[str, str, dict[str, Any]]]:
        return [(u, op, json.loads(p)) for u, op, p in db.conn.execute(
            "SELECT uuid, op, payload FROM changes WHERE entity = 'patron' ORDER BY seq")]

    return rows
