"""Sổ thu tiền phạt in the real Reports view: lost-book charges paid in parts at the desk
today (one waived after a part), the report chosen with the keyboard among the others and
shown with Enter, then saved as PDF through its button and read back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.circulation.clock import display_date, library_today
from tests.app.reports.conftest import layout_text
from tests.ui.test_reports import _save_as
from tests.ui.test_reports_keyboard import _choose, _reports


def _lost(lib, name: str, title: str, price: int) -> int:  # type: ignore[no-untyped-def]
    """*name*, a pupil of 6A, borrowed a copy of *title* worth *price* and lost it; the
    charge's id."""
    reader = lib.patrons.add(name, class_name="6A")
    copy = lib.catalog.add_item(lib.catalog.add_record(title), price=price)
    assert lib.circulation.checkout(reader.card, copy.barcode, force=True).ok
    charge = lib.circulation.mark_lost(copy.barcode).fine
    assert charge is not None and charge.amount == price
    return int(charge.id)


def test_fines_received_chosen_and_shown_with_enter(window, lib, qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                                    tmp_path: Path) -> None:
    view = _reports(window, lib, qtbot)
    fines = lib.circulation.fines
    fines.set_lost_charge_percent(100)
    hoa = _lost(lib, "Đỗ Thị Hoà", "Tiếng Việt 6 tập 1", 25000)
    fines.pay(hoa, 10000, by="Cô Hạnh")
    fines.pay(hoa, 15000, by="Cô Hạnh")
    khoa = _lost(lib, "Vũ Minh Khoa", "Khoa học tự nhiên 6", 12000)
    fines.pay(khoa, 2000, by="Cô Hạnh")
    fines.waive(khoa, "Gia đình khó khăn", by="Thầy Hiệu trưởng")

    assert view.kind.findData("fines") > view.kind.findData("tally")  # listed with the others
    _choose(qtbot, window, view, "fines")
    assert view.kind.currentText() == "Sổ thu tiền phạt"
    today = library_today()
    assert view.preset.currentData() == "month" and not view.collection.isEnabled()
    assert view.start.text() == display_date(today.replace(day=1))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    report = view.made.report
    assert view.status.text() == "Sổ thu tiền phạt: 1 trang, 5 dòng"  # 3 sums, 1 waive, 1 month
    assert view.made.written is None and view.pages
    assert view.pages[0].width() > view.pages[0].height()  # landscape
    month = f"{today.month:02d}/{today.year}"
    [paid] = [s for s in report.sections if s.title == f"Tháng {month}"]
    assert [(row[2], row[7], row[8]) for row in paid.rows] == [
        ("Đỗ Thị Hoà", 10000, "Cô Hạnh"), ("Đỗ Thị Hoà", 15000, "Cô Hạnh"),
        ("Vũ Minh Khoa", 2000, "Cô Hạnh")]

    target = tmp_path / "so-thu-tien-phat.pdf"
    _save_as(monkeypatch, target)
    view.made = None
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    text = " ".join(layout_text(target).split())
    assert f"Cộng tháng {month} 27.000" in text and "Cộng tiền miễn 10.000" in text
    assert "Tổng cộng 3 27.000 1 10.000" in text and "Gia đình khó khăn" in text

    view.preset.setCurrentIndex(view.preset.findData("last_month"))  # nothing paid then
    view.made = None
    qtbot.keyClick(view.preset, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    assert view.made.report.sections[0].rows == []
    assert "Đỗ Thị Hoà" not in " ".join(str(r) for s in view.made.report.sections
                                         for r in s.rows)
