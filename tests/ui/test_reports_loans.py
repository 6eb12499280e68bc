"""The Reports view's loan books, reading-room tally and annual report in the real window:
made from loans done at the desk today, shown, saved as PDF and Excel through the buttons."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.circulation.clock import display_date, library_today
from tests.app.labels.raster import pdf_text
from tests.ui.test_reports import _open, _save_as


def _desk(lib) -> None:  # type: ignore[no-untyped-def]
    """Today: two students borrow (one brings it back), a teacher borrows, 3 walk-ins."""
    an = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    binh = lib.patrons.add("Trần Thị Bình", class_name="7B")
    thu = lib.patrons.add("Lê Thị Thu", category="teacher")
    circ = lib.circulation
    assert circ.checkout(an.card, "GK.00001").ok and circ.checkout(binh.card, "TK.00001").ok
    assert circ.checkout(thu.card, "TK.00002").ok
    circ.checkin("GK.00001")
    circ.record_visit(an.card)
    circ.record_walk_ins(3)


def test_students_loan_book_shown_then_saved(window, lib, qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                             tmp_path: Path) -> None:
    view = _open(window, lib, qtbot)
    _desk(lib)
    view.kind.setCurrentIndex(view.kind.findData("loans-students"))
    today = library_today()
    assert view.preset.currentData() == "month" and not view.collection.isEnabled()
    assert view.start.text() == display_date(today.replace(day=1))
    assert view.kind.currentText() == "Sổ mượn của học sinh"
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    assert view.status.text() == "Sổ mượn sách của học sinh: 1 trang, 2 dòng"
    assert view.pages and view.pages[0].width() > view.pages[0].height()  # landscape
    target = tmp_path / "so-muon.pdf"
    _save_as(monkeypatch, target)
    view.made = None
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    text = " ".join(pdf_text(target.read_bytes(), tmp_path).split())
    assert "Nguyễn Văn An" in text and "Trần Thị Bình" in text and "Lê Thị Thu" not in text
    assert text.count(display_date(today)) >= 3  # two loans, one return
    view.kind.setCurrentIndex(view.kind.findData("loans-staff"))
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made.report.kind == "loans-staff", timeout=20000)
    assert [row[2:4] for row in view.made.report.sections[0].rows] == [("Lê Thị Thu",
                                                                      "Giáo viên")]


def test_tally_and_annual_report_to_excel(window, lib, qtbot, monkeypatch,  # type: ignore[no-untyped-def]
                                          tmp_path: Path) -> None:
    view = _open(window, lib, qtbot)
    _desk(lib)
    view.kind.setCurrentIndex(view.kind.findData("tally"))
    target = tmp_path / "luot-doc.xlsx"
    _save_as(monkeypatch, target)
    qtbot.mouseClick(view.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    today = library_today()
    [line] = [r for r in load_workbook(target)["Ngày"].iter_rows(values_only=True)
              if r[0] is not None and hasattr(r[0], "date") and r[0].date() == today]
    assert line[2:9] == (1, 0, 3, 4, 0, 3, 3)  # An came; 3 walk-ins; 3 loans
    view.kind.setCurrentIndex(view.kind.findData("annual"))
    assert view.year.isEnabled() and not view.preset.isEnabled() and not view.start.isEnabled()
    first = today.year if today.month >= 8 else today.year - 1
    assert view.year.currentText() == f"{first}-{first + 1}"
    target = tmp_path / "nam.xlsx"
    _save_as(monkeypatch, target)
    view.made = None
    qtbot.mouseClick(view.xlsx_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made is not None, timeout=20000)
    book = load_workbook(target)
    assert book.sheetnames[0] == "Tóm tắt"
    summary = {r[0]: r[1] for r in book["Tóm tắt"].iter_rows(values_only=True) if r[0]}
    assert summary["Lượt mượn trong năm"] == 3 and summary["Lượt đến thư viện"] == 4
    assert summary["Tỉ lệ học sinh là bạn đọc tích cực"] == "100,0 %"
    assert view.made.report.title == f"BÁO CÁO CÔNG TÁC THƯ VIỆN NĂM HỌC {first}-{first + 1}"
    view.year.setCurrentIndex(1)  # the year before: nothing lent
    qtbot.mouseClick(view.show_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.made.report.title.endswith(f"{first - 1}-{first}"),
                    timeout=20000)
