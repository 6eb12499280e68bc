"""Settings on a 1024 × 768 screen with the keyboard: every tab shows at once (no scroll
arrows hiding the last ones), whole, in Vietnamese and in English; Enter in a field saves its
tab, as the Save button does, and Ctrl+S saves the tab shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton


def _tabs_whole(settings) -> list[str]:  # type: ignore[no-untyped-def]
    """The tab titles not shown whole within the tab bar (none, when all is well)."""
    bar = settings.tabBar()
    metrics = bar.fontMetrics()
    cut = []
    for index in range(bar.count()):
        text = bar.tabText(index)
        rect = bar.tabRect(index)
        if rect.right() > settings.width() or rect.width() < metrics.horizontalAdvance(text) + 8:
            cut.append(text)
    return cut


def test_every_settings_tab_shows_whole_at_1024_in_both_languages(  # type: ignore[no-untyped-def]
        window, qtbot, app_look, english_window) -> None:
    window.resize(1024, 768)
    settings = window.show_view("settings")
    qtbot.waitUntil(lambda: settings.width() < 900)
    assert settings.count() == 8
    arrows = [b for b in settings.tabBar().findChildren(QToolButton) if b.isVisible()]
    assert arrows == [] and _tabs_whole(settings) == []
    assert settings.tabToolTip(7) == "Đồng bộ huyện"

    en = english_window()
    en_settings = en.show_view("settings")
    qtbot.waitUntil(lambda: en_settings.width() < 900)
    assert en_settings.tabText(1) == "Acc. numbers"
    assert _tabs_whole(en_settings) == []


def test_enter_in_a_library_field_saves_the_tab(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    settings = window.show_view("settings")
    settings.library_name.setFocus()
    settings.library_name.setText("Thư viện Trường ")
    qtbot.keyClicks(settings.library_name, "THCS Le Loi")
    qtbot.keyClick(settings.library_name, Qt.Key.Key_Return)
    assert lib.settings.get("library_name") == "Thư viện Trường THCS Le Loi"
    assert settings.library_message.text() == "Đã lưu."
    assert settings.unsaved.unsaved() == []  # leaving asks nothing

    settings.school_year.setFocus()
    settings.school_year.selectAll()
    qtbot.keyClicks(settings.school_year, "2025")
    qtbot.keyClick(settings.school_year, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert "2025-2026" in settings.library_message.text()  # refused, says how to write it
    assert lib.settings.get("school_year") != "2025"


def test_ctrl_s_saves_the_tab_shown_and_enter_in_a_table_does_not(  # type: ignore[no-untyped-def]
        window, lib, qtbot) -> None:
    settings = window.show_view("settings")
    settings.setCurrentIndex(3)  # Calendar
    saturday = settings.weekdays[5]
    saturday.setFocus()
    qtbot.keyClick(saturday, Qt.Key.Key_Space)
    assert saturday.isChecked()
    qtbot.keyClick(saturday, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert 5 in lib.circulation.calendar.closed_weekdays()

    # Enter in the period's name adds the period (it is not the weekly days' Save).
    settings.period_label.setFocus()
    qtbot.keyClicks(settings.period_label, "Tet")
    qtbot.keyClick(settings.period_label, Qt.Key.Key_Return)
    assert [p.label for p in lib.circulation.calendar.periods()] == ["Tet"]

    settings.setCurrentIndex(1)  # accession numbers: Enter in the table stays the table's
    before = lib.settings.get("accession_schemes")
    settings.schemes.setFocus()
    settings.schemes.setCurrentCell(0, 0)
    settings.schemes.item(0, 3).setText("Sách tham khảo mới")
    qtbot.keyClick(settings.schemes, Qt.Key.Key_Return)
    assert lib.settings.get("accession_schemes") == before
    qtbot.keyClick(settings.schemes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = lib.settings.get("accession_schemes")
    assert any(s.get("label") == "Sách tham khảo mới" for s in saved.values())
