"""Buttons under a record's copies: a copy is lost, damaged, or found again.

Each goes through the circulation service, so a copy on loan closes its loan (and its reader
is charged for a lost book where the library says so) exactly as at the desk.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QWidget

from app.circulation import DeskResult
from app.errors import UserError
from app.library import Library
from ui.refusal import refusal_text
from ui.widgets import error_label, say


class CopyStatusActions(QWidget):
    """"Lost…", "Damaged", "Found" for the copy *selected()* names (a barcode or None).
    ``changed`` fires after a copy changed."""

    changed = Signal()

    def __init__(self, lib: Library, selected: Callable[[], tuple[str, str] | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._selected = selected
        self.last_result: DeskResult | None = None
        self.lost_button = QPushButton(self.tr("Copy &lost…"))
        self.damaged_button = QPushButton(self.tr("Copy &damaged"))
        self.found_button = QPushButton(self.tr("Copy f&ound"))
        self.lost_button.setToolTip(self.tr(
            "Mark the selected copy lost; a copy on loan closes its loan and, where the library "
            "charges for lost books, its reader is charged."))
        self.found_button.setToolTip(self.tr(
            "A lost or damaged copy is back: on the shelf, or kept for the next hold."))
        self.message = error_label()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.lost_button, self.damaged_button, self.found_button):
            row.addWidget(button)
        row.addWidget(self.message, 1)
        self.lost_button.clicked.connect(self.ask_lost)
        self.damaged_button.clicked.connect(lambda: self.apply("damaged"))
        self.found_button.clicked.connect(lambda: self.apply("found"))
        self.enable()

    def enable(self) -> None:
        """Enable the buttons that make sense for the selected copy's status."""
        chosen = self._selected()
        status = chosen[1] if chosen else ""
        self.lost_button.setEnabled(status not in ("", "lost", "withdrawn"))
        self.damaged_button.setEnabled(status not in ("", "damaged", "lost", "withdrawn"))
        self.found_button.setEnabled(status in ("lost", "damaged"))

    def ask_lost(self) -> QMessageBox | None:
        """Ask before marking the selected copy lost (non-blocking); returns the question."""
        chosen = self._selected()
        if chosen is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Copy lost"), self.tr(
            "Mark copy {barcode} lost? If it is on loan, the loan is closed and stays on the "
            "reader's record.").format(barcode=chosen[0]),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self.apply("lost"))
        self.question = box
        box.open()
        return box

    def apply(self, action: str) -> DeskResult | None:
        """Mark the selected copy *action* ("lost", "damaged" or "found") and say what
        happened."""
        chosen = self._selected()
        if chosen is None:
            return None
        try:
            result = self._lib.circulation.mark(action, chosen[0])
        except UserError as exc:
            say(self.message, refusal_text(exc), ok=False)
            return None
        self.last_result = result
        say(self.message, result.message, ok=result.ok)
        if result.ok:
            self.changed.emit()
        return result
