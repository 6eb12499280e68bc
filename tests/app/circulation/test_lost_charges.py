"""Lost-book charges (đền sách): charged when a copy on loan is marked lost, cancelled when it
turns up unpaid, reported when it was already paid; nothing at all where the library does not
charge."""

from __future__ import annotations

import sqlite3

import pytest

from app.catalog.models import Item
from app.errors import UserError
from app.library import Library

from .conftest import World


def priced_loan(world: World, price: float | None = 45000) -> tuple[str, Item]:
    """A copy worth *price* đồng lent to An; returns (card, copy)."""
    record_id = world.lib.catalog.add_record("Tiếng Việt 6 tập 1")
    copy = world.lib.catalog.add_item(record_id, price=price)
    patron = world.student("Nguyễn Văn An")
    assert world.circ.checkout(patron.card, copy.barcode).ok
    return patron.card, copy


def test_without_a_charge_setting_a_loss_costs_nothing(world: World) -> None:
    assert world.circ.fines.lost_charge_percent() == 0  # the default
    _card, copy = priced_loan(world)
    lost = world.circ.mark_lost(copy.barcode)
    assert lost.ok and lost.code == "marked_lost" and lost.fine is None
    assert lost.message_in("vi") == ("Đã ghi mất “Tiếng Việt 6 tập 1” "
                                     f"({copy.barcode}). Người mượn: Nguyễn Văn An.")
    assert world.count("SELECT count(*) FROM fines") == 0


def test_a_lost_copy_charges_its_borrower_its_price(world: World) -> None:
    world.circ.fines.set_lost_charge_percent(100)
    card, copy = priced_loan(world, 45000)
    lost = world.circ.mark_lost(copy.barcode)
    charge = lost.fine
    assert charge is not None and charge.kind == "lost" and charge.amount == 45000
    assert (charge.days_late, charge.status, charge.patron_card) == (0, "outstanding", card)
    assert lost.message_in("vi").endswith("Người mượn: Nguyễn Văn An. Tiền đền sách: 45.000 đ.")
    assert lost.message_in("en").endswith("Replacement charge: 45.000 đ.")
    assert lost.to_dict()["fine"]["kind"] == "lost"  # type: ignore[index]
    assert world.changes("fine", charge.uuid)[-1]["kind"] == "lost"
    # The card scan tells the librarian what the reader owes: a replacement, not a fine
    # (it said "Nợ phạt 45.000 đ.").
    assert world.circ.desk.scan(card).message_in("vi").endswith("Còn nợ 45.000 đ.")


def test_the_percentage_and_rounding(world: World) -> None:
    world.circ.fines.set_lost_charge_percent(150)
    _card, copy = priced_loan(world, 32500)
    assert world.circ.mark_lost(copy.barcode).fine.amount == 48800  # type: ignore[union-attr]


def test_no_price_or_no_loan_means_no_charge(world: World) -> None:
    world.circ.fines.set_lost_charge_percent(100)
    _card, copy = priced_loan(world, None)
    assert world.circ.mark_lost(copy.barcode).fine is None
    shelf_copy = world.lib.catalog.add_item(world.lib.catalog.add_record("Toán 6"), price=20000)
    missing = world.circ.mark_lost(shelf_copy.barcode)  # lost from the shelf: nobody to charge
    assert missing.ok and missing.fine is None and missing.patron is None
    assert world.count("SELECT count(*) FROM fines") == 0


def test_an_unpaid_charge_is_cancelled_when_the_book_turns_up(world: World) -> None:
    world.circ.fines.set_lost_charge_percent(100)
    card, copy = priced_loan(world, 45000)
    world.circ.mark_lost(copy.barcode)
    world.clock.advance(days=3)
    found = world.circ.desk.scan(copy.barcode)  # scanned in at the desk
    assert found.ok and found.code == "found" and found.item.status == "available"  # type: ignore[union-attr]
    assert found.message_in("vi").endswith("Đã huỷ tiền đền 45.000 đ chưa nộp.")
    charge = found.fine
    assert charge is not None and charge.status == "waived"
    assert charge.reason and charge.reason.startswith(("Đã tìm thấy sách ngày", "Book found on"))
    patron_id = charge.patron_id
    assert patron_id is not None and world.circ.fines.outstanding(patron_id) == (0, 0)
    assert "Còn nợ" not in world.circ.desk.scan(card).message_in("vi")


