"""Loans: durability with the outbox, renewals, lost / damaged / found, history, anonymisation."""

from __future__ import annotations

from .conftest import World


def test_checkout_and_checkin_write_their_outbox_rows(world: World) -> None:
    [copy] = world.book()
    patron = world.student()
    out = world.circ.checkout(patron.card, copy.barcode)
    assert out.ok and out.loan is not None
    [inserted] = world.changes("loan", out.loan.uuid)
    assert inserted["item_uuid"] == copy.uuid and inserted["patron_uuid"] == patron.uuid
    assert inserted["due_on"] == "2025-09-22" and inserted["returned_at"] is None
    assert world.changes("item", copy.uuid)[-1]["status"] == "on_loan"
    world.clock.advance(days=3)
    back = world.circ.checkin(copy.barcode)
    assert back.ok
    assert world.changes("loan", out.loan.uuid)[-1]["returned_at"] == back.loan.returned_at
    assert world.changes("item", copy.uuid)[-1]["status"] == "available"


def test_checkout_by_student_code_and_id(world: World) -> None:
    a, b = world.book(copies=2)
    patron = world.lib.patrons.add("Đỗ Minh Châu", class_name="8C", student_code="HS-2025-17")
    assert world.circ.checkout("HS-2025-17", a.barcode).ok
    assert world.circ.checkout(patron.id, b.barcode).ok
    assert world.circ.checkout("nobody", b.barcode).code == "patron_not_found"
    assert world.circ.checkout(patron.id, "TK.99999").code == "item_not_found"


def test_late_return_says_how_late(world: World) -> None:
    [copy] = world.book()
    world.circ.checkout(world.student().card, copy.barcode)
    world.clock.advance(days=17)
    back = world.circ.checkin(copy.barcode)
    assert back.code == "checked_in" and "Quá hạn 3 ngày" in back.message_in("vi")


def test_renew_limits_and_due_date(world: World) -> None:
    [copy] = world.book()
    patron = world.student()
    world.circ.checkout(patron.card, copy.barcode)
    world.clock.advance(days=10)   # Thursday 18 Sep
    renewed = world.circ.renew(copy.barcode)
    assert renewed.code == "renewed" and renewed.loan.due == "2025-10-02"
    assert renewed.loan.renewals == 1
    again = world.circ.renew(copy.barcode)
    assert again.code == "renew_limit" and again.params["max"] == 1
    world.clock.advance(days=1)
    assert world.circ.renew(copy.barcode, force=True).ok


def test_renewing_the_day_it_was_lent_adds_nothing_and_uses_no_renewal(world: World) -> None:
    [copy] = world.book()
    lent = world.circ.checkout(world.student().card, copy.barcode)
    same_day = world.circ.renew(copy.barcode)
    assert not same_day.ok and same_day.code == "renew_no_change"
    assert "vẫn hạn trả 22/09/2025" in same_day.message_in("vi")
    world.clock.advance(days=3)
    later = world.circ.renew(copy.barcode)
    assert later.code == "renewed" and later.loan.renewals == 1  # the one renewal is still there
    assert later.loan.due > lent.loan.due


def test_renew_refused_when_someone_waits(world: World) -> None:
    [copy] = world.book()
    world.circ.checkout(world.student("An").card, copy.barcode)
    world.circ.place_hold(world.student("Bình").card, copy.record_id)
    assert world.circ.renew(copy.barcode).code == "renew_on_hold"


def test_a_blocked_or_departed_reader_cannot_renew(world: World) -> None:
    first, second = world.book(copies=2)
    patron = world.student("An")
    world.circ.checkout(patron.card, first.barcode)
    world.circ.checkout(patron.card, second.barcode)
    world.clock.advance(days=5)
    world.lib.patrons.set_status(patron.id, "blocked")
    refused = world.circ.renew(first.barcode)
    assert not refused.ok and refused.code == "renew_patron_blocked"
    assert refused.message_in("vi") == (
        f"Không gia hạn được “Dế Mèn phiêu lưu ký” ({first.barcode}): thẻ của An đang bị "
        "khoá. Trả sách thì vẫn nhận.")
    assert world.circ.renew(first.barcode, force=True).ok  # the librarian's override
    world.lib.patrons.set_status(patron.id, "left")
    gone = world.circ.renew(second.barcode)
    assert gone.code == "renew_patron_inactive" and "hãy nhận lại sách" in gone.message_in("vi")
    assert world.circ.checkin(second.barcode).ok  # returns are still taken


