"""On a PC back on 01/01/2009 the catalog's Holds dialog and the Patrons view's Renew say why
nothing was done, in their own red line, with the clock guard's words (as the desk does): no
box saying "unexpected error", nothing written. Driven in the real window."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.support.catalog_holds import hold_from_the_catalog
from tests.support.pc_clock import DEAD_BATTERY, set_pc_clock, shown


def no_box_shown() -> bool:
    return not any(isinstance(w, QMessageBox) and w.isVisible()
                   for w in QApplication.topLevelWidgets())


def clock_words(today: str) -> str:
    return (f"Ngày trên máy tính đang là 01/01/2009, trước ngày thư viện ghi gần nhất {today}. "
            "Hãy chỉnh lại ngày giờ của máy (Windows: bấm chuột phải vào đồng hồ → Điều chỉnh "
            "ngày/giờ) rồi làm tiếp.")


def test_a_hold_placed_or_cancelled_on_a_pc_back_in_2009_says_the_date(
        window, lib, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    record = lib.catalog.add_record("Cho tôi xin một vé đi tuổi thơ", authors=["Nguyễn Nhật Ánh"])
    [copy] = lib.catalog.add_copies(record, 1)
    waiting = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    reader = lib.patrons.add("Trần Thị Bình", class_name="6B")
    borrower = lib.patrons.add("Lê Văn Cường", class_name="7A")
    assert lib.circulation.checkout(borrower.card, copy.barcode).ok
    assert lib.circulation.place_hold(waiting.card, record).ok
    today = shown(datetime.now(UTC))
    set_pc_clock(monkeypatch, DEAD_BATTERY)

    dialog = hold_from_the_catalog(window, qtbot, record, reader.card)
    assert dialog.message.text() == clock_words(today)
    assert dialog.card.text() == reader.card  # kept: Enter again once the date is set
    assert no_box_shown() and dialog.isVisible()
    assert [h.patron.card for h in lib.circulation.hold_queue(record)] == [waiting.card]

    dialog.message.clear()
    dialog.table.selectRow(0)
    assert not dialog.cancel_selected()
    assert dialog.message.text() == clock_words(today) and no_box_shown()
    assert len(lib.circulation.hold_queue(record)) == 1

    set_pc_clock(monkeypatch, datetime.now(UTC))  # the date set right: the same Enter works
    dialog.card.setFocus()
    qtbot.keyClick(dialog.card, Qt.Key.Key_Return)
    assert "thứ tự 2" in dialog.message.text() and dialog.card.text() == ""


def test_renew_in_the_patrons_view_on_a_pc_back_in_2009_says_the_date(
        window, lib, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    reader = lib.patrons.add("Lê Thị Cúc", class_name="7B")
    [copy] = lib.catalog.add_copies(lib.catalog.add_record("Tắt đèn"), 1)
    assert lib.circulation.checkout(reader.card, copy.barcode).ok
    today = shown(datetime.now(UTC))
    set_pc_clock(monkeypatch, DEAD_BATTERY)

    view = window.show_view("patrons")
    view.show_class("7B")
    view.table.selectRow(0)
    panel = view.loans
    panel.table.selectRow(0)
    assert panel.renew_button.isEnabled()
    qtbot.waitUntil(lambda: panel.renew_button.height() > 0)  # laid out, then clicked
    qtbot.mouseClick(panel.renew_button, Qt.MouseButton.LeftButton)
    assert panel.message.text() == clock_words(today)
    assert panel.message.isVisible() and no_box_shown()
    assert lib.db.conn.execute("SELECT renewals FROM loans").fetchone()[0] == 0


def test_a_stocktake_scan_on_a_pc_back_in_2009_says_the_date_in_its_banner(
        window, lib, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    [copy] = lib.catalog.add_copies(lib.catalog.add_record("Tiếng Việt 1"), 1)
    lib.collection.start_stocktake()
    today = shown(datetime.now(UTC))
    set_pc_clock(monkeypatch, DEAD_BATTERY)

    view = window.show_view("stocktake")
    qtbot.waitUntil(lambda: view.scan_field.isEnabled())
    qtbot.keyClicks(view.scan_field, copy.barcode)
    qtbot.keyClick(view.scan_field, Qt.Key.Key_Return)
    assert view.banner.property("kind") == "bad"
    assert view.banner.text() == clock_words(today) and no_box_shown()
    assert lib.db.conn.execute("SELECT count(*) FROM stocktake_items").fetchone()[0] == 0


def test_a_hold_with_the_records_ahead_points_to_the_desk_button(
        window, lib, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The PC was a month ahead when the book was lent, then corrected: the catalog's Holds
    dialog names the desk's button and its Alt letter, not ``thuvien clock --trust``."""
    from datetime import timedelta

    from app.circulation.service import Circulation

    real = datetime.now(UTC)
    record = lib.catalog.add_record("Tắt đèn")
    [copy] = lib.catalog.add_copies(record, 1)
    borrower = lib.patrons.add("Lê Văn Cường", class_name="7A")
    reader = lib.patrons.add("Lê Thị Cúc", class_name="7B")
    set_pc_clock(monkeypatch, real + timedelta(days=30))  # lent by a desk since closed
    assert Circulation(lib.db, lib.settings).checkout(borrower.card, copy.barcode).ok
    set_pc_clock(monkeypatch, real)

    dialog = hold_from_the_catalog(window, qtbot, record, reader.card)
    said = dialog.message.text()
    assert said.startswith(f"Thư viện đã ghi đến ngày {shown(real + timedelta(days=30))}")
    assert "nút «Ngày trên máy đã đúng…» (Alt+N) ở quầy mượn trả" in said
    assert "thuvien clock" not in said and no_box_shown()
    assert lib.circulation.hold_queue(record) == []
