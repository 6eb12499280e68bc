"""The import binds ``store.NO_VALUE`` ('') for NULL and its INSERTs turn it back with NULLIF:
its record values must be the form path's (``record_tail``) with NULL for each '', and no
stored value may be lost because it really was ''."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.catalog import store
from app.catalog.marc import Field, ItemData, extract, read_marc, write_iso2709
from app.catalog.marc.model import MarcRecord
from app.catalog.reading import HOLDINGS_TAGS
from app.library import Library

REAL_FILES = ("catmandu-marc/bu_bibs.mrc", "evergreen/lul_fre_500.mrc", "marc4j/brkrtest.mrc",
              "pymarc/bad_records.mrc", "catmandu-marc/marc.xml", "evergreen/jazz_1k.mrc")


def test_import_tail_is_the_record_tail_with_no_value_for_null(shared_data: Path) -> None:
    seen = 0
    for name in REAL_FILES:
        for entry in read_marc(shared_data / "marc" / name):
            if not isinstance(entry, MarcRecord) or entry.record_type != "bibliographic":
                continue
            bib = extract(entry)
            marc_text = entry.to_storage(skip=HOLDINGS_TAGS)
            tail = store.record_tail(bib, marc_text)
            assert "" not in tail  # so NULLIF(?, '') never turns a real value into NULL
            assert tuple(None if v == store.NO_VALUE else v
                         for v in store.import_record_tail(bib, marc_text)) == tail
            seen += 1
    assert seen > 1000


def test_imported_nulls_are_null(shared_data: Path, lib: Library) -> None:
    for name in REAL_FILES[:3]:
        lib.catalog.import_marc(shared_data / "marc" / name)
    conn = lib.db.conn
    for column in ("control_org", "edition", "series", "volume", "notes", "classification"):
        assert conn.execute(f"SELECT count(*) FROM records WHERE {column} = ''"
                            ).fetchone()[0] == 0
        assert conn.execute(f"SELECT count(*) FROM records WHERE {column} IS NULL"
                            ).fetchone()[0] > 0, column
    for column in ("call_number", "price", "acquired_on", "source", "note"):
        assert conn.execute(f"SELECT count(*) FROM items WHERE {column} = ''"
                            ).fetchone()[0] == 0
        assert conn.execute(f"SELECT count(*) FROM items WHERE {column} IS NULL"
                            ).fetchone()[0] > 0, column


def test_zero_and_present_values_are_kept(tmp_path: Path, lib: Library) -> None:
    fields = [Field("001", "Z1"), Field("245", None, "1", "0", [("a", "Số không")]),
              Field("250", None, " ", " ", [("a", "In lần 2")])]
    items = [ItemData(barcode="TK.00001", price=0.0, call_number="895 A", note="x"),
             ItemData(barcode="TK.00002", price=45000.0, acquired_on="2023-09-05")]
    path = tmp_path / "z.mrc"
    with path.open("wb") as out:
        write_iso2709([(MarcRecord("00000nam a2200000 a 4500", fields), items)], out)
    lib.catalog.import_marc(path)
    conn = lib.db.conn
    assert conn.execute("SELECT edition, year FROM records").fetchall() == [("In lần 2", None)]
    assert conn.execute("SELECT price, call_number, note, acquired_on FROM items ORDER BY id"
                        ).fetchall() == [(0.0, "895 A", "x", None),
                                         (45000.0, None, None, "2023-09-05")]


def test_checkpoints_are_spaced_during_the_import_only(shared_data: Path, lib: Library) -> None:
    from app.catalog import importer

    conn = lib.db.conn
    seen: list[int] = []
    lib.catalog.import_marc(shared_data / "marc" / REAL_FILES[0], parallel=False,
                            progress=lambda done, total: seen.append(
                                conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]))
    assert seen and set(seen) == {importer.CHECKPOINT_AFTER}
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    with pytest.raises(ZeroDivisionError):  # put back however the import ends
        lib.catalog.import_marc(shared_data / "marc" / REAL_FILES[1], parallel=False,
                                progress=lambda done, total: 1 / 0)
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000


@pytest.mark.parametrize("parallel", [False, True])
def test_the_marc_record_is_stored_as_the_text_it_was_read_as(
        shared_data: Path, tmp_path: Path, parallel: bool) -> None:
    """The reader hands the storage text over as its UTF-8 bytes (store.IMPORT_RECORD): it
    must land as that text, not as a blob, whichever process read it."""
    path = shared_data / "marc" / "evergreen" / "lul_fre_500.mrc"
    with Library.open(tmp_path / f"{parallel}.sqlite3") as lib:
        lib.catalog.import_marc(path, parallel=parallel)
        stored = lib.db.conn.execute("SELECT typeof(marc), marc FROM records ORDER BY id"
                                     ).fetchall()
    expected = [entry.to_storage(skip=HOLDINGS_TAGS) for entry in read_marc(path)
                if isinstance(entry, MarcRecord) and entry.record_type == "bibliographic"]
    assert {kind for kind, _ in stored} == {"text"}
    assert [marc for _, marc in stored] == expected
    assert any(not marc.isascii() for marc in expected)
