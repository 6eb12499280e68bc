"""Part payments of fines and lost-book charges: a pupil owing 25.000 đ for a lost book brings
10.000 đ today and the rest later; what was received, and when, is what the library counts."""

from __future__ import annotations

import pytest

from app.circulation.rules import LoanRule
from app.errors import UserError

from .conftest import World


def lost_book(world: World, price: float = 25000, card: str | None = None,
              title: str = "Tiếng Việt 6 tập 1") -> tuple[str, int]:
    """The reader of *card* (a new pupil, Nguyễn Văn An, without) borrowed a copy worth
    *price* and lost it (charged its whole price); returns (card, the charge's id)."""
    world.circ.fines.set_lost_charge_percent(100)
    copy = world.lib.catalog.add_item(world.lib.catalog.add_record(title), price=price)
    card = card or world.student("Nguyễn Văn An").card
    assert world.circ.checkout(card, copy.barcode, force=True).ok
    charge = world.circ.mark_lost(copy.barcode).fine
    assert charge is not None and charge.amount == int(price)
    return card, charge.id


def test_a_part_payment_leaves_the_rest_owed_and_blocking(world: World) -> None:
    card, fine_id = lost_book(world)
    fines = world.circ.fines
    fines.set_block_at(10000)
    spare = world.lib.catalog.add_item(world.lib.catalog.add_record("Toán 6"))

    part = fines.pay(fine_id, 10000, by="Cô Hạnh")
    assert (part.status, part.paid, part.owed) == ("outstanding", 10000, 15000)
    assert part.to_dict()["paid"] == 10000 and part.to_dict()["owed"] == 15000
    assert fines.outstanding(part.patron_id or 0) == (15000, 1)
    assert world.circ.desk.scan(card).message_in("vi").endswith("Còn nợ 15.000 đ.")
    refused = world.circ.checkout(card, spare.barcode)  # 15.000 đ still reaches 10.000 đ
    assert refused.code == "has_fines" and "15.000 đ" in refused.message_in("vi")

    with pytest.raises(UserError) as too_much:
        fines.pay(fine_id, 20000)
    assert too_much.value.message == (f"Khoản phạt #{fine_id} chỉ còn nợ 15.000 đ — không "
                                      "nhận 20.000 đ.")
    assert fines.get(fine_id).paid == 10000  # nothing recorded

    world.clock.advance(days=2)
    second = fines.pay(fine_id, 5000)
    assert (second.status, second.paid, second.owed) == ("outstanding", 15000, 10000)
    last = fines.pay(fine_id)  # the rest, as the desk's prefilled amount
    assert (last.status, last.paid, last.owed) == ("paid", 25000, 0)
    assert last.settled_at is not None
    assert [p.amount for p in fines.payments(fine_id)] == [10000, 5000, 10000]
    assert [p.received_by for p in fines.payments(fine_id)][0] == "Cô Hạnh"
    assert world.circ.checkout(card, spare.barcode).ok
    with pytest.raises(UserError):
        fines.pay(fine_id, 1000)  # paid already


def test_payments_go_to_the_outbox_and_stay_at_the_school(world: World) -> None:
    from app.sync.privacy import outgoing

    _card, fine_id = lost_book(world)
    world.circ.fines.pay(fine_id, 10000)
    world.circ.fines.pay(fine_id, 15000)
    fine = world.circ.fines.get(fine_id)
    rows = world.lib.db.conn.execute(
        "SELECT uuid FROM changes WHERE entity = 'fine_payment' ORDER BY seq").fetchall()
    payloads = [world.changes("fine_payment", uuid)[-1] for (uuid,) in rows]
    assert [(p["fine_uuid"], p["amount"]) for p in payloads] == [(fine.uuid, 10000),
                                                                   (fine.uuid, 15000)]
    assert world.changes("fine", fine.uuid)[-1]["status"] == "paid"
    assert outgoing("fine_payment", payloads[0], "share", "s") is None


