"""A large import leaves the full-text index and some secondary indexes to its end (the index
catching up a batch behind, in each commit); however it ends (finished, merged duplicates,
edits meanwhile, killed), every record is found afterwards and every index exists."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.db.index_merge import DEFERRABLE, FTS_KEY, deferred_work
from app.library import Library

REPO = Path(__file__).resolve().parents[3]


def _record(n: int, barcode: str, extra: str = "") -> tuple[MarcRecord, list[ItemData]]:
    return (MarcRecord("00000nam a2200000 a 4500", [
        Field("001", f"P{n:06d}"), Field("003", "VN-T"),
        Field("100", None, "1", " ", [("a", f"Trần Văn {n},")]),
        Field("245", None, "1", "0", [("a", f"Quê hương đất nước {n}{extra}")])]),
        [ItemData(barcode=barcode, collection="TK")])


def _file(path: Path, count: int, first: int = 1) -> None:
    with path.open("wb") as out:
        write_iso2709([_record(n, f"TK.{n:06d}") for n in range(first, first + count)], out)


def _indexes(conn: sqlite3.Connection) -> set[str]:
    return {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def _fresh_indexes(tmp_path: Path) -> set[str]:
    with Library.open(tmp_path / "fresh.sqlite3") as fresh:
        return _indexes(fresh.db.conn)


def _index_matches_rows(conn: sqlite3.Connection) -> None:
    """The full-text index is sound, holds exactly the search rows (FTS5 checks it against
    its content table), and equals an index built from scratch from them."""
    conn.execute("INSERT INTO records_fts(records_fts, rank) VALUES ('integrity-check', 1)")
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING "
                 "fts5vocab(main, records_fts, 'instance')")
    entries = conn.execute("SELECT * FROM temp.v ORDER BY 1, 2, 3, 4").fetchall()
    conn.execute("INSERT INTO records_fts(records_fts) VALUES ('rebuild')")
    assert conn.execute("SELECT * FROM temp.v ORDER BY 1, 2, 3, 4").fetchall() == entries
    conn.execute("DROP TABLE temp.v")


def _found_ids(lib: Library, query: str) -> set[int]:
    return {rid for (rid,) in lib.db.conn.execute(
        "SELECT rowid FROM records_fts WHERE records_fts MATCH ?", (query,))}


def test_a_large_import_indexes_at_its_end(tmp_path: Path, lib: Library) -> None:
    path = tmp_path / "big.mrc"
    _file(path, 6000)
    watcher = sqlite3.connect(lib.path)
    seen: list[tuple[bool, set[str]]] = []

    def progress(done: int, total: int) -> None:
        marked = watcher.execute("SELECT 1 FROM desk_state WHERE key = ?",
                                 (FTS_KEY,)).fetchone() is not None
        seen.append((marked, _indexes(watcher)))

    report = lib.catalog.import_marc(path, progress=progress, parallel=False)
    watcher.close()
    assert report.imported == 6000
    assert any(marked and not set(DEFERRABLE) & names for marked, names in seen)
    assert deferred_work(lib.db.conn) == []
    assert _indexes(lib.db.conn) == _fresh_indexes(tmp_path)
    _index_matches_rows(lib.db.conn)
    assert lib.catalog.search("quê hương").total == 6000
    for n in random.Random(3).sample(range(1, 6001), 20):
        hits = lib.catalog.search(f"P{n:06d}").hits
        assert [h.title for h in hits] == [f"Quê hương đất nước {n}"]


def test_the_index_catches_up_a_batch_behind_during_the_import(
        tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """While a large import writes, every committed batch but the last is already in the
    full-text index (added in the next batch's commit), not left to the import's end."""
    from app.catalog import importer, store

    monkeypatch.setattr(store, "COMPACT_MIN", 200)
    monkeypatch.setattr(importer, "BATCH", 100)
    path = tmp_path / "big.mrc"
    _file(path, 3000)
    watcher = sqlite3.connect(lib.path)
    seen: list[tuple[int, int, int, int]] = []

    def progress(done: int, total: int) -> None:
        with watcher:  # one read transaction: a consistent view of a committed state
            watcher.execute("BEGIN")
            row = watcher.execute("SELECT value FROM desk_state WHERE key = ?",
                                  (FTS_KEY,)).fetchone()
            if row is None:
                return
            first = int(row[0])
            indexed, last = watcher.execute(
                "SELECT count(*), coalesce(max(id), 0) FROM records_fts_docsize").fetchone()
            committed = watcher.execute("SELECT max(id) FROM records").fetchone()[0]
        seen.append((first, indexed, last, committed))

    report = lib.catalog.import_marc(path, progress=progress, parallel=False)
    watcher.close()
    assert report.imported == 3000
    assert seen
    for first, indexed, last, committed in seen:
        assert indexed == last == first - 1  # every row before the range, none from it on
        assert committed - first < 100  # the range is the last committed batch
    assert max(first for first, *_ in seen) > 1000
    assert deferred_work(lib.db.conn) == []
    _index_matches_rows(lib.db.conn)
    assert lib.catalog.search("quê hương").total == 3000


def test_duplicates_merge_into_records_not_indexed_yet(
        tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.catalog import importer, store

    monkeypatch.setattr(store, "COMPACT_MIN", 200)
    monkeypatch.setattr(importer, "BATCH", 100)
    entries = [_record(n, f"TK.{n:06d}") for n in range(1, 501)]
    # later batches repeat records of the first batch (indexed as it was written) and of
    # later ones (not indexed until the end), each with a copy of its own
    again = list(range(3, 501, 5))
    entries += [_record(n, f"TK.9{n:05d}", " (tái bản)") for n in again]
    entries.insert(150, _record(120, "TK.800120"))  # into a record of the batch before
    path = tmp_path / "dups.mrc"
    with path.open("wb") as out:
        write_iso2709(entries, out)
    report = lib.catalog.import_marc(path, parallel=False)
    assert (report.imported, report.merged) == (500, len(again) + 1)
    assert deferred_work(lib.db.conn) == []
    _index_matches_rows(lib.db.conn)
    for n in again:
        assert [h.title for h in lib.catalog.search(f"TK.9{n:05d}").hits] == \
            [f"Quê hương đất nước {n}"]
    assert [h.title for h in lib.catalog.search("TK.800120").hits] == ["Quê hương đất nước 120"]
    assert lib.catalog.search("quê hương").total == 500


def test_edits_while_the_index_waits_are_indexed_as_edited(
        tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another window edits a record the import has not indexed yet and adds one, between
    two of its batches."""
    from app.catalog import importer, store

    monkeypatch.setattr(store, "COMPACT_MIN", 200)
    monkeypatch.setattr(importer, "BATCH", 100)
    path = tmp_path / "big.mrc"
    _file(path, 1000)
    other = Library.open(lib.path)
    done: list[int] = []
    edited: list[int] = []

    def progress(position: int, total: int) -> None:
        if done or other.catalog.record_count() < 400:
            return
        assert deferred_work(other.db.conn)
        # the last committed batch is out of the index until the next batch's commit
        target, number = other.db.conn.execute(
            "SELECT id, control_number FROM records WHERE id >= (SELECT value FROM desk_state "
            "WHERE key = ?) ORDER BY id LIMIT 1 OFFSET 50", (FTS_KEY,)).fetchone()
        other.catalog.update_record(target, "Mắt biếc", authors=["Nguyễn Nhật Ánh"])
        done.append(other.catalog.add_record("Cây cam ngọt của tôi"))
        edited.append(int(number[1:]))

    report = lib.catalog.import_marc(path, progress=progress, parallel=False)
    other.close()
    assert report.imported == 1000 and done
    assert deferred_work(lib.db.conn) == []
    _index_matches_rows(lib.db.conn)
    assert [h.title for h in lib.catalog.search("mắt biếc").hits] == ["Mắt biếc"]
    assert lib.catalog.search(f"P{edited[0]:06d}").hits[0].title == "Mắt biếc"
    assert lib.catalog.search(f"đất nước {edited[0]}").total == 0
    assert [h.title for h in lib.catalog.search("cây cam ngọt").hits] == ["Cây cam ngọt của tôi"]
    assert lib.catalog.search("quê hương").total == 999


_IMPORT = """
import sys
from pathlib import Path
from app.library import Library
lib = Library.open(Path(sys.argv[1]))
lib.catalog.import_marc(Path(sys.argv[2]))
print("finished")
"""


def test_an_import_killed_half_way_leaves_every_committed_record_searchable(
        tmp_path: Path) -> None:
    """The importing process (reading in its worker, as a large file is read) is killed with
    SIGKILL once at least two batches are committed with the index work deferred; the next
    open indexes them and creates the dropped indexes again, and the next import works."""
    db_path = tmp_path / "lib.sqlite3"
    Library.open(db_path).close()
    path = tmp_path / "big.mrc"
    _file(path, 40000)
    process = subprocess.Popen([sys.executable, "-c", _IMPORT, str(db_path), str(path)],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watcher = sqlite3.connect(db_path, timeout=30)
    try:
        deadline = time.monotonic() + 180
        while watcher.execute("SELECT count(*) FROM records").fetchone()[0] < 4000:
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        # its reading process sees it gone and ends too (it holds the pipes: this would hang)
        process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == -signal.SIGKILL
    # as the killed import left the file: its records out of the index, indexes dropped
    assert FTS_KEY in deferred_work(watcher)
    assert not set(DEFERRABLE) & _indexes(watcher)
    committed = {rid for (rid,) in watcher.execute("SELECT id FROM records")}
    assert 4000 <= len(committed) < 40000
    watcher.close()
    with Library.open(db_path) as lib:
        assert deferred_work(lib.db.conn) == []
        assert _indexes(lib.db.conn) == _fresh_indexes(tmp_path)
        _index_matches_rows(lib.db.conn)
        assert _found_ids(lib, "que") == committed
        assert lib.catalog.search("quê hương").total == len(committed)
        numbers = [int(c[1:]) for (c,) in lib.db.conn.execute(
            "SELECT control_number FROM records")]
        for n in random.Random(5).sample(numbers, 25):
            assert [h.title for h in lib.catalog.search(f"P{n:06d}").hits] == \
                [f"Quê hương đất nước {n}"]
        more = tmp_path / "more.mrc"
        _file(more, 3000, first=50000)
        lib.catalog.import_marc(more, parallel=False)
        assert lib.catalog.search("quê hương").total == len(committed) + 3000
        assert _indexes(lib.db.conn) == _fresh_indexes(tmp_path)
