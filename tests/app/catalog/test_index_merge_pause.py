"""A large import pauses the full-text index's merging and always puts it back: at its end,
when it fails or is cancelled, and at the next open when its process was killed half-way."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.db.index_merge import merging_paused
from app.library import Library

REPO = Path(__file__).resolve().parents[3]


def _config(conn: sqlite3.Connection) -> list[tuple[str, object]]:
    return conn.execute("SELECT k, v FROM records_fts_config ORDER BY k").fetchall()


def _file(path: Path, count: int, first: int = 1) -> None:
    entries = [(MarcRecord("00000nam a2200000 a 4500", [
        Field("001", f"P{n:06d}"), Field("003", "VN-T"),
        Field("100", None, "1", " ", [("a", f"Trần Văn {n},")]),
        Field("245", None, "1", "0", [("a", f"Quê hương đất nước {n}")])]),
        [ItemData(barcode=f"TK.{n:06d}", collection="TK")]) for n in range(first, first + count)]
    with path.open("wb") as out:
        write_iso2709(entries, out)


def _index_ok(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')")


def test_a_large_import_pauses_merging_while_it_writes_and_restores_it(
        tmp_path: Path, lib: Library) -> None:
    path = tmp_path / "big.mrc"
    _file(path, 6000)
    before = _config(lib.db.conn)
    seen: list[bool] = []
    settings: set[tuple[tuple[str, object], ...]] = set()
    watcher = sqlite3.connect(lib.path)

    def progress(done: int, total: int) -> None:
        seen.append(merging_paused(watcher))
        settings.add(tuple(_config(watcher)))

    report = lib.catalog.import_marc(path, progress=progress, parallel=False)
    assert report.imported == 6000
    assert True in seen  # committed batches had merging paused...
    assert any(dict(s).get("hashsize") == 16 << 20 and dict(s).get("automerge") == 0
               for s in settings)
    assert not merging_paused(lib.db.conn)  # ...and it is back as it was
    assert _config(lib.db.conn) == before
    _index_ok(lib.db.conn)
    assert lib.catalog.search("quê hương").total == 6000
    watcher.close()


def test_a_small_import_into_a_large_catalog_leaves_merging_alone(
        tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.catalog import importer, store

    monkeypatch.setattr(store, "COMPACT_MIN", 200)
    monkeypatch.setattr(importer, "BATCH", 100)
    _file(tmp_path / "first.mrc", 1000)
    lib.catalog.import_marc(tmp_path / "first.mrc", parallel=False)
    _file(tmp_path / "more.mrc", 240, first=5000)  # under a fifth of the catalog then
    paused: list[bool] = []
    original = importer.pause_merging
    monkeypatch.setattr(importer, "pause_merging",
                        lambda conn: (paused.append(True), original(conn))[1])
    lib.catalog.import_marc(tmp_path / "more.mrc", parallel=False)
    assert not paused
    _file(tmp_path / "large.mrc", 600, first=9000)  # this one is merged at its end
    lib.catalog.import_marc(tmp_path / "large.mrc", parallel=False)
    assert paused == [True]
    assert not merging_paused(lib.db.conn)


def test_an_import_that_fails_half_way_restores_merging(tmp_path: Path, lib: Library) -> None:
    path = tmp_path / "big.mrc"
    _file(path, 9000)
    before = _config(lib.db.conn)
    watcher = sqlite3.connect(lib.path)

    def progress(done: int, total: int) -> None:
        if watcher.execute("SELECT count(*) FROM records").fetchone()[0] >= 4000:
            raise OSError("disk unplugged")  # batches committed, one with merging paused

    with pytest.raises(OSError, match="unplugged"):
        lib.catalog.import_marc(path, progress=progress, parallel=False)
    assert 4000 <= lib.catalog.record_count() < 9000
    assert _config(lib.db.conn) == before
    _index_ok(lib.db.conn)
    assert lib.catalog.search("đất nước").total == lib.catalog.record_count()
    watcher.close()


def test_a_cancelled_import_restores_merging(tmp_path: Path, lib: Library) -> None:
    path = tmp_path / "big.mrc"
    _file(path, 7000)
    before = _config(lib.db.conn)
    asked = iter(range(7000))
    report = lib.catalog.import_marc(path, cancelled=lambda: next(asked) >= 4500,
                                     parallel=False)
    assert report.cancelled and report.imported == 4500
    assert _config(lib.db.conn) == before
    assert lib.catalog.search("trần văn").total == report.imported


_IMPORT = """
import sys
from pathlib import Path
from app.library import Library
lib = Library.open(Path(sys.argv[1]))
lib.catalog.import_marc(Path(sys.argv[2]), parallel=False)
print("finished")
"""


def test_an_import_killed_half_way_is_put_right_at_the_next_open(tmp_path: Path) -> None:
    """The import's process is killed (SIGKILL: no clean-up runs) once a batch with merging
    paused is committed; the next open restores the index's settings, and the committed
    batches are searchable and the index sound."""
    db_path = tmp_path / "lib.sqlite3"
    Library.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        before = _config(conn)
    path = tmp_path / "big.mrc"
    _file(path, 30000)
    process = subprocess.Popen([sys.executable, "-c", _IMPORT, str(db_path), str(path)],
                               cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watcher = sqlite3.connect(db_path, timeout=30)
    try:
        deadline = time.monotonic() + 120
        while not merging_paused(watcher):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        process.communicate()
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == -signal.SIGKILL
    assert merging_paused(watcher)  # the import never got to restore it
    watcher.close()
    with Library.open(db_path) as lib:
        assert not merging_paused(lib.db.conn)
        assert _config(lib.db.conn) == before
        _index_ok(lib.db.conn)
        count = lib.catalog.record_count()
        assert 2000 <= count < 30000
        assert lib.catalog.search("quê hương").total == count
        lib.catalog.import_marc(_small(tmp_path), parallel=False)
        assert lib.catalog.search("mắt biếc").total == 1


def _small(tmp_path: Path) -> Path:
    path = tmp_path / "one.mrc"
    with path.open("wb") as out:
        write_iso2709([(MarcRecord("00000nam a2200000 a 4500", [
            Field("245", None, "1", "0", [("a", "Mắt biếc")])]), [])], out)
    return path
