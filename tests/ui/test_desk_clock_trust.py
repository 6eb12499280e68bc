"""The desk on a PC whose clock ran a month ahead (books lent then) and was then corrected: the
red strip has a button, reached from the keyboard, that asks with both dates whether today is
really the PC's date; Esc and Enter keep the desk stopped, confirming makes it lend again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.support.pc_clock import set_pc_clock, shown
from tests.support.scanner import scan

REAL = datetime.now(UTC).replace(microsecond=0)
AHEAD = REAL + timedelta(days=30)


def loans(lib) -> int:  # type: ignore[no-untyped-def]
    return int(lib.db.conn.execute("SELECT count(*) FROM loans").fetchone()[0])


def test_the_desk_lends_again_once_the_librarian_confirms_the_corrected_date(
        lib, stocked, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from app.circulation.service import Circulation
    from ui.desk.sound import DeskSounds
    from ui.mainwindow import MainWindow

    patron, barcodes = stocked
    set_pc_clock(monkeypatch, AHEAD)  # a month ahead: a book lent then (by a desk since closed)
    assert Circulation(lib.db, lib.settings).checkout(patron.card, barcodes[0]).ok
    set_pc_clock(monkeypatch, REAL)  # the clock corrected
    window = MainWindow(lib, sounds=DeskSounds(enabled=False))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    desk = window.desk
    strip = desk.clock_banner
    assert strip.isVisible() and window.status.clock_label.isVisible()
    # the date may be right: the status bar does not call it wrong
    assert window.status.clock_label.text() == (
        f"Thư viện đã ghi đến {shown(AHEAD)}, sau ngày trên máy")
    assert shown(REAL) in strip.text() and shown(AHEAD) in strip.text()
    button = strip.trust_button
    assert button.isVisible() and button.text() == "&Ngày trên máy đã đúng…"

    def open_question() -> QMessageBox:
        window.activateWindow()  # the keys go to the window (no window manager here)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        desk.scan_field.setFocus()
        qtbot.keyClick(desk.scan_field, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: strip.trust_question is not None
                        and strip.trust_question.isVisible(), timeout=3000)
        box = strip.trust_question
        assert box is not None
        return box

    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Return):  # neither confirms
        strip.trust_question = None
        box = open_question()
        assert box.text() == (
            f"Ngày trên máy: {shown(REAL)}. Thư viện đã ghi đến: {shown(AHEAD)}. Chỉ xác nhận "
            f"nếu hôm nay đúng là {shown(REAL)} — nếu máy vừa bị mất ngày (01/01/2009), hãy "
            "chỉnh đồng hồ máy thay vì bấm ở đây.")
        assert box.defaultButton().text() == "&Không, tôi sẽ chỉnh đồng hồ máy"
        box.activateWindow()
        qtbot.waitUntil(lambda b=box: QApplication.activeWindow() is b, timeout=3000)
        qtbot.keyClick(QApplication.focusWidget() or box, key)
        qtbot.waitUntil(lambda b=box: not b.isVisible(), timeout=3000)
        assert strip.isVisible(), key
        scan(qtbot, desk.scan_field, patron.card)
        scan(qtbot, desk.scan_field, barcodes[1])
        assert desk.banner.text() == (
            "Đã dừng: ngày trên máy tính có vấn đề — xem dải đỏ ở trên.")
        # the records are ahead: say so, pointing to the button and its key, not to a command
        assert "nút «Ngày trên máy đã đúng…» (Alt+N)" in strip.text()
        assert f"Thư viện đã ghi đến ngày {shown(AHEAD)}" in strip.text()
        assert "thuvien clock" not in strip.text()
        assert loans(lib) == 1

    strip.trust_question = None
    box = open_question()
    [confirm] = [b for b in box.buttons() if b.text() == f"&Xác nhận: hôm nay là {shown(REAL)}"]
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not strip.isVisible(), timeout=3000)
    assert not window.status.clock_label.isVisible()  # at once, not at the next refresh
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=3000)
    assert window.focusWidget() is desk.scan_field  # the scanner types into the desk
    scan(qtbot, desk.scan_field, patron.card)
    scan(qtbot, desk.scan_field, barcodes[1])
    assert desk.banner.property("kind") == "ok", desk.banner.text()
    assert lib.catalog.item_by_barcode(barcodes[1]).status == "on_loan"
    assert loans(lib) == 2
    window.close()


def test_no_trust_button_for_a_date_before_2024(
        lib, stocked, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from ui.desk.clock_banner import ClockBanner

    set_pc_clock(monkeypatch, datetime(2009, 1, 1, 1, 0, tzinfo=UTC))
    strip = ClockBanner(lib.db)
    qtbot.addWidget(strip)
    strip.show()
    assert strip.verdict is not None and strip.verdict.behind
    assert not strip.trust_button.isVisible()


def test_no_trust_button_for_a_date_before_the_district_servers(
        lib, stocked, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A year typed wrong (after 2024): the records are ahead, but so was the district
    server's date at the last sync, so the date is wrong for sure: set the clock."""
    import json

    from app.circulation.clock_check import SERVER_TIME_KEY
    from ui.desk.clock_banner import ClockBanner

    last_year = REAL - timedelta(days=365)
    set_pc_clock(monkeypatch, last_year)
    strip = ClockBanner(lib.db)
    qtbot.addWidget(strip)
    strip.show()
    assert strip.trust_button.isVisible()  # never synced: the date may be right
    with lib.db.transaction() as conn:
        conn.execute("INSERT INTO sync_state(key, value) VALUES (?, ?)",
                     (SERVER_TIME_KEY, json.dumps(REAL.isoformat())))
    strip.recheck()
    assert not strip.trust_button.isVisible()
    assert strip.text() == (
        "Đã dừng mọi việc có ghi ngày (mượn, trả, thu tiền, kiểm kê…): Ngày trên máy tính "
        f"đang là {shown(last_year)}, trước ngày của máy chủ thư viện huyện ở lần đồng bộ gần nhất ({shown(REAL)}). Hãy "
        "chỉnh lại ngày giờ của máy (Windows: bấm chuột phải vào đồng hồ → Điều chỉnh "
        "ngày/giờ) rồi làm tiếp.")
