"""Settings write library policy through app/; labels render off the GUI thread and preview."""

from __future__ import annotations

import shutil
from datetime import date

from PySide6.QtCore import QDate, QSettings


def test_settings_library_rules_calendar_language(window, lib, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    view = window.show_view("settings")
    view.library_name.setText("Thư viện Trường Tiểu học Kim Đồng")
    view.library_code.setText("thkd")
    view.save_library()
    assert lib.settings.get("library_name") == "Thư viện Trường Tiểu học Kim Đồng"
    assert lib.settings.get("library_code") == "THKD"

    rules = view.rules_page
    row = rules.row_of("teacher", "book")
    assert rules.table.cellWidget(row, 0).currentText() == "Giáo viên"  # names, not codes
    assert rules.table.cellWidget(row, 1).currentText() == "Sách"
    rules.table.item(row, 3).setText("45")
    rules.save()
    assert lib.circulation.rules.rule_for("teacher", "book").loan_days == 45
    rules.table.item(rules.row_of("teacher", "book"), 3).setText("bốn lăm")
    rules.save()
    assert "số nguyên" in rules.message.text()
    assert lib.circulation.rules.rule_for("teacher", "book").loan_days == 45
    rules.load()  # the librarian gives up the bad edit

    textbooks = rules.row_of("*", "textbook")
    assert rules.table.item(textbooks, 4).text() == "31/05"  # every year, shown dd/mm
    rules.table.item(textbooks, 4).setText("15/06/2027")
    rules.save()
    assert lib.circulation.rules.rule_for("student", "textbook").fixed_due == "2027-06-15"
    rules.table.item(rules.row_of("*", "textbook"), 4).setText("31/02")
    rules.save()
    assert "31/02" in rules.message.text()
    assert lib.circulation.rules.rule_for("student", "textbook").fixed_due == "2027-06-15"

    rules.load()
    rules.add_row()  # a new rule: community readers may borrow books for 7 days
    new = rules.table.rowCount() - 1
    category = rules.table.cellWidget(new, 0)
    category.setCurrentIndex(category.findData("community"))
    rules.table.item(new, 3).setText("7")
    rules.save()
    assert lib.circulation.rules.rule_for("community", "book").loan_days == 7
    rules.add_row()  # a second "any reader, book" row clashes with the existing one
    rules.save()
    assert "giữ một" in rules.message.text()
    rules.load()
    rules.table.setCurrentCell(rules.row_of("community", "book"), 3)
    rules.remove_selected()
    rules.save()
    assert lib.circulation.rules.rule_for("community", "book").loan_days == 14  # the * rule again

    rules.load()  # a fine of 2.000 đ a day for teachers' books, typed the Vietnamese way
    assert rules.table.horizontalHeaderItem(8).text() == "Phạt mỗi ngày (đ)"
    assert rules.table.item(rules.row_of("teacher", "book"), 8).text() == "0"
    assert rules.block_at.text() == "không bao giờ"
    rules.table.item(rules.row_of("teacher", "book"), 8).setText("2.000")
    rules.block_at.setValue(10000)
    rules.save()
    assert lib.circulation.rules.rule_for("teacher", "book").fine_per_day == 2000
    assert lib.circulation.fines.block_at() == 10000
    rules.load()
    assert rules.table.item(rules.row_of("teacher", "book"), 8).text() == "2000"
    assert rules.block_at.value() == 10000
    rules.table.item(rules.row_of("teacher", "book"), 8).setText("-500")
    rules.save()  # refused by the core, nothing saved
    assert lib.circulation.rules.rule_for("teacher", "book").fine_per_day == 2000
    assert rules.message.text() and "Đã lưu" not in rules.message.text()

    view.start.setDate(QDate(2026, 2, 14))
    view.end.setDate(QDate(2026, 2, 22))
    view.period_label.setText("Tết")
    view.add_period()
    assert [(p.start, p.end, p.label) for p in lib.circulation.calendar.periods()] == [
        (date(2026, 2, 14), date(2026, 2, 22), "Tết")]
    assert view.periods.item(0).text().startswith("14/02/2026 – 22/02/2026")
    view.start.setDate(QDate(2026, 3, 5))
    view.end.setDate(QDate(2026, 3, 1))
    view.add_period()  # the end before the start: refused with the core's message
    assert "trước ngày bắt đầu" in view.calendar_message.text()

    view.schemes.item(0, 0).setText("GK Ư")
    view.save_schemes()
    assert "không hợp lệ" in view.schemes_message.text()

    view.language.setCurrentIndex(view.language.findData("en"))
    assert QSettings().value("ui/language") == "en"
    assert "khi mở lại" in view.language_message.text()


def test_labels_preview_needs_no_poppler(window, lib, qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The preview paints the labels itself: it works on a PC without pdftoppm (Windows)."""
    from ui.labels.dialog import LabelsDialog
    from ui.labels.document_view import DocumentPreviewDialog

    monkeypatch.setenv("PATH", str(tmp_path))  # no poppler, no lp, nothing
    assert shutil.which("pdftoppm") is None
    record = lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], classification="895.9223")
    items = lib.catalog.add_copies(record, 3, collection="TK")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = LabelsDialog(lib, window.operations, items, window, settings=settings)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("combined"))
    operation = dialog.make_document()
    with qtbot.waitSignal(operation.finished, timeout=20000):
        pass
    preview = dialog.preview
    assert isinstance(preview, DocumentPreviewDialog)
    qtbot.addWidget(preview)
    assert preview.status.text().startswith("1 trang · 3 nhãn")
    image = preview.pages[0].grab().toImage()
    assert image.width() > 300
    dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y).lightness() < 100)
    assert dark > 50  # three labels painted: bars and text, not a blank page
    preview.close()


def test_settings_refuse_a_library_code_and_year_the_setup_would_refuse(window, lib) -> None:  # type: ignore[no-untyped-def]
    """Settings → Thư viện saved "THCS KIM ĐỒNG" as the code (spaces and marks: it names the
    backups and the district's record) and "2026-2028" as the year, which the set-up refuses."""
    view = window.show_view("settings")
    view.library_name.setText("Thư viện Trường THCS Kim Đồng")
    view.library_code.setText("thcs kim đồng")
    view.save_library()
    assert lib.settings.get("library_code") is None
    assert lib.settings.get("library_name") is None
    assert view.library_message.text() == ("Mã chỉ gồm chữ cái không dấu, chữ số và dấu gạch "
                                           "ngang (tối đa 20 ký tự).")
    view.library_code.setText("thcs-kimdong")
    view.school_year.setText("2026-2028")
    view.save_library()
    assert lib.settings.get("library_code") is None
    assert view.library_message.text() == "Năm học viết dạng 2025-2026."
    view.school_year.setText("2026-2027")
    view.save_library()
    assert lib.settings.get("library_code") == "THCS-KIMDONG"
    assert view.library_code.text() == "THCS-KIMDONG"
    assert lib.settings.get("school_year") == "2026-2027"
    assert view.library_message.text() == "Đã lưu."
