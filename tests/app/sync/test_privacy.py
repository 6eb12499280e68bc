"""Nothing personal leaves the school unless the library's setting says so — checked by
reading everything the district server stored."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from server.models import metadata


def server_dump(engine: Any) -> str:
    from server import applier

    assert applier.wait_applied(engine, timeout=30)
    with engine.connect() as conn:
        return "\n".join(repr(tuple(row)) for table in metadata.sorted_tables
                         for row in conn.execute(select(table)))


def _desk_day(lib: Any) -> dict[str, Any]:
    rid = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], year=2019)
    item = lib.catalog.add_item(rid, collection="TN")
    pupil = lib.patrons.add("Nguyễn Thị Hồng Nhung", class_name="6A", student_code="HS-778899",
                            phone="0912345678", address="Thôn Đông, xã Yên Bình",
                            photo=b"\x89PNG-photo-bytes")
    assert lib.circulation.checkout(pupil.card, item.barcode).ok
    lib.circulation.record_visit(pupil.card)
    return {"name": pupil.full_name, "card": pupil.card, "code": "HS-778899",
            "phone": "0912345678", "uuid": pupil.uuid, "item": item.barcode}


def test_by_default_no_name_card_or_photo_reaches_the_district(enrolled: Any,
                                                               district: Any) -> None:
    who = _desk_day(enrolled)
    report = enrolled.sync.sync_now()
    assert report.acked_seq > 0 and enrolled.sync.status().pending == 0
    stored = server_dump(district.engine)
    for secret in (who["name"], "Nguyễn Thị", who["card"], who["code"], who["phone"],
                   who["uuid"], "PNG-photo", "Thôn Đông"):
        assert secret not in stored, secret
    # The district still gets what it needs: the copy, the anonymised loan, the visit.
    assert who["item"] in stored and "student" in stored
    stats = district_stats(district, enrolled.code)
    assert stats["loans"] == 1 and stats["active_readers"] == 1 and stats["visits"] == 1


def test_sharing_setting_sends_patrons_but_never_photos(enrolled: Any, district: Any) -> None:
    enrolled.sync.set_personal_data("share")
    who = _desk_day(enrolled)
    enrolled.sync.sync_now()
    stored = server_dump(district.engine)
    assert who["name"] in stored and who["card"] in stored
    assert "PNG-photo" not in stored and who["phone"] not in stored


def district_stats(district: Any, code: str) -> dict[str, Any]:
    from server import registry, stats
    from server.db import read

    with read(district.engine) as conn:
        row = registry.library_by_code(conn, code)
        month = __import__("datetime").date.today().strftime("%Y-%m")
        return stats.month_stats(conn, row.id, month)


def test_a_copy_is_sent_as_stored_only_when_nothing_in_it_stays_home() -> None:
    """The batch builder copies a copy's stored JSON into the body unparsed when it holds no
    private field: every way of writing the note (escaped, as a value, with other escapes
    around) must still come out without it, and everything else as the filter sends it."""
    import json

    from app.sync import batch, privacy
    from app.sync.protocol import change_digest

    base = {"uuid": "i1", "record_uuid": "r1", "barcode": "TK.1", "status": "available"}
    payloads = [
        json.dumps(base, ensure_ascii=False),
        json.dumps({**base, "note": "để ở tủ kính"}, ensure_ascii=False),
        json.dumps({**base, "note": "tủ \"A\""}, ensure_ascii=False),
        json.dumps({**base, "note": "x"}),  # ASCII escapes of the Vietnamese elsewhere
        json.dumps({**base, "call_number": "895.9 \\ TH"}, ensure_ascii=False),
        json.dumps({**base, "collection": "note"}, ensure_ascii=False),
        '{"uuid": "i1", "no\\u0074e": "giấu", "barcode": "TK.1"}',  # "note", escaped
        json.dumps({**base, "note": None, "price": 45000}, ensure_ascii=False),
    ]
    at = "2025-10-01T00:00:00.000000Z"
    rows = [(n + 1, "item", "i1", "update", text, at) for n, text in enumerate(payloads)]
    built = batch.build(0, rows, "none", "secret")
    body = json.loads(built.body("lib"))
    assert len(body["changes"]) == len(payloads) and body["withheld"] == []
    for sent, (seq, _, _, _, text, _) in zip(body["changes"], rows, strict=True):
        expected = privacy.outgoing("item", json.loads(text), "none", "secret")
        assert expected is not None
        assert sent["payload"] == expected[1] and "note" not in sent["payload"], text
        assert sent["digest"] == change_digest("item", "i1", "update", at, text)
        assert sent["seq"] == seq
    assert "giấu" not in built.body("lib").decode() and "tủ" not in built.body("lib").decode()
