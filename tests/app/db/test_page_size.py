"""A new library's file is made with 8 KiB pages; a library made before keeps its 4 KiB pages,
and both work, back up and restore as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db.connection import PAGE_SIZE
from app.library import Library


def _page_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def test_a_new_library_has_8_kib_pages(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    with Library.open(path) as lib:
        record_id = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"])
        assert lib.db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert PAGE_SIZE == 8192
    assert _page_size(path) == 8192
    with Library.open(path) as lib:
        assert [h.id for h in lib.catalog.search("dế mèn").hits] == [record_id]


def test_a_library_made_with_4_kib_pages_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    made = sqlite3.connect(path)  # as SQLite's default made every library before
    made.execute("PRAGMA page_size=4096")
    made.execute("PRAGMA journal_mode=WAL")
    made.close()
    with Library.open(path) as lib:
        record_id = lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"])
    assert _page_size(path) == 4096
    with Library.open(path) as lib:
        assert [h.id for h in lib.catalog.search("tắt đèn").hits] == [record_id]
    assert _page_size(path) == 4096
