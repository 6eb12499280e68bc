"""Every migration does the same thing forever: a library file left at any older schema
version (built by tests/support/old_libraries.py with what that version could write: loans
returned late, on loan, lost and damaged, fines paid, waived and owed, charges for lost books,
copies in several collections, a write-off and a stocktake) migrates to exactly the rows the
migrations wrote when they were made, even after the application's own code has changed.

``migrated_from_old_versions.json`` holds each table's fingerprint after migrating from each
older version to schema 10, taken with the migrations as they were before they were frozen
(m0003 seeded the rules with app.circulation.rules, m0005 used app.catalog.store's word
length, m0009 rebuilt search rows with app.catalog.store).

``migrated_to_12.json`` holds the same from each version 1 … 11 to schema 12, the files
holding what versions 11 (fines paid in parts) and 12 (the union catalog's cache indexed in
full) write too, and the cache's full-text words; the UUIDs m0011 makes at random for the
payments it back-fills are left out.
"""

from __future__ import annotations

import ast
import json
import sqlite3
from pathlib import Path

import pytest

from app.db import migrations
from app.db.connection import Database, connect
from app.db.migrate import latest_version, migrate
from app.library import Library
from tests.support.old_libraries import old_library, table_digest

EXPECTED = json.loads((Path(__file__).with_name("migrated_from_old_versions.json")).read_text())
FROZEN_AT = 10  # the newest schema the fingerprints cover
EXPECTED_12 = json.loads((Path(__file__).with_name("migrated_to_12.json")).read_text())
BOTH_INDEXES = ("records_fts", "union_cache_fts")


def _migrated_digest(path: Path, upto: int = FROZEN_AT,
                     fts: tuple[str, ...] = ("records_fts",)) -> dict[str, str]:
    db = Database(connect(path), path)
    try:
        migrate(db, upto=upto)
        for index in fts:
            db.conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
        return table_digest(db.conn, fts)
    finally:
        db.close()


@pytest.mark.parametrize("version", range(1, FROZEN_AT))
def test_an_old_library_migrates_to_the_same_rows_as_ever(tmp_path: Path, version: int) -> None:
    path = old_library(tmp_path / "old.sqlite3", version)
    assert _migrated_digest(path) == EXPECTED[str(version)]


@pytest.mark.parametrize("version", range(1, 12))
def test_an_old_library_migrates_to_schema_12_the_same_as_ever(tmp_path: Path,
                                                               version: int) -> None:
    path = old_library(tmp_path / "old.sqlite3", version)
    assert _migrated_digest(path, 12, BOTH_INDEXES) == EXPECTED_12[str(version)]


def test_a_library_of_version_12_keeps_its_part_payments_and_its_union_cache(
        tmp_path: Path) -> None:
    """What versions 11 and 12 wrote reads the same with today's application."""
    path = old_library(tmp_path / "v12.sqlite3", 12)
    with Library.open(path) as lib:
        conn = lib.db.conn
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        owed = dict(conn.execute(
            "SELECT f.id, f.amount - coalesce(sum(p.amount), 0) FROM fines f "
            "LEFT JOIN fine_payments p ON p.fine_id = f.id GROUP BY f.id").fetchall())
        assert owed == {1: 0, 2: 6500, 3: 4000, 4: 0}  # the waived fine: nothing received
        found = lib.sync.union_search("thiếu nhi năm:2020")  # a subject and a year
        assert [hit["title"] for hit in found["hits"]] == ["Đất rừng phương Nam"]
        found = lib.sync.union_search("kết nối tri thức")  # the series
        assert [hit["title"] for hit in found["hits"]] == ["Tiếng Việt 2. Tập 1"]


def test_changing_the_application_changes_nothing_a_migration_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Later versions change the default loan rules, the word length search completes and
    the search row's layout; libraries still migrating from older files must not notice."""
    import app.catalog.store as store
    import app.circulation.rules as rules

    monkeypatch.setattr(rules, "DEFAULT_RULES", (rules.LoanRule("*", "*", loan_days=3),))
    monkeypatch.setattr(store, "COMPLETED_PREFIX", 6)
    monkeypatch.setattr(store, "search_row", lambda rid, *_a, **_k: (rid, "", "", "", "", ""))
    for version in (2, 4, 8):
        path = old_library(tmp_path / f"v{version}.sqlite3", version)
        assert _migrated_digest(path) == EXPECTED[str(version)], version


def test_migrations_import_nothing_from_the_application() -> None:
    """Only the standard library and the frozen helpers beside the migrations."""
    folder = Path(migrations.__file__).parent
    for module in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                top = name.split(".")[0]
                assert top != "app" or name.startswith("app.db.migrations._"), \
                    f"{module.name} imports {name}"


def test_a_library_from_before_lost_charges_opens_with_its_loans_and_fines(
        tmp_path: Path) -> None:
    path = old_library(tmp_path / "v6.sqlite3", 6)
    old = sqlite3.connect(path)
    try:
        fines_before = old.execute("SELECT * FROM fines ORDER BY id").fetchall()
        loans_before = old.execute("SELECT * FROM loans ORDER BY id").fetchall()
    finally:
        old.close()
    with Library.open(path) as lib:
        conn = lib.db.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        fine_columns = len(fines_before[0])
        assert [r[:fine_columns] for r in conn.execute("SELECT * FROM fines ORDER BY id")] \
            == fines_before
        assert [r[:len(loans_before[0])] for r in conn.execute("SELECT * FROM loans ORDER BY id")
                ] == loans_before
        per_collection = dict(conn.execute(
            "SELECT coalesce(collection, '-'), count(*) FROM items GROUP BY 1").fetchall())
        assert per_collection == {"-": 1, "SGK": 3, "TC": 1, "TK": 3, "TN": 4}
        # The lost copy can now be charged: the rebuilt table accepts a fine of kind 'lost'.
        conn.execute("INSERT INTO fines(uuid, library_id, created_at, updated_at, loan_id, "
                     "patron_id, kind, days_late, per_day, amount, assessed_on) VALUES "
                     "('x', 'y', 'z', 'z', 6, 2, 'lost', 0, 0, 45000, '2024-11-04')")
