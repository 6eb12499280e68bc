"""Overdue fines: assessed on a late return at the desk, paid or waived, kept at the school."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.circulation.fines import format_dong
from app.circulation.rules import LoanRule
from app.errors import UserError
from app.sync.privacy import outgoing

from .conftest import World

BOOK_RULE = LoanRule("*", "book", loan_days=14, max_items=3, renewals=1)


def fining(world: World, per_day: int = 500) -> None:
    """Books fine *per_day* đồng a day (loans from Mon 8 Sep 2025 are due Mon 22 Sep)."""
    world.circ.rules.set(LoanRule("*", "book", loan_days=14, max_items=3, renewals=1,
                                  fine_per_day=per_day))


def lend(world: World, name: str = "Nguyễn Văn An", due: str = "2025-09-22") -> tuple[str, str]:
    [copy] = world.book()
    patron = world.student(name)
    assert world.circ.checkout(patron.card, copy.barcode).loan.due == due  # type: ignore[union-attr]
    return patron.card, copy.barcode


def test_dong_amounts_use_a_dot_for_thousands() -> None:
    assert format_dong(2500) == "2.500 đ"
    assert format_dong(500) == "500 đ"
    assert format_dong(1_250_000) == "1.250.000 đ"


def test_no_fine_rule_means_no_fine_rows_and_the_same_message(world: World) -> None:
    assert world.circ.rules.rule_for("student", "book").fine_per_day == 0  # the default
    card, barcode = lend(world)
    world.clock.advance(days=19)  # Saturday 27 September, 5 days late
    desk = world.circ.desk
    back = desk.scan(barcode)
    assert back.code == "checked_in" and back.fine is None
    assert back.message_in("vi").endswith("Quá hạn 5 ngày.")
    assert "phạt" not in back.message_in("vi")
    assert world.count("SELECT count(*) FROM fines") == 0
    assert world.count("SELECT count(*) FROM changes WHERE entity = 'fine'") == 0
    assert desk.scan(card).message_in("vi").endswith("quá hạn 0.")
    assert back.to_dict()["fine"] is None


def test_late_return_at_the_desk_is_fined_and_said(world: World) -> None:
    fining(world)
    card, barcode = lend(world)
    world.clock.advance(days=19)  # Sat 27 Sep: 5 calendar days after Mon 22 Sep
    back = world.circ.desk.scan(barcode)
    assert back.ok and back.code == "checked_in"
    assert "Quá hạn 5 ngày — phạt 2.500 đ." in back.message_in("vi")
    assert "5 day(s) late — fine 2.500 đ." in back.message_in("en")
    fine = back.fine
    assert fine is not None and (fine.days_late, fine.per_day, fine.amount) == (5, 500, 2500)
    assert fine.status == "outstanding" and fine.assessed_on == "2025-09-27"
    assert fine.patron_card == card and fine.barcode == barcode
    assert back.to_dict()["fine"]["amount"] == 2500  # type: ignore[index]
    [change] = world.changes("fine", fine.uuid)
    assert change["amount"] == 2500 and change["status"] == "outstanding"
    assert change["loan_uuid"] == back.loan.uuid  # type: ignore[union-attr]

    selected = world.circ.desk.scan(card)
    assert selected.message_in("vi").endswith("Còn nợ 2.500 đ.")
    assert selected.params["owed"] == 2500


def test_on_time_return_in_a_fining_library_costs_nothing(world: World) -> None:
    fining(world)
    _card, barcode = lend(world)
    world.clock.advance(days=14)  # the due date itself
    back = world.circ.checkin(barcode)
    assert back.fine is None and "Quá hạn" not in back.message
    assert world.count("SELECT count(*) FROM fines") == 0


def test_closed_days_in_between_count_but_a_closed_due_date_does_not(world: World) -> None:
    fining(world, per_day=1000)
    _card, first = lend(world, "An")
    world.circ.calendar.add_closed(date(2025, 9, 23), date(2025, 9, 25), "nghỉ")
    world.clock.advance(days=18)  # Fri 26 Sep, the first open day after the closure
    assert world.circ.checkin(first).fine.amount == 4000  # type: ignore[union-attr]

    # A loan whose due date became a closed day after it was lent: counted from the next
    # open day, so a reader is never fined for a day the library was shut.
    _card, second = lend(world, "Bình", "2025-10-10")  # lent Fri 26 Sep
    world.circ.calendar.add_closed(date(2025, 10, 10), label="họp")
    world.clock.advance(days=15)  # Sat 11 Oct
    assert world.circ.checkin(second).fine is None
    _card, third = lend(world, "Cường", "2025-10-25")  # lent Sat 11 Oct
    world.circ.calendar.add_closed(date(2025, 10, 25), label="họp")
    world.clock.advance(days=16)  # Mon 27 Oct; 26 is a Sunday, open again on Mon 27
    assert world.circ.checkin(third).fine is None


def test_the_rule_for_the_patron_and_item_decides(world: World) -> None:
    fining(world)
    world.circ.rules.set(LoanRule("teacher", "book", loan_days=14, max_items=10, renewals=2))
    [copy] = world.book()
    teacher = world.student("Cô Lan", class_name="", category="teacher")
    world.circ.checkout(teacher.card, copy.barcode)
    world.clock.advance(days=20)
    back = world.circ.checkin(copy.barcode)
    assert back.fine is None and "phạt" not in back.message


def test_renewing_an_overdue_loan_charges_the_days_so_far(world: World) -> None:
    fining(world)
    _card, barcode = lend(world)
    world.clock.advance(days=16)  # Wed 24 Sep, 2 days late
    renewed = world.circ.renew(barcode)
    assert renewed.ok and renewed.fine is not None and renewed.fine.amount == 1000
    assert "phạt 1.000 đ" in renewed.message and renewed.loan.due == "2025-10-08"  # type: ignore[union-attr]
    world.clock.advance(days=14)  # back on the new due date: nothing more
    assert world.circ.checkin(barcode).fine is None
    assert world.count("SELECT count(*) FROM fines") == 1


def test_pay_and_waive(world: World) -> None:
    fining(world)
    card, a = lend(world, "An")
    patron_id = world.circ.desk.scan(card).patron.id  # type: ignore[union-attr]
    [b] = world.book("Tắt đèn")
    world.circ.checkout(card, b.barcode)
    world.clock.advance(days=19)
    world.circ.checkin(a)
    world.circ.checkin(b.barcode)
    fines = world.circ.fines
    assert fines.outstanding(patron_id) == (5000, 2)
    first, second = fines.find(patron_id, outstanding=True)

    paid = fines.pay(first.id, by="Cô Hạnh")
    assert paid.status == "paid" and paid.settled_by == "Cô Hạnh" and paid.settled_at
    assert world.changes("fine", first.uuid)[-1]["status"] == "paid"
    with pytest.raises(UserError) as again:
        fines.pay(first.id)
    assert "đã được xử lý" in again.value.message
    with pytest.raises(UserError) as no_reason:
        fines.waive(second.id, "   ")
    assert "lý do" in no_reason.value.message
    waived = fines.waive(second.id, "Gia đình khó khăn", by="Cô Hạnh")
    assert waived.status == "waived" and waived.reason == "Gia đình khó khăn"
    assert fines.outstanding(patron_id) == (0, 0)
    assert fines.find(patron_id, outstanding=True) == []
    assert {f.id: f.status for f in fines.find(patron_id)} == {first.id: "paid",
                                                                second.id: "waived"}
    assert "Còn nợ" not in world.circ.desk.scan(card).message


def test_outstanding_fines_block_loans_only_when_the_library_says_so(world: World) -> None:
    fining(world)
    card, barcode = lend(world)
    world.clock.advance(days=19)
    world.circ.checkin(barcode)
    [other] = world.book("Tắt đèn")
    assert world.circ.fines.block_at() == 0
    assert world.circ.checkout(card, other.barcode).ok  # default: fines never block
    world.circ.checkin(other.barcode)

    world.circ.fines.set_block_at(2000)
    refused = world.circ.checkout(card, other.barcode)
    assert refused.code == "has_fines" and refused.offers == ("force",)
    assert "còn nợ tiền phạt 2.500 đ" in refused.message
    assert world.lib.catalog.item_by_barcode(other.barcode).status == "available"
    assert world.circ.checkout(card, other.barcode, force=True).ok
    world.circ.checkin(other.barcode)
    [fine] = world.circ.fines.find(outstanding=True)
    world.circ.fines.pay(fine.id)
    world.clock.advance(seconds=5)
    assert world.circ.checkout(card, other.barcode).ok


def test_fines_never_leave_the_school(world: World) -> None:
    fining(world)
    _card, barcode = lend(world)
    world.clock.advance(days=19)
    world.circ.checkin(barcode)
    [fine] = world.circ.fines.find()
    world.circ.fines.waive(fine.id, "Em bị ốm nằm viện")
    rows = world.lib.db.conn.execute("SELECT entity, payload FROM changes ORDER BY seq").fetchall()
    fines = [json.loads(payload) for entity, payload in rows if entity == "fine"]
    assert [f["status"] for f in fines] == ["outstanding", "waived"]
    loan_uuid = world.lib.db.conn.execute("SELECT uuid FROM loans WHERE id = ?",
                                          (fine.loan_id,)).fetchone()[0]
    returned = world.changes("loan", loan_uuid)[-1]
    for policy in ("none", "share"):  # even a school that shares personal data keeps fines
        assert all(outgoing("fine", f, policy, "secret") is None for f in fines)
        sent = outgoing("loan", returned, policy, "secret")  # the loan itself still goes
        assert sent is not None and sent[1]["returned_at"] and "2500" not in json.dumps(sent)


def test_the_patrons_export_lists_fines_and_erasing_drops_the_reasons(world: World) -> None:
    fining(world)
    card, barcode = lend(world)
    patron = world.lib.patrons.by_card(card)
    world.clock.advance(days=19)
    world.circ.checkin(barcode)
    [fine] = world.circ.fines.find()
    world.circ.fines.waive(fine.id, "Em bị ốm nằm viện")
    exported = world.lib.patrons.privacy.export(patron.id)  # type: ignore[union-attr]
    assert [(f["amount"], f["status"], f["reason"]) for f in exported["fines"]] == [
        (2500, "waived", "Em bị ốm nằm viện")]
    world.lib.patrons.privacy.erase(patron.id)  # type: ignore[union-attr]
    assert world.count("SELECT count(*) FROM fines WHERE reason IS NOT NULL") == 0
    assert world.count("SELECT count(*) FROM fines WHERE amount = 2500") == 1
    assert all(c["reason"] is None for c in world.changes("fine", fine.uuid))
    assert world.count("SELECT count(*) FROM changes WHERE payload LIKE '%nằm viện%'") == 0
