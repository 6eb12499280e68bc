"""A real library for the collection tests: records imported from a real MARC file, copies
added through the catalog's services in two collections and three locations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.library import Library


@dataclass
class Shelves:
    """The library and the accession numbers of the copies added by the test."""

    lib: Library
    path: Path
    gk: list[str]
    tn: list[str]
    isbn_record: int


def stock(path: Path, shared: Path) -> Shelves:
    """Import a real MARC file (181 copies from its holdings, in collections TK, MCL, HUM…)
    and give its first records more copies: 12 textbooks (GK) on "Giá 1" and "Giá 2", 8
    children's books (TN) in "Tủ 3"."""
    lib = Library.open(path)
    lib.catalog.import_marc(shared / "marc" / "marc4j" / "pride-and-prejudice-fixed.mrc")
    ids = [int(r[0]) for r in lib.db.conn.execute("SELECT id FROM records ORDER BY id LIMIT 20")]
    gk = [lib.catalog.add_item(ids[n], collection="GK", location=f"Giá {1 + n % 2}",
                               call_number=f"8{n}.1 P{n}", price=20000.0 + n).barcode
          for n in range(12)]
    tn = [lib.catalog.add_item(ids[12 + n], collection="TN", location="Tủ 3",
                               call_number=f"823 A{n}", price=None if n == 0 else 50000.0).barcode
          for n in range(8)]
    isbn_record = lib.catalog.add_record("Tiếng Việt 1", authors=["Bùi Mạnh Hùng"],
                                         isbns=["9786040000002"], year=2020)
    return Shelves(lib, path, gk, tn, isbn_record)


@pytest.fixture
def shelves(tmp_path: Path, shared_data: Path) -> Iterator[Shelves]:
    shelves = stock(tmp_path / "library.sqlite3", shared_data)
    yield shelves
    shelves.lib.close()
