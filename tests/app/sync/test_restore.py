"""A school restores an old backup, works on, and syncs: against a real server on loopback.

The restored outbox ends below what the server acknowledged, so the changes made after the
restore get sequence numbers the server knows as other changes. They must all reach the
server (renumbered), and nothing the server already had may be applied again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.backup.restore import restore_database
from app.cli import main as thuvien
from app.i18n import set_language
from app.library import Library
from app.sync import state
from server import received
from server.models import lib_records, libraries


def add_books(lib: Library, prefix: str, n: int) -> list[str]:
    """*n* records with one copy each (2 changes per book); their titles."""
    titles = [f"{prefix} {k}" for k in range(n)]
    for title in titles:
        rid = lib.catalog.add_record(title, authors=["Tô Hoài"], year=2021)
        lib.catalog.add_item(rid, collection="TK")
    return titles


def server_view(district: Any, code: str) -> tuple[int, set[str], list[int]]:
    """(acked_seq, titles of the library's live records, seqs received — with repeats)."""
    district.wait_applied()
    with district.engine.connect() as conn:
        lib = conn.execute(select(libraries.c.id, libraries.c.acked_seq)
                           .where(libraries.c.code == code)).one()
        titles = {row.fields for row in conn.execute(
            select(lib_records.c.fields).where(lib_records.c.library_id == lib.id,
                                               lib_records.c.deleted.is_(False)))}
        seqs = [c.seq for c in received.changes(conn, lib.id)]
    return int(lib.acked_seq), {json.loads(t)["title"] for t in titles}, seqs


def outbox_count(lib: Library) -> int:
    return int(lib.db.conn.execute("SELECT count(*) FROM changes").fetchone()[0])


def restore(path: Path, backup: Path) -> Library:
    restore_database(path, backup)
    return Library.open(path)


def test_changes_after_restoring_an_old_backup_all_reach_the_server(
        district: Any, enrolled: Library, tmp_path: Path) -> None:
    lib, path, code = enrolled, enrolled.path, enrolled.code  # type: ignore[attr-defined]
    before = add_books(lib, "Trước sao lưu", 5)
    lib.patrons.add("Nguyễn Thị Lan", class_name="6A")  # stays at the school (withheld)
    lib.sync.sync_now()
    backup = lib.backups.take(tmp_path / "backups").entry.path
    lost = add_books(lib, "Sau sao lưu", 4)  # reaches the server, then the school loses it
    assert lib.sync.sync_now().pushed == 8
    acked_before_restore = server_view(district, code)[0]
    lib.close()

    lib = restore(path, backup)
    try:
        assert outbox_count(lib) == 11 and lib.sync.status().pending == 0
        fresh = add_books(lib, "Mới sau khôi phục", 6)
        lib.patrons.add("Trần Văn Minh", class_name="7B")
        assert lib.sync.status().pending == 13
        report = lib.sync.sync_now()

        acked, titles, seqs = server_view(district, code)
        assert set(fresh) <= titles, "changes made after the restore were dropped"
        assert set(before) | set(lost) <= titles  # the district keeps what the school lost
        assert len(seqs) == len(set(seqs)), "a change was applied twice"
        assert len(seqs) == 10 + 8 + 12
        assert report.renumbered == 13 and report.pushed == 12
        assert acked == acked_before_restore + 13
        assert state.acked_seq(lib.db.conn) == acked and lib.sync.status().pending == 0
        top = lib.db.conn.execute("SELECT max(seq) FROM changes").fetchone()[0]
        assert top == acked
        # The desk goes on numbering after the renumbered changes; the next sync is plain.
        more = add_books(lib, "Tuần sau", 1)
        assert lib.sync.status().pending == 2
        again = lib.sync.sync_now()
        assert again.renumbered == 0 and again.pushed == 2
        assert set(more) <= server_view(district, code)[1]
    finally:
        lib.close()


def test_restored_backup_with_unsent_changes_sends_only_the_new_ones_again(
        district: Any, enrolled: Library, tmp_path: Path) -> None:
    lib, path, code = enrolled, enrolled.path, enrolled.code  # type: ignore[attr-defined]
    add_books(lib, "Chưa gửi", 5)  # backed up before any sync: 10 unsent changes
    backup = lib.backups.take(tmp_path / "backups").entry.path
    lib.sync.sync_now()
    add_books(lib, "Gửi rồi", 3)
    lib.sync.sync_now()
    lib.close()

    lib = restore(path, backup)
    try:
        assert lib.sync.status().pending == 10  # the backup's view: nothing sent yet
        fresh = add_books(lib, "Sau khôi phục", 2)
        report = lib.sync.sync_now()
        acked, titles, seqs = server_view(district, code)
        assert set(fresh) <= titles
        assert len(seqs) == len(set(seqs)) == 10 + 6 + 4
        assert report.renumbered == 4 and report.pushed == 4  # the first 10 matched
        assert acked == 20 and lib.sync.status().pending == 0
    finally:
        lib.close()


def test_restore_without_new_changes_is_quiet_until_the_next_change(
        district: Any, enrolled: Library, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    lib, path, code = enrolled, enrolled.path, enrolled.code  # type: ignore[attr-defined]
    add_books(lib, "Một", 2)
    lib.sync.sync_now()
    backup = lib.backups.take(tmp_path / "backups").entry.path
    add_books(lib, "Hai", 2)
    lib.sync.sync_now()
    lib.close()

    lib = restore(path, backup)
    try:
        assert lib.sync.sync_now().pushed == 0
        fresh = add_books(lib, "Ba", 1)
        lib.close()
        set_language("vi")
        assert thuvien(["--db", str(path), "sync", "now"]) == 0  # the librarian's view
        assert "2 thay đổi được đánh số lại" in capsys.readouterr().out
        lib = Library.open(path)
        acked, titles, seqs = server_view(district, code)
        assert set(fresh) <= titles and len(seqs) == len(set(seqs)) == 10
        assert acked == 10
    finally:
        lib.close()


def test_a_second_sync_of_the_same_database_does_not_renumber_again(tmp_path: Path) -> None:
    from app.sync.renumber import renumber_from

    lib = Library.open(tmp_path / "school.sqlite3")
    try:
        add_books(lib, "Sách", 3)  # 6 changes, none acknowledged
        first = renumber_from(lib.db, 4, 10, local_acked=0)  # the first sync to be refused
        assert (first.shift, first.count) == (7, 3)
        seqs = [r[0] for r in lib.db.conn.execute("SELECT seq FROM changes ORDER BY seq")]
        assert seqs == [1, 2, 3, 11, 12, 13] and lib.sync.status().pending == 3
        # Another sync, refused for the same batch it read before the renumbering: no-op.
        late = renumber_from(lib.db, 4, 10, local_acked=0)
        assert late.count == 0
        assert [r[0] for r in lib.db.conn.execute("SELECT seq FROM changes ORDER BY seq")] == seqs
        add_books(lib, "Tiếp", 1)
        assert [r[0] for r in lib.db.conn.execute(
            "SELECT seq FROM changes WHERE seq > 13 ORDER BY seq")] == [14, 15]
    finally:
        lib.close()