def test_renew_of_an_item_not_on_loan(world: World) -> None:
    [copy] = world.book()
    assert world.circ.renew(copy.barcode).code == "not_on_loan"


def test_lost_then_found(world: World) -> None:
    [copy] = world.book()
    patron = world.student()
    out = world.circ.checkout(patron.card, copy.barcode)
    lost = world.circ.mark_lost(copy.barcode)
    assert lost.code == "marked_lost" and lost.loan.outcome == "lost"
    assert "Nguyễn Văn An" in lost.message_in("vi")
    assert world.lib.catalog.item(copy.id).status == "lost"
    refused = world.circ.checkout(patron.card, copy.barcode)
    assert refused.code == "item_unavailable" and "“bị mất”" in refused.message_in("vi")
    # the lost loan no longer counts as open or overdue
    world.clock.advance(days=30)
    assert world.circ.overdue() == []
    # scanned back in at the desk: found
    world.circ.desk.set_mode("checkin")
    found = world.circ.desk.scan(copy.barcode)
    assert found.code == "found" and found.item.status == "available"
    assert world.count("SELECT count(*) FROM loans WHERE uuid = ?", out.loan.uuid) == 1


def test_damaged_on_return(world: World) -> None:
    [copy] = world.book()
    world.circ.checkout(world.student().card, copy.barcode)
    damaged = world.circ.mark_damaged(copy.barcode)
    assert damaged.loan.outcome == "damaged" and damaged.item.status == "damaged"
    assert world.circ.mark_found(copy.barcode).item.status == "available"
    assert world.circ.mark_found(copy.barcode).code == "not_on_loan"


def test_history_is_kept_and_survives_anonymisation(world: World) -> None:
    [copy] = world.book()
    patron = world.student()
    for _ in range(3):
        world.circ.checkout(patron.card, copy.barcode)
        world.clock.advance(days=1)
        world.circ.checkin(copy.barcode)
    world.lib.patrons.set_status(patron.id, "left")
    world.lib.patrons.privacy.erase(patron.id)
    rows = world.lib.db.conn.execute(
        "SELECT patron_category, patron_class, item_type, returned_at IS NOT NULL FROM loans"
    ).fetchall()
    assert rows == [("student", "6A", "book", 1)] * 3
    assert world.count("SELECT count(*) FROM patrons WHERE full_name = 'Nguyễn Văn An'") == 0


def test_detach_patron_unlinks_only_closed_loans(world: World) -> None:
    a, b = world.book(copies=2)
    patron = world.student()
    first = world.circ.checkout(patron.card, a.barcode)
    world.circ.checkin(a.barcode)
    world.circ.checkout(patron.card, b.barcode)
    assert world.circ.detach_patron(patron.id) == 1
    assert world.changes("loan", first.loan.uuid)[-1]["patron_uuid"] is None
    assert world.count("SELECT count(*) FROM loans WHERE patron_id IS NULL") == 1


def test_visits_and_in_library_reading_are_counted(world: World) -> None:
    [ref] = world.book("Từ điển Anh–Việt", item_type="reference")
    patron = world.student()
    world.circ.record_visit(patron.card)
    world.circ.record_visit(patron.card)
    world.circ.record_in_library(ref.barcode)
    day = world.circ.today()
    tally = {(c.kind, c.group): c.count for c in world.circ.usage_tally(day, day)}
    assert tally == {("visit", "student"): 2, ("in_library", "reference"): 1}
