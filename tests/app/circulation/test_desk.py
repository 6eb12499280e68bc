"""The desk's scan(): every outcome, every refusal, and that a refusal changes nothing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from app.catalog.isbn import ean13_check_digit
from app.circulation import Circulation
from app.errors import ValidationError
from app.i18n import set_language
from app.library import Library

from .conftest import FakeClock, World

ISBN = "9786040000001"[:12]
ISBN = ISBN + ean13_check_digit(ISBN)


def snapshot(world: World) -> tuple[object, ...]:
    conn = world.lib.db.conn
    return tuple(conn.execute(f"SELECT count(*), coalesce(max(seq), 0) FROM {t}").fetchone()
                 if t == "changes" else conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                 for t in ("changes", "loans", "holds", "items", "desk_state"))


def scan(world: World, code: str, seconds: float = 5) -> object:
    world.clock.advance(seconds=seconds)
    return world.circ.desk.scan(code)


def test_card_selects_patron_and_item_is_lent_then_returned(world: World) -> None:
    [copy] = world.book()
    patron = world.student()
    selected = scan(world, patron.card)
    assert selected.ok and selected.code == "patron_selected"
    assert selected.patron.full_name == "Nguyễn Văn An"
    lent = scan(world, copy.barcode)
    assert lent.ok and lent.code == "checked_out"
    assert lent.loan.due == "2025-09-22" and lent.item.status == "on_loan"
    assert "22/09/2025" in lent.message_in("vi") and "due 22/09/2025" in lent.message_in("en")
    back = scan(world, copy.barcode)
    assert back.ok and back.code == "checked_in" and back.patron.id == patron.id
    assert back.item.status == "available"
    assert world.count("SELECT count(*) FROM loans WHERE returned_at IS NOT NULL") == 1


def test_current_patron_survives_reopening_the_library(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library.open(path) as lib:
        card = lib.patrons.add("Trần Thị Bình", class_name="7B").card
        record = lib.catalog.add_record("Toán 7")
        barcode = lib.catalog.add_item(record).barcode
        assert Circulation(lib.db, lib.settings, clock=clock).desk.scan(card).ok
    with Library.open(path) as lib:
        result = Circulation(lib.db, lib.settings, clock=clock).desk.scan(barcode)
        assert result.code == "checked_out" and result.patron.full_name == "Trần Thị Bình"


def test_unknown_code(world: World) -> None:
    world.student()
    before = snapshot(world)
    result = scan(world, "XYZ-404")
    assert not result.ok and result.code == "unknown_code"
    assert "XYZ-404" in result.message
    assert snapshot(world) == before


@pytest.mark.parametrize("code", ["9780306406158", "8934974123459"[:12] + "0", "0306406153X"[:9] + "X"])
def test_bad_check_digit(world: World, code: str) -> None:
    if code.isdigit() and len(code) == 13:
        good = code[:12] + ean13_check_digit(code[:12])
        code = code if good != code else code[:12] + str((int(code[12]) + 1) % 10)
    before = snapshot(world)
    result = scan(world, code)
    assert not result.ok and result.code == "bad_check_digit"
    assert snapshot(world) == before


def test_valid_ean_of_no_book_is_unknown(world: World) -> None:
    code = "893497412345"
    result = scan(world, code + ean13_check_digit(code))
    assert result.code == "unknown_code"


def test_no_current_patron(world: World) -> None:
    [copy] = world.book()
    before = snapshot(world)
    result = scan(world, copy.barcode)
    assert not result.ok and result.code == "no_patron"
    assert snapshot(world) == before


def test_blocked_and_departed_patrons_are_refused(world: World) -> None:
    [copy] = world.book()
    blocked = world.student("Lê Văn Cường")
    world.lib.patrons.set_status(blocked.id, "blocked")
    left = world.student("Phạm Thị Dung")
    world.lib.patrons.set_status(left.id, "left")
    selected = scan(world, blocked.card)
    assert selected.code == "patron_selected_blocked"
    before = snapshot(world)
    assert scan(world, copy.barcode).code == "patron_blocked"
    assert snapshot(world) == before
    scan(world, left.card)
    assert scan(world, copy.barcode).code == "patron_inactive"


def test_a_card_that_may_not_borrow_says_why_in_words(world: World) -> None:
    """The librarian reads why, never the status's code: it said "THẺ ĐANG BỊ KHOÁ (left)"."""
    for status, words, english in (("blocked", "thẻ đang bị khoá", "card blocked"),
                                   ("left", "đã chuyển đi", "left the school"),
                                   ("graduated", "đã ra trường", "graduated")):
        patron = world.student(f"Trần Thị {status}")
        world.lib.patrons.set_status(patron.id, status)
        result = scan(world, patron.card)
        assert result.code == "patron_selected_blocked"
        assert result.message == (f"Bạn đọc: Trần Thị {status} (6A) — KHÔNG ĐƯỢC MƯỢN: "
                                  f"{words}.")
        assert result.message_in("en").endswith(f"MAY NOT BORROW: {english}.")
        assert f"({status})" not in result.message


