"""Write-off records: a numbered record with its copies, refusals with reasons (nothing
written then), the outbox rows, the catalog's one-copy withdrawal making a record too, and
what the register's part II reads."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app.circulation.clock import library_today
from app.collection.registers import copies_written_off, writeoff_copies, writeoff_lines
from app.collection.writeoffs import WriteoffRefusal
from app.errors import UserError, ValidationError
from tests.app.collection.conftest import Shelves


def _ids(shelves: Shelves, codes: list[str]) -> list[int]:
    return [shelves.lib.catalog.item_by_barcode(c).id for c in codes]


def test_a_record_with_copies_and_its_register_line(shelves: Shelves) -> None:
    lib, gk, tn = shelves.lib, shelves.gk, shelves.tn
    day = library_today() - timedelta(days=3)
    before = lib.db.conn.execute("SELECT max(seq) FROM changes").fetchone()[0]
    line = lib.collection.create_writeoff("12/2026", "worn", _ids(shelves, gk[:3] + tn[:2]),
                                          day=day, approved_by="Hiệu trưởng Lê Văn C")
    assert (line.number, line.day, line.reason, line.copies) == ("12/2026", day, "worn", 5)
    assert line.reason_text == "Rách nát, hư hỏng"
    # GK prices 20000, 20001, 20002; TN: the first has no price, the second 50000
    assert (line.total_value, line.unpriced) == (110003.0, 1)
    assert line.by_collection == (("GK", 3), ("TN", 2))
    for code in gk[:3] + tn[:2]:
        item = lib.catalog.item_by_barcode(code)
        assert item.status == "withdrawn" and item.note and item.note.endswith(": 12/2026")
    entities = [e for (e,) in lib.db.conn.execute(
        "SELECT entity FROM changes WHERE seq > ? ORDER BY seq", (before,))]
    assert entities.count("writeoff") == 1 and entities.count("writeoff_item") == 5
    assert entities.count("item") == 5
    assert [c.barcode for c in writeoff_copies(lib.db.conn, line.uuid)] == sorted(
        gk[:3] + tn[:2])
    assert writeoff_lines(lib.db.conn, day, day) == [line]
    assert writeoff_lines(lib.db.conn, day + timedelta(days=1), library_today()) == []
    first = lib.catalog.item_by_barcode(gk[0]).id
    assert copies_written_off(lib.db.conn)[first] == (day, "12/2026")
    assert len(copies_written_off(lib.db.conn)) == 5
    with pytest.raises(ValidationError) as taken:
        lib.collection.create_writeoff("12/2026", "lost", _ids(shelves, gk[5:6]))
    assert "đã dùng" in taken.value.message


def test_copies_on_loan_or_kept_for_a_hold_are_refused_and_nothing_is_written(
        shelves: Shelves) -> None:
    lib, gk = shelves.lib, shelves.gk
    reader = lib.patrons.add("Phạm Minh D", class_name="8C")
    other = lib.patrons.add("Hoàng Thu E", class_name="8C")
    assert lib.circulation.checkout(reader.card, gk[0]).ok
    record = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"])
    held = lib.catalog.add_item(record, collection="TN", location="Tủ 3").barcode
    assert lib.circulation.checkout(reader.card, held).ok
    assert lib.circulation.place_hold(other.card, record).ok
    lib.circulation.checkin(held)  # goes to the hold shelf for the other reader
    assert lib.catalog.item_by_barcode(held).status == "on_hold_shelf"
    changes = lib.db.conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    with pytest.raises(ValidationError) as refused:
        lib.collection.create_writeoff("3/2026", "outdated", _ids(shelves, [gk[0], held, gk[2]]))
    message = refused.value.message
    assert f"{gk[0]} đang cho mượn" in message and f"{held} đang giữ" in message
    assert gk[2] not in message
    assert lib.db.conn.execute("SELECT count(*) FROM changes").fetchone()[0] == changes
    assert lib.catalog.item_by_barcode(gk[2]).status == "available"
    assert lib.collection.writeoffs() == []
    with pytest.raises(WriteoffRefusal) as scanned:
        lib.collection.writeoff_copy(gk[0])
    assert scanned.value.reason == "on_loan"
    assert lib.collection.writeoff_copy(f" {gk[2]}\n").barcode == gk[2]
    with pytest.raises(WriteoffRefusal):
        lib.collection.writeoff_copy("KHONG.CO")
    with pytest.raises(ValidationError):
        lib.collection.create_writeoff("4/2026", "lost", _ids(shelves, gk[2:3]),
                                       day=library_today() + timedelta(days=1))
    with pytest.raises(ValidationError):
        lib.collection.create_writeoff(" ", "lost", _ids(shelves, gk[2:3]))
    with pytest.raises(ValidationError):
        lib.collection.create_writeoff("4/2026", "burnt", _ids(shelves, gk[2:3]))


def test_the_catalogs_single_withdrawal_makes_or_joins_a_record(shelves: Shelves) -> None:
    lib, gk = shelves.lib, shelves.gk
    lib.catalog.withdraw_item(_ids(shelves, gk[4:5])[0], "BB số 7/2026")
    lib.catalog.withdraw_item(_ids(shelves, gk[5:6])[0], "BB số 7/2026")
    lib.catalog.withdraw_item(_ids(shelves, gk[6:7])[0])
    lines = lib.collection.writeoffs()
    assert [(line.number, line.copies, line.reason) for line in lines] == [
        ("", 1, "other"), ("BB số 7/2026", 2, "other")]
    with pytest.raises(WriteoffRefusal) as again:
        lib.collection.writeoff_copy(gk[5])
    assert "biên bản BB số 7/2026" in again.value.message


def test_lost_copies_of_a_stocktake_are_written_off_in_one_go(shelves: Shelves) -> None:
    lib = shelves.lib
    lib.collection.start_stocktake(collections=["TN"])
    for code in shelves.tn[:5]:
        lib.collection.scan(code)
    lib.collection.close_stocktake(mark_lost=True)
    closed = lib.collection.last_closed()
    assert closed is not None
    lost = lib.collection.not_found_at(closed)
    assert [c.barcode for c in lost] == shelves.tn[5:]
    line = lib.collection.create_writeoff("KK-2026", "lost", [c.item_id for c in lost],
                                          note="Mất sau kiểm kê")
    assert (line.copies, line.total_value, line.reason_text) == (3, 150000.0, "Mất")
    assert lib.collection.not_found_at(closed) == []
    payload = json.loads(lib.db.conn.execute(
        "SELECT payload FROM changes WHERE entity = 'writeoff' ORDER BY seq DESC").fetchone()[0])
    assert payload["number"] == "KK-2026" and payload["day"] == library_today().isoformat()
    assert date.fromisoformat(payload["day"]) == line.day


def test_collection_changes_stay_at_the_school(shelves: Shelves) -> None:
    from app.sync.privacy import outgoing

    lib = shelves.lib
    lib.collection.start_stocktake(collections=["GK"])
    lib.collection.scan(shelves.gk[0])
    lib.collection.create_writeoff("1/2026", "worn", _ids(shelves, shelves.gk[1:2]))
    rows = lib.db.conn.execute(
        "SELECT entity, payload FROM changes WHERE entity IN ('stocktake', 'stocktake_item', "
        "'writeoff', 'writeoff_item')").fetchall()
    assert {e for e, _ in rows} == {"stocktake", "stocktake_item", "writeoff", "writeoff_item"}
    assert all(outgoing(e, json.loads(p), "share", "s") is None for e, p in rows)


def test_a_card_or_a_shared_isbn_scanned_for_a_write_off_says_what_it_is(
        shelves: Shelves) -> None:
    """Both were answered "Không có bản sách nào mã …": a reader's card, and the ISBN of a
    title the library has two copies of."""
    lib = shelves.lib
    card = lib.patrons.add("Lê Thu Dũng", class_name="6A").card
    with pytest.raises(UserError) as refused:
        lib.collection.writeoff_copy(card)
    assert refused.value.message == (f"“{card}” là thẻ bạn đọc của Lê Thu Dũng, không phải mã "
                                     "sách — hãy quét mã dán trên sách.")
    for _ in range(2):
        lib.catalog.add_item(shelves.isbn_record, collection="GK", location="Giá 1")
    with pytest.raises(UserError) as refused:
        lib.collection.writeoff_copy("9786040000002")
    assert refused.value.message == "ISBN 9786040000002 ứng với 2 bản sách: hãy quét số ĐKCB."
