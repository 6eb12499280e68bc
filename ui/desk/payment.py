"""Taking money at the desk for fines and lost-book charges, from the keyboard only.

The dialog lists what the current reader owes and opens with the amount field holding the
whole debt, selected: Enter takes it all, or the librarian types the sum the reader brought
(it replaces the figure) and presses Enter; Esc closes without recording anything. The
receipt (:mod:`app.circulation.receipt`) is then previewed unless "In phiếu thu" (Alt+I;
"Print a receipt", Alt+P, in English) was unticked. A part
payment leaves the rest owed (the oldest debts are paid first). More than is owed, or an
amount beyond the ceiling, is refused in the dialog with the reason, which stays open.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QWidget,
)

from app.circulation.fines import Fine, format_dong, parse_dong
from app.errors import UserError
from app.library import Library
from app.text import thousands
from ui.format import display_date
from ui.refusal import refusal_text
from ui.widgets import error_label, wrap_lines


def debt_line(fine: Fine) -> str:
    """One debt as the desk shows it: when, what for, how much, and what part is paid."""
    if fine.kind == "lost":
        line = QCoreApplication.translate(
            "DeskDebts", "{date} · “{title}” ({barcode}) — lost, to replace: {amount}")
    else:
        line = QCoreApplication.translate(
            "DeskDebts", "{date} · “{title}” ({barcode}) — {days} days late: {amount}")
    text = line.format(date=display_date(fine.assessed_on), title=fine.title,
                       barcode=fine.barcode, days=fine.days_late, amount=fine.amount_text)
    if fine.partly_paid:
        text += " — " + QCoreApplication.translate(
            "DeskDebts", "paid {paid}, still owed {owed}").format(
                paid=format_dong(fine.paid), owed=format_dong(fine.owed))
    return text


class PaymentDialog(QDialog):
    """The reader *patron_id* pays all or part of what they owe. ``paid`` holds the fines
    that received money once accepted, ``received`` the sum taken."""

    def __init__(self, lib: Library, patron_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self.patron_id = patron_id
        self.paid: list[Fine] = []
        self.received = 0
        fines = lib.circulation.fines
        self.debts = sorted(fines.find(patron_id, outstanding=True),
                            key=lambda fine: (fine.assessed_on, fine.id))
        self.owed = sum(fine.owed for fine in self.debts)
        name = lib.patrons.get(patron_id).full_name
        self.setWindowTitle(self.tr("Take a payment"))
        self.setMinimumWidth(520)
        self.summary = QLabel(self.tr("{name} owes {amount}.").format(
            name=name, amount=format_dong(self.owed)))
        self.summary.setObjectName("sectionTitle")
        self.summary.setWordWrap(True)
        self.list = wrap_lines(QListWidget())
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setMaximumHeight(110)
        for fine in self.debts:
            self.list.addItem(debt_line(fine))
        self.amount = QLineEdit(thousands(self.owed))
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount.setToolTip(self.tr(
            "Type the sum the reader brings (e.g. 10.000); the rest stays owed. The oldest "
            "debts are paid first."))
        self.amount.selectAll()
        self.print_receipt = QCheckBox(self.tr("&Print a receipt"))
        self.print_receipt.setChecked(True)
        self.print_receipt.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its mnemonic; Enter stays here
        self.error = error_label()
        hint = QLabel(self.tr("Enter records the payment · Esc closes without recording"))
        hint.setObjectName("keysHint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record payment"))
        for button in buttons.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter stays with the amount
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.amount.returnPressed.connect(self.save)
        form = QFormLayout(self)
        form.addRow(self.summary)
        form.addRow(self.list)
        form.addRow(self.tr("Amount paid now (đ)"), self.amount)
        form.addRow("", self.print_receipt)
        form.addRow(self.error)
        form.addRow(hint)
        form.addRow(buttons)
        self.amount.setFocus()

    def save(self) -> bool:
        """Record the amount typed; stay open with the reason when it is refused."""
        if not self.amount.text().strip():
            return self._refuse(self.tr("Type the amount paid."))
        amount = parse_dong(self.amount.text())
        if amount is None:
            return self._refuse(self.tr("“{text}” is not an amount of đồng (e.g. 10.000).")
                                .format(text=self.amount.text()))
        try:
            self.paid = self._lib.circulation.fines.pay_debt(self.patron_id, amount)
        except UserError as exc:
            return self._refuse(refusal_text(exc))
        self.received = amount
        self.accept()
        return True

    def still_owed(self) -> int:
        """What the reader owes after this payment (đồng)."""
        return self._lib.circulation.fines.outstanding(self.patron_id)[0]

    def _refuse(self, message: str) -> bool:
        self.error.setText(message)
        self.amount.setFocus()
        self.amount.selectAll()
        return False
