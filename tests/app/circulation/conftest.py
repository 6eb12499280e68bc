"""Fixtures for circulation tests: a fresh library, a clock the test moves, and helpers that
add books and patrons through the catalog and patrons services."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.catalog.models import Item
from app.circulation import Circulation
from app.library import Library
from app.patrons.model import Patron


@dataclass
class FakeClock:
    """A clock that only moves when told (starts Monday 8 Sep 2025, 09:00 in Hà Nội)."""

    now: datetime = field(default_factory=lambda: datetime(2025, 9, 8, 2, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class World:
    """A library with a controllable clock and quick ways to add books and readers."""

    lib: Library
    circ: Circulation
    clock: FakeClock

    def book(self, title: str = "Dế Mèn phiêu lưu ký", *, copies: int = 1,
             item_type: str | None = None, isbns: tuple[str, ...] = (), collection: str = "TK"
             ) -> list[Item]:
        record_id = self.lib.catalog.add_record(title, isbns=isbns)
        return [self.lib.catalog.add_item(record_id, collection=collection, item_type=item_type)
                for _ in range(copies)]

    def student(self, name: str = "Nguyễn Văn An", class_name: str = "6A",
                category: str = "student") -> Patron:
        return self.lib.patrons.add(name, category=category, class_name=class_name)

    def count(self, sql: str, *params: object) -> int:
        return int(self.lib.db.conn.execute(sql, params).fetchone()[0])

    def changes(self, entity: str, uuid: str) -> list[dict[str, object]]:
        import json

        rows = self.lib.db.conn.execute(
            "SELECT payload FROM changes WHERE entity = ? AND uuid = ? ORDER BY seq",
            (entity, uuid)).fetchall()
        return [json.loads(r[0]) for r in rows]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def world(tmp_path: Path, clock: FakeClock) -> Iterator[World]:
    lib = Library.open(tmp_path / "library.sqlite3")
    try:
        yield World(lib, Circulation(lib.db, lib.settings, clock=clock), clock)
    finally:
        lib.close()
