"""The desk on a PC whose clock went back to 01/01/2009 (dead CMOS battery): a red strip says
so from the start, scans lend nothing, and all is normal again once the date is set right."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication

from app.circulation import clock
from tests.support.pc_clock import DEAD_BATTERY
from tests.support.scanner import scan


@pytest.fixture
def lent_today(lib, stocked):  # type: ignore[no-untyped-def]
    """The library lent a book today, by this PC's (right) clock."""
    patron, barcodes = stocked
    assert lib.circulation.checkout(patron.card, barcodes[0]).ok
    assert lib.circulation.desk.scan(patron.card).ok  # still the desk's reader at startup
    return patron, barcodes


def test_the_desk_says_the_clock_is_wrong_and_lends_nothing_until_it_is_fixed(
        lent_today, lib, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from ui.desk import clock_banner
    from ui.desk.sound import DeskSounds
    from ui.mainwindow import MainWindow

    patron, barcodes = lent_today
    today = clock.display_date(clock.library_today())
    monkeypatch.setattr(clock_banner, "CHECK_MS", 200)  # the strip checks again by itself
    monkeypatch.setattr(clock, "system_clock", lambda: DEAD_BATTERY)
    window = MainWindow(lib, sounds=DeskSounds(enabled=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    desk = window.desk

    strip = desk.clock_banner
    assert strip.isVisible()
    assert "01/01/2009" in strip.text() and today in strip.text()
    assert "Điều chỉnh ngày/giờ" in strip.text()
    # payments, stocktakes, write-offs and the rollover are refused too: the heading says so
    assert strip.text().startswith("Đã dừng mọi việc có ghi ngày (mượn, trả, thu tiền, "
                                   "kiểm kê…): Ngày trên máy tính đang là 01/01/2009")
    assert window.status.clock_label.isVisible()
    assert window.status.clock_label.text() == "Ngày giờ trên máy tính sai: 01/01/2009"

    scan(qtbot, desk.scan_field, patron.card)
    scan(qtbot, desk.scan_field, barcodes[1])
    assert desk.banner.property("kind") == "bad"
    # the strip explains: the banner and the session row say it in one short line, not the
    # whole text twice more (at 1280 × 720 the reader's loans shrank to one row)
    short = "Đã dừng: ngày trên máy tính có vấn đề — xem dải đỏ ở trên."
    assert desk.banner.text() == short
    assert desk.session.item(0, 2).text() == short
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.width() == 1280)
    QApplication.processEvents()
    loans = desk.patron_panel.loans  # room for the reader's loans under the strip
    assert loans.viewport().height() >= 3 * loans.verticalHeader().defaultSectionSize(), (
        loans.viewport().height())
    assert lib.db.conn.execute("SELECT count(*) FROM loans").fetchone()[0] == 1
    assert lib.catalog.item_by_barcode(barcodes[1]).status == "available"
    for key in (desk.renew, desk.count_walk_in):  # F5 on the reader's only loan, F12
        desk.banner.clear()
        key()
        assert desk.banner.text() == short, key
    assert lib.db.conn.execute("SELECT renewals FROM loans").fetchone()[0] == 0
    assert lib.db.conn.execute("SELECT sum(count) FROM usage_events").fetchone()[0] == 1  # today's

    monkeypatch.setattr(clock, "system_clock", lambda: datetime.now(UTC))  # date set right
    qtbot.waitUntil(lambda: not strip.isVisible(), timeout=3000)  # no restart
    assert not window.status.check_clock() and not window.status.clock_label.isVisible()
    scan(qtbot, desk.scan_field, patron.card)
    scan(qtbot, desk.scan_field, barcodes[1])
    assert desk.banner.property("kind") == "ok", desk.banner.text()
    assert lib.catalog.item_by_barcode(barcodes[1]).status == "on_loan"
    window.close()


def test_no_strip_when_the_clock_is_right(window) -> None:  # type: ignore[no-untyped-def]
    assert not window.desk.clock_banner.isVisible()
    assert not window.status.clock_label.isVisible()
