"""Holds: the queue per record, the hold shelf, pickup deadlines, cancel and expiry."""

from __future__ import annotations

from datetime import date

from .conftest import World


def test_queue_is_first_come_first_served(world: World) -> None:
    [copy] = world.book()
    borrower, first, second = (world.student(n) for n in ("An", "Bình", "Chi"))
    world.circ.checkout(borrower.card, copy.barcode)
    placed = world.circ.place_hold(first.card, copy.record_id)
    assert placed.ok and placed.hold.position == 1
    assert world.circ.place_hold(second.card, copy.record_id).hold.position == 2
    assert [h.position for h in world.circ.holds_of(second.card)] == [2]
    world.clock.advance(days=2)
    back = world.circ.checkin(copy.barcode)
    assert back.code == "checked_in_hold"
    assert back.hold.patron.full_name == "Bình" and back.item.status == "on_hold_shelf"
    # kept 7 days: Wed 10 Sep + 7 = Wed 17 Sep
    assert back.hold.ready_until == "2025-09-17"
    assert "GIỮ LẠI cho Bình (6A) đến 17/09/2025" in back.message_in("vi")
    assert [h.patron.full_name for h in world.circ.hold_queue(copy.record_id)] == ["Bình", "Chi"]
    chi = world.lib.patrons.search("Chi")[0]
    # the reader's own list says where they stand (the desk showed "position ?")
    assert [(h.status, h.position) for h in world.circ.holds_of(chi.card)] == [("waiting", 1)]
    assert [h.status for h in world.circ.hold_queue(copy.record_id)] == ["ready", "waiting"]
    assert world.changes("hold", back.hold.uuid)[-1]["status"] == "ready"


def test_a_hold_with_copies_on_the_shelf_says_they_can_be_lent_now(world: World) -> None:
    copies = world.book("Tắt đèn", copies=3)
    world.circ.checkout(world.student("An").card, copies[0].barcode)
    placed = world.circ.place_hold(world.student("Bình").card, copies[0].record_id)
    assert placed.ok and placed.code == "hold_placed"
    shelf = ", ".join(sorted(c.barcode for c in copies[1:]))
    assert placed.message_in("vi").endswith(
        f"(thứ tự 1). Đang có 2 bản trên giá ({shelf}): có thể cho mượn ngay.")
    assert placed.message_in("en").endswith(f"2 copy(ies) on the shelf ({shelf}): it can be "
                                            "lent now.")
    for copy in copies[1:]:
        world.circ.checkout(world.student("Chi").card, copy.barcode)
    waits = world.circ.place_hold(world.student("Dung").card, copies[0].record_id)
    assert waits.message_in("vi") == "Đã đặt giữ “Tắt đèn” cho Dung (thứ tự 2)."


def test_pickup_deadline_moves_off_a_closed_day(world: World) -> None:
    [copy] = world.book()
    world.circ.checkout(world.student("An").card, copy.barcode)
    world.circ.place_hold(world.student("Bình").card, copy.record_id)
    world.circ.calendar.add_closed(date(2025, 9, 15), date(2025, 9, 16), "Kiểm kê")
    back = world.circ.checkin(copy.barcode)   # Mon 8 Sep + 7 = Mon 15 → Wed 17
    assert back.hold.ready_until == "2025-09-17"


def test_holder_borrows_it_and_the_hold_is_fulfilled(world: World) -> None:
    [copy] = world.book()
    world.circ.checkout(world.student("An").card, copy.barcode)
    holder = world.student("Bình")
    world.circ.place_hold(holder.card, copy.record_id)
    world.circ.checkin(copy.barcode)
    lent = world.circ.checkout(holder.card, copy.barcode)
    assert lent.code == "checked_out_hold" and lent.hold.status == "fulfilled"
    assert world.circ.hold_queue(copy.record_id) == []


def test_cancel_passes_the_copy_to_the_next(world: World) -> None:
    [copy] = world.book()
    world.circ.checkout(world.student("An").card, copy.barcode)
    first = world.circ.place_hold(world.student("Bình").card, copy.record_id).hold
    world.circ.place_hold(world.student("Chi").card, copy.record_id)
    world.circ.checkin(copy.barcode)
    assert world.circ.cancel_hold(first.id).code == "hold_cancelled"
    [ready] = world.circ.hold_queue(copy.record_id)
    assert ready.patron.full_name == "Chi" and ready.status == "ready"
    assert world.circ.cancel_hold(first.id).code == "hold_not_found"
    assert world.circ.cancel_hold(ready.id).ok
    assert world.lib.catalog.item(copy.id).status == "available"


def test_expired_hold_moves_on(world: World) -> None:
    [copy] = world.book()
    world.circ.checkout(world.student("An").card, copy.barcode)
    world.circ.place_hold(world.student("Bình").card, copy.record_id)
    world.circ.place_hold(world.student("Chi").card, copy.record_id)
    world.circ.checkin(copy.barcode)
    world.clock.advance(days=7)          # Mon 15 Sep: the last pickup day
    assert world.circ.expire_holds() == []
    world.clock.advance(days=1)
    [expired] = world.circ.expire_holds()
    assert expired.patron.full_name == "Bình" and expired.status == "expired"
    [shelf] = world.circ.hold_shelf()
    assert shelf.patron.full_name == "Chi"


