"""Class loan sessions: a textbook set to a whole class, and what is missing at year end."""

from __future__ import annotations

from datetime import date

import pytest

from app.circulation.results import Refusal

from .conftest import World


def setup_class(world: World) -> tuple[list[int], list[str]]:
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Chi"]
    cards = [world.student(n, "6A").card for n in names]
    world.student("Phạm Văn Dũng", "6B")
    records = []
    for title in ("Toán 6", "Ngữ văn 6"):
        copies = world.book(title, copies=4, item_type="textbook", collection="GK")
        records.append(copies[0].record_id)
    return records, cards


def test_auto_assign_lends_one_copy_of_each_book_to_every_student(world: World) -> None:
    records, _cards = setup_class(world)
    session = world.circ.start_class_loan("6A", records, school_year="2025-2026")
    assert session.due == "2026-06-01"   # 31 May 2026 is a Sunday
    results = world.circ.class_loan_auto_assign(session.id)
    assert [r.code for r in results] == ["checked_out"] * 6
    # class-register order: by given name (An, Bình, Chi)
    assert [r.patron.full_name for r in results[::2]] == ["Nguyễn Văn An", "Trần Thị Bình",
                                                        "Lê Minh Chi"]
    assert all(r.loan.due == "2026-06-01" and r.loan.class_loan_id == session.id
               for r in results)
    assert world.circ.class_loan_auto_assign(session.id) == []   # nothing left to hand out
    assert world.count("SELECT count(*) FROM loans WHERE class_loan_id = ?", session.id) == 6


def test_scanning_at_the_desk_during_a_session(world: World) -> None:
    records, cards = setup_class(world)
    session = world.circ.start_class_loan("6A", records)
    world.circ.desk.set_class_loan(session.id)
    [other] = world.book("Truyện Kiều")
    toan = world.lib.catalog.items_of(records[0])
    world.clock.advance(seconds=5)
    world.circ.desk.scan(cards[0])
    lent = world.circ.desk.scan(toan[0].barcode)
    assert lent.code == "checked_out" and lent.loan.class_loan_id == session.id
    assert world.circ.desk.scan(other.barcode).code == "not_in_session"
    dung = world.lib.patrons.search("Dũng")[0]  # class 6B: not this set's class
    world.circ.desk.scan(dung.card)
    refused = world.circ.desk.scan(toan[1].barcode)
    assert refused.code == "not_in_class" and not refused.ok
    assert refused.message_in("vi") == ("Phạm Văn Dũng (6B) không thuộc lớp 6A: bộ sách này "
                                        "chỉ cho lớp 6A mượn.")
    assert world.lib.catalog.item(toan[1].id).status == "available"
    world.circ.desk.set_class_loan(None)
    world.clock.advance(seconds=5)
    assert world.circ.desk.scan(other.barcode).loan.class_loan_id is None


def test_assign_by_list_and_year_end_report(world: World) -> None:
    records, cards = setup_class(world)
    session = world.circ.start_class_loan("6A", records, due=date(2026, 5, 29))
    toan = [i.barcode for i in world.lib.catalog.items_of(records[0])]
    van = [i.barcode for i in world.lib.catalog.items_of(records[1])]
    an, binh, chi = (world.lib.patrons.by_card(c) for c in cards)
    results = world.circ.class_loan_assign(session.id, {
        an.id: [toan[0], van[0]], binh.id: [toan[1], van[1]], chi.id: [toan[2], "GK.99999"]})
    assert [r.code for r in results] == ["checked_out"] * 5 + ["item_not_found"]
    # year end: An returns both, Bình returns Toán only, Chi returns nothing
    world.clock.advance(days=260)
    for barcode in (toan[0], van[0], toan[1]):
        assert world.circ.checkin(barcode).ok
    report = world.circ.class_loan_report(session.id)
    missing = {line.patron.full_name: [b for b, _ in line.missing] for line in report.students}
    assert missing == {"Nguyễn Văn An": [], "Trần Thị Bình": [van[1]], "Lê Minh Chi": [toan[2]]}
    chi_line = next(s for s in report.students if s.patron.id == chi.id)
    assert chi_line.not_lent == ["Ngữ văn 6"]
    assert report.missing_count == 2
    closed = world.circ.close_class_loan(session.id, mark_missing_lost=True)
    assert closed.session.status == "closed" and closed.missing_count == 2
    assert world.lib.catalog.item_by_barcode(van[1]).status == "lost"
    assert world.circ.desk.scan(cards[0]).ok