def test_over_the_limit(world: World) -> None:
    copies = world.book(copies=4)
    patron = world.student()
    scan(world, patron.card)
    for copy in copies[:3]:
        assert scan(world, copy.barcode).code == "checked_out"
    before = snapshot(world)
    result = scan(world, copies[3].barcode)
    assert not result.ok and result.code == "over_limit" and "force" in result.offers
    assert "3 tài liệu loại “Sách”" in result.message_in("vi")  # the type in words
    assert "3 items of type “Book”" in result.message_in("en")
    assert snapshot(world) == before
    # the librarian may override
    assert world.circ.checkout(patron.card, copies[3].barcode, force=True).ok


def test_overdue_items_block_new_loans(world: World) -> None:
    first, second = world.book(copies=2)
    patron = world.student()
    scan(world, patron.card)
    scan(world, first.barcode)
    world.clock.advance(days=20)
    result = scan(world, second.barcode)
    assert result.code == "has_overdue" and result.params["count"] == 1
    world.lib.settings.set("block_loans_when_overdue", False)
    assert scan(world, second.barcode).code == "checked_out"


def test_reference_only(world: World) -> None:
    [copy] = world.book("Từ điển Tiếng Việt", item_type="reference")
    scan(world, world.student().card)
    result = scan(world, copy.barcode)
    assert result.code == "reference_only" and "in_library_use" in result.offers
    assert world.circ.record_in_library(copy.barcode).code == "in_library_use"


def test_item_on_hold_for_someone_else(world: World) -> None:
    [copy] = world.book()
    first, second, third = (world.student(n) for n in ("An", "Bình", "Chi"))
    world.circ.checkout(first.card, copy.barcode)
    assert world.circ.place_hold(second.card, copy.record_id).ok
    back = world.circ.checkin(copy.barcode)
    assert back.code == "checked_in_hold" and back.hold.patron.id == second.id
    scan(world, third.card)
    before = snapshot(world)
    refused = scan(world, copy.barcode)
    assert refused.code == "on_hold_for_other" and refused.hold.patron.full_name == "Bình"
    assert snapshot(world) == before
    scan(world, second.card)
    assert scan(world, copy.barcode).code == "checked_out_hold"


def test_already_on_loan_to_this_patron_offers_renew(world: World) -> None:
    [copy] = world.book()
    patron = world.student()
    world.circ.desk.set_mode("checkout")
    scan(world, patron.card)
    scan(world, copy.barcode)
    result = scan(world, copy.barcode)
    assert result.code == "already_on_loan" and result.offers == ("renew",)
    assert result.loan is not None and result.loan.due == "2025-09-22"


def test_auto_mode_returns_an_item_on_loan_to_the_current_patron(world: World) -> None:
    [copy] = world.book()
    scan(world, world.student().card)
    scan(world, copy.barcode)
    assert scan(world, copy.barcode).code == "checked_in"


def test_checkout_mode_refuses_an_item_lent_to_someone_else(world: World) -> None:
    [copy] = world.book()
    world.circ.checkout(world.student("An").card, copy.barcode)
    world.circ.desk.set_mode("checkout")
    scan(world, world.student("Bình").card)
    result = scan(world, copy.barcode)
    assert result.code == "on_loan_to_other" and result.params["holder"] == "An"


