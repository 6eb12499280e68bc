"""The patrons view: class-list import wizard on a real CSV, rollover preview/apply/undo, edit."""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.legacy_text import encode_tcvn3
from tests.support.class_sets import add_title, class_textbooks
from ui.format import display_date


def write_class_list(path: Path) -> Path:
    """A class list as a school exports it: title row, header, a TCVN3 name column, one bad row."""
    names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung"]
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["DANH SÁCH HỌC SINH LỚP 6A - NĂM HỌC 2025-2026"])
        out.writerow(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Lớp", "Mã học sinh"])
        for n, name in enumerate(names, start=1):
            out.writerow([n, encode_tcvn3(name), f"0{n}/03/2014", "Nam" if n % 2 else "Nữ", "6A",
                          f"HS60{n}"])
        out.writerow([5, encode_tcvn3("Đỗ Minh Em"), "31/02/2014", "Nam", "6A", "HS605"])
    return path


def advance(qtbot, wizard, page) -> None:  # type: ignore[no-untyped-def]
    """Press Next: the dry run works off the GUI thread, the wizard moves on when it is done."""
    before = wizard.currentPage()
    wizard.next()
    assert wizard.currentPage() is before and wizard.busy()  # Next returned at once
    qtbot.waitUntil(lambda: wizard.currentPage() is page)


def test_class_list_import_wizard(window, lib, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.show_view("patrons")
    wizard = view.import_class_list()
    qtbot.waitExposed(wizard)
    wizard.file_page.file.setText(str(write_class_list(tmp_path / "lop6a.csv")))
    advance(qtbot, wizard, wizard.columns_page)
    fields = {k: c.currentData() for k, c in wizard.columns_page.combos.items()}
    assert fields["B"] == "full_name" and fields["C"] == "birth_date"  # Họ và tên, Ngày sinh
    encodings = [c.currentText() for c in wizard.columns_page.encoding_combos.values()]
    assert any("TCVN3" in e for e in encodings)  # the legacy-font column is detected
    assert lib.patrons.list_patrons() == []  # nothing written by the dry run

    wizard.next()  # the mapping was not changed: the first dry run still answers
    assert wizard.currentPage() is wizard.preview_page
    table = wizard.preview_page.table
    assert table.rowCount() == 5
    names = [table.item(r, 2).text() for r in range(5)]
    assert "Nguyễn Văn An" in names  # converted from TCVN3 before the preview
    bad = [r for r in range(5) if table.item(r, 1).text() == "lỗi"]
    assert len(bad) == 1 and "31/02/2014" in table.item(bad[0], 6).text()
    genders = {table.item(r, 2).text(): table.item(r, 5).text() for r in range(5)}
    assert genders["Trần Thị Bình"] == "Nữ" and genders["Nguyễn Văn An"] == "Nam"
    assert table.item(bad[0], 0).foreground().color() == QColor("#7f1d1d")
    assert "4 mới" in wizard.preview_page.summary.text()

    wizard.next()
    assert wizard.currentPage() is wizard.confirm_page
    wizard.accept()  # the Import (Finish) button: the import runs off the GUI thread
    assert wizard.isVisible() and lib.patrons.list_patrons() == []
    qtbot.waitUntil(lambda: not wizard.isVisible())
    imported = lib.patrons.list_patrons(class_name="6A")
    assert sorted(p.full_name for p in imported) == sorted(names[r] for r in range(5)
                                                           if r not in bad)
    assert view.classes.count() == 2  # "All patrons" and 6A
    view.show_class("6A")
    assert view.table.rowCount() == 4


def test_rollover_preview_apply_undo(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.patrons.rollover_dialog import RolloverDialog

    for name, klass in (("An", "6A"), ("Bình", "6A"), ("Cường", "9B")):
        lib.patrons.add(f"Nguyễn {name}", class_name=klass)
    dialog = RolloverDialog(lib, window, confirm=False)
    qtbot.addWidget(dialog)
    assert dialog.last_grade.value() == 9
    moves = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
             for r in range(dialog.table.rowCount())}
    assert moves == {"6A": "7A", "9B": "ra trường"}
    assert "2 học sinh lên lớp" in dialog.summary.text()
    assert {p.class_name for p in lib.patrons.list_patrons()} == {"6A", "9B"}  # preview only
    assert not dialog.undo_button.isEnabled()  # nothing to undo yet: not offered

    summary = dialog.summary.text()
    dialog.apply()
    assert {p.class_name for p in lib.patrons.list_patrons(status="active")} == {"7A"}
    assert "Xong" in dialog.message.text()
    assert dialog.undo_button.isEnabled()
    # what was done stays in view, and a second rollover is not offered in the same sitting
    # (the next year's preview came up with "Thực hiện lên lớp" enabled: 7A → 8A at once)
    assert not dialog.apply_button.isEnabled() and dialog.summary.text() == summary
    dialog.apply_button.click()
    assert {p.class_name for p in lib.patrons.list_patrons(status="active")} == {"7A"}
    dialog.undo()
    assert {p.class_name for p in lib.patrons.list_patrons(status="active")} == {"6A", "9B"}
    assert not dialog.undo_button.isEnabled()  # undone: nothing left to undo
    assert dialog.apply_button.isEnabled()  # and it can be done again


def test_rollover_warns_of_graduates_leaving_with_books(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The preview said nothing of 9B's students who still had books on loan."""
    from ui.patrons.rollover_dialog import RolloverDialog

    lib.patrons.add("Nguyễn An", class_name="6A")
    cuong = lib.patrons.add("Nguyễn Cường", class_name="9B")
    record = lib.catalog.add_record("Ngữ văn 9")
    [item] = lib.catalog.add_copies(record, 1, collection="GK")
    dialog = RolloverDialog(lib, window, confirm=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.borrowers.isVisible()
    assert lib.circulation.checkout(cuong.card, item.barcode).ok
    dialog.refresh()
    assert dialog.borrowers.isVisible()
    assert dialog.borrowers.text() == (
        "1 học sinh sắp ra trường còn đang mượn 1 cuốn — hãy thu hồi sách trước khi các em "
        f"ra trường:\nNguyễn Cường (9B, thẻ {cuong.card}): 1 cuốn")
    assert lib.circulation.checkin(item.barcode).ok
    dialog.refresh()
    assert not dialog.borrowers.isVisible()


def test_edit_a_patron_with_a_photo(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    patron = lib.patrons.add("Võ Thị Giang", class_name="8C")
    view = window.show_view("patrons")
    view.show_class("8C")
    view.table.setCurrentCell(0, 0)
    dialog = view.edit_selected()
    qtbot.waitExposed(dialog)
    image = QImage(60, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366aa"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    dialog.set_photo(bytes(data))
    dialog.birth_date.setText("07/11/2012")
    dialog.birth_date.setFocus()
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    stored = lib.patrons.get(patron.id)
    assert stored.birth_date == "2012-11-07" and stored.photo == bytes(data)
    assert view.table.item(0, 4).text() == "07/11/2012"


FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Hoàng", "Ngọc", "Đức", "Thanh", "Quốc", "Bảo"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Giang", "Hà", "Khánh", "Linh", "Mai", "Nam"]


def write_school_list(path: Path, rows: int) -> Path:
    """A whole school's list typed in TCVN3 (the dry run takes a noticeable moment)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Họ và tên", "Ngày sinh", "Lớp", "Mã học sinh"])
        for n in range(rows):
            name = f"{FAMILY[n % 10]} {MIDDLE[n // 10 % 10]} {GIVEN[n // 100 % 10]}"
            out.writerow([encode_tcvn3(name), "01/03/2014", f"{6 + n % 4}{'ABC'[n % 3]}",
                          f"HS{n:05d}"])
    return path


def test_the_dry_run_leaves_the_window_responsive(window, lib, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    view = window.show_view("patrons")
    wizard = view.import_class_list()
    qtbot.waitExposed(wizard)
    wizard.file_page.file.setText(str(write_school_list(tmp_path / "truong.csv", 4000)))
    ticks: list[bool] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(wizard.busy()))
    timer.start()
    wizard.next()
    assert wizard.busy() and wizard.currentPage() is wizard.file_page
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.columns_page, timeout=20000)
    timer.stop()
    # On the GUI thread the timer could not have fired once while the file was checked.
    # (How often it fires depends on the machine's load and on the worker's share of the
    # GIL: 9-14 times in 0.7-0.9 s here, 2 times under the CI run; so once is the proof.)
    assert ticks.count(True) >= 1, ticks
    assert wizard.dry.counts["new"] == 4000
    assert lib.patrons.list_patrons() == []


def test_a_file_that_is_no_class_list_is_said_on_the_page(window, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.show_view("patrons")
    wizard = view.import_class_list()
    qtbot.waitExposed(wizard)
    notes = tmp_path / "ghi-chu.csv"
    notes.write_text("Sổ tay\nmột dòng\n", encoding="utf-8")
    wizard.file_page.file.setText(str(notes))
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.busy())
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.text()  # the reason, in Vietnamese, on the page


def test_changing_a_column_runs_a_new_dry_run(window, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.show_view("patrons")
    wizard = view.import_class_list()
    qtbot.waitExposed(wizard)
    wizard.file_page.file.setText(str(write_class_list(tmp_path / "lop6a.csv")))
    advance(qtbot, wizard, wizard.columns_page)
    first = wizard.dry
    combo = wizard.columns_page.combos["C"]  # Ngày sinh
    combo.setCurrentIndex(combo.findData(""))  # the birth date is not used
    advance(qtbot, wizard, wizard.preview_page)
    assert wizard.dry is not first and first.counts["error"] == 1
    assert wizard.dry.counts["error"] == 0  # the bad date 31/02 is no longer read
    assert "4 mới" not in wizard.preview_page.summary.text()  # 5 new now
    assert "5 mới" in wizard.preview_page.summary.text()


def test_patron_search_answers_off_the_gui_thread_latest_text_wins(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    for name, klass in (("Nguyễn Văn An", "6A"), ("Trần Thị Bình", "6A"), ("Lê An Khang", "7B")):
        lib.patrons.add(name, class_name=klass)
    view = window.show_view("patrons")
    assert view.table.rowCount() == 3
    view.search_field.setText("Bình")
    first = view.run_search()
    view.search_field.setText("an")
    second = view.run_search()
    assert view.table.rowCount() == 3  # the answers have not arrived yet
    qtbot.waitUntil(lambda: first.done and second.done)
    names = sorted(view.table.item(r, 0).text() for r in range(view.table.rowCount()))
    assert names == ["Lê An Khang", "Nguyễn Văn An"]  # folded; "Bình"'s answer was dropped
    view.search_field.setText("")
    view.run_search()
    assert view.table.rowCount() == 3


def test_patron_view_lists_fines_and_marks_them_paid_or_waived(window, lib, qtbot, asked) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    from app.circulation import Circulation
    from app.circulation.rules import LoanRule

    lib.circulation.rules.set(LoanRule("*", "book", loan_days=14, fine_per_day=500))
    lib.circulation.calendar.set_closed_weekdays([])
    patron = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    lib.patrons.add("Trần Thị Bình", class_name="6A")
    record = lib.catalog.add_record("Dế Mèn phiêu lưu ký")
    copies = lib.catalog.add_copies(record, 2, collection="TK")
    past = Circulation(lib.db, lib.settings, clock=lambda: datetime.now(UTC) - timedelta(days=20))
    for copy in copies:
        past.checkout(patron.card, copy.barcode)
        lib.circulation.checkin(copy.barcode)  # 6 days late: 3.000 đ each

    view = window.show_view("patrons")
    view.show_class("6A")
    rows = {view.table.item(r, 0).text(): r for r in range(view.table.rowCount())}
    view.table.selectRow(rows["Trần Thị Bình"])
    assert not view.fines.isVisibleTo(view)  # never fined: no panel
    view.table.selectRow(rows["Nguyễn Văn An"])
    panel = view.fines
    assert panel.isVisibleTo(view)
    assert panel.title.text() == "Tiền phạt — chưa nộp: 6.000 đ"
    assert panel.table.rowCount() == 2
    assert [panel.table.item(0, c).text() for c in (3, 4, 5)] == ["quá hạn 6 ngày", "3.000 đ", "chưa nộp"]

    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.pay_button.height() > 10)  # laid out, as on screen
    qtbot.mouseClick(panel.pay_button, Qt.MouseButton.LeftButton)  # answered No: nothing paid
    assert asked.questions == [
        f"Ghi nhận Nguyễn Văn An đã nộp 3.000 đ cho “Dế Mèn phiêu lưu ký” ({panel.shown[0].barcode})?"]
    assert panel.title.text() == "Tiền phạt — chưa nộp: 6.000 đ"
    asked.answer = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(panel.pay_button, Qt.MouseButton.LeftButton)
    assert panel.title.text() == "Tiền phạt — chưa nộp: 3.000 đ"
    assert panel.table.item(0, 5).text().startswith("đã nộp ")
    assert "Khoản phạt 3.000 đ: đã nộp" in panel.message.text()

    panel.table.selectRow(1)
    dialog = panel.waive_selected()
    qtbot.waitExposed(dialog)
    dialog.resize(dialog.minimumSizeHint())  # at its smallest, as it opened at 1366 x 768
    qtbot.wait(20)
    for field in (dialog.reason, dialog.by):  # the hints are shown whole, not "… gửi tr…"
        # the text, plus the field's frame and inner margins (about 24 px together)
        assert field.width() >= field.fontMetrics().horizontalAdvance(field.placeholderText()) + 24
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "lý do" in dialog.error.text()  # a reason is required
    dialog.reason.setText("Gia đình khó khăn")
    dialog.by.setText("Cô Hạnh")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert panel.title.text() == "Tiền phạt — chưa nộp: 0 đ"
    assert panel.table.item(1, 5).text().endswith(": Gia đình khó khăn")
    assert not panel.pay_button.isEnabled() and not panel.waive_button.isEnabled()
    assert lib.circulation.fines.outstanding(patron.id) == (0, 0)
    [waived] = [f for f in lib.circulation.fines.find(patron.id) if f.status == "waived"]
    assert waived.settled_by == "Cô Hạnh"


def test_a_patron_is_found_and_opened_without_the_mouse(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Type part of a name, Down goes to the first patron found, Enter opens the form."""
    from ui.patrons.edit_dialog import PatronDialog

    for name, klass in (("Nguyễn Văn An", "6A"), ("Trần Thị Bình", "6A"), ("Lê An Khang", "7B")):
        lib.patrons.add(name, class_name=klass)
    view = window.show_view("patrons")
    field = view.search_field
    field.setFocus()
    qtbot.keyClicks(field, "binh")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=3000)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert view.table.hasFocus() and view.selected_patron() is not None
    assert view.selected_patron().full_name == "Trần Thị Bình"  # type: ignore[union-attr]
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    dialog = view.findChild(PatronDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.full_name.text() == "Trần Thị Bình"
    dialog.reject()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: view.findChild(PatronDialog) is None)
    cell = view.table.visualItemRect(view.table.item(0, 0)).center()  # a double click still
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    opened = view.findChildren(PatronDialog)
    assert len(opened) == 1 and opened[0].isVisible()  # one form, not two
    opened[0].reject()


def test_a_patron_s_books_on_loan_and_holds_are_shown_and_renewed(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """"What does this pupil still have?": found by name, their loans (the late one in red),
    what they wait for, and Renew, without going to the desk."""
    from datetime import UTC, datetime, timedelta

    from app.circulation import Circulation

    lib.circulation.calendar.set_closed_weekdays([])
    reader = lib.patrons.add("Lê Thị Cúc", class_name="7B")
    lib.patrons.add("Phạm Văn Dũng", class_name="7B")
    late_book, fresh_book, wanted = (lib.catalog.add_record(t) for t in
                                     ("Tắt đèn", "Số đỏ", "Truyện Kiều"))
    [late] = lib.catalog.add_copies(late_book, 1)
    [fresh] = lib.catalog.add_copies(fresh_book, 1)
    [taken] = lib.catalog.add_copies(wanted, 1)
    past = Circulation(lib.db, lib.settings, clock=lambda: datetime.now(UTC) - timedelta(days=20))
    past.checkout(reader.card, late.barcode)  # due 6 days ago
    past.checkout(reader.card, fresh.barcode)
    assert lib.circulation.checkin(fresh.barcode).ok
    assert lib.circulation.checkout(reader.card, fresh.barcode, force=True).ok  # lent today
    other = lib.patrons.get(lib.patrons.search("Phạm Văn Dũng")[0].id)
    assert lib.circulation.checkout(other.card, taken.barcode).ok
    assert lib.circulation.place_hold(reader.card, wanted).ok

    view = window.show_view("patrons")
    view.show_class("7B")
    rows = {view.table.item(r, 0).text(): r for r in range(view.table.rowCount())}
    view.table.selectRow(rows["Phạm Văn Dũng"])
    panel = view.loans
    assert panel.isVisibleTo(view) and panel.title.text() == "Đang mượn: 1"
    view.table.selectRow(rows["Lê Thị Cúc"])
    assert panel.title.text() == "Đang mượn: 2 — 1 quá hạn"
    cells = {panel.table.item(r, 0).text(): panel.table.item(r, 3).text()
             for r in range(panel.table.rowCount())}
    assert cells[late.barcode].endswith("(quá 6 ngày)")
    assert "“Truyện Kiều” (thứ 1 trong hàng chờ)" in panel.holds_line.text()

    row = [panel.table.item(r, 0).text() for r in range(2)].index(late.barcode)
    panel.table.selectRow(row)
    assert panel.renew_selected()
    assert "Đã gia hạn" in panel.message.text()
    assert panel.title.text() == "Đang mượn: 2"  # no longer late
    row = [panel.table.item(r, 0).text() for r in range(2)].index(fresh.barcode)
    panel.table.selectRow(row)
    assert not panel.renew_selected()  # lent today: nothing to add
    assert "không thêm ngày nào" in panel.message.text()


def test_a_class_gets_its_textbooks_in_one_go_and_the_year_end_report(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Patrons → a class → Textbooks: two titles found by name, lent to every student; at
    the end of the year the report says who still has what, and the set is closed."""

    students = [lib.patrons.add(name, class_name="6A")
                for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")]
    maths = lib.catalog.add_record("Toán 6 — Tập 1", year=2021)
    lit = lib.catalog.add_record("Ngữ văn 6 — Tập 1", year=2021)
    lib.catalog.add_copies(maths, 3, collection="GK")
    lib.catalog.add_copies(lit, 2, collection="GK")  # one short
    dialog = class_textbooks(window, qtbot)
    for title in ("toán 6", "ngữ văn 6"):
        add_title(dialog, qtbot, title)
    assert dialog.record_ids() == [maths, lit]
    assert dialog.lend()
    assert "Đã cho lớp 6A mượn 5 bản" in dialog.message.text()
    assert "1 bản chưa cho mượn được: xem tên học sinh bên dưới." in dialog.message.text()
    # the student who got no "Ngữ văn 6" is named (the line said only "no copy left")
    without = next(s for s in students if len(lib.circulation.open_loans(s.id).loans) == 1)
    assert dialog.output.toPlainText().startswith(
        f"{without.full_name}: Không còn bản “Ngữ văn 6 — Tập 1” trên giá")
    loans = {s.full_name: len(lib.circulation.open_loans(s.id).loans) for s in students}
    assert sorted(loans.values()) == [1, 2, 2]

    back = lib.circulation.open_loans(students[0].id).loans[0].barcode
    assert lib.circulation.checkin(back).ok
    report = dialog.show_report()
    assert report is not None and report.missing_count == 4
    text = dialog.output.toPlainText()
    assert "Nguyễn Văn An (HS000001): còn giữ" in text
    assert "Lê Văn Cường (HS000003): còn giữ GK.00003 “Toán 6 — Tập 1”" in text
    assert "chưa được phát Ngữ văn 6 — Tập 1" in text
    dialog.mark_lost.setChecked(False)
    assert dialog.close_session() is not None
    assert "đã kết thúc" in dialog.session_list.item(0).text()
    assert not dialog.close_button.isEnabled()


def test_a_textbook_set_handed_out_by_scanning_at_the_desk(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Patrons → 6A → Textbooks → "Lend by scanning at the desk": the desk says which class
    it is handing out to, lends each copy scanned to the student whose card was scanned, with
    the set's due date, refuses other books and students of another class, and goes back to
    ordinary lending with one button; a restart in the middle keeps the mode."""
    from PySide6.QtCore import Qt as QtKeys

    from ui.desk.sound import DeskSounds
    from ui.desk.view import DeskView
    from ui.operations import Operations

    an = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    other_class = lib.patrons.add("Phạm Văn Dũng", class_name="6B")
    maths = lib.catalog.add_record("Toán 6 — Tập 1", year=2021)
    copies = [item.barcode for item in lib.catalog.add_copies(maths, 2, collection="GK")]
    novel = lib.catalog.add_copies(lib.catalog.add_record("Dế Mèn phiêu lưu ký"), 1)[0].barcode
    dialog = class_textbooks(window, qtbot)
    add_title(dialog, qtbot, "toán 6")
    qtbot.mouseClick(dialog.scan_button, QtKeys.MouseButton.LeftButton)

    desk = window.desk
    qtbot.waitUntil(lambda: window.stack.currentWidget() is desk and desk.scan_field.hasFocus())
    assert not dialog.isVisible() and desk.class_loan_strip.isVisible()
    assert "lớp 6A" in desk.class_loan_label.text()
    assert lib.circulation.open_loans(an.id).loans == []  # nothing handed out by itself
    for code in (an.card, copies[0]):
        qtbot.keyClicks(desk.scan_field, code)
        qtbot.keyClick(desk.scan_field, QtKeys.Key.Key_Return)
    [loan] = lib.circulation.open_loans(an.id).loans
    session = lib.circulation.class_loans("6A")[0]
    assert loan.barcode == copies[0] and loan.due == session.due
    qtbot.keyClicks(desk.scan_field, novel)
    qtbot.keyClick(desk.scan_field, QtKeys.Key.Key_Return)
    assert "không thuộc bộ sách" in desk.banner.text()
    for code in (other_class.card, copies[1]):
        qtbot.keyClicks(desk.scan_field, code)
        qtbot.keyClick(desk.scan_field, QtKeys.Key.Key_Return)
    assert "không thuộc lớp 6A" in desk.banner.text()

    window.show_view("patrons")  # the set closed in Patrons: back at the desk, the strip is gone
    lib.circulation.close_class_loan(session.id)
    window.show_view("desk")
    assert not desk.class_loan_strip.isVisible()
    assert lib.circulation.desk.class_loan_id() is None
    lib.circulation.desk.set_class_loan(lib.circulation.start_class_loan("6A", [maths]).id)
    again = DeskView(lib, Operations(), sounds=DeskSounds(enabled=False))  # the app restarted
    qtbot.addWidget(again)
    again.show()
    assert again.class_loan_strip.isVisible()
    qtbot.mouseClick(desk.class_loan_stop, QtKeys.MouseButton.LeftButton)
    assert not desk.class_loan_strip.isVisible()
    assert lib.circulation.desk.class_loan_id() is None
    assert "quầy bình thường" in desk.banner.text()


def test_the_column_page_shows_each_encoding_whole(window, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """At the wizard's own size, "TCVN3 (.VnTime) → Unicode" is not cut to "TCVN3 (.VnTime) → …"."""
    view = window.show_view("patrons")
    wizard = view.import_class_list()
    qtbot.waitExposed(wizard)
    wizard.file_page.file.setText(str(write_class_list(tmp_path / "lop6a.csv")))
    advance(qtbot, wizard, wizard.columns_page)
    table = wizard.columns_page.table
    combos = wizard.columns_page.encoding_combos
    shown = [combo.currentText() for combo in combos.values()]
    assert "TCVN3 (.VnTime) → Unicode" in shown
    for row in range(table.rowCount()):
        combo = table.cellWidget(row, 3)
        if combo is None:
            continue
        assert table.columnWidth(3) >= combo.sizeHint().width(), combo.currentText()
        rect = table.visualRect(table.model().index(row, 3))
        assert rect.right() <= table.viewport().width()


def test_tab_leaves_the_patron_list_instead_of_walking_its_cells(window, lib, stocked, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    view = window.show_view("patrons")
    qtbot.waitUntil(lambda: view.table.rowCount() > 0, timeout=5000)
    view.table.setFocus()
    view.table.setCurrentCell(0, 0)
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not view.table
    assert view.table.currentColumn() == 0


def test_enter_in_the_rollover_dialog_moves_no_class(window, lib, qtbot, asked) -> None:  # type: ignore[no-untyped-def]
    """The last grade typed, then Enter: it used to press 'Thực hiện lên lớp' and ask with
    'Có' preselected (one more Enter moved every class up). Now Enter does nothing, and the
    question, when asked, is answered No unless the librarian chooses Yes."""
    from PySide6.QtCore import Qt

    from ui.patrons.rollover_dialog import RolloverDialog

    lib.patrons.add("Nguyễn An", class_name="6A")
    dialog = RolloverDialog(lib, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.last_grade.setFocus()
    qtbot.keyClick(dialog.last_grade, Qt.Key.Key_Return)
    assert asked.questions == [] and dialog.isVisible()
    assert {p.class_name for p in lib.patrons.list_patrons()} == {"6A"}
    assert dialog.apply_button.text() == "&Thực hiện lên lớp"


def test_the_rollover_names_textbook_sets_still_lent_to_a_class(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A set lent to 6A stayed under '6A'; after the rollover its students were in 7A and the
    set could no longer be found from any class. Now it goes with the class, and the preview
    says so before it happens; a graduating class's set is said to close."""
    from ui.patrons.rollover_dialog import RolloverDialog

    lib.patrons.add("Nguyễn An", class_name="6A")
    lib.patrons.add("Lê Em", class_name="9A")
    maths = lib.catalog.add_record("Toán 6 tập 1")
    lib.catalog.add_copies(maths, 2, collection="GK", item_type="textbook")
    session = lib.circulation.start_class_loan("6A", [maths])
    leaving = lib.circulation.start_class_loan("9A", [maths])
    dialog = RolloverDialog(lib, window, confirm=False)
    qtbot.addWidget(dialog)
    assert not dialog.open_sets.isHidden()
    due = display_date(session.due)
    assert dialog.open_sets.text() == (
        "Còn đợt mượn sách giáo khoa chưa kết thúc (sách giáo khoa thường được trả vào cuối năm "
        f"học): lớp 6A (hạn {due}) chuyển theo học sinh sang lớp 7A; lớp 9A (hạn {due}) được "
        "kết thúc: học sinh ra trường, sách các em còn giữ vẫn ghi là đang mượn.")
    dialog.apply()
    assert [s.id for s in lib.circulation.class_loans("7A")] == [session.id]
    assert lib.circulation.class_loans("9A")[0].status == "closed"
    dialog.undo()
    lib.circulation.close_class_loan(session.id)
    lib.circulation.close_class_loan(leaving.id)
    dialog.refresh()
    assert dialog.open_sets.isHidden()


def test_handing_out_a_set_at_the_desk_left_in_check_in_only_lends_the_books(  # type: ignore[no-untyped-def]
        window, lib, qtbot) -> None:
    """The desk was left on F4 'Nhận trả' from the morning's returns; handing out a class set
    then answered each textbook '… không có ai mượn' and lent nothing."""
    from PySide6.QtCore import Qt as QtKeys

    an = lib.patrons.add("Nguyễn Văn An", class_name="6A")
    maths = lib.catalog.add_record("Toán 6 — Tập 1", year=2021)
    [copy] = [item.barcode for item in lib.catalog.add_copies(maths, 1, collection="GK")]
    desk = window.desk
    desk.set_mode("checkin")
    session = lib.circulation.start_class_loan("6A", [maths])
    window._class_loan_at_desk(session.id)
    assert lib.circulation.desk.mode() == "auto" and desk.mode_buttons["auto"].isChecked()
    for code in (an.card, copy):
        qtbot.keyClicks(desk.scan_field, code)
        qtbot.keyClick(desk.scan_field, QtKeys.Key.Key_Return)
    assert [loan.barcode for loan in lib.circulation.open_loans(an.id).loans] == [copy]


def test_a_rollover_before_the_school_year_ends_is_called_early(window, lib, qtbot, asked) -> None:  # type: ignore[no-untyped-def]
    """QA: the rollover could be done in November, one Enter from moving every class a year
    ahead. The year in progress is named in red and in the question; a rollover for a year
    that has ended (the summer forgotten) is not called early."""
    from app.circulation.clock import library_today
    from ui.patrons.rollover_dialog import RolloverDialog

    today = library_today()
    lib.patrons.add("Nguyễn An", class_name="6A")
    lib.settings.set("school_year", f"{today.year}-{today.year + 1}")  # ends next May at least
    dialog = RolloverDialog(lib, window)
    qtbot.addWidget(dialog)
    assert not dialog.early.isHidden() and "chưa kết thúc" in dialog.early.text()
    dialog.apply()  # answered No
    assert "chưa kết thúc" in asked.questions[-1]
    assert {p.class_name for p in lib.patrons.list_patrons()} == {"6A"}

    lib.settings.set("school_year", f"{today.year - 2}-{today.year - 1}")
    dialog.refresh()
    assert dialog.early.isHidden()


def test_the_year_end_report_names_who_still_has_a_book_first(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """20 students, 18 copies back: the two still holding one are the first lines of the
    report (they were the last two, under 18 "đã trả đủ", below the box's fold)."""
    students = [lib.patrons.add(f"Học sinh {n:02d}", class_name="6A") for n in range(1, 21)]
    maths = lib.catalog.add_record("Toán 6 — Tập 1", year=2021)
    lib.catalog.add_copies(maths, 20, collection="GK")
    dialog = class_textbooks(window, qtbot)
    add_title(dialog, qtbot, "toán 6")
    assert dialog.lend()
    keep = {students[-1].id, students[-2].id}  # the last two in the register keep theirs
    for student in students:
        if student.id not in keep:
            assert lib.circulation.checkin(lib.circulation.open_loans(student.id).loans[0].barcode).ok
    report = dialog.show_report()
    assert report is not None and report.missing_count == 2
    lines = dialog.output.toPlainText().splitlines()
    assert len(lines) == 20
    assert all("còn giữ" in line for line in lines[:2]), lines[:3]
    assert all("đã trả đủ" in line for line in lines[2:])


def test_closing_a_set_says_how_many_copies_were_marked_lost(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Closing with "ghi mất các bản chưa trả" ticked says how many copies it marked lost
    (it said only "Đã kết thúc đợt mượn." while two books became lost)."""
    students = [lib.patrons.add(f"Học sinh {n}", class_name="6A") for n in range(1, 4)]
    maths = lib.catalog.add_record("Toán 6 — Tập 1", year=2021)
    lib.catalog.add_copies(maths, 3, collection="GK")
    dialog = class_textbooks(window, qtbot)
    add_title(dialog, qtbot, "toán 6")
    assert dialog.lend()
    back = lib.circulation.open_loans(students[0].id).loans[0].barcode
    assert lib.circulation.checkin(back).ok
    dialog.mark_lost.setChecked(True)
    assert dialog.close_session() is None  # asked first (test_patrons_class_loan_close)
    question = dialog.lost_question
    assert question is not None
    next(b for b in question.buttons() if b.text().startswith("&Ghi mất")).click()
    assert dialog.message.text() == "Đã kết thúc đợt mượn: đã ghi mất 2 bản chưa trả."
