"""The import takes a new record's search row and completable words from the reader when
its copies land as read. Whatever happened in the batch (duplicates merging into a record of
the same batch, copies refused or numbered by the importer), the catalog must be searchable
exactly as if each record had been re-indexed from what was stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog import store
from app.catalog.marc import Field, ItemData, MarcRecord, write_iso2709
from app.library import Library

REAL_FILES = ("catmandu-marc/bu_bibs.mrc", "evergreen/lul_fre_500.mrc", "evergreen/jazz_1k.mrc",
              "marc4j/brkrtest.mrc", "pymarc/bad_records.mrc", "catmandu-marc/marc.xml")


def _rebuilt(lib: Library) -> tuple[list[tuple[object, ...]], set[str]]:
    """Every record's search row built again from the stored record and copies, and the
    completable words of all of them."""
    conn = lib.db.conn
    rows = []
    for (rid,) in conn.execute("SELECT id FROM records ORDER BY id").fetchall():
        bib = store.RowBib(conn.execute(f"SELECT {store.RowBib.COLUMNS} FROM records "
                                        "WHERE id = ?", (rid,)).fetchone())
        copies = conn.execute("SELECT call_number, barcode FROM items WHERE record_id = ? "
                              "AND deleted = 0 ORDER BY id", (rid,)).fetchall()
        rows.append(store.search_row(rid, bib, [c for c, _ in copies if c],
                                     [b for _, b in copies]))
    return rows, store.indexed_terms(rows)


def _assert_indexed_as_stored(lib: Library) -> None:
    conn = lib.db.conn
    rows, words = _rebuilt(lib)
    assert conn.execute("SELECT * FROM record_search ORDER BY rowid").fetchall() == rows
    assert {t for (t,) in conn.execute("SELECT term FROM search_terms")} == words
    conn.execute("INSERT INTO records_fts(records_fts, rank) VALUES ('integrity-check', 1)")


def _tangled(path: Path) -> None:
    """Duplicates of records of the same file (by ISBN, by 001/003), copies without barcode,
    a barcode repeated inside a record and one taken by another record."""
    entries = []
    for n in range(1, 61):
        fields = [Field("001", f"T{n % 45:04d}"), Field("003", "VN-T"),
                  Field("020", None, " ", " ", [("a", f"978604{n % 40:06d}")]),
                  Field("082", None, "0", "4", [("a", "895.922/3")]),
                  Field("100", None, "1", " ", [("a", f"Trần Thị Thuỷ {n},")]),
                  Field("245", None, "1", "0", [("a", f"Truyện kể số {n} /"),
                                                ("n", f"Tập {n % 3}")])]
        items = [ItemData(barcode=f"TN.{n % 50:05d}", call_number=f"895.92 TR{n}",
                          collection="TN"),
                 ItemData(barcode=None, call_number="VN 8" if n % 4 else None,
                          collection="GK" if n % 2 else "NV")]
        if n % 7 == 0:
            items.append(ItemData(barcode=f"TN.{n % 50:05d}", collection="TN"))
        entries.append((MarcRecord("00000nam a2200000 a 4500", fields), items))
    with path.open("wb") as out:
        write_iso2709(entries, out)


@pytest.mark.parametrize("parallel", [False, True])
def test_tangled_batch_is_indexed_as_stored(tmp_path: Path, lib: Library, parallel: bool,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from app.catalog import importer

    monkeypatch.setattr(importer, "BATCH", 25)  # merges both inside and across batches
    path = tmp_path / "tangled.mrc"
    _tangled(path)
    report = lib.catalog.import_marc(path, parallel=parallel)
    assert report.merged and report.skipped  # the cases really occur
    _assert_indexed_as_stored(lib)
    again = lib.catalog.import_marc(path, parallel=parallel)  # everything merges now
    assert again.imported == 0
    _assert_indexed_as_stored(lib)


@pytest.mark.parametrize("name", REAL_FILES)
def test_real_files_are_indexed_as_stored(shared_data: Path, lib: Library, name: str) -> None:
    lib.catalog.import_marc(shared_data / "marc" / name)
    _assert_indexed_as_stored(lib)
