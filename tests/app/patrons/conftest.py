"""Fixtures: a fresh library database per test, its patron service, and the real
``thuvien`` command on a library file of its own."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.db.connection import Database, open_database
from app.i18n import set_language
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


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Any]:
    """The real ``thuvien`` command in Vietnamese on ``lib.sqlite3``: ``cli(*argv)`` gives
    (exit code, the JSON answer), or what was printed when there is no JSON answer (or
    ``as_json=False`` asks for the plain text)."""
    db = tmp_path / "lib.sqlite3"

    def run(*argv: str, as_json: bool = True) -> tuple[int, Any]:
        code = main(["--db", str(db), "--lang", "vi", *argv, *(["--json"] if as_json else [])])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, (json.loads(out) if as_json and out.strip() else out + err)

    yield run
    set_language("vi")
