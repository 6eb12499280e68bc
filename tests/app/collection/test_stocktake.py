"""A stocktake on a real library: scans (duplicates, unknown, out of scope, on loan, an
ISBN), progress figures, the missing list in shelf order, closing with mark-lost, the
figures kept for the register, and carrying on after the file is closed and reopened."""

from __future__ import annotations

import json
from datetime import date

import pytest

from app.circulation.clock import library_today
from app.collection.registers import stocktake_results
from app.errors import ValidationError
from app.library import Library
from tests.app.collection.conftest import Shelves


def test_scans_are_answered_with_reasons_and_counted_once(shelves: Shelves) -> None:
    lib, gk, tk = shelves.lib, shelves.gk, shelves.tn
    patron = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    assert lib.circulation.checkout(patron.card, gk[1]).ok
    assert lib.circulation.checkout(patron.card, gk[2]).ok
    lib.catalog.withdraw_item(lib.catalog.item_by_barcode(gk[11]).id, "BB 1/2026")
    started = lib.collection.start_stocktake(collections=["gk"])
    assert started.collections == ("GK",)

    first = lib.collection.scan(gk[0])
    assert (first.counted, first.kind, first.code) == (True, "ok", "found")
    assert first.message.startswith(f"Có: {gk[0]} — ")
    again = lib.collection.scan(f" {gk[0].lower()}\r\n")
    assert (again.counted, again.code) == (True, "already_found")
    assert "chỉ tính một lần" in again.message
    lent = lib.collection.scan(gk[1])
    assert (lent.counted, lent.kind, lent.code) == (True, "warn", "found_on_loan")
    assert "nhận trả" in lent.message
    outside = lib.collection.scan(tk[0])
    assert (outside.counted, outside.code) == (False, "out_of_scope")
    assert "kho TN, vị trí Tủ 3" in outside.message
    unknown = lib.collection.scan("GK.99999")
    assert (unknown.counted, unknown.kind, unknown.code) == (False, "refused", "unknown")
    misread = lib.collection.scan("9786040000003")
    assert misread.code == "bad_check_digit"
    gone = lib.collection.scan(gk[11])
    assert (gone.counted, gone.code) == (False, "withdrawn")

    progress = lib.collection.progress()
    # 11 GK copies expected (one written off); found: 0 and 1; gk[2] on loan unscanned
    assert (progress.expected, progress.found, progress.on_loan, progress.missing) == (
        11, 2, 1, 8)
    by_place = {line.location: line for line in progress.lines}
    assert set(by_place) == {"Giá 1", "Giá 2"}
    assert by_place["Giá 1"].expected + by_place["Giá 2"].expected == 11
    scans = lib.db.conn.execute("SELECT count(*) FROM stocktake_items").fetchone()[0]
    assert scans == 2
    outbox = lib.db.conn.execute("SELECT count(*) FROM changes WHERE entity = 'stocktake_item'"
                                 ).fetchone()[0]
    assert outbox == 2


def test_an_isbn_counts_when_it_names_one_copy(shelves: Shelves) -> None:
    lib = shelves.lib
    only = lib.catalog.add_item(shelves.isbn_record, collection="GK", location="Giá 1")
    lib.collection.start_stocktake()
    answer = lib.collection.scan("978-604-0000-00-2")
    assert (answer.code, answer.copy.barcode if answer.copy else None) == ("found", only.barcode)
    lib.catalog.add_item(shelves.isbn_record, collection="GK", location="Giá 1")
    many = lib.collection.scan("9786040000002")
    assert (many.counted, many.code) == (False, "isbn_many")
    assert "2 bản sách" in many.message


def test_only_one_stocktake_at_a_time_and_an_empty_scope_is_refused(shelves: Shelves) -> None:
    lib = shelves.lib
    with pytest.raises(ValidationError) as empty:
        lib.collection.start_stocktake(collections=["NV"])
    assert "NV" in empty.value.message
    assert lib.collection.current_stocktake() is None
    with pytest.raises(ValidationError):
        lib.collection.scan(shelves.gk[0])
    lib.collection.start_stocktake(locations=["Tủ 3"])
    with pytest.raises(ValidationError) as twice:
        lib.collection.start_stocktake()
    assert "vẫn đang mở" in twice.value.message


def test_missing_list_in_shelf_order_and_close_marks_lost(shelves: Shelves) -> None:
    lib, gk, tk = shelves.lib, shelves.gk, shelves.tn
    patron = lib.patrons.add("Trần Thị Bình", class_name="7B")
    assert lib.circulation.checkout(patron.card, tk[1]).ok
    lib.collection.start_stocktake(collections=["GK", "TN"])
    for code in gk[:10] + tk[2:6]:
        assert lib.collection.scan(code).counted
    missing = lib.collection.missing()
    assert [c.barcode for c in missing] == [gk[10], gk[11], tk[0], tk[6], tk[7]]
    # shelf order: Giá 1 (call 810.1) before Giá 2 (811.1), then Tủ 3 by call number
    assert [c.location for c in missing] == ["Giá 1", "Giá 2", "Tủ 3", "Tủ 3", "Tủ 3"]
    assert missing[0].title and missing[0].call_number == "810.1 P10"
    assert [c.barcode for c in lib.collection.on_loan()] == [tk[1]]
    assert lib.collection.on_loan()[0].due_on

    result = lib.collection.close_stocktake(mark_lost=True)
    assert lib.collection.current_stocktake() is None
    assert {line.collection: (line.expected, line.present, line.on_loan, line.missing,
                              line.lost_marked) for line in result.lines} == {
        "GK": (12, 10, 0, 2, 2), "TN": (8, 4, 1, 3, 3)}
    for code in (gk[10], tk[0], tk[7]):
        assert lib.catalog.item_by_barcode(code).status == "lost"
    assert lib.catalog.item_by_barcode(tk[1]).status == "on_loan"
    lost_changes = [json.loads(p)["status"] for (p,) in lib.db.conn.execute(
        "SELECT payload FROM changes WHERE entity = 'item' AND uuid = ?",
        (lib.catalog.item_by_barcode(gk[10]).uuid,))]
    assert lost_changes[-1] == "lost"

    kept = stocktake_results(lib.db.conn, library_today().year)
    assert len(kept) == 1 and kept[0].missing_action == "lost"
    assert (kept[0].expected, kept[0].present, kept[0].on_loan, kept[0].missing,
            kept[0].lost_marked) == (20, 14, 1, 5, 5)
    assert stocktake_results(lib.db.conn, library_today().year - 1) == []
    # a lost copy found on a shelf at the next stocktake is named, not counted silently
    lib.collection.start_stocktake(collections=["GK"])
    found = lib.collection.scan(gk[10])
    assert (found.counted, found.code) == (False, "recorded_lost")


