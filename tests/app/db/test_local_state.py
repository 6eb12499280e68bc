"""The values this PC keeps for itself (desk mode, imported files, deferred index work)."""

from __future__ import annotations

from pathlib import Path

from app.db import local_state
from app.library import Library


def test_values_survive_reopening_the_library(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib, lib.db.transaction():
        local_state.put(lib.db.conn, "note", {"tên": "Thư viện Trường Tiểu học Hoà Bình"})
        local_state.put(lib.db.conn, "mode", "checkin")
    with Library.open(path) as lib:
        assert local_state.get(lib.db.conn, "note") == {"tên": "Thư viện Trường Tiểu học Hoà Bình"}
        assert local_state.get(lib.db.conn, "mode") == "checkin"
        assert local_state.get(lib.db.conn, "never set") is None


def test_keep_existing_leaves_the_first_value(lib: Library) -> None:
    with lib.db.transaction():
        local_state.put(lib.db.conn, "first", 10, keep_existing=True)
        local_state.put(lib.db.conn, "first", 20, keep_existing=True)
        local_state.put(lib.db.conn, "replaced", 10)
        local_state.put(lib.db.conn, "replaced", 20)
    assert local_state.get(lib.db.conn, "first") == 10
    assert local_state.get(lib.db.conn, "replaced") == 20


def test_a_prefix_is_taken_literally(lib: Library) -> None:
    """'_' and '%' in a prefix are letters, not LIKE wildcards."""
    with lib.db.transaction():
        for key in ("a_b:1", "a_b:2", "axb:3", "a%b:4"):
            local_state.put(lib.db.conn, key, key)
    assert local_state.with_prefix(lib.db.conn, "a_b:") == [("a_b:1", "a_b:1"), ("a_b:2", "a_b:2")]
    with lib.db.transaction():
        local_state.remove(lib.db.conn, "a%b:4", prefix="a_b:")
    assert local_state.with_prefix(lib.db.conn, "a") == [("axb:3", "axb:3")]
