"""A library made by the previous version (schema 9, patrons without ``expires_on``) opens
with migration 10: every patron keeps a card without expiry, the desk lends as before, and a
card can then be given an expiry that the desk enforces."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from app.circulation import Circulation
from app.db.migrate import latest_version
from app.library import Library
from tests.support.schema_rollback import put_back_to


def _as_version_9_left_it(path: Path) -> tuple[str, str]:
    """Patrons and a book made with this version, then the column dropped and the file
    marked schema 9, as the previous version wrote it."""
    with Library.open(path) as lib:
        card = lib.patrons.add("Nguyễn Văn An", class_name="6A").card
        lib.patrons.add("Bà Tư", category="community")
        barcode = lib.catalog.add_item(lib.catalog.add_record("Tắt đèn")).barcode
    put_back_to(path, 9, "DROP INDEX patrons_expires_on",
                "ALTER TABLE patrons DROP COLUMN expires_on")
    return card, barcode


def test_a_version_9_library_keeps_every_card_valid_after_migrating(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    card, barcode = _as_version_9_left_it(path)
    old = sqlite3.connect(path)
    try:
        assert "expires_on" not in {r[1] for r in old.execute("PRAGMA table_info(patrons)")}
    finally:
        old.close()
    clock = lambda: datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # noqa: E731
    with Library.open(path) as lib:
        assert lib.db.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert [p.expires_on for p in lib.patrons.list_patrons()] == [None, None]
        desk = Circulation(lib.db, lib.settings, clock=clock).desk
        assert desk.scan(card).code == "patron_selected"
        assert desk.scan(barcode).code == "checked_out"
        patron = lib.patrons.by_card(card)
        assert patron is not None
        lib.patrons.update(patron.id, expires_on="22/11/2026")
        assert desk.scan(card).code == "patron_selected_expired"
    assert list(tmp_path.glob("old.sqlite3.before-v*.bak"))
    with Library.open(path) as lib:  # put back to an older number by hand: migrates again
        lib.db.conn.execute("PRAGMA user_version = 9")
    with Library.open(path) as lib:
        assert lib.patrons.by_card(card).expires_on == "2026-11-22"  # type: ignore[union-attr]
