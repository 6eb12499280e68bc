"""Card validity: the default per category, new cards and class lists get it, renewal (gia hạn
thẻ), the expired / expiring lists, the outbox, and the rollover extending students' cards."""

from __future__ import annotations

import csv
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from app.circulation.clock import library_today
from app.db.connection import Database
from app.errors import ValidationError
from app.i18n import set_language
from app.patrons.service import PatronService
from app.patrons.validity import Validity, add_months


def test_nothing_set_means_no_expiry_as_before(patrons: PatronService) -> None:
    assert {c: v.kind for c, v in patrons.validity().items()} == {
        "student": "none", "teacher": "none", "staff": "none", "community": "none"}
    assert patrons.add("Nguyễn Văn An", class_name="6A").expires_on is None
    assert patrons.add("Bà Tư", category="community").expires_on is None


def test_new_cards_get_their_categorys_default(patrons: PatronService) -> None:
    patrons.set_validity({"student": Validity("school_year"),
                          "community": Validity("months", 12)})
    today = library_today()
    student = patrons.add("Nguyễn Văn An", class_name="6A", school_year="2026-2027")
    assert student.expires_on == "2027-05-31"
    reader = patrons.add("Bà Tư", category="community")
    assert reader.expires_on == add_months(today, 12).isoformat()
    assert patrons.add("Cô Lan", category="teacher").expires_on is None  # teachers: none set
    assert patrons.add("Ông Năm", category="community", expires_on=None).expires_on is None
    assert patrons.add("Chị Sáu", category="community",
                       expires_on="31/12/2030").expires_on == "2030-12-31"
    with pytest.raises(ValidationError):
        patrons.add("Anh Bảy", category="community", expires_on="31/02/2030")


def test_a_class_list_import_gives_new_students_the_default(tmp_path: Path,
                                                            patrons: PatronService) -> None:
    patrons.set_validity({"student": Validity("school_year")})
    path = tmp_path / "6a.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["STT", "Họ và tên", "Lớp", "Ngày sinh", "Mã học sinh"])
        writer.writerow(["1", "Nguyễn Văn An", "6A", "05/09/2014", "S1"])
        writer.writerow(["2", "Trần Thị Bình", "6A", "17/02/2014", "S2"])
    patrons.import_class_list(path, dry_run=False, school_year="2026-2027")
    assert {p.full_name: p.expires_on for p in patrons.list_patrons(class_name="6A")} == {
        "Nguyễn Văn An": "2027-05-31", "Trần Thị Bình": "2027-05-31"}


def test_renew_card_by_default_period_or_to_a_date(patrons: PatronService,
                                                   outbox: Callable[[], list[Any]]) -> None:
    reader = patrons.add("Bà Tư", category="community")
    set_language("vi")
    with pytest.raises(ValidationError) as no_default:
        patrons.renew_card(reader.id)
    assert "Chưa đặt thời hạn thẻ mặc định cho bạn đọc ngoài trường" in no_default.value.message
    patrons.set_validity({"community": Validity("months", 12)})
    day = date(2026, 11, 22)
    patrons.update(reader.id, expires_on="2026-10-31")  # expired: a year from today
    assert patrons.renew_card(reader.id, today=day).expires_on == "2027-11-22"
    # still valid: renewed early, the days left are kept (a year from the old expiry)
    assert patrons.renew_card(reader.id, today=day).expires_on == "2028-11-22"
    assert patrons.renew_card(reader.id, until="31/05/2027").expires_on == "2027-05-31"
    _, op, payload = outbox()[-1]
    assert op == "update" and payload["expires_on"] == "2027-05-31"
    assert patrons.update(reader.id, expires_on=None).expires_on is None


