"""Card validity in Patrons and Settings: the expired / expiring lists on the left, the
'Hạn thẻ' column, 'Gia hạn thẻ…' for a patron or the whole list, the form's default, the
rollover's choice to extend students' cards, and Settings → Thẻ bạn đọc."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from app.circulation.clock import library_today
from app.patrons.validity import Validity, add_months
from ui.format import display_date
from ui.style import OVERDUE


def _class_items(view) -> list[str]:  # type: ignore[no-untyped-def]
    return [view.classes.item(i).text() for i in range(view.classes.count())]


def test_expired_list_column_and_renewing_the_whole_list(window, lib, qtbot, asked) -> None:  # type: ignore[no-untyped-def]
    today = library_today()
    old = (today - timedelta(days=3)).isoformat()
    for name in ("Nguyễn An", "Trần Bình"):
        lib.patrons.add(name, class_name="6A", expires_on=old)
    lib.patrons.add("Lê Chi", class_name="6A", expires_on=(today + timedelta(days=7)).isoformat())
    lib.patrons.add("Phạm Dũng", class_name="6B")
    lib.patrons.set_validity({"student": Validity("months", 12)})
    view = window.show_view("patrons")
    qtbot.waitUntil(lambda: view.classes.count() > 1)
    assert _class_items(view)[:3] == ["Tất cả bạn đọc", "Thẻ đã hết hạn (2)",
                                      "Thẻ sắp hết hạn (1)"]
    view.classes.setCurrentRow(1)
    assert [p.full_name for p in view.shown] == ["Nguyễn An", "Trần Bình"]
    header = view.table.horizontalHeaderItem(6).text()
    cell = view.table.item(0, 6)
    assert header == "Hạn thẻ" and cell.text() == display_date(old)
    assert cell.foreground().color() == QColor(OVERDUE)

    asked.answer = QMessageBox.StandardButton.Yes
    new = add_months(today, 12).isoformat()
    assert view.renew_cards_button.text() == "Gi&a hạn thẻ…"
    view.renew_cards_button.click()
    assert asked.questions == [
        "Gia hạn thẻ của 2 bạn đọc trong danh sách, mỗi người theo thời hạn thẻ mặc định của "
        f"loại bạn đọc (đến {display_date(new)})?"]
    assert {p.full_name: p.expires_on for p in lib.patrons.list_patrons(class_name="6A")} == {
        "Nguyễn An": new, "Trần Bình": new, "Lê Chi": (today + timedelta(days=7)).isoformat()}
    assert _class_items(view)[1] == "Thẻ sắp hết hạn (1)"  # none expired any more


def test_renewing_one_patron_asks_and_no_leaves_it(window, lib, qtbot, asked) -> None:  # type: ignore[no-untyped-def]
    patron = lib.patrons.add("Nguyễn An", class_name="6A", expires_on="2020-05-31")
    lib.patrons.add("Trần Bình", class_name="6A", expires_on="2020-05-31")
    lib.settings.set("school_year", "2025-2026")
    lib.patrons.set_validity({"student": Validity("school_year")})
    view = window.show_view("patrons")
    qtbot.waitUntil(lambda: view.table.rowCount() == 2)
    view.table.selectRow(0)
    until = display_date(lib.patrons.renewal_date(patron.id))
    assert view.renew_cards() == []  # No
    assert asked.questions == [f"Gia hạn thẻ HS000001 của Nguyễn An đến {until}?"]
    assert lib.patrons.get(patron.id).expires_on == "2020-05-31"
    asked.answer = QMessageBox.StandardButton.Yes
    view.table.selectRow(0)
    assert [p.full_name for p in view.renew_cards()] == ["Nguyễn An"]
    assert display_date(lib.patrons.get(patron.id).expires_on) == until


def test_new_patron_form_takes_the_categorys_default_validity(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    lib.patrons.set_validity({"community": Validity("months", 6)})
    view = window.show_view("patrons")
    dialog = view.add_patron()
    assert dialog.expires_on.text() == ""  # a student: no default set
    dialog.category.setCurrentIndex(dialog.category.findData("community"))
    six = display_date(add_months(library_today(), 6).isoformat())
    assert dialog.expires_on.text() == six
    dialog.full_name.setText("Bà Tư")
    dialog.save()
    saved = lib.patrons.by_card(dialog.patron.card)
    assert saved.expires_on == add_months(library_today(), 6).isoformat()


def test_rollover_dialog_offers_to_extend_students_cards(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.patrons.rollover_dialog import RolloverDialog

    lib.settings.set("school_year", "2025-2026")
    keep = lib.patrons.add("Nguyễn An", class_name="6A", expires_on="2026-05-31")
    lib.patrons.add("Nguyễn Cường", class_name="9B", expires_on="2026-05-31")
    dialog = RolloverDialog(lib, window, confirm=False)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.extend_cards
    assert box.isVisible() and not box.isChecked()  # students' cards: no default set
    assert box.text() == "&Gia hạn thẻ của 1 học sinh lên lớp đến 31/05/2027"
    box.setChecked(True)
    dialog.apply()
    assert lib.patrons.get(keep.id).expires_on == "2027-05-31"
    assert "Đã gia hạn 1 thẻ đến 31/05/2027." in dialog.message.text()


def test_settings_reader_cards_tab_saves_the_validity(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.show_view("settings")
    page = view.cards_page
    assert view.tabText(view.indexOf(page)) == "Thẻ bạn đọc"
    kind = page.kinds["student"]
    assert [kind.itemText(i) for i in range(kind.count())] == [
        "Không có hạn", "Đến hết năm học (31/05)", "Số tháng"]
    assert not page.months["community"].isEnabled()
    kind.setCurrentIndex(kind.findData("school_year"))
    page.kinds["community"].setCurrentIndex(page.kinds["community"].findData("months"))
    assert page.months["community"].isEnabled()
    page.months["community"].setValue(24)
    page.notice.setValue(30)
    assert [t.title for t in view.unsaved.unsaved()] == ["Thẻ bạn đọc"]
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Đã lưu."
    assert view.unsaved.unsaved() == []
    policies = lib.patrons.validity()
    assert policies["student"].kind == "school_year"
    assert (policies["community"].kind, policies["community"].months) == ("months", 24)
    assert policies["teacher"].kind == "none" and lib.patrons.notice_days() == 30
