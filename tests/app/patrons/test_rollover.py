"""School-year rollover: preview, apply, undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from app.db.connection import Database
from app.errors import UserError
from app.patrons.service import PatronService


def school(patrons: PatronService) -> dict[str, int]:
    ids = {}
    for name, klass in [("An", "6A"), ("Bình", "6A"), ("Chi", "Lớp 7B"), ("Dũng", "8/1"),
                        ("Em", "9A"), ("Giang", "9A"), ("Hà", "CLB Cờ vua")]:
        ids[name] = patrons.add(name, class_name=klass).id
    ids["Khoa"] = patrons.add("Khoa", class_name="6A", status="left").id
    ids["Lan"] = patrons.add("Lan", category="teacher").id
    return ids


def test_preview_lists_what_each_class_becomes(patrons: PatronService, db: Database) -> None:
    school(patrons)
    before = db.conn.execute("SELECT count(*) FROM changes").fetchone()[0]
    plan = patrons.rollover.preview()
    assert (plan.from_year, plan.to_year, plan.last_grade) == ("2025-2026", "2026-2027", 9)
    assert [(m.from_class, m.to_class, m.students) for m in plan.moves] == [
        ("6A", "7A", 2), ("7B", "8B", 1), ("8/1", "9/1", 1), ("9A", None, 2)]
    assert (plan.promoted, plan.graduated) == (4, 2)
    assert plan.unknown_classes == [("CLB Cờ vua", 1)]
    assert db.conn.execute("SELECT count(*) FROM changes").fetchone()[0] == before


def test_apply_promotes_graduates_and_advances_year(patrons: PatronService,
                                                    outbox: Callable[[], list[Any]]) -> None:
    ids = school(patrons)
    before = len(outbox())
    plan = patrons.rollover.apply()
    assert plan.rollover_id is not None
    an = patrons.get(ids["An"])
    assert (an.class_name, an.grade, an.school_year, an.status) == ("7A", 7, "2026-2027", "active")
    assert patrons.get(ids["Dũng"]).class_name == "9/1"
    em = patrons.get(ids["Em"])
    assert (em.status, em.class_name) == ("graduated", "9A") and em.left_on
    assert patrons.get(ids["Khoa"]).class_name == "6A"  # left earlier: untouched
    assert patrons.get(ids["Hà"]).class_name == "CLB Cờ vua"
    assert patrons.school_year() == "2026-2027"
    assert len(outbox()) - before == 6
    with pytest.raises(UserError) as err:  # not twice into the same year
        patrons.rollover.apply()
    assert err.value.code == "rollover.already_done"


def test_undo_restores_everything_exactly(patrons: PatronService,
                                          outbox: Callable[[], list[Any]]) -> None:
    ids = school(patrons)
    snapshot = {i: patrons.get(i) for i in ids.values()}
    patrons.rollover.apply()
    undone = patrons.rollover.undo()
    assert ("9A", None, 2) in [(m.from_class, m.to_class, m.students) for m in undone.moves]
    for patron_id, old in snapshot.items():
        new = patrons.get(patron_id)
        assert (new.class_name, new.grade, new.school_year, new.status, new.left_on) == \
            (old.class_name, old.grade, old.school_year, old.status, old.left_on)
    assert patrons.school_year() == "2025-2026"
    assert outbox()[-1][1] == "update"
    with pytest.raises(UserError) as err:
        patrons.rollover.undo()
    assert err.value.code == "rollover.nothing_to_undo"
    patrons.rollover.apply()  # after an undo it can be done again
    assert patrons.get(ids["An"]).class_name == "7A"


def test_configured_last_grade_and_upper_secondary(patrons: PatronService) -> None:
    a = patrons.add("A", class_name="10A1").id
    b = patrons.add("B", class_name="11A2").id
    patrons.settings.set("patron_last_grade", 12)
    plan = patrons.rollover.apply()
    assert plan.graduated == 0
    assert (patrons.get(a).class_name, patrons.get(b).class_name) == ("11A1", "12A2")
    patrons.settings.set("school_year", "2026-2027")
    second = patrons.rollover.preview()
    assert [(m.from_class, m.to_class) for m in second.moves] == [("11A1", "12A1"),
                                                                   ("12A2", None)]


def test_loan_history_kept(patrons: PatronService, db: Database) -> None:
    p = patrons.add("An", class_name="9A")
    with db.transaction() as conn:
        conn.execute("INSERT INTO records(id, uuid, library_id, created_at, updated_at, marc) "
                     "VALUES (1, 'r1', 'L', 'x', 'x', '')")
        conn.execute("INSERT INTO items(id, uuid, library_id, created_at, updated_at, record_id, "
                     "barcode) VALUES (1, 'i1', 'L', 'x', 'x', 1, 'TK.00001')")
        conn.execute("INSERT INTO loans(uuid, library_id, created_at, updated_at, item_id, "
                     "patron_id, loaned_at, due_on, returned_at) VALUES "
                     "('l1', 'L', 'x', 'x', 1, ?, '2025-10-01', '2025-10-15', '2025-10-10')",
                     (p.id,))
    patrons.rollover.apply()
    assert db.conn.execute("SELECT patron_id FROM loans").fetchall() == [(p.id,)]
    assert patrons.get(p.id).status == "graduated"


def test_preview_names_graduating_students_who_still_have_books(tmp_path: Any,
                                                               capsys: Any) -> None:
    """9A leaves with books on loan and nothing said so; the preview now lists them (6A's
    borrower and a returned loan are not listed)."""
    from app.cli import main
    from app.library import Library

    db = tmp_path / "lib.sqlite3"
    with Library.open(db) as lib:
        giang = lib.patrons.add("Trần Thị Giang", class_name="9A")
        em = lib.patrons.add("Lê Văn Em", class_name="9A")
        an = lib.patrons.add("Nguyễn Văn An", class_name="6A")
        lib.patrons.add("Phạm Minh Khoa", class_name="9B")
        record = lib.catalog.add_record("Ngữ văn 9")
        items = lib.catalog.add_copies(record, 4, collection="GK")
        for patron, item in ((giang, items[0]), (giang, items[1]), (em, items[2]),
                             (an, items[3])):
            assert lib.circulation.checkout(patron.card, item.barcode, force=True).ok
        assert lib.circulation.checkin(items[2].barcode).ok
        plan = lib.patrons.rollover.preview()
        assert plan.graduates_with_loans == [("Trần Thị Giang", "9A", giang.card, 2)]
        assert plan.graduate_books == 2
        assert plan.to_dict()["graduates_with_loans"] == [
            {"name": "Trần Thị Giang", "class": "9A", "card": giang.card, "books": 2}]
    assert main(["--db", str(db), "--lang", "vi", "rollover", "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert ("Chú ý: 1 học sinh sắp ra trường còn đang mượn 2 cuốn — thu hồi sách trước khi "
            "lên lớp:") in out
    assert f"  Trần Thị Giang (9A, thẻ {giang.card}): 2 cuốn" in out


def test_textbook_sets_follow_their_class_and_come_back_with_undo(tmp_path: Any) -> None:
    """6A's set, still lent at the rollover, is 7A's afterwards (the same students), so the
    missing books are found from the class; 9A's set is closed as its students graduate,
    its report naming only them, not the new 9A. Undo puts both back."""
    from app.library import Library

    with Library.open(tmp_path / "lib.sqlite3") as lib:
        an = lib.patrons.add("Nguyễn Văn An", class_name="6A")
        em = lib.patrons.add("Lê Văn Em", class_name="9A")
        lib.patrons.add("Phạm Minh Khoa", class_name="8A")  # the next 9A
        toan6, van9 = lib.catalog.add_record("Toán 6"), lib.catalog.add_record("Ngữ văn 9")
        lib.catalog.add_copies(toan6, 1, collection="GK", item_type="textbook")
        lib.catalog.add_copies(van9, 1, collection="GK", item_type="textbook")
        six = lib.circulation.start_class_loan("6A", [toan6])
        nine = lib.circulation.start_class_loan("9A", [van9])
        for session in (six, nine):
            lib.circulation.class_loan_auto_assign(session.id)
        plan = lib.patrons.rollover.preview()
        assert plan.class_loans == [("6A", "7A", six.due), ("9A", None, nine.due)]

        lib.patrons.rollover.apply()
        assert lib.circulation.class_loans("6A") == []
        [moved] = lib.circulation.class_loans("7A")
        assert (moved.id, moved.status) == (six.id, "open")
        report = lib.circulation.class_loan_report(six.id)
        assert [(s.patron.id, len(s.missing)) for s in report.students] == [(an.id, 1)]
        closed = lib.circulation.class_loans("9A")[0]
        assert closed.status == "closed"
        report = lib.circulation.class_loan_report(nine.id)
        assert [(s.patron.full_name, len(s.missing)) for s in report.students] == [
            (em.full_name, 1)]  # not Khoa, now in 9A
        sent = lib.db.conn.execute("SELECT count(*) FROM changes WHERE entity = 'class_loan' "
                                   "AND op = 'update'").fetchone()[0]
        assert sent == 2  # the district learns of both

        lib.patrons.rollover.undo()
        assert [(s.id, s.status) for s in lib.circulation.class_loans("6A")] == [(six.id, "open")]
        assert [(s.id, s.status) for s in lib.circulation.class_loans("9A")] == [
            (nine.id, "open")]
        assert lib.circulation.class_loans("7A") == []
