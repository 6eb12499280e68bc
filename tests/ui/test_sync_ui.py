"""The window and the district: enrolling from Settings, the background sync, and copy
cataloguing from the cached union catalog in the new-record form (a real server on loopback)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import text

from app.library import Library
from tests.support.district import District

ISBN = "9786042088763"


pytestmark = pytest.mark.usefixtures("token_files")


def held_records(district: District, code: str) -> list[str]:
    """Titles of the records library *code* has pushed to the district (once applied)."""
    district.wait_applied()
    with district.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT r.fields FROM lib_records r JOIN libraries l ON l.id = r.library_id "
            "WHERE l.code = :code AND NOT r.deleted"), {"code": code})
        return sorted(json.loads(row[0])["title"] for row in rows)


def other_school(district: District, tmp_path: Path) -> None:
    """Another school of the district catalogs a book and syncs it to the union catalog."""
    (tmp_path / "other").mkdir()
    with Library.open(tmp_path / "other" / "lib.sqlite3") as other:
        other.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"], year=2019,
                                 isbns=[ISBN], publisher="Kim Đồng", place="Hà Nội",
                                 classification="895.9223", subjects=["Văn học thiếu nhi"],
                                 responsibility="Tô Hoài ; minh hoạ: Tạ Huy Long",
                                 edition="Tái bản lần thứ 12")
        other.sync.enroll(district.url, district.add_library("TH-KHAC"))
        other.sync.sync_now()


def test_enroll_in_settings_starts_the_background_sync(window, lib, tmp_path, district, qtbot) -> None:  # type: ignore[no-untyped-def]
    lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], year=2015)
    assert not window.sync.running  # not enrolled: nothing runs
    window.sync_now()  # Tools → Sync now before enrolling opens the sync settings
    settings = window.stack.currentWidget()
    page = settings.sync_page
    assert settings.currentWidget() is page
    qtbot.waitUntil(lambda: page.status is not None, timeout=10000)
    assert page.server_label.text() == "chưa ghi danh" and not page.sync_button.isEnabled()
    # Where the sync key is kept means nothing before there is a key: that row is not shown.
    assert page.token_label.isHidden()

    page.url_field.setText(district.url)
    page.enroll_code.setText("SAI-MA-NAY")
    page.enroll()
    qtbot.waitUntil(lambda: page.enroll_button.isEnabled(), timeout=10000)
    assert page.message.text().startswith("Mã ghi danh không đúng")  # the refusal, in words
    assert not window.sync.running

    page.enroll_code.setText(district.add_library("TH-MOT"))
    with qtbot.waitSignal(window.sync.outcome, timeout=20000) as outcome:
        # typed, then Enter (seen under Xvfb: Enter in the code field did nothing)
        qtbot.keyClick(page.enroll_code, Qt.Key.Key_Return)
    assert outcome.args[0].report is not None and outcome.args[0].report.pushed > 0
    assert window.sync.running
    assert held_records(district, "TH-MOT") == ["Tắt đèn"]
    qtbot.waitUntil(lambda: page.last_label.text() != "chưa bao giờ", timeout=10000)
    assert page.code_label.text() == "TH-MOT" and page.pending_label.text() == "0"
    assert not page.token_label.isHidden()
    assert "tệp" in page.token_label.text()  # no keyring here: the page says the key is a file
    assert page.message.text().startswith("Đã đồng bộ")
    qtbot.waitUntil(lambda: window.status.sync_label.text().startswith("Đồng bộ lần cuối"),
                    timeout=10000)

    lib.catalog.add_record("Số đỏ", authors=["Vũ Trọng Phụng"], year=2016)
    with qtbot.waitSignal(window.sync.outcome, timeout=20000):
        page.sync_button.click()  # on demand
    assert held_records(district, "TH-MOT") == ["Số đỏ", "Tắt đèn"]
    window.close()
    assert not window.sync.running  # the runner stops with the window


def test_window_of_an_enrolled_library_syncs_on_its_own(lib, tmp_path, district, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.desk.sound import DeskSounds
    from ui.mainwindow import MainWindow

    lib.sync.enroll(district.url, district.add_library("TH-HAI"))
    lib.catalog.add_record("Truyện Kiều", authors=["Nguyễn Du"])
    win = MainWindow(lib, sounds=DeskSounds(enabled=False))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.sync.outcome, timeout=20000) as outcome:
        win.show()
    assert outcome.args[0].report is not None
    assert held_records(district, "TH-HAI") == ["Truyện Kiều"]
    district.stop()  # the network goes away: the next attempt fails in words, the desk goes on
    with qtbot.waitSignal(win.sync.outcome, timeout=20000) as outcome:
        win.sync_now()
    assert outcome.args[0].report is None and "Không kết nối được" in outcome.args[0].error
    # said short in the status bar, the reason whole in its tooltip
    qtbot.waitUntil(lambda: "Không kết nối được" in win.status.sync_label.toolTip(),
                    timeout=10000)
    assert win.status.sync_label.text().startswith("Đồng bộ: chưa có mạng")
    win.close()


def test_scanning_an_isbn_fills_the_new_record_from_the_district_catalog_offline(window, lib, tmp_path, district, qtbot) -> None:  # type: ignore[no-untyped-def]
    other_school(district, tmp_path)
    lib.sync.enroll(district.url, district.add_library("TH-BA"))
    lib.sync.sync_now()  # brings the union catalog to this PC
    district.stop()  # from here on: no network
    view = window.show_view("catalog")
    form = view.new_record()
    qtbot.waitExposed(form)
    assert form.focusWidget() is form.isbn  # quick entry: the ISBN comes first
    qtbot.keyClicks(form.isbn, "978-604-2-08876-3")
    qtbot.keyClick(form.isbn, Qt.Key.Key_Return)  # what the scanner sends last
    assert form.isVisible()  # Enter looked the ISBN up; it did not save a half-filled form
    assert form.title.text() == "Dế Mèn phiêu lưu ký" and form.authors.text() == "Tô Hoài"
    assert form.year.text() == "2019" and form.classification.text() == "895.9223"
    assert form.publisher.text() == "Kim Đồng" and form.subjects.text() == "Văn học thiếu nhi"
    assert "mục lục huyện" in form.lookup_label.text()
    form.copies.setValue(2)
    save = form.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    record = lib.catalog.record(form.record_id)
    assert record.title == "Dế Mèn phiêu lưu ký" and record.isbns == [ISBN]
    assert record.responsibility == "Tô Hoài ; minh hoạ: Tạ Huy Long"  # kept beyond the form
    assert record.edition == "Tái bản lần thứ 12"
    assert len(lib.catalog.items_of(record.id)) == 2


def test_an_isbn_already_in_the_catalog_offers_to_add_copies(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    record_id = lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], isbns=[ISBN])
    lib.catalog.add_copies(record_id, 1, collection="TK")
    view = window.show_view("catalog")
    form = view.new_record()
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.isbn, ISBN)
    qtbot.keyClick(form.isbn, Qt.Key.Key_Return)
    assert "đã có" in form.lookup_label.text() and "Tắt đèn" in form.lookup_label.text()
    assert form.existing_button.isVisible() and lib.catalog.record_count() == 1
    form.existing_button.click()
    qtbot.waitUntil(lambda: not form.isVisible())
    assert view.current_id == record_id  # that record is shown, and copies are asked for
    dialogs = [w for w in view.findChildren(QDialogButtonBox) if w.window().isVisible()
               and w.window() is not window]
    assert dialogs, "the add-copies dialog should be open"
    assert lib.catalog.record_count() == 1

    form = view.new_record()
    qtbot.keyClicks(form.isbn, "978-604-2-08876-4")  # a mistyped check digit
    qtbot.keyClick(form.isbn, Qt.Key.Key_Return)
    assert "không phải ISBN hợp lệ" in form.lookup_label.text()
    assert "color" in form.lookup_label.styleSheet()  # said in red
    form.isbn.clear()
    qtbot.keyClicks(form.isbn, "978-604-2-08876-3")
    qtbot.keyClick(form.isbn, Qt.Key.Key_Return)
    assert form.lookup_label.styleSheet() == ""  # a plain answer again
    form.done(0)  # closed without the discard question: the test is over


def test_district_catalog_search_by_title_from_the_form(window, lib, tmp_path, district, qtbot) -> None:  # type: ignore[no-untyped-def]
    other_school(district, tmp_path)
    lib.sync.enroll(district.url, district.add_library("TH-BON"))
    lib.sync.sync_now()
    view = window.show_view("catalog")
    form = view.new_record()
    form.title.setText("de men")
    picker = form.pick_from_district()
    qtbot.waitUntil(lambda: picker.results.rowCount() == 1, timeout=10000)
    assert picker.results.item(0, 0).text() == "Dế Mèn phiêu lưu ký"
    assert picker.results.item(0, 4).text() == "TH-KHAC 0/0"  # held there (no copies yet)
    assert "1" in picker.hint.text()  # how many union records this PC holds
    picker.search_field.setFocus()
    qtbot.keyClick(picker.search_field, Qt.Key.Key_Return)  # Enter takes the first hit
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert form.title.text() == "Dế Mèn phiêu lưu ký" and form.isbn.text() == ISBN
    form.done(0)  # closed without the discard question: the test is over


def test_the_district_search_says_it_finds_subjects_publishers_and_years(window, lib, tmp_path, district, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The picker's field said "Nhan đề, tác giả hoặc ISBN…" while the union search also
    reads subjects, the publisher, the series and ``năm:``: what it says is what it finds."""
    other_school(district, tmp_path)
    lib.sync.enroll(district.url, district.add_library("TH-BON"))
    lib.sync.sync_now()
    form = window.show_view("catalog").new_record()
    picker = form.pick_from_district()
    said = picker.search_field.placeholderText()
    assert said == "Nhan đề, tác giả, ISBN, chủ đề, nhà xuất bản, tùng thư hoặc năm:2020…"
    for query in ("thiếu nhi năm:2019", "Kim Đồng"):  # a subject and a year, a publisher
        picker.search_field.setText(query)
        qtbot.waitUntil(lambda: picker.results.rowCount() == 1, timeout=10000)
        assert picker.results.item(0, 0).text() == "Dế Mèn phiêu lưu ký"
        picker.search_field.setText("năm:2020")  # another year: nothing
        qtbot.waitUntil(lambda: picker.results.rowCount() == 0, timeout=10000)
    picker.reject()
    form.done(0)


