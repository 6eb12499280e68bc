"""One patron's fines under the patrons list: what is owed (and paid so far, for a fine paid
in parts), mark paid (what is still owed), waive with a reason. Part payments are taken at
the desk (Ctrl+T).

The panel stays hidden for a patron who never had a fine (a library that does not fine
never sees it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.circulation.fines import Fine, format_dong
from app.errors import UserError
from app.library import Library
from ui.format import display_date
from ui.refusal import refusal_text
from ui.style import BAD_FG, OK_FG, OVERDUE
from ui.widgets import error_label, list_table


class FinesPanel(QWidget):
    """Fines of the patron shown (newest first). ``changed`` fires after a payment or waive."""

    changed = Signal()

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self.patron_id: int | None = None
        self.shown: list[Fine] = []
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.table = list_table([
            self.tr("Date"), self.tr("Acc. no."), self.tr("Title"), self.tr("For"),
            self.tr("Amount"), self.tr("Status")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # the status (a waive's reason) is read whole; the title gives up room first and is
        # read whole in its tooltip
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.ResizeToContents)
        self.pay_button = QPushButton(self.tr("&Mark paid"))
        self.waive_button = QPushButton(self.tr("&Waive…"))
        self.pay_button.clicked.connect(self.pay_selected)
        self.waive_button.clicked.connect(self.waive_selected)
        self.message = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.title, 1)
        buttons.addWidget(self.pay_button)
        buttons.addWidget(self.waive_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.table.itemSelectionChanged.connect(self._enable)
        self.show_patron(None)

    def charged_for(self, fine: Fine) -> str:
        """What the fine is for: days late, or a lost book to replace."""
        if fine.kind == "lost":
            return self.tr("lost book")
        return self.tr("{days} days late").format(days=fine.days_late)

    def status_name(self, fine: Fine) -> str:
        """A fine's status in words, with when (and why, for a waive)."""
        if fine.status == "paid":
            return self.tr("paid {date}").format(date=display_date(fine.settled_at))
        if fine.status == "waived" and fine.paid:  # the rest waived: what came in stays in
            return self.tr("waived {date} after {paid} was paid: {reason}").format(
                date=display_date(fine.settled_at), paid=format_dong(fine.paid),
                reason=fine.reason or "")
        if fine.status == "waived":
            return self.tr("waived {date}: {reason}").format(
                date=display_date(fine.settled_at), reason=fine.reason or "")
        if fine.partly_paid:
            return self.tr("paid {paid}, still owed {owed}").format(
                paid=format_dong(fine.paid), owed=format_dong(fine.owed))
        return self.tr("not paid")

    def show_patron(self, patron_id: int | None) -> None:
        """Show *patron_id*'s fines (hidden when there are none)."""
        self.patron_id = patron_id
        self.shown = self._lib.circulation.fines.find(patron_id) if patron_id is not None else []
        self.message.setText("")
        self.setVisible(bool(self.shown))
        self.table.setRowCount(0)
        owed = [fine for fine in self.shown if fine.status == "outstanding"]
        self.title.setText(self.tr("Fines — not paid: {amount}").format(
            amount=format_dong(sum(fine.owed for fine in owed))))
        self.title.setStyleSheet(f"color: {OVERDUE};" if owed else "")
        red = QBrush(QColor(BAD_FG))
        for fine in self.shown:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = (display_date(fine.assessed_on), fine.barcode, fine.title,
                     self.charged_for(fine), fine.amount_text, self.status_name(fine))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, fine.id)
                if column in (2, 5):  # whole, where the column is too narrow for it
                    cell.setToolTip(text)
                if fine.status == "outstanding":
                    cell.setForeground(red)
                if column == 4:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        first_owed = next((i for i, fine in enumerate(self.shown)
                           if fine.status == "outstanding"), -1)
        if first_owed >= 0:
            self.table.selectRow(first_owed)
        self._enable()

    def selected_fine(self) -> Fine | None:
        """The fine of the selected row."""
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < len(self.shown):
            return None
        return self.shown[row]

    def _enable(self) -> None:
        fine = self.selected_fine()
        owed = fine is not None and fine.status == "outstanding"
        self.pay_button.setEnabled(owed)
        self.waive_button.setEnabled(owed)

    def pay_selected(self) -> Fine | None:
        """The patron paid the selected fine."""
        fine = self.selected_fine()
        if fine is None:
            return None
        # Money changes hands and there is no undo: say which fine before recording it.
        question = self.tr("Record that {name} paid {amount} for “{title}” ({barcode})?").format(
            name=fine.patron_name or "—", amount=format_dong(fine.owed), title=fine.title,
            barcode=fine.barcode)
        answer = QMessageBox.question(self, self.tr("Fine paid"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self._settle(lambda: self._lib.circulation.fines.pay(fine.id))

    def waive_selected(self) -> WaiveDialog | None:
        """Ask why (and who decides), then waive the selected fine."""
        fine = self.selected_fine()
        if fine is None:
            return None
        dialog = WaiveDialog(self._lib, fine, self)
        dialog.accepted.connect(lambda: self._done(dialog.waived))
        dialog.open()
        return dialog

    def _settle(self, action: Callable[[], Fine]) -> Fine | None:
        try:
            settled = action()
        except UserError as exc:
            self.message.setStyleSheet(f"color: {BAD_FG};")
            self.message.setText(refusal_text(exc))
            return None
        self._done(settled)
        return settled

    def _done(self, fine: Fine | None) -> None:
        self.show_patron(self.patron_id)
        if fine is not None:
            self.message.setStyleSheet(f"color: {OK_FG};")
            self.message.setText(self.tr("Fine of {amount}: {status}.").format(
                amount=fine.amount_text, status=self.status_name(fine)))
            self.setVisible(True)
        self.changed.emit()


class WaiveDialog(QDialog):
    """Waive one fine: the reason is required, the name of who decides is kept with it."""

    def __init__(self, lib: Library, fine: Fine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self.fine = fine
        self.waived: Fine | None = None
        self.setWindowTitle(self.tr("Waive a fine"))
        self.setMinimumWidth(460)
        if fine.kind == "lost":
            line = self.tr("{name}: “{title}” ({barcode}), lost book — {amount}")
        else:
            line = self.tr("{name}: “{title}” ({barcode}), {days} days late — {amount}")
        amount = fine.amount_text
        if fine.partly_paid:  # what is waived is the rest: say what came in already
            amount += " (" + QCoreApplication.translate(
                "FinesPanel", "paid {paid}, still owed {owed}").format(
                    paid=format_dong(fine.paid), owed=format_dong(fine.owed)) + ")"
        self.what = what = QLabel(line.format(name=fine.patron_name or "", title=fine.title,
                                              barcode=fine.barcode, days=fine.days_late,
                                              amount=amount))
        what.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. family in difficulty, book returned by post"))
        self.by = QLineEdit()
        self.by.setPlaceholderText(self.tr("your name (default: the computer's login)"))
        for field in (self.reason, self.by):  # the hints whole ("… sách gửi tr…" was cut)
            hint = field.fontMetrics().horizontalAdvance(field.placeholderText())
            field.setMinimumWidth(hint + 24)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Waive"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(what)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Decided by"), self.by)
        form.addRow(self.error)
        form.addRow(buttons)

    def save(self) -> bool:
        """Waive the fine; stay open with the reason when something is missing."""
        try:
            self.waived = self._lib.circulation.fines.waive(
                self.fine.id, self.reason.text(), by=self.by.text() or None)
        except UserError as exc:
            self.error.setText(refusal_text(exc))
            self.reason.setFocus()
            return False
        self.accept()
        return True

