"""Settings → District sync on a 1024 × 768 screen: the personal-data switch is read whole in
English and in Vietnamese (a check box does not wrap; its English ran off the screen as
"…only anonymous counts leave the sc")."""

from __future__ import annotations

from PySide6.QtCore import QPoint


def _cut(window, qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts on the sync page's personal-data box that do not fit where they are shown."""
    settings = window.show_view("settings")
    settings.show_sync()
    page = settings.sync_page
    qtbot.waitUntil(lambda: page.share_box.isVisible())
    cut = []
    for widget in (page.share_box,):
        needed = widget.sizeHint().width()
        right = widget.mapTo(window, QPoint(needed, 0)).x()
        if widget.width() < needed or right > window.width():
            cut.append(widget.text())
    note = getattr(page, "share_note", None)
    if note is not None and note.isVisible() and note.mapTo(window, QPoint(note.width(), 0)).x() > window.width():
        cut.append(note.text())
    return cut


def test_the_personal_data_switch_shows_whole_at_1024(  # type: ignore[no-untyped-def]
        window, qtbot, app_look, english_window) -> None:
    window.resize(1024, 768)
    assert _cut(window, qtbot) == []

    en = english_window()
    assert _cut(en, qtbot) == []
    assert en.show_view("settings").sync_page.share_note.text().startswith("Off (the default)")