def test_the_desk_pays_the_oldest_debt_first(world: World) -> None:
    card, first = lost_book(world, 25000)
    world.clock.advance(days=1)
    _card, second = lost_book(world, 12000, card, title="Toán 6 tập 2")
    patron_id = world.circ.fines.get(first).patron_id or 0
    assert world.circ.fines.outstanding(patron_id) == (37000, 2)

    with pytest.raises(UserError) as too_much:
        world.circ.fines.pay_debt(patron_id, 40000)
    assert "37.000 đ" in too_much.value.message and "40.000 đ" in too_much.value.message

    paid = world.circ.fines.pay_debt(patron_id, 30000)
    assert [(f.id, f.status, f.owed) for f in paid] == [(first, "paid", 0),
                                                        (second, "outstanding", 7000)]
    assert world.circ.fines.outstanding(patron_id) == (7000, 1)
    assert [f.id for f in world.circ.fines.pay_debt(patron_id)] == [second]
    assert world.circ.fines.outstanding(patron_id) == (0, 0)
    with pytest.raises(UserError):
        world.circ.fines.pay_debt(patron_id, 1000)
    assert card


def test_what_was_received_counts_each_part_on_its_day(world: World) -> None:
    from datetime import date

    _card, fine_id = lost_book(world)  # Mon 8 Sep 2025
    world.circ.fines.pay(fine_id, 10000)
    world.clock.advance(days=7)
    world.circ.fines.pay(fine_id, 15000)
    fines = world.circ.fines
    assert [(p.day, p.amount) for p in fines.received()] == [("2025-09-08", 10000),
                                                              ("2025-09-15", 15000)]
    assert [p.amount for p in fines.received(date(2025, 9, 1), date(2025, 9, 10))] == [10000]
    assert [p.amount for p in fines.received(date(2025, 9, 15))] == [15000]
    assert fines.received(date(2025, 9, 9), date(2025, 9, 14)) == []


def test_a_lost_book_found_after_a_part_payment(world: World) -> None:
    _card, fine_id = lost_book(world)
    world.circ.fines.pay(fine_id, 10000)
    copy = world.circ.fines.get(fine_id).barcode
    found = world.circ.mark_found(copy)
    assert found.message_in("vi").endswith(
        "Đã huỷ 15.000 đ tiền đền còn nợ; bạn đọc đã nộp 10.000 đ — hoàn lại nếu thư viện "
        "quy định.")
    after = world.circ.fines.get(fine_id)
    assert (after.status, after.paid, after.owed) == ("waived", 10000, 0)


def test_a_waive_after_a_part_payment_keeps_what_was_paid(world: World) -> None:
    _card, fine_id = lost_book(world)
    world.circ.fines.pay(fine_id, 10000)
    waived = world.circ.fines.waive(fine_id, "Gia đình khó khăn")
    assert (waived.status, waived.paid, waived.owed) == ("waived", 10000, 0)
    assert [p.amount for p in world.circ.fines.received()] == [10000]


@pytest.mark.parametrize("amount", [0, -5000])
def test_nothing_or_less_is_no_payment(world: World, amount: int) -> None:
    _card, fine_id = lost_book(world)
    with pytest.raises(UserError) as refused:
        world.circ.fines.pay(fine_id, amount)
    assert refused.value.message.startswith("Số tiền nộp phải từ")
    assert world.circ.fines.payments(fine_id) == []


def test_absurd_amounts_are_refused_naming_the_field_and_the_range(world: World) -> None:
    _card, fine_id = lost_book(world)
    fines = world.circ.fines
    with pytest.raises(UserError) as block:
        fines.set_block_at(99_999_999_999)
    assert block.value.message == ("Mức nợ chặn mượn phải từ 0 đ đến 10.000.000 đ, không phải "
                                   "99.999.999.999 đ")
    assert fines.block_at() == 0
    with pytest.raises(UserError) as negative:
        fines.set_block_at(-5)
    assert "Mức nợ chặn mượn" in negative.value.message
    fines.set_block_at(10_000_000)  # the ceiling itself is allowed
    assert fines.block_at() == 10_000_000
    with pytest.raises(UserError) as payment:
        fines.pay(fine_id, 99_999_999_999)
    assert payment.value.message.startswith("Số tiền nộp phải từ 0 đ đến 10.000.000 đ")
    with pytest.raises(UserError) as rule:
        world.circ.rules.set(LoanRule("*", "book", fine_per_day=99_999_999_999))
    assert "Tiền phạt mỗi ngày phải từ 0 đến 10.000.000" in rule.value.message


