"""The desk driven as a librarian does: scanner bursts into the scan field and F-keys."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from tests.support.scanner import scan


def test_card_then_three_books_then_checkin(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    desk = window.desk
    field = desk.scan_field
    assert field.hasFocus()

    scan(qtbot, field, patron.card)
    assert desk.banner.property("kind") == "ok"
    assert "Nguyễn Văn An" in desk.banner.text()
    assert desk.patron_panel.name.text() == "Nguyễn Văn An"

    for barcode in barcodes:
        scan(qtbot, field, barcode)
        assert desk.banner.property("kind") == "ok", desk.banner.text()
        assert "Đã cho mượn" in desk.banner.text()
        assert field.hasFocus() and field.text() == ""
    assert desk.patron_panel.loans.rowCount() == 3
    shown = {desk.patron_panel.loans.item(r, 0).text() for r in range(3)}
    assert shown == set(barcodes)
    due = desk.patron_panel.loans.item(0, 3).text()
    assert len(due) == 10 and due[2] == "/" and due[5] == "/"  # dd/mm/yyyy
    slip = lib.circulation.open_loans(patron.id)
    assert slip is not None and len(slip.loans) == 3

    qtbot.keyClick(field, Qt.Key.Key_F4)  # check-in only
    assert lib.circulation.desk.mode() == "checkin"
    assert desk.mode_buttons["checkin"].isChecked()
    for barcode in barcodes:
        scan(qtbot, field, barcode)
        assert "Đã nhận trả" in desk.banner.text(), desk.banner.text()
    assert desk.patron_panel.loans.rowCount() == 0
    assert lib.circulation.open_loans(patron.id).loans == []
    assert desk.session.rowCount() == 7
    assert desk.sounds.last_played == "ok"
    assert field.hasFocus()


def test_refused_scan_changes_nothing(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    desk = window.desk
    field = desk.scan_field
    scan(qtbot, field, barcodes[0])  # no patron yet
    assert desk.banner.property("kind") == "bad"
    assert "Chưa chọn bạn đọc" in desk.banner.text()
    assert desk.sounds.last_played == "bad"
    assert lib.catalog.item_by_barcode(barcodes[0]).status == "available"

    scan(qtbot, field, patron.card)
    scan(qtbot, field, barcodes[0])
    before = desk.patron_panel.loans.rowCount()
    scan(qtbot, field, "XYZ-NOT-A-CODE")
    assert desk.banner.property("kind") == "bad"
    assert "XYZ-NOT-A-CODE" in desk.banner.text()
    assert desk.patron_panel.name.text() == "Nguyễn Văn An"  # still the same patron
    assert desk.patron_panel.loans.rowCount() == before == 1
    assert lib.circulation.desk.current_patron().id == patron.id
    assert field.text() == "" and field.hasFocus()


def test_renew_and_clear_patron_by_keys(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron, barcodes = stocked
    desk = window.desk
    field = desk.scan_field
    scan(qtbot, field, patron.card)
    scan(qtbot, field, barcodes[0])
    qtbot.keyClick(field, Qt.Key.Key_F5)
    assert "gia hạn" in desk.banner.text().lower() or "Gia hạn" in desk.banner.text()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert lib.circulation.desk.current_patron() is None
    assert desk.patron_panel.patron_id is None
    assert field.hasFocus()


def test_overdue_loan_is_red(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.style import OVERDUE

    patron, barcodes = stocked
    lib.circulation.checkout(patron.card, barcodes[1])
    # An overdue loan: move its due date into the past through the loan table's owner.
    with lib.db.transaction() as conn:
        conn.execute("UPDATE loans SET due_on = '2020-01-10'")
    scan(qtbot, window.desk.scan_field, patron.card)
    panel = window.desk.patron_panel
    assert panel.loans.rowCount() == 1
    assert panel.loans.item(0, 3).text().startswith("10/01/2020")
    assert panel.loans.item(0, 1).foreground().color().name() == OVERDUE
    assert "quá hạn" in window.desk.banner.text()
    # amber, not the green "all fine": her next book will be refused
    assert window.desk.banner.property("kind") == "warn"


def test_session_answers_stay_whole_when_the_column_narrows(window, lib, stocked, qtbot  # type: ignore[no-untyped-def]
                                                            ) -> None:
    """The session list's rows grow when the window (or the splitter, or the scroll bar that
    appears with the tenth answer) makes the Result column narrower: no answer ends in "…"."""
    patron, barcodes = stocked
    desk = window.desk
    window.resize(1366, 768)
    qtbot.wait(50)
    field = desk.scan_field
    scan(qtbot, field, patron.card)
    for barcode in barcodes:
        scan(qtbot, field, barcode)
    # the splitter dragged towards the session list (at 1024 px it goes under the patron,
    # as wide as the desk: tests/ui/test_desk_small_screen.py)
    total = sum(desk.splitter.sizes())
    desk.splitter.setSizes([total - 330, 330])
    qtbot.waitUntil(lambda: desk.session.columnWidth(2) < 300, timeout=3000)
    session = desk.session
    assert session.rowCount() == 4

    def cut_off() -> list[str]:
        return [session.item(row, 2).text() for row in range(session.rowCount())
                if session.rowHeight(row) < session.sizeHintForRow(row)]

    qtbot.wait(100)
    assert cut_off() == []


def test_a_reader_kept_from_the_last_session_is_said_at_start(lib, stocked, qtbot  # type: ignore[no-untyped-def]
                                                              ) -> None:
    """The desk remembers the current reader across restarts: the window opening on them must
    say so (not "Ready. Scan a library card"), or the morning's first book is lent to them."""
    from ui.desk.sound import DeskSounds
    from ui.mainwindow import MainWindow

    patron, _ = stocked
    assert lib.circulation.desk.scan(patron.card).ok  # yesterday's last scan
    win = MainWindow(lib, sounds=DeskSounds(enabled=False))
    qtbot.addWidget(win)
    banner = win.desk.banner
    assert banner.property("kind") == "warn"
    assert banner.text() == ("Bạn đọc Nguyễn Văn An của phiên trước vẫn đang được chọn: sách "
                             "quét bây giờ sẽ cho bạn đọc này mượn. Nhấn Esc để bỏ chọn.")
    assert win.desk.patron_panel.patron_id == patron.id
    win.desk.clear_patron()
    fresh = MainWindow(lib, sounds=DeskSounds(enabled=False))
    qtbot.addWidget(fresh)
    assert fresh.desk.banner.text() == "Sẵn sàng. Quét thẻ bạn đọc, rồi quét sách."


