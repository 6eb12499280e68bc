"""A library made by the previous version (schema 4) opens, migrates and searches as before."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.db.connection import connect
from app.db.migrate import _migrations, latest_version, split_sql
from app.library import Library
from app.text import fold

_OLD_RECORDS = [
    (1, "Truyện Kiều", "Nguyễn Du", "Văn học Việt Nam", "Bản khắc Liễu Văn Đường"),
    (2, "Nguyễn Du toàn tập", "Nguyễn Du", "Văn học Việt Nam", ""),
    (3, "Việt Nam sử lược", "Trần Trọng Kim", "Lịch sử Việt Nam", "Tân Việt"),
]


def _make_version_4(path: Path) -> None:
    """What ThuVien wrote before migration 5: schema 4, records in the FTS index as the
    catalog of that version put them (no search_terms)."""
    conn = connect(path)
    conn.execute("BEGIN")
    for number, module in _migrations():
        if number > 4:
            break
        for statement in split_sql(module.SQL):
            conn.execute(statement)
        if hasattr(module, "after"):
            module.after(conn)
    conn.execute("PRAGMA user_version = 4")
    for rid, title, author, subject, other in _OLD_RECORDS:
        conn.execute("INSERT INTO records(id, uuid, library_id, created_at, updated_at, title, "
                     "title_fold, authors, marc) VALUES (?, ?, 'lib', 'now', 'now', ?, ?, ?, '[]')",
                     (rid, f"uuid-{rid}", title, fold(title), f'["{author}"]'))
        row = (rid, fold(title), fold(author), fold(subject), fold(other), "")
        conn.execute("INSERT INTO record_search(rowid, title, author, subject, other, callno) "
                     "VALUES (?, ?, ?, ?, ?, ?)", row)
        conn.execute("INSERT INTO records_fts(rowid, title, author, subject, other, callno) "
                     "VALUES (?, ?, ?, ?, ?, ?)", row)
    conn.execute("COMMIT")
    conn.close()


def test_a_version_4_library_migrates_and_completes_prefixes(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _make_version_4(path)
    with Library.open(path) as lib:
        conn = lib.db.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        terms = {t for (t,) in conn.execute("SELECT term FROM search_terms")}
        assert {"truyen", "kieu", "nguyen", "lieu", "duong", "trong"} <= terms
        assert not terms & {"du", "van", "su", "tan"}  # too short to complete a 4-letter prefix
        conn.execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')")
        titles = lambda q: sorted(h.title for h in lib.catalog.search(q).hits)  # noqa: E731
        assert titles("nguyê") == ["Nguyễn Du toàn tập", "Truyện Kiều"]
        assert titles("liễu vă") == ["Truyện Kiều"]
        assert titles("việt na") == ["Nguyễn Du toàn tập", "Truyện Kiều", "Việt Nam sử lược"]
        assert titles("trọn") == ["Việt Nam sử lược"]
        # A record added after the migration is searchable by its prefixes as well.
        lib.catalog.add_record("Lục Vân Tiên", authors=["Nguyễn Đình Chiểu"])
        assert titles("chiể") == ["Lục Vân Tiên"]
    assert list(tmp_path.glob("old.sqlite3.before-v*.bak"))


def test_the_backup_taken_before_migrating_is_the_old_library(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _make_version_4(path)
    Library.open(path).close()
    backup = next(tmp_path.glob("old.sqlite3.before-v*.bak"))
    old = sqlite3.connect(backup)
    try:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 4
        assert old.execute("SELECT count(*) FROM records").fetchone()[0] == len(_OLD_RECORDS)
        assert not old.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_terms'"
                               ).fetchone()
    finally:
        old.close()
