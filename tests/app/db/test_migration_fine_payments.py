"""A library made by the previous version (schema 10: fines paid whole or not at all) opens
with migration 11: a fine paid then reads as paid, its whole amount received on the day it
was settled and by whom; what is owed is unchanged; part payments work from then on."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from app.circulation import Circulation
from app.db.migrate import latest_version
from app.library import Library
from tests.support.schema_rollback import put_back_to

SETTLED = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # 10:00 on 02/03/2026 in Hà Nội


def _as_version_10_left_it(path: Path) -> dict[str, object]:
    """Two lost-book charges (25.000 đ paid by Cô Hạnh, 12.000 đ owed), then the payments table
    dropped and the file marked schema 10, as the previous version wrote it."""
    with Library.open(path) as lib:
        circ = Circulation(lib.db, lib.settings, clock=lambda: SETTLED)
        circ.fines.set_lost_charge_percent(100)
        card = lib.patrons.add("Nguyễn Văn An", class_name="6A").card
        charges = []
        for title, price in (("Tiếng Việt 6", 25000), ("Toán 6", 12000)):
            copy = lib.catalog.add_item(lib.catalog.add_record(title), price=price)
            assert circ.checkout(card, copy.barcode).ok
            charges.append(circ.mark_lost(copy.barcode).fine)
        paid = circ.fines.pay(charges[0].id, by="Cô Hạnh")  # type: ignore[union-attr]
        before = {"paid": paid, "owed": charges[1], "patron": paid.patron_id,
                  "outstanding": circ.fines.outstanding(paid.patron_id or 0)}
    put_back_to(path, 10, "DROP TABLE fine_payments",
                "DELETE FROM changes WHERE entity = 'fine_payment'")
    return before


def test_fines_paid_before_read_the_same_after_migrating(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    before = _as_version_10_left_it(path)
    old = sqlite3.connect(path)
    try:
        assert old.execute("SELECT count(*) FROM sqlite_master WHERE name = 'fine_payments'"
                           ).fetchone() == (0,)
    finally:
        old.close()
    later = datetime(2026, 3, 9, 3, 0, tzinfo=UTC)
    with Library.open(path) as lib:
        assert lib.db.conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        fines = Circulation(lib.db, lib.settings, clock=lambda: later).fines
        paid, owed = before["paid"], before["owed"]
        now_paid = fines.get(paid.id)  # type: ignore[attr-defined]
        assert (now_paid.status, now_paid.paid, now_paid.owed) == ("paid", 25000, 0)
        assert now_paid.settled_at == paid.settled_at  # type: ignore[attr-defined]
        assert fines.get(owed.id).owed == 12000  # type: ignore[attr-defined]
        assert fines.outstanding(before["patron"]) == before["outstanding"] == (12000, 1)  # type: ignore[arg-type]
        [received] = fines.received()
        assert (received.day, received.amount, received.received_by) == ("2026-03-02", 25000,
                                                                         "Cô Hạnh")
        assert fines.received(date(2026, 3, 3)) == []
        # the back-filled payment wrote no outbox row: the fine's own rows said it was paid
        assert lib.db.conn.execute("SELECT count(*) FROM changes WHERE entity = 'fine_payment'"
                                   ).fetchone() == (0,)
        part = fines.pay(owed.id, 5000)  # type: ignore[attr-defined]
        assert (part.status, part.paid, part.owed) == ("outstanding", 5000, 7000)
        assert lib.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert lib.db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert list(tmp_path.glob("old.sqlite3.before-v*.bak"))
    with Library.open(path) as lib:  # put back to an older number by hand: migrates again
        lib.db.conn.execute("PRAGMA user_version = 10")
    with Library.open(path) as lib:
        amounts = [p.amount for p in lib.circulation.fines.payments()]
        assert sorted(amounts) == [5000, 25000]  # nothing paid twice


def test_a_version_10_school_file_reads_its_fines_the_same(tmp_path: Path) -> None:
    """The shared old-library builder's schema-10 file (fines paid, waived, owed and a lost-book
    charge, written by SQL as that version did): after migration 11 each reads as before."""
    from tests.support.old_libraries import old_library

    path = old_library(tmp_path / "v10.sqlite3", 10)
    with Library.open(path) as lib:
        fines = lib.circulation.fines
        by_id = {f.id: (f.status, f.amount, f.paid, f.owed) for f in fines.find()}
        assert by_id == {1: ("paid", 5000, 5000, 0), 2: ("waived", 6500, 0, 0),
                         3: ("outstanding", 7000, 0, 7000), 4: ("outstanding", 45000, 0, 45000)}
        [received] = fines.received()
        assert (received.fine_id, received.amount, received.day, received.received_by) == (
            1, 5000, "2024-11-08", "thuthu")
        assert fines.outstanding(2) == (45000, 1)  # the waived fine owes nothing
        part = Circulation(lib.db, lib.settings, clock=lambda: SETTLED).fines.pay(4, 20000)
        assert (part.status, part.paid, part.owed) == ("outstanding", 20000, 25000)
