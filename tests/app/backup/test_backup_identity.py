"""Backups are matched to their library by the id stored in them, not by the code in their
name: two schools sharing a code (or both without one) in one folder never count, prune or
offer each other's backups."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.backup.identity import identity_of, library_id_of, note_path
from app.backup.restore import restore_database
from app.library import Library


def _school(path: Path, code: str, title: str) -> Library:
    lib = Library.open(path)
    lib.settings.set("library_code", code)
    lib.catalog.add_record(title, authors=["Tác giả"])
    return lib


def test_latest_and_due_count_only_this_librarys_backups(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    ours = _school(tmp_path / "a" / "thuvien.sqlite3", "TH01", "Sách của trường A")
    theirs = _school(tmp_path / "b" / "thuvien.sqlite3", "TH01", "Sách của trường B")
    try:
        mine = ours.backups.take(usb, when=datetime(2025, 9, 5, 8, 0)).entry
        theirs.backups.take(usb, when=datetime(2025, 9, 5, 9, 30))  # newer, same code
        assert ours.backups.latest(usb).path == mine.path  # type: ignore[union-attr]
        assert [e.path for e in ours.backups.list(usb, only_this_library=True)] == [mine.path]
        assert len(ours.backups.list(usb)) == 2  # the listing still shows the folder
        assert ours.backups.due(usb, now=datetime(2025, 9, 5, 9, 45))  # 1 h 45 since ours
    finally:
        ours.close()
        theirs.close()


def test_retention_never_deletes_another_library_with_the_same_code(tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    ours = _school(tmp_path / "a.sqlite3", "", "Sách A")  # both skipped setting a code
    theirs = _school(tmp_path / "b.sqlite3", "", "Sách B")
    ours.settings.set("backup_keep_daily", 1)
    ours.settings.set("backup_keep_monthly", 1)
    try:
        kept = theirs.backups.take(usb, when=datetime(2025, 3, 1, 10)).entry.path
        for day in range(2, 6):
            ours.backups.take(usb, when=datetime(2025, 3, day, 10))
        assert kept.is_file()  # was deleted as "ours" when matched by the (empty) code
        assert len(ours.backups.list(usb, only_this_library=True)) < 4  # ours were pruned
    finally:
        ours.close()
        theirs.close()


def test_a_damaged_librarys_identity_comes_from_the_note_its_backups_left(tmp_path: Path) -> None:
    db = tmp_path / "thuvien.sqlite3"
    with _school(db, "TH01", "Sách") as lib:
        library_id = lib.settings.library_id
        lib.backups.take(tmp_path / "usb")
    assert library_id_of(db) == library_id and identity_of(db) == library_id
    db.write_bytes(b"\xff" * db.stat().st_size)  # nothing of it readable
    assert library_id_of(db) is None
    assert identity_of(db) == library_id  # from the note beside it
    note_path(db).unlink()
    assert identity_of(db) is None


def test_a_restore_notes_the_restored_librarys_identity(tmp_path: Path) -> None:
    source = tmp_path / "b.sqlite3"
    with _school(source, "TH02", "Sách B") as lib:
        backup = lib.backups.take(tmp_path / "usb").entry.path
        library_id = lib.settings.library_id
    target = tmp_path / "new" / "thuvien.sqlite3"
    restore_database(target, backup)
    target.write_bytes(b"\x00" * 4096)
    assert identity_of(target) == library_id