def test_a_paid_charge_stays_paid_and_the_librarian_is_told(world: World) -> None:
    world.circ.fines.set_lost_charge_percent(100)
    _card, copy = priced_loan(world, 45000)
    charge = world.circ.mark_lost(copy.barcode).fine
    assert charge is not None
    world.circ.fines.pay(charge.id, by="Cô Hạnh")
    found = world.circ.mark_found(copy.barcode)
    assert found.ok and found.fine is not None and found.fine.status == "paid"
    assert "Bạn đọc đã nộp tiền đền 45.000 đ" in found.message_in("vi")
    assert "paid 45.000 đ for it" in found.message_in("en")


def test_a_found_copy_that_someone_waits_for_goes_to_the_hold_shelf_and_still_cancels(
        world: World) -> None:
    world.circ.fines.set_lost_charge_percent(100)
    _card, copy = priced_loan(world, 30000)
    world.circ.mark_lost(copy.barcode)
    waiting = world.student("Trần Thị Bình", class_name="6B")
    assert world.circ.place_hold(waiting.card, copy.record_id).ok
    found = world.circ.mark_found(copy.barcode)
    assert found.code == "checked_in_hold"
    assert found.message_in("vi").endswith("Đã huỷ tiền đền 30.000 đ chưa nộp.")


def test_the_setting_refuses_nonsense(world: World) -> None:
    for bad in (-1, 501):
        with pytest.raises(UserError) as refused:
            world.circ.fines.set_lost_charge_percent(bad)
        assert "0–500" in refused.value.message
    world.circ.fines.set_lost_charge_percent(0)
    assert world.circ.fines.lost_charge_percent() == 0


def test_fines_made_before_this_version_survive_the_upgrade(world: World) -> None:
    """Migration 7 rebuilds the fines table: an overdue fine written by version 6 keeps every
    value, and lost-book charges can be written afterwards."""
    from app.circulation.rules import LoanRule
    from app.db.migrate import backup_to, split_sql
    from app.db.migrations import m0006_fines

    world.circ.rules.set(LoanRule("*", "book", loan_days=14, fine_per_day=500))
    [copy] = world.book("Tắt đèn")
    patron = world.student("Lê Văn Cường")
    world.circ.checkout(patron.card, copy.barcode)
    world.clock.advance(days=19)
    before = world.circ.checkin(copy.barcode).fine
    assert before is not None and before.amount == 2500
    path = world.lib.db.path
    old = path.with_name("version6.sqlite3")
    backup_to(world.lib.db.conn, old)
    # Put the file back as version 6 wrote it: the first fines table, the same rows.
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("DROP TABLE fine_payments")  # version 6 had no part payments
    conn.execute("ALTER TABLE fines RENAME TO fines_now")
    for index in ("fines_patron", "fines_loan", "fines_outstanding"):
        conn.execute(f"DROP INDEX {index}")
    for statement in split_sql(m0006_fines.SQL):
        conn.execute(statement)
    conn.execute("INSERT INTO fines SELECT * FROM fines_now")
    conn.execute("DROP TABLE fines_now")
    conn.execute("PRAGMA user_version = 6")
    conn.commit()
    conn.close()
    check = sqlite3.connect(old)
    with pytest.raises(sqlite3.IntegrityError):  # the old checks refused a lost charge
        check.execute("UPDATE fines SET kind = 'lost', days_late = 0")
    check.close()

    with Library.open(old) as lib:
        assert lib.db.conn.execute("PRAGMA user_version").fetchone()[0] >= 7
        [after] = lib.circulation.fines.find()
        assert after == before
        lib.circulation.fines.set_lost_charge_percent(100)
        record_id = lib.catalog.add_record("Số đỏ")
        lost = lib.catalog.add_item(record_id, price=38000)
        lib.circulation.checkout(patron.card, lost.barcode, force=True)
        assert lib.circulation.mark_lost(lost.barcode).fine.amount == 38000  # type: ignore[union-attr]
        lib.db.conn.execute("PRAGMA foreign_key_check")
        assert lib.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert old.with_name("version6.sqlite3.before-v7.bak").exists() or any(
        old.parent.glob("version6.sqlite3.before-v*.bak"))