def test_f11_counts_books_read_in_the_library(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Books left on the reading-room tables: F11, then each is scanned and counted (not lent,
    not taken back); F2 goes back to lending."""
    patron, barcodes = stocked
    desk = window.desk
    field = desk.scan_field
    qtbot.keyClick(field, Qt.Key.Key_F11)
    assert lib.circulation.desk.mode() == "reading" and desk.mode_buttons["reading"].isChecked()
    assert "đọc tại chỗ" in desk.banner.text()
    for barcode in barcodes[:2]:
        scan(qtbot, field, barcode)
        assert desk.banner.text().startswith("Đã ghi đọc tại chỗ"), desk.banner.text()
        assert desk.banner.property("kind") == "ok"
    today = lib.circulation.today()
    assert sum(c.count for c in lib.circulation.usage_tally(today, today)
               if c.kind == "in_library") == 2
    assert {i.status for i in lib.catalog.items_of(lib.catalog.item_by_barcode(
        barcodes[0]).record_id)} == {"available"}
    qtbot.keyClick(field, Qt.Key.Key_F2)
    scan(qtbot, field, patron.card)
    scan(qtbot, field, barcodes[0])
    assert "Đã cho mượn" in desk.banner.text()
    scan(qtbot, field, barcodes[1])
    # A lent copy turns up on a reading-room table: counted, and amber with what to do.
    qtbot.keyClick(field, Qt.Key.Key_F11)
    scan(qtbot, field, barcodes[0])
    assert "vẫn ghi đang cho" in desk.banner.text() and "hãy nhận trả" in desk.banner.text()
    assert desk.banner.property("kind") == "warn"
    assert lib.catalog.item_by_barcode(barcodes[0]).status == "on_loan"


def test_f12_counts_a_visitor_without_a_card(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A commune library's walk-in reader has no card: F12 counts the visit, the scan field
    keeps the keyboard, and the tally shows them apart from the card holders."""
    desk = window.desk
    field = desk.scan_field
    for _ in range(3):
        qtbot.keyClick(field, Qt.Key.Key_F12)
    assert desk.banner.text() == "Đã ghi 1 lượt khách không có thẻ (hôm nay: 3 lượt)."
    assert desk.banner.property("kind") == "ok" and field.hasFocus()
    today = lib.circulation.today()
    assert [(c.kind, c.group, c.count) for c in lib.circulation.usage_tally(today, today)] == [
        ("visit", "walk_in", 3)]


def test_the_desk_opens_in_its_start_mode_not_the_mode_left_on(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """F4 (check in only) left on in the evening: the next morning's window opens on
    automatic, or on the mode chosen in Settings → Desk → 'Desk mode at start'."""
    from ui.desk.sound import DeskSounds
    from ui.mainwindow import MainWindow

    qtbot.keyClick(window.desk.scan_field, Qt.Key.Key_F4)
    assert lib.circulation.desk.mode() == "checkin"
    window.close()
    morning = MainWindow(lib, sounds=DeskSounds(enabled=False))
    qtbot.addWidget(morning)
    assert lib.circulation.desk.mode() == "auto" and morning.desk.mode_buttons["auto"].isChecked()

    settings = morning.show_view("settings")
    settings.mode.setCurrentIndex(settings.mode.findData("reading"))
    assert lib.circulation.desk.mode() == "auto"  # the start mode, not the desk's mode now
    morning.close()
    next_day = MainWindow(lib, sounds=DeskSounds(enabled=False))
    qtbot.addWidget(next_day)
    assert lib.circulation.desk.mode() == "reading" and next_day.desk.mode_buttons["reading"].isChecked()
    next_day.close()


def test_f5_after_the_next_card_renews_that_readers_loan(window, lib, stocked, qtbot  # type: ignore[no-untyped-def]
                                                          ) -> None:
    """F5 with nothing selected, after a new card, acts on that reader's only loan, never on
    the copy the previous reader scanned (it renewed An's book, or said "… không có ai mượn"
    about a book An had just returned)."""
    patron, barcodes = stocked
    second = lib.patrons.add("Trần Thị Bình", class_name="6A", student_code="HS0602")
    lib.circulation.checkout(second.card, barcodes[2])
    with lib.db.transaction() as conn:  # borrowed 12 days ago: a renewal adds days
        conn.execute("UPDATE loans SET loaned_at = datetime('now', '-12 days'), "
                     "due_on = date('now', '+2 days')")
    desk = window.desk
    field = desk.scan_field
    scan(qtbot, field, patron.card)
    scan(qtbot, field, barcodes[0])  # lent to An
    scan(qtbot, field, second.card)
    qtbot.keyClick(field, Qt.Key.Key_F5)
    assert barcodes[2] in desk.banner.text(), desk.banner.text()
    assert barcodes[0] not in desk.banner.text()
    assert desk.banner.property("kind") != "bad", desk.banner.text()
    # Bình's loan renewed (due two weeks from today, not in 2 days); An's not asked about
    before = (date.today() + timedelta(days=2)).isoformat()
    assert lib.circulation.open_loans(second.id).loans[0].due > before
    assert field.hasFocus()


def test_f9_with_two_loans_and_none_selected_asks_to_choose(window, lib, stocked, qtbot  # type: ignore[no-untyped-def]
                                                             ) -> None:
    patron, barcodes = stocked
    second = lib.patrons.add("Trần Thị Bình", class_name="6A", student_code="HS0602")
    lib.circulation.checkout(second.card, barcodes[1])
    lib.circulation.checkout(second.card, barcodes[2])
    desk = window.desk
    scan(qtbot, desk.scan_field, patron.card)
    scan(qtbot, desk.scan_field, barcodes[0])
    scan(qtbot, desk.scan_field, second.card)
    qtbot.keyClick(desk.scan_field, Qt.Key.Key_F9)
    assert barcodes[0] not in desk.banner.text(), desk.banner.text()
    assert "chọn" in desk.banner.text().lower(), desk.banner.text()


def test_a_card_with_a_held_book_waiting_is_amber(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The reader whose held book came back: the banner is amber and says it waits on the
    hold shelf (it was the green "đang mượn 0, quá hạn 0." with the news only in the panel)."""
    patron, barcodes = stocked
    holder = lib.patrons.add("Trần Thị Bình", class_name="6A", student_code="HS0602")
    for barcode in barcodes:
        assert lib.circulation.checkout(patron.card, barcode).ok
    record_id = lib.catalog.item_by_barcode(barcodes[0]).record_id
    assert lib.circulation.place_hold(holder.card, record_id).ok
    assert lib.circulation.checkin(barcodes[0]).code == "checked_in_hold"
    desk = window.desk
    scan(qtbot, desk.scan_field, holder.card)
    assert "Có 1 sách đặt giữ đang chờ" in desk.banner.text(), desk.banner.text()
    assert desk.banner.property("kind") == "warn"