def test_hold_refusals(world: World) -> None:
    [copy] = world.book()
    [textbook] = world.book("Ngữ văn 6", item_type="textbook", collection="GK")
    patron = world.student()
    assert world.circ.place_hold(patron.card, copy.record_id).ok
    assert world.circ.place_hold(patron.card, copy.record_id).code == "hold_duplicate"
    assert world.circ.place_hold(patron.card, textbook.record_id).code == "hold_not_allowed"
    world.circ.checkout(patron.card, textbook.barcode)
    other = world.student("Bình")
    world.circ.checkout(other.card, copy.barcode)
    assert world.circ.place_hold(other.card, copy.record_id).code == "hold_has_copy"
    blocked = world.student("Chi")
    world.lib.patrons.set_status(blocked.id, "blocked")
    assert world.circ.place_hold(blocked.card, copy.record_id).code == "patron_blocked"
    assert world.circ.place_hold(patron.card, 999).code == "record_not_found"


def test_a_lost_copy_on_the_hold_shelf_puts_the_hold_back_in_the_queue(world: World) -> None:
    [copy] = world.book()
    world.circ.checkout(world.student("An").card, copy.barcode)
    world.circ.place_hold(world.student("Bình").card, copy.record_id)
    world.circ.checkin(copy.barcode)
    world.circ.mark_lost(copy.barcode)
    [hold] = world.circ.hold_queue(copy.record_id)
    assert hold.status == "waiting" and hold.item_id is None
    found = world.circ.mark_found(copy.barcode)
    assert found.code == "checked_in_hold" and found.hold.patron.full_name == "Bình"


def test_desk_expires_holds_on_the_first_scan_of_the_day(world: World) -> None:
    [copy] = world.book()
    world.circ.checkout(world.student("An").card, copy.barcode)
    world.circ.place_hold(world.student("Bình").card, copy.record_id)
    world.circ.checkin(copy.barcode)
    reader = world.student("Chi")
    world.circ.desk.scan(reader.card)
    assert world.circ.desk.scan(copy.barcode).code == "on_hold_for_other"
    world.clock.advance(days=8)          # Bình never came: the pickup deadline has passed
    world.circ.desk.scan(reader.card)
    lent = world.circ.desk.scan(copy.barcode)
    assert lent.ok and lent.loan is not None
    assert world.circ.hold_queue(copy.record_id) == []
    assert world.circ.hold_shelf() == []


def test_the_card_of_a_reader_whose_hold_is_ready_says_so(world: World) -> None:
    """The desk's answer to the card names the book waiting on the hold shelf (only the
    panel under it said "ĐÃ CÓ SÁCH"), in both languages; none when nothing waits."""
    [copy] = world.book()
    world.circ.checkout(world.student("An").card, copy.barcode)
    holder = world.student("Bình")
    world.circ.place_hold(holder.card, copy.record_id)
    waiting = world.circ.desk.scan(holder.card)
    assert "đặt giữ" not in waiting.message_in("vi")
    world.circ.checkin(copy.barcode)
    ready = world.circ.desk.scan(holder.card)
    assert ready.code == "patron_selected" and ready.params["holds_ready"] == 1
    assert ready.message_in("vi").endswith(
        "đang mượn 0, quá hạn 0. Có 1 sách đặt giữ đang chờ trên giá giữ sách.")
    assert ready.message_in("en").endswith("1 held book(s) waiting on the hold shelf.")


def test_no_hold_on_a_record_without_a_copy(world: World) -> None:
    """A record catalogued with no copy (0/0), or whose only copy was written off: nothing
    would ever come back for the reader; refused with the reason, nothing queued."""
    reader = world.student("An")
    empty = world.lib.catalog.add_record("Sách chưa về")
    refused = world.circ.place_hold(reader.card, empty)
    assert not refused.ok and refused.code == "hold_no_copies"
    assert refused.message_in("vi") == (
        "Không nhận đặt giữ “Sách chưa về”: thư viện không có bản nào của đầu sách này, bạn "
        "đọc sẽ chờ mãi.")
    assert refused.message_in("en") == (
        "No hold on “Sách chưa về”: the library has no copy of it, the reader would wait "
        "forever.")
    [copy] = world.book("Tắt đèn")
    world.lib.catalog.set_item_status(copy.id, "withdrawn")
    assert world.circ.place_hold(reader.card, copy.record_id).code == "hold_no_copies"
    assert world.count("SELECT count(*) FROM holds") == 0
    [lost] = world.book("Lão Hạc")  # a lost copy may still be found: the hold is taken
    world.circ.checkout(world.student("Bình").card, lost.barcode)
    world.circ.mark_lost(lost.barcode)
    assert world.circ.place_hold(reader.card, lost.record_id).ok
