"""Nothing personal leaves the school unless the library's setting says so — checked by
reading everything the district server stored."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from server.models import metadata


def server_dump(engine: Any) -> str:
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
