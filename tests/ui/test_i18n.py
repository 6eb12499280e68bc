"""Vietnamese by default (Qt's own buttons too), English selectable, every string translated."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ui.i18n import translations_dir

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_every_window_string_has_vietnamese_with_the_same_placeholders() -> None:
    root = ET.parse(translations_dir() / "thuvien_vi.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 250
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        assert translation.text, source
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(
            translation.text)), source


def test_the_file_dialog_calls_a_folder_thu_muc(qapp) -> None:  # type: ignore[no-untyped-def]
    """Save PDF… (Qt's own file dialog where there is no native one) listed folders as
    'Folder' in the Type column of a Vietnamese window."""
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder",
                                      "All other platforms") == "Thư mục"
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Drive") == "Ổ đĩa"


def test_the_vietnamese_table_holds_no_string_the_window_no_longer_has() -> None:
    """vi_seed's table only seeds strings lupdate finds in ui/; an entry nothing uses (such as
    the old "Sync: failed ({error})") is dead weight a translator would keep correcting."""
    import importlib.util

    from tests.ui.conftest import repo_root

    path = repo_root() / "resources" / "translations" / "vi_seed.py"
    spec = importlib.util.spec_from_file_location("vi_seed", path)
    assert spec is not None and spec.loader is not None
    seed = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(seed)
    root = ET.parse(translations_dir() / "thuvien_vi.ts").getroot()
    sources = {message.findtext("source") for message in root.iter("message")}
    assert sorted(key for key in seed.VI if key not in sources) == []


def test_qt_standard_buttons_speak_vietnamese(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel
                           | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "Lưu"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Huỷ"
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Đóng"
    question = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                           QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(question)
    assert question.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Có"


def test_window_in_vietnamese_then_english(lib, qtbot, english_window) -> None:  # type: ignore[no-untyped-def]
    from ui.desk.sound import DeskSounds
    from ui.mainwindow import MainWindow

    vi = MainWindow(lib, sounds=DeskSounds(enabled=False))
    qtbot.addWidget(vi)
    assert vi.nav.item(0).text().startswith("Quầy mượn trả")
    assert vi.desk.mode_buttons["checkin"].text() == "F4 Nhận trả"
    vi.close()

    en = english_window()
    assert en.nav.item(0).text().startswith("Desk")
    assert en.desk.mode_buttons["checkin"].text() == "F4 Check in"
    assert "Ready" in en.desk.banner.text()


def test_the_collections_table_names_a_collection_not_a_person(window) -> None:  # type: ignore[no-untyped-def]
    """Settings → Số ĐKCB: the last column is the collection's name ("Tên kho"); the shared
    source text "Name" made it "Họ và tên", a person's full name."""
    settings = window.show_view("settings")
    headers = [settings.schemes.horizontalHeaderItem(c).text()
               for c in range(settings.schemes.columnCount())]
    assert headers == ["Mã kho", "Tiền tố", "Số chữ số", "Tên kho"]


def test_a_closed_period_s_start_after_its_end_carries_the_end(window, lib) -> None:  # type: ignore[no-untyped-def]
    """Settings → Lịch: choosing Tết's first day after the end shown moves the end along, so
    Add saves the period (it was refused with ISO dates: "Ngày kết thúc 2026-11-22 trước ngày
    bắt đầu 2026-11-23")."""
    from PySide6.QtCore import QDate

    settings = window.show_view("settings")
    settings.end.setDate(QDate(2027, 2, 5))
    settings.start.setDate(QDate(2027, 2, 14))
    assert settings.end.date() == QDate(2027, 2, 14)
    settings.end.setDate(QDate(2027, 2, 20))
    settings.start.setDate(QDate(2027, 2, 10))  # earlier than the end: the end stays
    assert settings.end.date() == QDate(2027, 2, 20)
    settings.period_label.setText("Tết Đinh Mùi")
    settings.add_period()
    assert settings.calendar_message.text() == "Đã lưu."
    [period] = lib.circulation.calendar.periods()
    assert (period.start.isoformat(), period.end.isoformat()) == ("2027-02-10", "2027-02-20")