def test_a_reader_blocked_for_fines_cannot_renew(world: World) -> None:
    world.circ.rules.set(LoanRule("*", "book", loan_days=14, max_items=3, renewals=2,
                                  fine_per_day=500))
    [copy] = world.book()
    card, fine_id = lost_book(world, 6000)
    assert world.circ.checkout(card, copy.barcode).ok
    world.circ.fines.set_block_at(5000)
    world.clock.advance(days=3)
    refused = world.circ.renew(copy.barcode)
    assert not refused.ok and refused.code == "renew_has_fines" and refused.offers == ("force",)
    assert refused.message_in("vi") == (
        f"Không gia hạn được “Dế Mèn phiêu lưu ký” ({copy.barcode}): Nguyễn Văn An còn nợ "
        "6.000 đ (từ 5.000 đ trở lên không được mượn, gia hạn) — cần nộp trước. Trả sách thì "
        "vẫn nhận.")
    assert world.circ.fines.get(fine_id).status == "outstanding"
    loan = world.lib.db.conn.execute("SELECT renewals FROM loans WHERE returned_at IS NULL "
                                     "AND item_id = ?", (copy.id,)).fetchone()
    assert loan == (0,)
    assert world.circ.renew(copy.barcode, force=True).ok  # the librarian's override
    world.circ.fines.pay(fine_id, 2000)  # owes 4.000 đ: under the block
    assert world.circ.renew(copy.barcode).code in ("renewed", "renew_no_change")
    assert world.circ.checkin(copy.barcode).ok


def test_renewal_is_never_blocked_where_fines_do_not_block(world: World) -> None:
    [copy] = world.book()
    card, _fine_id = lost_book(world, 60000)
    assert world.circ.checkout(card, copy.barcode).ok
    world.clock.advance(days=3)
    assert world.circ.renew(copy.barcode).code == "renewed"


def test_the_receipt_says_what_was_received_when_and_what_is_owed(world: World,
                                                                   tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The desk's receipt of a payment spread over two debts, read back from its PDF."""
    import subprocess

    from app.circulation.receipt import receipt_document
    from app.labels.pdf import to_pdf
    from tests.app.labels.raster import pdf_text

    card, first = lost_book(world, 25000)
    _card, second = lost_book(world, 12000, card, title="Toán 6 tập 2")
    fines = world.circ.fines
    patron_id = fines.get(first).patron_id or 0
    fines.pay(first, 5000, by="Cô Hạnh")  # Mon 8 Sep: an earlier payment, not on the receipt
    world.clock.advance(days=7)
    fines.pay_debt(patron_id, 30000, by="Cô Hạnh")  # Mon 15 Sep: 20.000 + 10.000
    paid = fines.last_payments(patron_id)
    assert [(p.fine_id, p.amount, p.day) for p in paid] == [(first, 20000, "2025-09-15"),
                                                            (second, 10000, "2025-09-15")]
    owed = fines.outstanding(patron_id)[0]
    document = receipt_document(paid, owed, "Thư viện Trường THCS Kim Đồng",
                                world.circ.today())
    pdf = tmp_path / "phieu-thu.pdf"
    pdf.write_bytes(to_pdf(document))
    assert "PHIẾU THU TIỀN PHẠT, ĐỀN SÁCH" in pdf_text(pdf.read_bytes(), tmp_path / "text")
    layout = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
                            check=True, capture_output=True, text=True).stdout
    [page] = layout.split("\f")[:-1]  # one page
    lines = [" ".join(line.split()) for line in page.splitlines() if line.strip()]
    assert "PHIẾU THU TIỀN PHẠT, ĐỀN SÁCH" in lines
    assert any(line.startswith("Bạn đọc: Nguyễn Văn An Lớp: 6A") for line in lines)
    rows = [line for line in lines if line.startswith("15/09/2025")]
    assert rows == ["15/09/2025 TK.00001 Tiếng Việt 6 tập 1 đền sách mất 20.000 đ",
                    "15/09/2025 TK.00002 Toán 6 tập 2 đền sách mất 10.000 đ"]
    text = "\n".join(lines)
    assert "Đã thu: 30.000 đ" in text and "Còn nợ: 2.000 đ" in text
    assert "Người thu: Cô Hạnh" in text and "5.000 đ" not in text
    assert "NGƯỜI NỘP TIỀN" in text and "CÁN BỘ THƯ VIỆN" in text


def test_the_patrons_data_export_says_what_was_paid(world: World) -> None:
    """A parent asking for their child's data sees the part paid on each fine."""
    _card, fine_id = lost_book(world)
    world.circ.fines.pay(fine_id, 10000)
    patron_id = world.circ.fines.get(fine_id).patron_id or 0
    [fine] = world.lib.patrons.privacy.export(patron_id)["fines"]
    assert (fine["amount"], fine["paid"], fine["status"]) == (25000, 10000, "outstanding")
