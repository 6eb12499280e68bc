"""Holds on the record shown: who is waiting (and whose copy is kept on the hold shelf), a new
hold for a reader whose card is scanned or typed, and cancelling one.

The desk lends a returned copy to the first in the queue by itself; this is where a reader
who asks for a book that is out gets in that queue.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.circulation.refs import HoldRef
from app.circulation.results import DeskResult
from app.errors import UserError
from app.library import Library
from ui.format import display_date
from ui.refusal import refusal_text
from ui.widgets import error_label, grow_to_fit, list_table, say


class HoldDialog(QDialog):
    """The hold queue of one record, with "place" (card + Enter) and "cancel"."""

    def __init__(self, lib: Library, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._record_id = record_id
        self.queue: list[HoldRef] = []
        title = lib.catalog.record(record_id).title
        self.setWindowTitle(self.tr("Holds — {title}").format(title=title))
        self.setMinimumWidth(560)
        self.card = QLineEdit()
        self.card.setPlaceholderText(self.tr("Scan or type the reader's card, then Enter"))
        self.card.returnPressed.connect(self.place)
        self.table = list_table([self.tr("No."), self.tr("Reader"), self.tr("Class"),
                                 self.tr("Status")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Room for the heads and four readers: shown after the first hold, the table was
        # squeezed into the dialog's old height and its one row was cut in half.
        self.table.setMinimumHeight(header.sizeHint().height()
                                    + 4 * self.table.verticalHeader().defaultSectionSize() + 4)
        self.empty = QLabel(self.tr("Nobody is waiting for this book."))
        self.cancel_button = QPushButton(self.tr("&Cancel the selected hold"))
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.message = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Reader's card"), self.card)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._enable)
        self.refresh()

    def refresh(self) -> None:
        """Show the queue as it is now."""
        self.queue = self._lib.circulation.hold_queue(self._record_id)
        self.table.setRowCount(0)
        for number, hold in enumerate(self.queue, 1):
            row = self.table.rowCount()
            self.table.insertRow(row)
            status = (self.tr("copy kept until {day}").format(day=display_date(hold.ready_until))
                      if hold.status == "ready" else self.tr("waiting"))
            for column, text in enumerate((str(number), hold.patron.full_name,
                                           hold.patron.class_name or "", status)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.setVisible(bool(self.queue))
        self.empty.setVisible(not self.queue)
        self._enable()

    def _enable(self) -> None:
        self.cancel_button.setVisible(bool(self.queue))
        self.cancel_button.setEnabled(0 <= self.table.currentRow() < len(self.queue)
                                      and bool(self.table.selectedItems()))

    def place(self) -> bool:
        """Put the reader whose card was entered in the queue; say where, or why not."""
        card = self.card.text().strip()
        if not card:
            return False
        result = self._refused_or(lambda: self._lib.circulation.place_hold(card,
                                                                          self._record_id))
        if result is None:  # the card stays typed: Enter again once the date is set
            return False
        self.card.clear()  # ready for the next card either way
        self.refresh()
        self._say(result.message, ok=result.ok)
        return result.ok

    def _refused_or(self, act: Callable[[], DeskResult]) -> DeskResult | None:
        """*act*'s answer; None when it was refused as a whole (this PC's date is behind the
        library's records, the file is locked), said in the dialog's red line as the desk
        says it: nothing changed."""
        try:
            return act()
        except UserError as exc:
            self._say(refusal_text(exc), ok=False)
            return None

    def cancel_selected(self) -> bool:
        """Cancel the selected hold (a copy kept for it passes to the next reader)."""
        row = self.table.currentRow()
        if not (0 <= row < len(self.queue)):
            return False
        hold_id = self.queue[row].id
        result = self._refused_or(lambda: self._lib.circulation.cancel_hold(hold_id))
        if result is None:
            return False
        self.refresh()
        self._say(result.message, ok=result.ok)
        return result.ok

    def _say(self, text: str, ok: bool) -> None:
        """The answer in the dialog's line under the card, every line of it in sight."""
        say(self.message, text, ok=ok)
        grow_to_fit(self)
