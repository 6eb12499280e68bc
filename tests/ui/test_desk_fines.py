"""Fines at the desk, as the librarian sees them: the return banner, the card scan, the panel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from app.circulation import Circulation
from app.circulation.rules import LoanRule
from tests.support.scanner import scan


@pytest.fixture
def late(lib, stocked):  # type: ignore[no-untyped-def]
    """The patron borrowed two copies 20 days ago: due (14 days, no closed days) 6 days ago."""
    patron, barcodes = stocked
    lib.circulation.calendar.set_closed_weekdays([])
    past = Circulation(lib.db, lib.settings, clock=lambda: datetime.now(UTC) - timedelta(days=20))
    for barcode in barcodes[:2]:
        assert past.checkout(patron.card, barcode).ok
    return patron, barcodes


def test_a_late_return_shows_the_fine_and_what_the_patron_owes(window, lib, late, qtbot
                                                               ) -> None:  # type: ignore[no-untyped-def]
    lib.circulation.rules.set(LoanRule("*", "book", loan_days=14, fine_per_day=500))
    patron, barcodes = late
    desk = window.desk
    field = desk.scan_field
    scan(qtbot, field, patron.card)
    assert "Còn nợ" not in desk.banner.text()  # nothing owed before the return
    assert not desk.patron_panel.fines.isVisibleTo(desk)

    scan(qtbot, field, barcodes[0])
    assert desk.banner.text().endswith("của Nguyễn Văn An. Quá hạn 6 ngày — phạt 3.000 đ.")
    assert desk.banner.property("kind") == "warn"  # amber: money to collect
    panel = desk.patron_panel
    assert panel.fines.isVisibleTo(desk)
    assert panel.fines_title.text() == "Tiền phạt, đền sách chưa nộp: 3.000 đ"
    assert panel.fines.count() == 1
    assert "quá hạn 6 ngày: 3.000 đ" in panel.fines.item(0).text()
    assert "Quá hạn 6 ngày — phạt 3.000 đ" in desk.session.item(0, 2).text()

    scan(qtbot, field, barcodes[1])
    assert panel.fines_title.text() == "Tiền phạt, đền sách chưa nộp: 6.000 đ"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    scan(qtbot, field, patron.card)
    assert desk.banner.text().endswith("quá hạn 0. Còn nợ 6.000 đ.")
    assert desk.banner.property("kind") == "warn"
    assert field.hasFocus()


def test_no_fine_in_a_library_that_does_not_fine(window, lib, late, qtbot
                                                 ) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = late  # the default rules: fine 0
    desk = window.desk
    scan(qtbot, desk.scan_field, patron.card)
    scan(qtbot, desk.scan_field, barcodes[0])
    assert desk.banner.text().endswith("của Nguyễn Văn An. Quá hạn 6 ngày.")
    assert "phạt" not in desk.banner.text()
    assert desk.banner.property("kind") == "ok"
    assert not desk.patron_panel.fines.isVisibleTo(desk)
    scan(qtbot, desk.scan_field, patron.card)
    assert "Còn nợ" not in desk.banner.text()
    # amber for the copies still overdue (nothing owed, but the next book will be refused)
    assert "quá hạn 1" in desk.banner.text() and desk.banner.property("kind") == "warn"
    assert lib.circulation.fines.find() == []


def test_a_library_that_blocks_from_an_amount_refuses_at_the_desk(window, lib, late, qtbot
                                                                  ) -> None:  # type: ignore[no-untyped-def]
    lib.circulation.rules.set(LoanRule("*", "book", loan_days=14, fine_per_day=500))
    lib.circulation.fines.set_block_at(5000)
    patron, barcodes = late
    desk = window.desk
    scan(qtbot, desk.scan_field, patron.card)
    for barcode in barcodes[:2]:
        scan(qtbot, desk.scan_field, barcode)
    scan(qtbot, desk.scan_field, barcodes[2])
    assert desk.banner.property("kind") == "bad"
    assert "còn nợ tiền phạt 6.000 đ" in desk.banner.text()
    assert lib.catalog.item_by_barcode(barcodes[2]).status == "available"