def test_checkin_mode_refuses_an_item_not_on_loan(world: World) -> None:
    [copy] = world.book()
    world.circ.desk.set_mode("checkin")
    result = scan(world, copy.barcode)
    assert result.code == "not_on_loan" and "in_library_use" in result.offers


def test_isbn_of_several_copies_asks_which(world: World) -> None:
    copies = world.book("Toán 6", copies=3, isbns=(ISBN,))
    scan(world, world.student().card)
    before = snapshot(world)
    result = scan(world, ISBN)
    assert result.code == "isbn_ambiguous" and result.offers == ("choose_copy",)
    assert [c.barcode for c in result.choices] == [c.barcode for c in copies]
    assert snapshot(world) == before


def test_isbn_of_a_single_copy_lends_it(world: World) -> None:
    [copy] = world.book("Toán 6", isbns=(ISBN,))
    scan(world, world.student().card)
    result = scan(world, "978-604-00-0000-" + ISBN[-1])
    assert result.code == "checked_out" and result.item.barcode == copy.barcode


def test_isbn_returns_the_one_copy_the_patron_has(world: World) -> None:
    copies = world.book("Toán 6", copies=3, isbns=(ISBN,))
    patron = world.student()
    world.circ.checkout(patron.card, copies[1].barcode)
    scan(world, patron.card)
    result = scan(world, ISBN)
    assert result.code == "checked_in" and result.item.barcode == copies[1].barcode


def test_isbn_without_copies(world: World) -> None:
    world.lib.catalog.add_record("Sách chưa có bản", isbns=(ISBN,))
    assert scan(world, ISBN).code == "isbn_no_copy"


def test_same_item_within_three_seconds_does_nothing(world: World) -> None:
    [copy] = world.book()
    scan(world, world.student().card)
    assert scan(world, copy.barcode).code == "checked_out"
    before = snapshot(world)
    assert scan(world, copy.barcode, seconds=2.9).code == "repeat_ignored"
    assert snapshot(world) == before
    assert scan(world, copy.barcode, seconds=3.0).code == "checked_in"


def test_the_same_book_after_a_card_is_for_that_reader_not_a_repeat(world: World) -> None:
    """A held book checked in, its holder's card, the book again: it is lent to them."""
    [copy] = world.book()
    first, holder = world.student("An"), world.student("Bình")
    scan(world, first.card)
    assert scan(world, copy.barcode).code == "checked_out"
    assert scan(world, copy.barcode, seconds=4).code == "checked_in"
    scan(world, holder.card, seconds=1)
    lent = scan(world, copy.barcode, seconds=1)  # 2 s after the same book: no repeat
    assert lent.code == "checked_out" and lent.patron is not None
    assert lent.patron.card == holder.card


def test_scanner_noise_is_trimmed(world: World) -> None:
    [copy] = world.book()
    patron = world.student()
    assert scan(world, f"  {patron.card.lower()}\r\n").code == "patron_selected"
    assert scan(world, copy.barcode + "\n").code == "checked_out"


def test_messages_in_english(world: World) -> None:
    set_language("en")
    try:
        assert scan(world, "nope").message.startswith("Unknown code")
    finally:
        set_language("vi")
    assert scan(world, "nope").message.startswith("Không nhận ra mã")


def test_a_card_scanned_counts_the_readers_visit_once_a_day(world: World) -> None:
    """The district's "visits" figure comes from the desk: a reader whose card is scanned
    came in (once a day, however often the card is scanned)."""
    an, binh = world.student("An"), world.student("Bình", category="teacher")
    day = world.circ.today()

    def visits(on: date) -> dict[str | None, int]:
        return {c.group: c.count for c in world.circ.usage_tally(on, on) if c.kind == "visit"}

    for card in (an.card, binh.card, an.card):
        world.clock.advance(seconds=5)
        world.circ.desk.scan(card)
    assert visits(day) == {"student": 1, "teacher": 1}
    world.clock.advance(days=1)
    world.circ.desk.scan(an.card)
    assert visits(day + timedelta(days=1)) == {"student": 1}
    assert world.count("SELECT count(*) FROM changes WHERE entity = 'usage'") == 3  # synced