def test_expired_and_expiring_lists(patrons: PatronService) -> None:
    today = date(2026, 11, 22)
    for name, klass, expires in [("An", "6A", "2026-11-21"), ("Bình", "6A", "2026-11-22"),
                                 ("Chi", "6A", "2026-12-06"), ("Dũng", "6A", "2026-12-07"),
                                 ("Em", "6B", "2026-05-31"), ("Giang", "6B", None)]:
        patrons.add(name, class_name=klass, expires_on=expires)
    gone = patrons.add("Hà", class_name="6B", expires_on="2026-01-01")
    patrons.set_status(gone.id, "left")
    names = lambda **kw: [p.full_name for p in patrons.list_patrons(today=today, **kw)]  # noqa: E731
    assert names(cards="expired") == ["An", "Em"]
    assert names(cards="expiring") == ["Bình", "Chi"]  # today's last day .. 14 days on
    assert names(cards="expired", class_name="6B") == ["Em"]
    assert patrons.card_counts(today) == {"expired": 2, "expiring": 2}
    patrons.settings.set("card_expiry_notice_days", 30)
    assert names(cards="expiring") == ["Bình", "Chi", "Dũng"]


def test_rollover_extends_students_cards_when_asked_and_undo_puts_them_back(
        patrons: PatronService, db: Database) -> None:
    keep = patrons.add("An", class_name="6A", expires_on="2026-05-31")
    free = patrons.add("Bình", class_name="6A")  # no expiry: stays so
    leaving = patrons.add("Chi", class_name="9A", expires_on="2026-05-31")
    patrons.add("Dũng", class_name="8A")
    off = patrons.rollover.preview(extend_cards=False)
    assert (off.extend_cards, off.cards_until, off.cards_extended) == (False, None, 1)
    assert patrons.rollover.preview().extend_cards is False  # students' cards: no default
    patrons.set_validity({"student": Validity("school_year")})
    plan = patrons.rollover.preview()
    assert (plan.extend_cards, plan.cards_until, plan.cards_extended) == (True, "2027-05-31", 1)
    assert plan.to_dict()["cards_until"] == "2027-05-31"
    patrons.rollover.apply()
    assert patrons.get(keep.id).expires_on == "2027-05-31"
    assert patrons.get(free.id).expires_on is None
    assert patrons.get(leaving.id).expires_on == "2026-05-31"  # graduated: not renewed
    patrons.rollover.undo()
    assert patrons.get(keep.id).expires_on == "2026-05-31"
    assert patrons.get(keep.id).class_name == "6A"


def test_undo_of_a_rollover_logged_before_card_expiry(patrons: PatronService,
                                                      db: Database) -> None:
    student = patrons.add("An", class_name="6A")
    patrons.rollover.apply()
    import json

    with db.transaction() as conn:  # as the previous version logged it: no expires_on
        for rid, pid, before, after in conn.execute(
                "SELECT rollover_id, patron_id, before, after FROM patron_rollover_log"
                ).fetchall():
            b, a = json.loads(before), json.loads(after)
            b.pop("expires_on"), a.pop("expires_on")
            conn.execute("UPDATE patron_rollover_log SET before = ?, after = ? "
                         "WHERE rollover_id = ? AND patron_id = ?",
                         (json.dumps(b), json.dumps(a), rid, pid))
    patrons.update(student.id, expires_on="2027-05-31")
    patrons.rollover.undo()
    back = patrons.get(student.id)
    assert (back.class_name, back.expires_on) == ("6A", "2027-05-31")


def test_add_months_keeps_the_end_of_month() -> None:
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)


def test_the_expiry_stays_at_the_school(patrons: PatronService,
                                        outbox: Callable[[], list[Any]]) -> None:
    from app.sync.privacy import outgoing

    patrons.add("Bà Tư", category="community", expires_on="31/12/2026")
    _, _, payload = outbox()[-1]
    assert payload["expires_on"] == "2026-12-31"  # in the school's own outbox
    assert outgoing("patron", payload, "none", "s") is None
    shared = outgoing("patron", payload, "share", "s")
    assert shared is not None and "expires_on" not in shared[1]  # not among the shared fields
