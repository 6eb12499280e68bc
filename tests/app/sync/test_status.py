"""The status bar's "changes pending" comes from two index lookups, not a count of the
outbox; it must still be the number of outbox rows the server has not acknowledged."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db.outbox import record_change
from app.library import Library
from app.sync import state
from app.sync.status import pending_changes


def waiting(lib: Library) -> int:
    acked = state.acked_seq(lib.db.conn)
    return int(lib.db.conn.execute("SELECT count(*) FROM changes WHERE seq > ?",
                                   (acked,)).fetchone()[0])


def test_pending_is_the_number_of_rows_waiting(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "school.sqlite3")
    try:
        assert pending_changes(lib.db.conn) == 0
        rid = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], year=2019)
        lib.catalog.add_item(rid, collection="TK")
        with pytest.raises(RuntimeError), lib.db.transaction() as conn:
            record_change(conn, "record", "never-written", "insert", {"title": "x"})
            raise RuntimeError("the desk's transaction fails: its outbox row goes too")
        lib.patrons.add("Lê Thị Hoa", class_name="5A")
        lib.catalog.add_item(rid, collection="TK")
        assert pending_changes(lib.db.conn) == waiting(lib) == 4
        assert lib.sync.status().pending == 4
        state.set_acked_seq(lib.db, 3)
        assert pending_changes(lib.db.conn) == waiting(lib) == 1
        state.set_acked_seq(lib.db, 9)  # the server knows more than this (restored) outbox
        assert pending_changes(lib.db.conn) == waiting(lib) == 0
    finally:
        lib.close()
