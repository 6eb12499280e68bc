"""A library imported before ISSNs and bar code numbers were searched (schema 8) gets them
searchable by migration 9, from the MARC records it stores: real serials of
../shared/data/marc/evergreen/oss.marc (022) and a real UPC (024)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.catalog import store
from app.db.migrate import latest_version
from app.library import Library

MARC = Path(__file__).resolve().parents[4] / "shared" / "data" / "marc"


def _as_version_8_left_it(path: Path) -> None:
    """Import real files with this version, then put the search rows back as version 8
    built them (no ISSN, no bar code number) and mark the file as schema 8."""
    with Library.open(path) as lib:
        for name in ("evergreen/oss.marc",
                     "evergreen/RDA/RDA_record_DVD-BLUE-RAY-MOVIE_Pineapple_express.mrc"):
            lib.catalog.import_marc(MARC / name)
        with lib.db.transaction() as conn:
            for (rid,) in conn.execute("SELECT rowid FROM record_search").fetchall():
                bib = store.RowBib(conn.execute(
                    f"SELECT {store.RowBib.COLUMNS} FROM records WHERE id = ?", (rid,)
                ).fetchone())
                bib.codes = []
                copies = conn.execute("SELECT call_number, barcode FROM items "
                                      "WHERE record_id = ? AND deleted = 0", (rid,)).fetchall()
                store.replace_search(conn, store.search_row(
                    rid, bib, [c for c, _ in copies if c], [b for _, b in copies]))
            conn.execute("PRAGMA user_version = 8")


def test_a_version_8_library_finds_issns_and_bar_codes_after_migrating(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _as_version_8_left_it(path)
    old = sqlite3.connect(path)
    try:  # what version 8 left: the numbers are in no search row
        assert old.execute("SELECT count(*) FROM records_fts WHERE records_fts MATCH "
                           "'other : \"14617021\" OR other : \"043396264175\"'").fetchone()[0] == 0
    finally:
        old.close()
    with Library.open(path) as lib:
        conn = lib.db.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        conn.execute("INSERT INTO records_fts(records_fts) VALUES ('integrity-check')")
        titles = lambda q: [h.title for h in lib.catalog.search(q).hits]  # noqa: E731
        assert titles("1461-7021") == ["Clinical Child Psychology and Psychiatry"]
        assert titles("issn:17412609") == ["European Journal of Criminology"] * 2  # two records
        assert titles("043396264175") == ["Pineapple express"]
        assert titles("psychiatry") == ["Clinical Child Psychology and Psychiatry"]
    assert list(tmp_path.glob("old.sqlite3.before-v*.bak"))
