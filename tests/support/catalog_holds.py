"""The catalog's Holds dialog driven as a librarian does: the record opened, Holds…, the
reader's card scanned (its characters, then the scanner's Enter)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ui.catalog.hold_dialog import HoldDialog


def hold_from_the_catalog(window: Any, qtbot: Any, record_id: int, card: str) -> HoldDialog:
    """Open the record *record_id* in the main window's catalog, open its Holds dialog and scan *card*
    into it; the dialog, left open (closed with the test)."""
    view = window.show_view("catalog")
    view.open_record(record_id)
    dialog: HoldDialog | None = view.show_holds()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.card, card)
    qtbot.keyClick(dialog.card, Qt.Key.Key_Return)
    return dialog