def test_personal_data_sharing_is_off_until_ticked(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = window.show_view("settings").sync_page
    assert not page.share_box.isChecked()
    page.share_box.setChecked(True)
    assert lib.settings.get("sync_personal_data") == "share"
    assert "sẽ được gửi" in page.message.text()
    page.share_box.setChecked(False)
    assert lib.settings.get("sync_personal_data") == "none"


def test_a_sync_failure_in_the_status_bar_is_short_and_the_reason_is_its_tooltip(window, lib, district, qtbot) -> None:  # type: ignore[no-untyped-def]
    """With the district server down the status bar says "Đồng bộ: chưa có mạng (lần cuối
    được: …)";
    the whole sentence ("Không kết nối được máy chủ…") pushed the database path off a
    1366-pixel screen, so it is the label's tooltip (and on the sync settings page)."""
    lib.sync.enroll(district.url, district.add_library("TH-HAI"))
    lib.sync.sync_now()
    district.stop()
    lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], year=2015)
    with qtbot.waitSignal(window.sync.outcome, timeout=30000):
        window.sync_now()
    label = window.status.sync_label
    qtbot.waitUntil(lambda: label.text().startswith("Đồng bộ: chưa có mạng"), timeout=10000)
    assert label.text().startswith("Đồng bộ: chưa có mạng (lần cuối được: ")
    assert "/20" in label.text()
    assert "Không kết nối được máy chủ" not in label.text()
    assert label.toolTip().startswith("Không kết nối được máy chủ thư viện huyện")
    window.resize(1366, 768)
    assert window.status.path_label.isVisible()


