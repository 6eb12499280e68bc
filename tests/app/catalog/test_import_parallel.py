"""A large file is read in a worker process: the catalog, the report, errors, progress and
cancel must be exactly what reading in the importing process gives."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.errors import ImportFormatError
from app.i18n import set_language
from app.library import Library

REAL_FILES = ("pymarc/bad_records.mrc", "catmandu-marc/bu_bibs.mrc", "file_marc/wronglen.mrc",
              "evergreen/lul_fre_500.mrc", "catmandu-marc/marc.xml", "evergreen/auth-subset100.mrc")


def _snapshot(lib: Library) -> dict[str, Any]:
    conn = lib.db.conn
    return {
        "records": conn.execute(
            "SELECT id, control_number, control_org, title, title_fold, responsibility, "
            "authors, isbns, publisher, place, year, edition, classification, subjects, "
            "language, series, volume, notes, marc FROM records ORDER BY id").fetchall(),
        "isbns": conn.execute("SELECT isbn, record_id FROM record_isbns ORDER BY 1, 2").fetchall(),
        "items": conn.execute(
            "SELECT id, record_id, barcode, collection, item_type, call_number, location, "
            "status, price, acquired_on, source, note FROM items ORDER BY id").fetchall(),
        "search": conn.execute("SELECT * FROM record_search ORDER BY rowid").fetchall(),
        "index": conn.execute("SELECT rowid FROM records_fts WHERE records_fts MATCH 'a* OR "
                              "t* OR n* OR s* OR 9*' ORDER BY rowid").fetchall(),
        "terms": conn.execute("SELECT term FROM search_terms ORDER BY term").fetchall(),
        "outbox": conn.execute("SELECT entity, op FROM changes ORDER BY seq").fetchall(),
        "counters": conn.execute("SELECT * FROM accession_counters ORDER BY 1").fetchall(),
    }


def _import_both_ways(tmp_path: Path, path: Path, name: str) -> tuple[Any, Any]:
    outcomes = []
    for parallel in (False, True):
        with Library.open(tmp_path / f"{name}-{parallel}.sqlite3") as lib:
            report = lib.catalog.import_marc(path, parallel=parallel)
            outcomes.append((report.as_json(), _snapshot(lib)))
    return outcomes[0], outcomes[1]


def _generated(path: Path) -> None:
    """Duplicates by ISBN and by 001/003, copies with and without barcodes, a record without
    a title, a barcode used twice: every decision the importer makes in file order."""
    entries = []
    for n in range(1, 41):
        fields = [Field("001", f"G{n % 30:04d}"), Field("003", "VN-T"),
                  Field("020", None, " ", " ", [("a", f"978604{n % 25:06d}")]),
                  Field("100", None, "1", " ", [("a", f"Nguyễn Văn {n},")])]
        if n != 7:
            fields.append(Field("245", None, "1", "0", [("a", f"Sách số {n} /"), ("n", "Tập 1")]))
        items = [ItemData(barcode=f"TK.{n % 33:05d}", call_number=f"895.92 N{n}",
                          collection="TK"),
                 ItemData(barcode=None, collection="GK" if n % 2 else "tn")]
        entries.append((MarcRecord("00000nam a2200000 a 4500", fields), items))
    with path.open("wb") as out:
        write_iso2709(entries, out)


def test_generated_file_gives_the_same_catalog_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "gen.mrc"
    _generated(path)
    inline, worker = _import_both_ways(tmp_path, path, "gen")
    assert inline[0]["merged"] > 0 and inline[0]["skipped"]  # the cases really occur
    assert worker == inline


@pytest.mark.parametrize("name", REAL_FILES)
def test_real_files_give_the_same_catalog_both_ways(shared_data: Path, tmp_path: Path,
                                                     name: str) -> None:
    inline, worker = _import_both_ways(tmp_path, shared_data / "marc" / name, "real")
    assert worker == inline


def test_a_file_that_is_not_marc_is_refused_the_same_way(tmp_path: Path, lib: Library) -> None:
    path = tmp_path / "list.mrc"
    path.write_text("Họ và tên,Lớp\nNguyễn Văn An,6A\n", encoding="utf-8")
    set_language("en")
    messages = []
    for parallel in (False, True):
        with pytest.raises(ImportFormatError) as err:
            lib.catalog.import_marc(path, parallel=parallel)
        messages.append((err.value.code, err.value.message))
    assert messages[0] == messages[1]
    assert messages[1][1].isascii()  # in the language chosen here, not the worker's default
    assert lib.catalog.record_count() == 0


def _many(path: Path, count: int) -> None:
    entries = [(MarcRecord("00000nam a2200000 a 4500", [
        Field("001", f"M{n:05d}"), Field("003", "VN-T"),
        Field("245", None, "1", "0", [("a", f"Mắt biếc {n}")])]),
        [ItemData(barcode=f"TK.{n:05d}", collection="TK")]) for n in range(1, count + 1)]
    with path.open("wb") as out:
        write_iso2709(entries, out)


def test_cancel_stops_the_worker_and_keeps_what_was_read(tmp_path: Path, lib: Library,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from app.catalog import importer

    monkeypatch.setattr(importer, "BATCH", 500)
    path = tmp_path / "many.mrc"
    _many(path, 3000)
    seen: list[tuple[int, int]] = []
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 1200

    report = lib.catalog.import_marc(path, progress=lambda d, t: seen.append((d, t)),
                                     cancelled=cancelled, parallel=True)
    assert report.cancelled and report.imported == 1200  # records read before the cancel
    assert lib.catalog.record_count() == 1200
    assert lib.db.conn.execute("SELECT count(*) FROM items").fetchone()[0] == 1200
    assert seen and all(t == path.stat().st_size for _, t in seen)
    assert not multiprocessing.active_children()  # the reader is gone
    assert lib.catalog.search("mắt biếc").total == 1200


def test_progress_reaches_the_end_of_the_file(tmp_path: Path, lib: Library) -> None:
    path = tmp_path / "many.mrc"
    _many(path, 1500)
    seen: list[tuple[int, int]] = []
    report = lib.catalog.import_marc(path, progress=lambda d, t: seen.append((d, t)),
                                     parallel=True)
    assert report.imported == 1500
    size = path.stat().st_size
    assert seen[-1] == (size, size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
