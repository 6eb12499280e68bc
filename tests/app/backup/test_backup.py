"""Backups a librarian can trust: checked, atomically named, pruned, and restorable."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.backup import (
    BackupError,
    backup_name,
    check_database_file,
    choose_kept,
    list_backups,
    parse_name,
    restore_database,
)
from app.backup.files import BackupEntry
from app.backup.snapshot import write_backup
from app.db.connection import PAGE_SIZE
from app.library import Library
from tests.conftest import REPO_ROOT


def _titles(path: Path) -> set[str]:
    conn = sqlite3.connect(str(path))
    try:
        return {r[0] for r in conn.execute("SELECT title FROM records WHERE deleted = 0")}
    finally:
        conn.close()


def test_backup_is_named_with_code_and_local_time_and_passes_its_check(lib: Library,
                                                                        tmp_path: Path) -> None:
    lib.settings.set("library_code", "TH Lê Lợi")
    lib.catalog.add_record("Truyện Kiều", authors=["Nguyễn Du"])
    when = datetime(2025, 9, 5, 14, 30, 12)
    outcome = lib.backups.take(tmp_path / "usb", when=when)
    assert outcome.entry.path.name == "thuvien-TH-Le-Loi-20250905-143012.sqlite3"
    facts = check_database_file(outcome.entry.path)
    assert facts.library_id == lib.settings.library_id
    assert facts.library_code == "TH Lê Lợi"
    assert _titles(outcome.entry.path) == {"Truyện Kiều"}
    # one self-contained file: no -wal/-shm, no leftover temporary file
    assert sorted(p.name for p in (tmp_path / "usb").iterdir()) == [outcome.entry.path.name]


def test_two_backups_in_the_same_second_do_not_overwrite_each_other(lib: Library,
                                                                    tmp_path: Path) -> None:
    when = datetime(2025, 9, 5, 14, 30, 12)
    first = write_backup(lib.path, tmp_path, "TH01", when)
    second = write_backup(lib.path, tmp_path, "TH01", when)
    assert first.path != second.path
    assert [e.path for e in list_backups(tmp_path)] == [second.path, first.path]


def test_interrupted_backup_leaves_nothing_that_looks_complete(lib: Library, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    import app.backup.snapshot as snapshot

    def pulled_stick(source: Path, target: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(snapshot, "replace_atomically", pulled_stick)
    with pytest.raises(BackupError) as caught:
        lib.backups.take(tmp_path / "usb")
    assert caught.value.code == "backup.folder"
    assert "Input/output error" in caught.value.message
    assert list_backups(tmp_path / "usb") == []
    assert list((tmp_path / "usb").iterdir()) == []


def test_a_truncated_partial_file_is_never_listed(tmp_path: Path) -> None:
    (tmp_path / ".thuvien-TH01-20250905-143012.sqlite3.partial").write_bytes(b"SQLite format 3\0")
    (tmp_path / "notes.txt").write_text("x")
    assert list_backups(tmp_path) == []


def test_backup_to_an_unwritable_place_is_a_clear_error(lib: Library, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(BackupError) as caught:
        lib.backups.take(blocker)
    assert caught.value.code == "backup.folder"
    assert str(blocker) in caught.value.message


def _entry(day: datetime) -> BackupEntry:
    return BackupEntry(Path(backup_name("TH01", day)), "TH01", day, 1)


def test_retention_keeps_newest_per_day_and_per_month() -> None:
    start = datetime(2025, 1, 1, 8, 0, 0)
    entries = [_entry(start + timedelta(hours=12 * i)) for i in range(2 * 200)]  # twice a day
    kept = choose_kept(entries, keep_daily=7, keep_monthly=6, keep_recent=3)
    kept_times = sorted(e.taken_at for e in entries if e.path in kept)
    newest = max(e.taken_at for e in entries)
    daily = {t.date() for t in kept_times if newest - t < timedelta(days=7)}
    assert len(daily) == 7
    months = {(t.year, t.month) for t in kept_times}
    assert len(months) == 6
    # the three newest are all kept even though two share a day
    assert sorted(e.taken_at for e in entries)[-3:] == kept_times[-3:]
    assert len(kept) <= 3 + 7 + 6


def test_retention_only_prunes_this_librarys_backups(tmp_path: Path) -> None:
    lib_a = Library.open(tmp_path / "a.sqlite3")
    lib_a.settings.set("library_code", "A")
    lib_a.settings.set("backup_keep_daily", 1)
    lib_a.settings.set("backup_keep_monthly", 1)
    other = tmp_path / "usb" / backup_name("B", datetime(2020, 1, 1))
    other.parent.mkdir()
    other.write_bytes(b"another library's backup")
    for day in range(1, 8):
        lib_a.backups.take(tmp_path / "usb", when=datetime(2025, 3, day, 10))
    names = sorted(p.name for p in (tmp_path / "usb").iterdir())
    lib_a.close()
    assert other.name in names
    assert [n for n in names if n.startswith("thuvien-A-")] == [
        "thuvien-A-20250305-100000.sqlite3", "thuvien-A-20250306-100000.sqlite3",
        "thuvien-A-20250307-100000.sqlite3"]


def test_due_follows_the_interval(lib: Library, tmp_path: Path) -> None:
    assert lib.backups.due(tmp_path)
    lib.backups.take(tmp_path, when=datetime(2025, 9, 5, 8, 0))
    assert not lib.backups.due(tmp_path, now=datetime(2025, 9, 5, 8, 59))
    assert lib.backups.due(tmp_path, now=datetime(2025, 9, 5, 9, 0))


def test_restore_brings_back_the_data_and_keeps_the_current_library_aside(
        tmp_path: Path) -> None:
    db = tmp_path / "desk" / "thuvien.sqlite3"
    lib = Library.open(db)
    lib.catalog.add_record("Dế Mèn phiêu lưu ký")
    backup = lib.backups.take(tmp_path / "usb").entry.path
    lib.catalog.add_record("Số đỏ")
    lib.close()

    report = restore_database(db, backup, when=datetime(2025, 9, 6, 7, 0, 0))
    assert report.previous == db.with_name("thuvien.before-restore-20250906-070000.sqlite3")
    assert _titles(report.previous) == {"Dế Mèn phiêu lưu ký", "Số đỏ"}
    with Library.open(db) as restored:
        assert restored.catalog.record_count() == 1
        assert restored.catalog.search("de men").total == 1
    assert not list(db.parent.glob(".*.tmp"))


def test_restore_refuses_while_the_library_is_open(lib: Library, tmp_path: Path) -> None:
    lib.catalog.add_record("Tắt đèn")
    backup = lib.backups.take(tmp_path / "usb").entry.path
    lib.catalog.add_record("Chí Phèo")
    with pytest.raises(BackupError) as caught:
        restore_database(lib.path, backup)
    assert caught.value.code == "backup.in_use"
    assert lib.catalog.record_count() == 2
    assert not list(lib.path.parent.glob(".*.tmp"))
    assert not list(lib.path.parent.glob("*.before-restore-*"))


@pytest.mark.parametrize("content, code", [
    (b"", "backup.not_sqlite"),
    (b"PK\x03\x04 this is a zip file, not a database", "backup.not_sqlite"),
])
def test_restore_refuses_files_that_are_not_databases(lib: Library, tmp_path: Path,
                                                      content: bytes, code: str) -> None:
    lib.catalog.add_record("Lão Hạc")
    lib.close()
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    with pytest.raises(BackupError) as caught:
        restore_database(lib.path, bad)
    assert caught.value.code == code
    assert _titles(lib.path) == {"Lão Hạc"}


def test_restore_refuses_a_foreign_sqlite_database(lib: Library, tmp_path: Path) -> None:
    lib.close()
    foreign = tmp_path / "firefox.sqlite"
    conn = sqlite3.connect(str(foreign))
    conn.execute("CREATE TABLE moz_places(url TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError) as caught:
        restore_database(lib.path, foreign)
    assert caught.value.code == "backup.not_thuvien"


def test_restore_refuses_a_newer_schema(lib: Library, tmp_path: Path) -> None:
    backup = lib.backups.take(tmp_path / "usb").entry.path
    lib.close()
    conn = sqlite3.connect(str(backup))
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(BackupError) as caught:
        restore_database(lib.path, backup)
    assert caught.value.code == "backup.too_new"
    assert "999" in caught.value.message


@pytest.mark.parametrize("page", [PAGE_SIZE, 4096])
def test_restore_refuses_a_damaged_backup_and_keeps_the_library(lib: Library, tmp_path: Path,
                                                               page: int) -> None:
    """Scribbled pages (at 4096-byte strides on 8 KiB pages, SQLite's own integrity report
    holds bytes that are not UTF-8) are refused with the reason, never a crash."""
    for n in range(300):
        lib.catalog.add_record(f"Sách số {n}", authors=["Tác giả"])
    backup = lib.backups.take(tmp_path / "usb").entry.path
    lib.close()
    data = bytearray(backup.read_bytes())
    for offset in range(3 * page, len(data) - page, 2 * page):  # scribble over many pages
        data[offset + 100: offset + 400] = b"\xff" * 300
    backup.write_bytes(bytes(data))
    with pytest.raises(BackupError) as caught:
        restore_database(lib.path, backup)
    assert caught.value.code in ("backup.corrupt", "backup.not_sqlite")
    assert len(_titles(lib.path)) == 300
    assert not list(lib.path.parent.glob("*.before-restore-*"))


def test_parse_name_round_trips() -> None:
    name = backup_name("THCS Đống Đa", datetime(2026, 1, 2, 3, 4, 5), serial=2)
    assert name == "thuvien-THCS-Dong-Da-20260102-030405-2.sqlite3"


RUN_CLI = "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))"


def _cli(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", RUN_CLI, "--db", str(db), *args],
                          cwd=REPO_ROOT, capture_output=True, text=True, encoding="utf-8")


def test_cli_now_list_restore(tmp_path: Path) -> None:
    db = tmp_path / "thuvien.sqlite3"
    with Library.open(db) as lib:
        lib.settings.set("library_code", "TH01")
        lib.settings.set("library_name", "Thư viện Trường Tiểu học Lê Lợi")
        lib.catalog.add_record("Nhật ký trong tù")
    done = _cli("backup", "now", "--dir", str(tmp_path / "usb"), "--json", db=db)
    assert done.returncode == 0, done.stderr
    taken = json.loads(done.stdout)
    assert Path(taken["file"]).name.startswith("thuvien-TH01-")

    listed = _cli("backup", "list", "--dir", str(tmp_path / "usb"), "--json", db=db)
    assert [b["file"] for b in json.loads(listed.stdout)["backups"]] == [taken["file"]]
    human = _cli("--lang", "en", "backup", "list", "--dir", str(tmp_path / "usb"), db=db)
    assert Path(taken["file"]).name in human.stdout
    assert "/" in human.stdout.split()[0]  # dd/mm/yyyy

    with Library.open(db) as lib:
        lib.catalog.add_record("Tuyên ngôn độc lập")
    restored = _cli("backup", "restore", taken["file"], "--json", db=db)
    assert restored.returncode == 0, restored.stderr
    report = json.loads(restored.stdout)
    assert report["restored"]["library_name"] == "Thư viện Trường Tiểu học Lê Lợi"
    assert _titles(Path(report["previous_kept_as"])) == {"Nhật ký trong tù", "Tuyên ngôn độc lập"}
    assert _titles(db) == {"Nhật ký trong tù"}


def test_cli_restore_of_a_missing_file_is_one_line_and_status_2(tmp_path: Path) -> None:
    done = _cli("--lang", "en", "backup", "restore", str(tmp_path / "nope.sqlite3"),
                db=tmp_path / "x.sqlite3")
    assert done.returncode == 2
    assert done.stderr.strip() == f"The backup file {tmp_path / 'nope.sqlite3'} was not found."
    assert "Traceback" not in done.stderr


def test_parse_name_ignores_other_files(tmp_path: Path) -> None:
    path = tmp_path / "thuvien.sqlite3"
    path.write_bytes(b"")
    assert parse_name(path) is None


def test_cli_restore_of_a_library_never_set_up_names_no_empty_quotes(tmp_path: Path) -> None:
    """The set-up was skipped: no name, no code. The message said «» () before."""
    db = tmp_path / "thuvien.sqlite3"
    with Library.open(db) as lib:
        lib.catalog.add_record("Nhật ký trong tù")
    taken = json.loads(_cli("backup", "now", "--dir", str(tmp_path / "usb"), "--json",
                            db=db).stdout)
    restored = _cli("backup", "restore", taken["file"], db=db)
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith(f"Đã khôi phục thư viện từ {taken['file']}. Bản cũ")
    assert "«" not in restored.stdout and "()" not in restored.stdout
    with Library.open(db) as lib:
        lib.settings.set("library_code", "TH01")
    taken = json.loads(_cli("backup", "now", "--dir", str(tmp_path / "usb"), "--json",
                            db=db).stdout)
    english = _cli("--lang", "en", "backup", "restore", taken["file"], db=db)
    assert english.stdout.startswith(f"Restored the library (TH01) from {taken['file']}.")


def _scribble(path: Path, stride: int, first: int, step: int) -> None:
    data = bytearray(path.read_bytes())
    for offset in range(first * stride, len(data) - stride, step * stride):
        data[offset + 100: offset + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))


# Every other 4 KiB from the fourth (SQLite's own message then quotes bytes that are not
# UTF-8), and every page but the first (the tables' pages are all damaged: which of them a
# command reads first does not matter).
@pytest.mark.parametrize(("stride", "first", "step"), [(4096, 3, 2), (PAGE_SIZE, 1, 1)])
def test_a_damaged_library_is_named_damaged_and_a_backup_restores_over_it(
        tmp_path: Path, stride: int, first: int, step: int) -> None:
    """A library file scribbled over (a failing disk, a power cut on an old PC): every
    command says it is damaged and how to restore, in one line (a traceback before);
    `backup restore` then works over it and keeps the damaged file aside as it was."""
    db = tmp_path / "thuvien.sqlite3"
    with Library.open(db) as lib:
        for n in range(300):
            lib.catalog.add_record(f"Sách số {n}", authors=["Tác giả"])
        taken = lib.backups.take(tmp_path / "usb").entry.path
    damaged = db.read_bytes()
    _scribble(db, stride, first, step)
    searched = _cli("--lang", "en", "search", "sách", db=db)
    assert searched.returncode == 2 and "Traceback" not in searched.stderr
    assert searched.stderr.startswith(f"The library file {db} is damaged (")
    assert "backup restore" in searched.stderr
    assert "\ufffd" not in searched.stderr  # no bytes off the scribbled page quoted as '�'

    restored = _cli("backup", "restore", str(taken), "--json", db=db)
    assert restored.returncode == 0, restored.stderr
    kept = Path(json.loads(restored.stdout)["previous_kept_as"])
    assert kept.read_bytes() != damaged and len(kept.read_bytes()) == len(damaged)
    assert len(_titles(db)) == 300
    assert _cli("search", "sách", db=db).returncode == 0