def test_reading_mode_counts_each_copy_read_in_the_library(world: World) -> None:
    """F11 at the desk: books gathered from the reading-room tables are scanned and counted,
    neither lent nor taken back."""
    copies = world.book("Từ điển Tiếng Việt", copies=2, item_type="reference")
    lent = world.book("Dế Mèn phiêu lưu ký")[0]
    reader = world.student("An")
    world.circ.checkout(reader.card, lent.barcode)
    assert world.circ.desk.set_mode("reading").ok
    world.circ.desk.scan(reader.card)
    results = []
    for copy in (*copies, lent):
        world.clock.advance(seconds=5)
        result = world.circ.desk.scan(copy.barcode)
        assert result.ok and result.code == "in_library_use"
        results.append(result)
    assert "mượn" not in results[0].message and results[0].offers == ()
    # The lent copy is on a reading-room table: it came back without being checked in.
    assert results[2].message.endswith(
        "Bản này vẫn ghi đang cho An mượn — nếu sách đã về thư viện, hãy nhận trả.")
    assert results[2].offers == ("checkin",)
    statuses = {i.barcode: i.status for i in world.lib.catalog.items_of(copies[0].record_id)}
    assert set(statuses.values()) == {"available"}
    assert world.lib.catalog.item(lent.id).status == "on_loan"  # not taken back
    day = world.circ.today()
    readings = {c.group: c.count for c in world.circ.usage_tally(day, day)
                if c.kind == "in_library"}
    assert readings == {"reference": 2, "book": 1}


def test_a_written_off_copy_is_not_counted_as_read(world: World) -> None:
    """Found at the desk in F11: a copy written off on a write-off record (thanh lý) was
    counted as read in the library without a word, and went into the statistics."""
    [copy] = world.book("Việt lớp toán")
    world.lib.collection.create_writeoff("02/TL-2026", "worn", [copy.id])
    assert world.circ.desk.set_mode("reading").ok
    before = snapshot(world)
    result = scan(world, copy.barcode)
    assert not result.ok and result.code == "withdrawn_not_read"
    assert result.message == (f"“Việt lớp toán” ({copy.barcode}) đã thanh lý — không tính lượt "
                              "đọc. Để riêng, không đưa lại lên giá.")
    assert snapshot(world) == before
    day = world.circ.today()
    assert [c for c in world.circ.usage_tally(day, day) if c.kind == "in_library"] == []


def test_visitors_without_a_card_are_counted_apart_and_synced(world: World) -> None:
    """Walk-in readers (a commune library, a class brought in) are counted in the tally as
    their own group, go to the district with the visits, and a mistyped count is refused."""
    world.circ.desk.scan(world.student("An").card)  # a card holder's visit
    assert world.circ.record_walk_ins(12).message == "Đã ghi 12 lượt khách không có thẻ (hôm nay: 12 lượt)."
    assert world.circ.record_walk_ins().params == {"count": 1, "today": 13}
    with pytest.raises(ValidationError, match="Số lượt khách không hợp lệ: 0"):
        world.circ.record_walk_ins(0)
    day = world.circ.today()
    visits = {c.group: c.count for c in world.circ.usage_tally(day, day) if c.kind == "visit"}
    assert visits == {"student": 1, "walk_in": 13}
    assert world.count("SELECT count(*) FROM changes WHERE entity = 'usage'") == 3


def test_the_start_mode_is_kept_apart_from_the_mode_now(world: World) -> None:
    desk = world.circ.desk
    assert desk.start_mode() == "auto"
    desk.set_mode("checkin")
    desk.set_start_mode("checkout")
    assert desk.mode() == "checkin" and desk.start_mode() == "checkout"
    assert desk.open_in_start_mode().ok and desk.mode() == "checkout"
    with pytest.raises(ValidationError):
        desk.set_start_mode("lend-everything")
