"""Adding records and copies by hand, as the catalog form does."""

from __future__ import annotations

import json

import pytest

from app.catalog.marc import MarcRecord
from app.errors import ValidationError
from app.library import Library


def add_de_men(lib: Library) -> int:
    return lib.catalog.add_record(
        "Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], isbns=["978-604-2-09818-2"], year=2019,
        classification="895.9223", publisher="Kim Đồng", place="Hà Nội",
        subjects=["Văn học thiếu nhi", "Truyện"])


def test_a_new_record_keeps_its_fields_and_writes_marc(lib: Library) -> None:
    rid = add_de_men(lib)
    record = lib.catalog.record(rid)
    assert record.title == "Dế Mèn phiêu lưu ký"
    assert record.authors == ["Tô Hoài"]
    assert record.isbns == ["9786042098182"]
    marc = MarcRecord.from_storage(record.marc)
    assert marc.value("245", "a") is not None and "Dế Mèn" in marc.value("245", "a")
    assert marc.value("100", "a") is not None and "Tô Hoài" in marc.value("100", "a")
    assert marc.value("082", "a") == "895.9223"


def test_every_change_writes_its_outbox_row(lib: Library) -> None:
    rid = add_de_men(lib)
    item = lib.catalog.add_item(rid, collection="TN")
    lib.catalog.set_item_status(item.id, "damaged")
    rows = lib.db.conn.execute("SELECT entity, op, uuid, payload FROM changes ORDER BY seq"
                               ).fetchall()
    assert [(e, o) for e, o, _, _ in rows] == [("record", "insert"), ("item", "insert"),
                                                ("item", "update")]
    assert json.loads(rows[1][3])["record_uuid"] == lib.catalog.record(rid).uuid
    assert json.loads(rows[2][3])["status"] == "damaged"
    assert lib.pending_changes() == 3


def test_copies_get_the_next_accession_numbers_per_collection(lib: Library) -> None:
    rid = add_de_men(lib)
    first = lib.catalog.add_copies(rid, 3, collection="TN")
    other = lib.catalog.add_item(rid, collection="TK")
    assert [i.barcode for i in first] == ["TN.00001", "TN.00002", "TN.00003"]
    assert other.barcode == "TK.00001"


def test_a_typed_accession_number_moves_the_counter_past_it(lib: Library) -> None:
    rid = add_de_men(lib)
    lib.catalog.add_item(rid, collection="TK", barcode="TK.00041")
    assert lib.catalog.add_item(rid, collection="TK").barcode == "TK.00042"


def test_accession_numbers_are_unique(lib: Library) -> None:
    rid = add_de_men(lib)
    lib.catalog.add_item(rid, barcode="TK.00007")
    with pytest.raises(ValidationError) as err:
        lib.catalog.add_item(rid, barcode="tk.00007")
    assert err.value.code == "catalog.barcode_taken"
    assert len(lib.catalog.items_of(rid)) == 1


def test_custom_accession_scheme_from_settings(lib: Library) -> None:
    lib.settings.set("accession_schemes", {"VN": {"prefix": "VN-", "width": 6}})
    rid = add_de_men(lib)
    assert lib.catalog.add_item(rid, collection="VN").barcode == "VN-000001"


def test_bad_isbn_is_refused_with_the_reason(lib: Library) -> None:
    with pytest.raises(ValidationError) as err:
        lib.catalog.add_record("Sách lỗi", isbns=["978-604-2-09818-3"])
    assert "ISBN" in err.value.message
    assert lib.catalog.record_count() == 0


def test_a_record_needs_a_title(lib: Library) -> None:
    with pytest.raises(ValidationError):
        lib.catalog.add_record("   ")


def test_editing_keeps_marc_fields_the_form_does_not_cover(lib: Library) -> None:
    rid = add_de_men(lib)
    record = lib.catalog.record(rid)
    marc = MarcRecord.from_storage(record.marc)
    from app.catalog.marc import Field

    marc.fields.append(Field("856", None, "4", "0", [("u", "http://example.org/demen")]))
    lib.db.conn.execute("UPDATE records SET marc = ? WHERE id = ?", (marc.to_storage(), rid))
    lib.catalog.update_record(rid, "Dế Mèn phiêu lưu kí", authors=["Tô Hoài"], year=2020)
    updated = lib.catalog.record(rid)
    assert updated.title == "Dế Mèn phiêu lưu kí" and updated.year == 2020
    kept = MarcRecord.from_storage(updated.marc)
    assert kept.value("856", "u") == "http://example.org/demen"
    assert lib.catalog.search("phieu luu ki").total == 1


def test_a_copy_added_before_seven_in_the_morning_is_acquired_that_day(
        lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    # The catalog reads the time from app.db's utc_now; 23:30 UTC is 06:30 the next day in
    # Vietnam, the day the acquisition register and "labels for copies since today" use.
    import app.catalog.service as service

    monkeypatch.setattr(service, "utc_now", lambda: "2026-11-21T23:30:00.000000Z")
    record = lib.catalog.add_record("Tắt đèn")
    (item,) = lib.catalog.add_copies(record, 1, collection="TK")
    assert item.acquired_on == "2026-11-22"
    typed = lib.catalog.add_item(record, acquired_on="2026-10-01")
    assert typed.acquired_on == "2026-10-01"  # a date the librarian gives is kept
