"""Correcting a copy after it was entered, and taking out one entered by mistake: what the
librarian sees, what search finds, and what reaches the district."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import NotFoundError, ValidationError
from app.i18n import set_language
from app.library import Library
from server.models import lib_items, libraries
from tests.support.district import District


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib.sqlite3")
    yield library
    library.close()


def _book(lib: Library, copies: int = 2) -> list[int]:
    record = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"])
    return [item.id for item in lib.catalog.add_copies(record, copies, collection="TN")]


def _last_change(lib: Library) -> tuple[str, str, dict[str, object]]:
    op, uuid, payload = lib.db.conn.execute(
        "SELECT op, uuid, payload FROM changes ORDER BY seq DESC LIMIT 1").fetchone()
    return op, uuid, json.loads(payload)


def test_corrected_details_are_kept_searchable_and_queued_for_the_district(lib: Library) -> None:
    first, _ = _book(lib)
    item = lib.catalog.update_item(first, call_number="895.9223 T450H", location="Tủ 3",
                                   price=45000, acquired_on="2025-09-05", source="Biếu tặng",
                                   note="Bìa cứng", item_type="book")
    assert (item.call_number, item.location, item.price, item.acquired_on, item.source,
            item.note, item.item_type) == ("895.9223 T450H", "Tủ 3", 45000.0, "2025-09-05",
                                           "Biếu tặng", "Bìa cứng", "book")
    assert lib.catalog.item(first) == item
    assert [h.id for h in lib.catalog.search("callno:895.9223").hits] == [item.record_id]
    op, uuid, payload = _last_change(lib)
    assert (op, uuid, payload["price"], payload["source"]) == ("update", item.uuid, 45000.0,
                                                               "Biếu tặng")
    cleared = lib.catalog.update_item(first, location="", note="  ")
    assert (cleared.location, cleared.note, cleared.price) == (None, None, 45000.0)


@pytest.mark.parametrize(("changes", "words"), [
    ({"price": -1}, "The price “-1"), ({"price": 2_000_000_000}, "from 0 to 1,000,000,000"),
    ({"price": float("nan")}, "The price"), ({"acquired_on": "2025-02-30"}, "is not valid"),
    ({"acquired_on": (date.today() + timedelta(days=3)).isoformat()}, "in the future"),
    ({"item_type": "spaceship"}, "Unknown item type"), ({"barcode": "TK.1"}, "cannot be edited"),
    ({"price": "45.000"}, "The price “45.000”"),
])
def test_an_impossible_detail_is_refused_in_words_and_nothing_changes(
        lib: Library, changes: dict[str, object], words: str) -> None:
    set_language("en")
    try:
        first, _ = _book(lib)
        before = lib.catalog.item(first)
        seq = lib.db.conn.execute("SELECT max(seq) FROM changes").fetchone()[0]
        with pytest.raises(ValidationError) as refused:
            lib.catalog.update_item(first, location="Tủ 9", **changes)
        assert words in refused.value.message
        assert lib.catalog.item(first) == before
        assert lib.db.conn.execute("SELECT max(seq) FROM changes").fetchone()[0] == seq
    finally:
        set_language("vi")


def test_a_price_is_checked_when_copies_are_added_too(lib: Library) -> None:
    record = lib.catalog.add_record("Tắt đèn")
    with pytest.raises(ValidationError):
        lib.catalog.add_copies(record, 2, price=45_000_000_000)
    assert lib.catalog.items_of(record) == []


def test_a_copy_entered_by_mistake_is_taken_out_and_its_number_stays_used(lib: Library) -> None:
    first, second = _book(lib)
    removed = lib.catalog.remove_item(second)
    assert [i.barcode for i in lib.catalog.items_of(removed.record_id)] == [
        lib.catalog.item(first).barcode]
    assert lib.catalog.search(removed.barcode).total == 0
    with pytest.raises(NotFoundError):
        lib.catalog.update_item(second, note="x")
    op, uuid, payload = _last_change(lib)
    assert (op, uuid, payload["deleted"]) == ("delete", removed.uuid, True)
    [again] = lib.catalog.add_copies(removed.record_id, 1, collection="TN")
    assert again.barcode != removed.barcode and again.barcode > removed.barcode


def test_a_copy_with_a_history_is_not_taken_out(lib: Library) -> None:
    first, second = _book(lib)
    patron = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    out = lib.catalog.item(first).barcode
    assert lib.circulation.checkout(patron.card, out).ok
    with pytest.raises(ValidationError) as on_loan:
        lib.catalog.remove_item(first)
    assert "đang cho mượn" in on_loan.value.message
    assert lib.circulation.checkin(out).ok
    with pytest.raises(ValidationError):  # back on the shelf, but it was lent once
        lib.catalog.remove_item(first)
    assert len(lib.catalog.items_of(lib.catalog.item(first).record_id)) == 2


def test_the_district_gets_the_correction_and_the_removal(
        lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THUVIEN_NO_KEYRING", "1")
    monkeypatch.setenv("THUVIEN_TOKEN_DIR", str(tmp_path / "tokens"))
    (tmp_path / "district").mkdir()
    district = District(tmp_path / "district")
    try:
        lib.sync.enroll(district.url, district.add_library("TH-SUA"))
        first, second = _book(lib)
        lib.sync.sync_now()
        lib.catalog.update_item(first, location="Tủ 3", price=45000)
        lib.catalog.remove_item(second)
        lib.sync.sync_now()
        with district.engine.connect() as conn:
            lib_id = conn.execute(select(libraries.c.id).where(libraries.c.code == "TH-SUA")
                                  ).scalar_one()
            rows = {r.barcode: (json.loads(r.fields), r.deleted) for r in conn.execute(
                select(lib_items.c.barcode, lib_items.c.fields, lib_items.c.deleted)
                .where(lib_items.c.library_id == lib_id))}
    finally:
        district.stop()
    kept, gone = (lib.catalog.item(first).barcode, lib.db.conn.execute(
        "SELECT barcode FROM items WHERE id = ?", (second,)).fetchone()[0])
    assert rows[kept][0]["location"] == "Tủ 3" and rows[kept][0]["price"] == 45000.0
    assert rows[kept][1] is False and rows[gone][1] is True


def test_an_imported_price_beyond_any_book_is_dropped_and_the_copy_kept(
        lib: Library, tmp_path: Path) -> None:
    """A 952$g typed with a key held down would otherwise reach SQLite as 1e+23 and, once
    lost, charge the reader an amount no integer column holds."""
    path = tmp_path / "prices.mrc"
    path.write_bytes(b"".join(_iso2709({"001": f"G{n}", "245": f"10\x1faGiá {n}",
                                        "952": f"  \x1fpTK.9{n:04d}\x1fg{price}"})
                              for n, price in enumerate(["99999999999999999999999",
                                                         "45.000đ"])))
    report = lib.catalog.import_marc(path)
    assert (report.imported, report.items, report.skipped) == (2, 2, [])
    prices = {lib.catalog.item_by_barcode(f"TK.9{n:04d}").price for n in (0, 1)}  # type: ignore[union-attr]
    assert prices == {None, 45000.0}


def _iso2709(fields: dict[str, str]) -> bytes:
    """One ISO 2709 record written by hand, as another system would write it."""
    bodies = [(tag, (text + "\x1e").encode()) for tag, text in fields.items()]
    directory, start = b"", 0
    for tag, body in bodies:
        directory += f"{tag}{len(body):04d}{start:05d}".encode()
        start += len(body)
    base = 24 + len(directory) + 1
    data = b"".join(body for _, body in bodies)
    leader = f"{base + len(data) + 1:05d}nam a22{base:05d} a 4500".encode()
    return leader + directory + b"\x1e" + data + b"\x1d"


def test_a_worn_copy_is_written_off_with_its_record_number_and_no_longer_lent(
        lib: Library) -> None:
    first, second = _book(lib)
    patron = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    lib.catalog.update_item(first, note="Bìa rách")
    withdrawn = lib.catalog.withdraw_item(first, "BB số 12/2026")
    assert withdrawn.status == "withdrawn"
    assert withdrawn.note is not None and withdrawn.note.startswith("Bìa rách\nThanh lý ngày ")
    assert withdrawn.note.endswith(": BB số 12/2026")
    op, _, payload = _last_change(lib)
    assert (op, payload["status"]) == ("update", "withdrawn")
    refused = lib.circulation.checkout(patron.card, withdrawn.barcode)
    assert refused.code == "item_unavailable" and "đã thanh lý" in refused.message_in("vi")
    with pytest.raises(ValidationError):  # once is enough
        lib.catalog.withdraw_item(first)
    out = lib.catalog.item(second).barcode
    assert lib.circulation.checkout(patron.card, out).ok
    with pytest.raises(ValidationError) as on_loan:
        lib.catalog.withdraw_item(second)
    assert "đang cho mượn" in on_loan.value.message
    assert lib.catalog.item(second).status == "on_loan"
