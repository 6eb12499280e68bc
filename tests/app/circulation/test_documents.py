"""Overdue list, loan slip and overdue letters by class (data and PDF)."""

from __future__ import annotations

from pathlib import Path

from app.circulation.documents import letters_pdf, slip_pdf

from .conftest import World


def test_overdue_letters_group_by_class(world: World) -> None:
    copies = world.book(copies=4)
    a = world.student("Nguyễn Văn An", "6A")
    b = world.student("Trần Thị Bình", "7B")
    c = world.student("Lê Văn Cường", "6A")
    world.circ.checkout(a.card, copies[0].barcode)
    world.circ.checkout(b.card, copies[1].barcode)
    world.circ.checkout(c.card, copies[2].barcode)
    world.clock.advance(days=5)
    world.circ.checkout(c.card, copies[3].barcode)     # due later, not overdue yet
    world.clock.advance(days=12)                         # Thu 25 Sep
    letters = world.circ.overdue_letters()
    assert [x.class_name for x in letters] == ["6A", "7B"]
    assert [s.patron.full_name for s in letters[0].students] == ["Nguyễn Văn An", "Lê Văn Cường"]
    cuong = letters[0].students[1]
    assert [(line.barcode, line.days_overdue) for line in cuong.loans] == [(copies[2].barcode, 3)]
    pdf = letters_pdf(world.lib.path.parent / "letters.pdf", letters, "THCS Kim Đồng",
                      world.circ.today())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"DejaVuSans" in data


def test_loan_slip_lists_what_the_student_has(world: World, tmp_path: Path) -> None:
    a, b = world.book("Dế Mèn phiêu lưu ký", copies=2)
    patron = world.student()
    world.circ.checkout(patron.card, a.barcode)
    world.circ.checkout(patron.card, b.barcode)
    world.circ.checkin(a.barcode)
    slip = world.circ.open_loans(patron.card)
    assert slip is not None
    assert [(x.barcode, x.due) for x in slip.loans] == [(b.barcode, "2025-09-22")]
    out = slip_pdf(tmp_path / "slip.pdf", slip, "THCS Kim Đồng", world.circ.today())
    assert out.read_bytes().startswith(b"%PDF")
    empty = world.circ.open_loans(world.student("Bình").card)
    assert empty is not None and empty.loans == []
