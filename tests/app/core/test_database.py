"""The database file: safe pragmas, migrations, refusing unsafe or newer files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.db import open_database
from app.db.migrate import latest_version
from app.db.paths import check_local, default_db_path, is_network_path
from app.errors import StorageError
from app.library import Library


def test_new_library_is_durable_and_migrated(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3")
    conn = db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    db.close()


def test_library_gets_a_permanent_id(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Library.open(path) as lib:
        first = lib.settings.library_id
    with Library.open(path) as lib:
        assert lib.settings.library_id == first
    assert len(first) == 36


def test_database_from_a_newer_thuvien_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version={latest_version() + 5}")
    before = path.read_bytes()
    with pytest.raises(StorageError) as err:
        open_database(path)
    assert err.value.code == "db.too_new"
    assert "mới hơn" in err.value.message
    assert path.read_bytes() == before


def test_migrating_an_old_file_takes_a_backup_first(tmp_path: Path) -> None:
    from app.db.migrate import split_sql
    from app.db.migrations import m0001_initial

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as raw:  # a library left at schema 1 by an older ThuVien
        for statement in split_sql(m0001_initial.SQL):
            raw.execute(statement)
        raw.execute("INSERT INTO settings VALUES ('library_name', '\"Thư viện cũ\"')")
        raw.execute("PRAGMA user_version=1")
    assert latest_version() > 1, "needs a second migration to exercise the upgrade"
    with Library.open(path) as lib:
        assert lib.settings.get("library_name") == "Thư viện cũ"
    backups = list(tmp_path.glob("old.sqlite3.before-v*.bak"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT value FROM settings WHERE key='library_name'").fetchone()


def test_a_file_that_is_not_a_database_gets_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("this is a shopping list, not a database\n" * 100)
    with pytest.raises(StorageError) as err:
        open_database(path)
    assert err.value.code == "db.invalid"


def test_network_share_paths_are_refused() -> None:
    assert is_network_path(Path("//fileserver/thuvien/library.sqlite3"))
    with pytest.raises(StorageError) as err:
        check_local(Path("//fileserver/thuvien/library.sqlite3"))
    assert "ổ mạng" in err.value.message


def test_local_disk_is_accepted(tmp_path: Path) -> None:
    assert not is_network_path(tmp_path / "library.sqlite3")


def test_thuvien_db_environment_variable_names_the_file(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    monkeypatch.setenv("THUVIEN_DB", str(tmp_path / "env.sqlite3"))
    assert default_db_path() == tmp_path / "env.sqlite3"


def test_transaction_rolls_back_everything_on_error(lib: Library) -> None:
    with pytest.raises(RuntimeError), lib.db.transaction() as conn:
        conn.execute("INSERT INTO settings VALUES ('half', '1')")
        raise RuntimeError("power cut")
    assert lib.settings.get("half") is None
