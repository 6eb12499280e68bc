"""One patron's books: what they have on loan now (overdue in red) and what they are waiting
for, under the patrons list, with Renew for the selected loan.

"What does this pupil still have?" is asked at the desk and by homeroom teachers; the desk
shows it only for the reader whose card was scanned, this panel for anyone found by name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.circulation.documents import LoanLine
from app.circulation.refs import HoldRef
from app.errors import UserError
from app.library import Library
from ui.format import display_date
from ui.refusal import refusal_text
from ui.style import BAD_FG, OVERDUE
from ui.widgets import error_label, list_table, say


class LoansPanel(QWidget):
    """Open loans and holds of the patron shown. ``changed`` fires after a renewal."""

    changed = Signal()

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self.patron_id: int | None = None
        self.shown: list[LoanLine] = []
        self.holds: list[HoldRef] = []
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.table = list_table([self.tr("Acc. no."), self.tr("Title"), self.tr("Lent on"),
                                 self.tr("Due")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.holds_line = QLabel()
        self.holds_line.setWordWrap(True)
        self.renew_button = QPushButton(self.tr("Re&new"))
        self.renew_button.clicked.connect(self.renew_selected)
        self.message = error_label()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.renew_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.holds_line)
        layout.addWidget(self.message)
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.installEventFilter(self)
        self.show_patron(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Tab into the loans picks a row, as the arrows do: with one loan, nothing was
        selected and Gia hạn (Alt+H) stayed greyed for a keyboard-only librarian."""
        if (watched is self.table and event.type() == QEvent.Type.FocusIn
                and self.table.rowCount() and not self.table.selectedItems()):
            self.table.selectRow(max(0, self.table.currentRow()))
        return super().eventFilter(watched, event)

    def show_patron(self, patron_id: int | None, keep_message: bool = False) -> None:
        """Show *patron_id*'s loans and holds (hidden when there is neither)."""
        self.patron_id = patron_id
        circ = self._lib.circulation
        found = circ.open_loans(patron_id) if patron_id is not None else None
        self.shown = found.loans if found is not None else []
        self.holds = circ.holds_of(patron_id) if patron_id is not None else []
        if not keep_message:
            self.message.setText("")
        self.setVisible(bool(self.shown or self.holds))
        late = [line for line in self.shown if line.days_overdue > 0]
        title = self.tr("On loan: {count}").format(count=len(self.shown))
        if late:
            title += " — " + self.tr("{count} overdue").format(count=len(late))
        self.title.setText(title)
        self.title.setStyleSheet(f"color: {OVERDUE};" if late else "")
        self.table.setRowCount(0)
        red = QBrush(QColor(BAD_FG))
        for line in self.shown:
            row = self.table.rowCount()
            self.table.insertRow(row)
            due = display_date(line.due)
            if line.days_overdue:
                due += " " + self.tr("({days} days late)").format(days=line.days_overdue)
            for column, text in enumerate((line.barcode, line.title,
                                           display_date(line.loaned_on), due)):
                cell = QTableWidgetItem(text)
                if line.days_overdue:
                    cell.setForeground(red)
                self.table.setItem(row, column, cell)
        self.holds_line.setText(self._holds_text())
        self.holds_line.setVisible(bool(self.holds))
        self._enable()

    def _holds_text(self) -> str:
        parts = []
        for hold in self.holds:
            title = self._lib.catalog.record(hold.record_id).title
            if hold.status == "ready":
                parts.append(self.tr("“{title}” is kept for them until {day}").format(
                    title=title, day=display_date(hold.ready_until)))
            else:
                waiting = [h.id for h in self._lib.circulation.hold_queue(hold.record_id)
                           if h.status == "waiting"]
                position = waiting.index(hold.id) + 1 if hold.id in waiting else len(waiting)
                parts.append(self.tr("“{title}” (number {position} in the queue)").format(
                    title=title, position=position))
        return self.tr("Waiting for: {titles}").format(titles="; ".join(parts))

    def selected_loan(self) -> LoanLine | None:
        """The loan of the selected row."""
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < len(self.shown):
            return None
        return self.shown[row]

    def _enable(self) -> None:
        self.renew_button.setEnabled(self.selected_loan() is not None)

    def renew_selected(self) -> bool:
        """Renew the selected loan; the answer (new due date or why not) stays in view."""
        line = self.selected_loan()
        if line is None:
            return False
        try:
            result = self._lib.circulation.renew(line.barcode)
        except UserError as exc:  # this PC's date is behind the records: nothing renewed
            say(self.message, refusal_text(exc), ok=False)
            return False
        row = self.table.currentRow()
        self.show_patron(self.patron_id, keep_message=True)
        say(self.message, result.message, ok=result.ok)
        if 0 <= row < self.table.rowCount():
            self.table.selectRow(row)
        if result.ok:
            self.changed.emit()
        return result.ok