def test_close_leaving_missing_copies_changes_no_status(shelves: Shelves) -> None:
    lib = shelves.lib
    lib.collection.start_stocktake(collections=["TN"])
    lib.collection.scan(shelves.tn[0])
    result = lib.collection.close_stocktake(mark_lost=False)
    assert (result.expected, result.present, result.missing, result.lost_marked) == (8, 1, 7, 0)
    assert {lib.catalog.item_by_barcode(c).status for c in shelves.tn} == {"available"}
    assert result.closed_on == library_today() and result.started_on <= date.today()


def test_a_stocktake_carries_on_after_reopening_the_file(shelves: Shelves) -> None:
    lib = shelves.lib
    lib.collection.start_stocktake(collections=["GK"], locations=["Giá 1"])
    for code in shelves.gk[0:6:2]:
        lib.collection.scan(code)
    lib.close()
    with Library.open(shelves.path) as reopened:
        opened = reopened.collection.current_stocktake()
        assert opened is not None and opened.locations == ("Giá 1",)
        assert reopened.collection.progress().found == 3
        assert reopened.collection.scan(shelves.gk[0]).code == "already_found"
        assert reopened.collection.scan(shelves.gk[1]).code == "out_of_scope"  # Giá 2
        assert reopened.collection.scan(shelves.gk[6]).code == "found"
        assert reopened.collection.progress().found == 4
    shelves.lib = Library.open(shelves.path)


def test_whole_library_of_imported_holdings(shelves: Shelves) -> None:
    """The copies that came with the MARC file's holdings: every MCL copy scanned, the
    figures per collection agree with the catalog."""
    lib = shelves.lib
    conn = lib.db.conn
    mcl = [b for (b,) in conn.execute("SELECT barcode FROM items WHERE collection = 'MCL'")]
    total = conn.execute("SELECT count(*) FROM items WHERE deleted = 0").fetchone()[0]
    assert len(mcl) == 30 and total > 150
    lib.collection.start_stocktake()
    assert all(lib.collection.scan(code).code == "found" for code in mcl)
    progress = lib.collection.progress()
    assert (progress.expected, progress.found, progress.missing) == (total, 30, total - 30)
    per_collection: dict[str, int] = {}
    for line in progress.lines:
        per_collection[line.collection] = per_collection.get(line.collection, 0) + line.found
    assert per_collection["MCL"] == 30 and per_collection["TK"] == 0
    assert len(lib.collection.missing()) == total - 30


def test_a_copy_kept_on_the_hold_shelf_and_not_found_frees_its_readers_hold(
        shelves: Shelves) -> None:
    """The copy kept for a reader's hold is not on the hold shelf at the stocktake: marked
    lost, and the hold waits again for another copy instead of for a lost one."""
    lib, tn = shelves.lib, shelves.tn
    an = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    binh = lib.patrons.add("Trần Thị Bình", class_name="7B")
    copy = lib.catalog.item_by_barcode(tn[0])
    assert lib.circulation.checkout(an.card, tn[0]).ok
    assert lib.circulation.place_hold(binh.card, copy.record_id).ok
    assert lib.circulation.checkin(tn[0]).code == "checked_in_hold"
    assert lib.catalog.item_by_barcode(tn[0]).status == "on_hold_shelf"
    lib.collection.start_stocktake(collections=["TN"])
    for code in tn[1:]:
        lib.collection.scan(code)
    lib.collection.close_stocktake(mark_lost=True)
    assert lib.catalog.item_by_barcode(tn[0]).status == "lost"
    [hold] = lib.circulation.holds_of(binh.card)
    assert hold.status == "waiting" and hold.item_id is None
    assert lib.circulation.hold_shelf() == []


def test_a_readers_card_scanned_on_the_shelf_is_named_as_such(shelves: Shelves) -> None:
    """A card left in a book, scanned during the stocktake, was answered "Không có bản sách
    nào mã HS000001", as if a book had lost its number."""
    lib = shelves.lib
    card = lib.patrons.add("Lê Thu Dũng", class_name="6A").card
    lib.collection.start_stocktake()
    answer = lib.collection.scan(card)
    assert (answer.counted, answer.code) == (False, "patron_card")
    assert answer.message == (f"“{card}” là thẻ bạn đọc của Lê Thu Dũng, không phải mã sách — "
                              "hãy quét mã dán trên sách.")
