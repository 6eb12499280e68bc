"""Adding copies with what the individual register records (price, date received, where
they came from), correcting one copy afterwards, and taking out a copy entered by mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.catalog.marc.holdings import parse_price
from app.catalog.models import ITEM_TYPES, Item
from app.circulation.rules import ITEM_TYPE_NAMES
from app.collection.messages import REASONS as REASON_NAMES
from app.collection.models import REASONS as REASON_CODES
from app.errors import UserError
from app.library import Library
from ui.form_dialog import FormDialog
from ui.format import day_of, display_price, library_today, qdate
from ui.widgets import error_label, fill_collections, say

UNKNOWN_DAY = QDate(1900, 1, 1)


class CopyDetails(QObject):
    """The register's details of a copy, as fields of a form: price, date received,
    source, shelf and note (shared by the add and edit dialogs). *today* is the library's
    date: the default and the latest date received."""

    def __init__(self, parent: QObject, today: QDate) -> None:
        super().__init__(parent)
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("e.g. 45.000 (đồng)"))
        self.acquired = QDateEdit(today)
        self.acquired.setDisplayFormat("dd/MM/yyyy")
        self.acquired.setCalendarPopup(True)
        self.acquired.setMaximumDate(today)
        # The earliest date stands for "not known" (copies imported without one).
        self.acquired.setMinimumDate(UNKNOWN_DAY)
        self.acquired.setSpecialValueText(self.tr("not known"))
        self.source = QComboBox()
        self.source.setEditable(True)
        for text in (self.tr("Purchase"), self.tr("Donation"),
                     self.tr("Allocated by the Department"), self.tr("Exchange")):
            self.source.addItem(text)
        self.source.setCurrentText("")
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("shelf or cupboard, e.g. Tủ 3"))
        self.note = QLineEdit()

    def add_rows(self, form: QFormLayout, brief: bool = False) -> None:
        """Put the fields into *form*, labelled; *brief*: only price and source (the new
        record form, which must fit a 768 px screen; received today, no shelf or note)."""
        form.addRow(self.tr("Price"), self.price)
        if brief:
            form.addRow(self.tr("Source"), self.source)
            return
        form.addRow(self.tr("Date received"), self.acquired)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Note"), self.note)

    def show_item(self, item: Item) -> None:
        """Fill the fields from *item*."""
        self.price.setText(display_price(item.price))
        day = date.fromisoformat(item.acquired_on) if item.acquired_on else None
        self.acquired.setDate(qdate(day) if day else UNKNOWN_DAY)
        self.source.setCurrentText(item.source or "")
        self.location.setText(item.location or "")
        self.note.setText(item.note or "")

    def values(self) -> dict[str, object]:
        """The fields as the catalog takes them; ValueError (in words) for a price that is
        not a number."""
        text = self.price.text().strip()
        price = parse_price(text) if text else None
        if text and price is None:
            raise ValueError(self.tr("“{text}” is not a price: write it in đồng, from 0 to "
                                     "1.000.000.000, e.g. 45.000.").format(text=text))
        chosen = self.acquired.date()
        return {"price": price,
                "acquired_on": None if chosen == UNKNOWN_DAY else day_of(chosen).isoformat(),
                "source": self.source.currentText(), "location": self.location.text(),
                "note": self.note.text()}


    def for_new_copies(self) -> dict[str, object]:
        """:meth:`values` as ``add_copies`` takes them: an empty text is "not given"."""
        return {k: v if k == "price" else v or None for k, v in self.values().items()}


class _CopyForm(FormDialog):
    """What the copy dialogs share: the register details' rows after the dialog's own, an
    error line, the buttons, and saving that shows why a value was refused instead of
    closing (nothing is written then)."""

    def __init__(self, lib: Library, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._lib = lib
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.error = error_label()
        self.form = QFormLayout(self)

    def _finish(self, ok: QDialogButtonBox.StandardButton,
                details: CopyDetails | None = None) -> QDialogButtonBox:
        if details is not None:
            details.add_rows(self.form)
        self.form.addRow(self.error)
        buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        return buttons

    def save(self) -> None:
        """Write what the form says; say what went wrong otherwise."""
        try:
            self._write()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()

    def _write(self) -> None:
        """Overridden: the catalog call that stores the form."""


class AddCopiesDialog(_CopyForm):
    """How many copies, in which collection, and their register details: they get the next
    accession numbers."""

    def __init__(self, lib: Library, record_id: int, parent: QWidget | None = None) -> None:
        super().__init__(lib, self.tr("Add copies"), parent)
        self._record_id = record_id
        self.added: list[str] = []
        self.count = QSpinBox()
        self.count.setRange(1, 500)
        self.collection = QComboBox()
        fill_collections(self.collection, lib)
        self._same_collection_as_before(lib, record_id)
        self.details = CopyDetails(self, library_today(lib))
        self.form.addRow(self.tr("Number of copies"), self.count)
        self.form.addRow(self.tr("Collection"), self.collection)
        self._finish(QDialogButtonBox.StandardButton.Ok, self.details)

    def _same_collection_as_before(self, lib: Library, record_id: int) -> None:
        """More copies of a book go where its last copy went (a children's book's copies
        were offered the library's default collection, TK, and got TK numbers unnoticed)."""
        copies = lib.catalog.items_of(record_id)
        if not copies:
            return
        code = max(copies, key=lambda item: item.id).collection
        if not code:
            return
        if self.collection.findData(code) < 0:  # an imported collection with no scheme
            self.collection.addItem(code, code)
        self.collection.setCurrentIndex(self.collection.findData(code))

    def _write(self) -> None:
        items = self._lib.catalog.add_copies(
            self._record_id, self.count.value(), collection=str(self.collection.currentData()),
            **self.details.for_new_copies())
        self.added = [item.barcode for item in items]


class EditCopyDialog(_CopyForm):
    """Correct one copy: its type, call number and register details."""

    def __init__(self, lib: Library, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(lib, self.tr("Copy {barcode}").format(barcode=item.barcode), parent)
        self._item = item
        self.item_type = QComboBox()
        for code in ITEM_TYPES:
            name = ITEM_TYPE_NAMES.get(code)
            self.item_type.addItem(name() if name else code, code)
        self.item_type.setCurrentIndex(max(0, self.item_type.findData(item.item_type)))
        self.call_number = QLineEdit(item.call_number or "")
        self.call_number.setPlaceholderText(self.tr("empty: the record's classification"))
        self.details = CopyDetails(self, library_today(lib))
        self.details.show_item(item)
        self.form.addRow(self.tr("Item type"), self.item_type)
        self.form.addRow(self.tr("Call number"), self.call_number)
        self._finish(QDialogButtonBox.StandardButton.Save, self.details)

    def _write(self) -> None:
        self._lib.catalog.update_item(self._item.id, item_type=self.item_type.currentData(),
                                      call_number=self.call_number.text(),
                                      **self.details.values())


class WithdrawDialog(_CopyForm):
    """Write off one copy (thanh lý): the write-off record's number goes into its note."""

    def __init__(self, lib: Library, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(lib, self.tr("Withdraw copy {barcode}").format(barcode=item.barcode),
                         parent)
        self._item = item
        self.withdrawn: Item | None = None
        what = QLabel(self.tr("Copy {barcode} leaves the collection (worn out, outdated…). It "
                              "stays in the catalog marked withdrawn and is no longer lent or "
                              "counted.").format(barcode=item.barcode))
        what.setWordWrap(True)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("e.g. BB số 12/2026 (may be left empty)"))
        self.reason = QComboBox()  # the register's part II says why (worn out first: most are)
        for code in REASON_CODES:
            self.reason.addItem(REASON_NAMES[code](), code)
        if item.status == "lost":  # a copy recorded lost is written off as lost, not worn
            self.reason.setCurrentIndex(max(0, self.reason.findData("lost")))
        self.form.addRow(what)
        self.form.addRow(self.tr("Write-off record"), self.reference)
        self.form.addRow(self.tr("Reason"), self.reason)
        buttons = self._finish(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Withdraw"))

    def _write(self) -> None:
        self.withdrawn = self._lib.catalog.withdraw_item(
            self._item.id, self.reference.text(), str(self.reason.currentData()))


class CopyEditActions(QWidget):
    """"Edit copy…", "Withdraw…" and "Remove copy…" for the copy *selected()* names (an
    Item or None); ``changed`` fires after a copy changed or went."""

    changed = Signal()

    def __init__(self, lib: Library, selected: Callable[[], Item | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._selected = selected
        self.dialog: EditCopyDialog | None = None
        self.question: QMessageBox | None = None
        self.edit_button = QPushButton(self.tr("Edit cop&y…"))
        self.remove_button = QPushButton(self.tr("Re&move copy…"))
        self.remove_button.setToolTip(self.tr(
            "Only for a copy entered by mistake that was never lent; its accession number is "
            "not given again. A copy that leaves the library is marked lost or withdrawn."))
        self.withdraw_button = QPushButton(self.tr("&Withdraw…"))
        self.withdraw_button.setToolTip(self.tr(
            "Write off a worn-out or outdated copy (thanh lý), with the write-off record's "
            "number; it stays in the catalog, marked withdrawn."))
        self.withdraw_dialog: WithdrawDialog | None = None
        self.message = error_label()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit_button)
        row.addWidget(self.withdraw_button)
        row.addWidget(self.remove_button)
        row.addWidget(self.message, 1)
        self.edit_button.clicked.connect(self.edit)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.remove_button.clicked.connect(self.ask_remove)
        self.enable()

    def _item(self) -> Item | None:
        return self._selected()

    def enable(self) -> None:
        """Enable the buttons when a copy is selected."""
        item = self._item()
        self.edit_button.setEnabled(item is not None)
        self.remove_button.setEnabled(item is not None and item.status == "available")
        self.withdraw_button.setEnabled(item is not None and item.status not in (
            "on_loan", "on_hold_shelf", "withdrawn"))
        self.message.clear()

    def withdraw(self) -> WithdrawDialog | None:
        """Ask for the write-off record, then withdraw the selected copy."""
        item = self._item()
        if item is None:
            return None
        dialog = WithdrawDialog(self._lib, item, self)
        dialog.accepted.connect(lambda: self._withdrawn(dialog))
        self.withdraw_dialog = dialog
        dialog.open()
        return dialog

    def _withdrawn(self, dialog: WithdrawDialog) -> None:
        self.changed.emit()
        if dialog.withdrawn is not None:
            say(self.message, self.tr("Copy {barcode} withdrawn.").format(
                barcode=dialog.withdrawn.barcode))

    def edit(self) -> EditCopyDialog | None:
        """Open the correction dialog for the selected copy."""
        item = self._item()
        if item is None:
            return None
        self.dialog = EditCopyDialog(self._lib, item, self)
        self.dialog.accepted.connect(self.changed.emit)
        self.dialog.open()
        return self.dialog

    def ask_remove(self) -> QMessageBox | None:
        """Ask before taking the selected copy out (non-blocking); returns the question."""
        item = self._item()
        if item is None:
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove copy"), self.tr(
            "Remove copy {barcode}, entered by mistake? Its accession number will not be "
            "given to another copy.").format(barcode=item.barcode),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.accepted.connect(lambda: self.remove(item))
        self.question = box
        box.open()
        return box

    def remove(self, item: Item) -> bool:
        """Take *item* out; say why not when the catalog refuses."""
        try:
            self._lib.catalog.remove_item(item.id)
        except UserError as exc:
            say(self.message, exc.message, ok=False)
            return False
        self.changed.emit()
        say(self.message, self.tr("Copy {barcode} removed.").format(barcode=item.barcode))
        return True
