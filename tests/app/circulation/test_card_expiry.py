"""An expired reader's card at the desk, through scan(): the reader is shown with what they
hold, lending and renewals are refused with the reason in words, returns still work; a card
about to expire gets a gentle word; renewing the card lets the reader borrow again."""

from __future__ import annotations

from app.i18n import set_language
from app.patrons.validity import Validity

from .conftest import World

# The test clock's day is Monday 08/09/2025.


def scan(world: World, code: str) -> object:
    world.clock.advance(seconds=5)
    return world.circ.desk.scan(code)


def test_expired_card_is_shown_but_refused_lending_and_renewal_returns_still_work(
        world: World) -> None:
    first, second = world.book("Dế Mèn phiêu lưu ký")[0], world.book("Tắt đèn")[0]
    patron = world.student("Phạm Thị Hoa", "7A")
    assert scan(world, patron.card).code == "patron_selected"
    assert scan(world, first.barcode).code == "checked_out"  # lent while the card was valid
    world.lib.patrons.update(patron.id, expires_on="31/08/2025")  # last valid day: past
    before = world.count("SELECT count(*) FROM changes")

    card = scan(world, patron.card)
    assert card.ok and card.code == "patron_selected_expired"
    assert card.patron.full_name == "Phạm Thị Hoa" and card.patron.expires_on == "2025-08-31"
    assert card.message_in("vi") == (
        "Bạn đọc: Phạm Thị Hoa (7A) — THẺ HẾT HẠN (có giá trị đến 31/08/2025): gia hạn thẻ "
        "để mượn. Đang mượn 1, quá hạn 0.")
    assert "CARD EXPIRED (valid until 31/08/2025)" in card.message_in("en")

    lend = scan(world, second.barcode)
    assert not lend.ok and lend.code == "card_expired"
    assert lend.message_in("vi") == ("THẺ HẾT HẠN: thẻ của Phạm Thị Hoa chỉ có giá trị đến "
                                     "31/08/2025 — gia hạn thẻ để mượn.")
    assert world.count("SELECT count(*) FROM loans WHERE item_id = ?", second.id) == 0

    world.clock.advance(days=3)
    renew = world.circ.renew(first.barcode)
    assert not renew.ok and renew.code == "renew_card_expired"
    assert "THẺ HẾT HẠN" in renew.message_in("vi") and "31/08/2025" in renew.message_in("vi")
    assert not world.circ.renew(first.barcode, force=True).ok  # force is no way round it
    assert world.count("SELECT renewals FROM loans WHERE item_id = ?", first.id) == 0
    # the card scan visited; nothing else was written by the refusals
    assert world.count("SELECT count(*) FROM changes") - before <= 1

    back = scan(world, first.barcode)  # returns always work
    assert back.ok and back.code == "checked_in"


def test_renewing_the_card_lets_the_reader_borrow_again(world: World) -> None:
    [copy] = world.book()
    patron = world.student()
    world.lib.patrons.update(patron.id, expires_on="2025-09-07")
    assert scan(world, patron.card).code == "patron_selected_expired"
    assert scan(world, copy.barcode).code == "card_expired"
    world.lib.settings.set("school_year", "2025-2026")
    world.lib.patrons.set_validity({"student": Validity("school_year")})
    renewed = world.lib.patrons.renew_card(patron.id, today=world.circ.today())
    assert renewed.expires_on == "2026-05-31"  # the end of school year 2025-2026
    assert scan(world, patron.card).code == "patron_selected"
    assert scan(world, copy.barcode).code == "checked_out"


def test_last_valid_day_still_lends_and_a_card_expiring_soon_is_said_gently(
        world: World) -> None:
    [copy] = world.book()
    patron = world.student("Lê Văn Nam", "6B")
    world.lib.patrons.update(patron.id, expires_on="18/09/2025")  # 10 days left
    card = scan(world, patron.card)
    assert card.ok and card.code == "patron_selected"
    assert card.message_in("vi").endswith(
        " Thẻ sắp hết hạn: còn 10 ngày (có giá trị đến 18/09/2025).")
    assert card.message_in("en").endswith(" The card expires soon: 10 day(s) left "
                                          "(valid until 18/09/2025).")
    world.lib.patrons.update(patron.id, expires_on="08/09/2025")  # today is the last day
    card = scan(world, patron.card)
    assert "Hôm nay là ngày cuối thẻ còn hạn (08/09/2025)." in card.message_in("vi")
    assert scan(world, copy.barcode).code == "checked_out"
    world.lib.patrons.update(patron.id, expires_on="30/09/2025")  # beyond the 14 days: quiet
    assert scan(world, patron.card).message_in("vi").endswith("quá hạn 0.")


def test_a_card_without_expiry_is_as_before_and_blocked_goes_first(world: World) -> None:
    [copy] = world.book()
    patron = world.student()
    assert patron.expires_on is None
    set_language("vi")
    assert scan(world, patron.card).message == "Bạn đọc: Nguyễn Văn An (6A) — đang mượn 0, quá hạn 0."
    world.lib.patrons.update(patron.id, expires_on="01/01/2025", status="blocked")
    assert scan(world, patron.card).code == "patron_selected_blocked"
    assert scan(world, copy.barcode).code == "patron_blocked"


def test_expired_card_cannot_place_a_hold_nor_get_a_class_textbook(world: World) -> None:
    record_copies = world.book("Toán 6", copies=2, item_type="textbook", collection="GK")
    patron = world.student()
    world.lib.patrons.update(patron.id, expires_on="2025-05-31")
    hold = world.circ.place_hold(patron.card, record_copies[0].record_id)
    assert not hold.ok and hold.code == "card_expired"
    other = world.student("Trần Thị Bình")
    session = world.circ.start_class_loan("6A", [record_copies[0].record_id])
    world.circ.desk.set_class_loan(session.id)
    assert scan(world, patron.card).code == "patron_selected_expired"
    assert scan(world, record_copies[0].barcode).code == "card_expired"
    world.circ.desk.set_class_loan(None)
    # lending the set to the whole class: the expired card is refused with its reason and
    # the copy it would have had goes to the next student
    results = world.circ.class_loan_auto_assign(session.id)
    assert sorted((r.code, r.patron.full_name) for r in results) == [
        ("card_expired", "Nguyễn Văn An"), ("checked_out", "Trần Thị Bình")]
    assert world.count("SELECT count(*) FROM loans WHERE patron_id = ?", other.id) == 1