def test_sent_and_kept_at_school_add_up_to_the_changes_that_were_waiting(window, lib, district, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The status said 156 changes waiting and the sync then said 148 sent: the other 8 were
    readers' changes the privacy filter keeps at the school. The message names them."""
    lib.sync.enroll(district.url, district.add_library("TH-BA"))
    lib.sync.sync_now()
    lib.catalog.add_record("Tắt đèn", authors=["Ngô Tất Tố"], year=2015)
    for name in ("Nguyễn Thị Lan", "Trần Văn Hợp", "Lê Thu Yến"):
        lib.patrons.add(name, class_name="6A")
    settings = window.show_view("settings")
    page = settings.sync_page
    qtbot.waitUntil(lambda: page.status is not None, timeout=10000)
    waiting = int(page.pending_label.text())
    with qtbot.waitSignal(window.sync.outcome, timeout=20000) as outcome:
        page.sync_button.click()
    report = outcome.args[0].report
    assert report.withheld >= 3 and report.pushed + report.withheld == waiting
    assert page.message.text() == (
        f"Đã đồng bộ: gửi {report.pushed} thay đổi, giữ lại ở trường {report.withheld} thay đổi "
        f"(thông tin bạn đọc, đặt trước, mượn theo lớp), nhận {report.pulled} biểu ghi mục lục huyện.")