def test_blocked_student_is_refused_in_a_class_loan(world: World) -> None:
    records, cards = setup_class(world)
    binh = world.lib.patrons.by_card(cards[1])
    world.lib.patrons.set_status(binh.id, "blocked")
    session = world.circ.start_class_loan("6A", records)
    results = world.circ.class_loan_auto_assign(session.id)
    # a blocked student is not an active member of the class list
    assert {r.patron.full_name for r in results} == {"Nguyễn Văn An", "Lê Minh Chi"}
    toan = world.lib.catalog.items_of(records[0])
    [refused] = world.circ.class_loan_assign(session.id, {binh.id: [toan[3].barcode]})
    assert refused.code == "patron_blocked"



def test_a_set_running_out_says_its_copies_are_lent_not_that_it_has_none(world: World) -> None:
    """Four copies of Toán 6, three lent outside the class, for three students: the two left
    without one are told the copies are out, not 'ISBN  (“Toán 6”) has no copies in the
    library'; a book with no copy at all says so, without an empty ISBN."""
    records, _cards = setup_class(world)
    outsider = world.student("Phạm Văn Dũng", "6C")
    for item in world.lib.catalog.items_of(records[0])[:3]:
        assert world.circ.checkout(outsider.card, item.barcode, force=True).ok
    no_copy = world.lib.catalog.add_record("Tin học 6")
    session = world.circ.start_class_loan("6A", [records[0], no_copy])
    results = world.circ.class_loan_auto_assign(session.id)
    assert [r.code for r in results] == ["checked_out", "class_set_no_copy",
                                         "class_set_short", "class_set_no_copy",
                                         "class_set_short", "class_set_no_copy"]
    assert results[2].message == ("Không còn bản “Toán 6” trên giá để cho mượn: cả 4 bản đều "
                                  "đang được mượn hoặc không cho mượn được.")
    assert results[2].message_in("en") == ("No copy of “Toán 6” left on the shelf to lend: "
                                           "all 4 are on loan or cannot be lent.")
    assert results[1].message == "“Tin học 6” chưa có bản sách nào trong kho."
    assert not any("ISBN" in r.message for r in results)


def test_a_class_without_students_and_an_unknown_session_are_refused_in_words(
        world: World) -> None:
    records, _cards = setup_class(world)
    with pytest.raises(Refusal) as empty:
        world.circ.start_class_loan("6Z", records)
    assert empty.value.result.message == ("Lớp 6Z không có học sinh nào đang học — kiểm tra "
                                          "lại tên lớp.")
    assert world.circ.class_loans() == []
    with pytest.raises(Refusal) as unknown:
        world.circ.class_loan_report(42)
    assert unknown.value.result.message == "Không có đợt mượn lớp số 42."


def test_a_closed_class_loan_is_not_closed_again_nor_handed_out(world: World) -> None:
    records, _cards = setup_class(world)
    session = world.circ.start_class_loan("6A", records)
    world.circ.close_class_loan(session.id)
    query = "SELECT closed_at FROM class_loans WHERE id = ?"
    closed_at = world.lib.db.conn.execute(query, (session.id,)).fetchone()[0]
    world.clock.advance(days=3)
    for again in (lambda: world.circ.close_class_loan(session.id, mark_missing_lost=True),
                  lambda: world.circ.class_loan_auto_assign(session.id)):
        with pytest.raises(Refusal) as refused:
            again()
        assert refused.value.result.message == "Đợt mượn lớp 6A đã kết thúc."
    assert world.lib.db.conn.execute(query, (session.id,)).fetchone()[0] == closed_at


def test_a_student_keeping_last_years_copy_is_not_given_a_second(world: World) -> None:
    """A session started again for the same set (or after one closed with books still out)
    lent every student a second copy of the book they still had."""
    records, _cards = setup_class(world)
    first = world.circ.start_class_loan("6A", records[:1])
    world.circ.class_loan_auto_assign(first.id)
    world.circ.close_class_loan(first.id)
    again = world.circ.start_class_loan("6A", records[:1])
    results = world.circ.class_loan_auto_assign(again.id)
    assert [r.code for r in results] == ["class_has_copy"] * 3
    assert results[0].message == ("Nguyễn Văn An đang mượn “Toán 6” (GK.00001) rồi — không cho "
                                  "mượn thêm bản nữa.")
    assert world.count("SELECT count(*) FROM loans WHERE returned_at IS NULL") == 3
