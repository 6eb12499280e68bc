"""The write-off record dialog (biên bản thanh lý): number, date, reason, who approved it, a
note, and the copies — scanned one by one (the scanner's Enter adds a copy; it never closes
the dialog) or all the copies the last stocktake did not find. A copy on loan or kept for a
hold is refused at once with the reason. Alt+K makes the record; Esc cancels (asking first
when something was typed or listed). Once made, its list of copies (danh sách sách thanh lý,
the paper the committee signs) is shown ready to print or save as PDF, unless unticked."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.collection.messages import REASONS
from app.collection.models import REASONS as REASON_CODES
from app.collection.models import CopyLine, WriteoffLine
from app.errors import UserError
from app.library import Library
from ui.form_dialog import FormDialog
from ui.format import display_price
from ui.labels.document_view import DocumentPreviewDialog
from ui.operations import Operations
from ui.scanner import ScanField
from ui.style import show_banner


class WriteoffDialog(FormDialog):
    """Make one write-off record; ``made`` holds it after the dialog is accepted. Esc with
    something typed or listed asks before losing it (:class:`ui.form_dialog.FormDialog`)."""

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self.copies: list[CopyLine] = []
        self.made: WriteoffLine | None = None
        self.list_preview: DocumentPreviewDialog | None = None
        self.setWindowTitle(self.tr("Write-off record"))
        self.number = QLineEdit()
        self.day = QDateEdit(QDate.currentDate())
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate.currentDate())
        self.reason = QComboBox()
        for code in REASON_CODES:
            self.reason.addItem(REASONS[code](), code)
        self.approved_by = QLineEdit()
        self.note = QLineEdit()
        self.scan_field = ScanField()
        self.scan_field.setObjectName("writeoffScan")
        self.scan_field.setPlaceholderText(self.tr("Scan or type an accession number, Enter"))
        self.scan_field.scanned.connect(self.add_code)
        form = QFormLayout()
        for text, field in ((self.tr("&Number:"), self.number), (self.tr("&Date:"), self.day),
                            (self.tr("&Reason:"), self.reason),
                            (self.tr("&Approved by:"), self.approved_by),
                            (self.tr("N&ote:"), self.note),
                            (self.tr("Cop&ies:"), self.scan_field)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Accession no."), self.tr("Title"),
                                              self.tr("Collection"), self.tr("Price")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel()
        self.from_stocktake = QPushButton(self.tr("Add the copies the last stocktake did not "
                                                  "&find"))
        self.from_stocktake.clicked.connect(self.add_from_stocktake)
        self.take_out = QPushButton(self.tr("&Take out of the list"))
        self.take_out.clicked.connect(self.remove_selected)
        self.make = QPushButton(self.tr("Ma&ke the record"))
        self.make.clicked.connect(self.make_record)
        self.print_list = QCheckBox(self.tr("Then show its list of copies to &print"))
        self.print_list.setChecked(True)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        for button in (self.from_stocktake, self.take_out, self.make, cancel):
            button.setAutoDefault(False)  # Enter from the scanner adds a copy, nothing else
        row = QHBoxLayout()
        row.addWidget(self.from_stocktake)
        row.addWidget(self.take_out)
        row.addStretch(1)
        row.addWidget(self.make)
        row.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.answer)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.print_list)
        layout.addLayout(row)
        self.resize(760, 560)
        self._show_list()
        self.number.setFocus()

    def add_code(self, code: str) -> None:
        """Add the copy scanned as *code*, or say why it cannot be written off."""
        try:
            copy = self._lib.collection.writeoff_copy(code)
        except UserError as error:
            show_banner(self.answer, "bad", error.message)
            return
        if any(c.item_id == copy.item_id for c in self.copies):
            show_banner(self.answer, "warn", self.tr("{barcode} is already on the list.").format(
                barcode=copy.barcode))
            return
        self.copies.append(copy)
        show_banner(self.answer, "ok", f"{copy.barcode} — {copy.title}")
        self._show_list()

    def add_from_stocktake(self) -> None:
        """Add every copy the last closed stocktake did not find (not written off since)."""
        closed = self._lib.collection.last_closed()
        found = self._lib.collection.not_found_at(closed) if closed else []
        known = {c.item_id for c in self.copies}
        added = [c for c in found if c.item_id not in known]
        if added and not self.copies:  # a record of the books the stocktake found lost
            self.reason.setCurrentIndex(REASON_CODES.index("lost"))
        self.copies.extend(added)
        show_banner(self.answer, "ok" if added else "warn", self.tr(
            "{count} copies added from the stocktake.").format(count=len(added)))
        self._show_list()

    def remove_selected(self) -> None:
        """Take the selected copies off the list."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        self.copies = [c for n, c in enumerate(self.copies) if n not in rows]
        self._show_list()

    def _show_list(self) -> None:
        self.table.setRowCount(len(self.copies))
        for row, copy in enumerate(self.copies):
            for column, text in enumerate((copy.barcode, copy.title, copy.collection or "–",
                                           display_price(copy.price))):
                cell = QTableWidgetItem(text)
                if column == 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(0)  # the accession number whole, not "GK.00000…"
        value = sum(c.price or 0 for c in self.copies)
        self.total.setText(self.tr("{count} copies, value {value} đ").format(
            count=len(self.copies), value=display_price(value) or "0"))

    def make_record(self) -> None:
        """Make the record; on a refusal the dialog stays open and says why."""
        day = self.day.date()
        try:
            self.made = self._lib.collection.create_writeoff(
                self.number.text(), str(self.reason.currentData()),
                [c.item_id for c in self.copies],
                day=day.toPython(),  # type: ignore[arg-type]
                approved_by=self.approved_by.text(), note=self.note.text())
        except UserError as error:
            show_banner(self.answer, "bad", error.message)
            return
        self.accept()
        if self.print_list.isChecked():
            self.list_preview = self.show_list_of_copies(self.made)

    def show_list_of_copies(self, made: WriteoffLine) -> DocumentPreviewDialog:
        """The list of copies of the record *made*, in a preview with Print… and Save PDF…
        (left open over the window the dialog came from)."""
        from app.reports.pdf import report_document

        document = report_document(self._lib.reports.writeoff_list(made.number, uuid=made.uuid))
        owner = self.parentWidget()
        number = re.sub(r"[^\w]+", "-", made.number).strip("-")
        preview = DocumentPreviewDialog(
            document, Operations(owner or self), self.tr("List of copies written off"), owner,
            file_name=f"danh-sach-thanh-ly-{number}.pdf" if number else "danh-sach-thanh-ly.pdf",
            summary=self.tr("{count} copies, value {value} đ").format(
                count=made.copies, value=display_price(made.total_value) or "0"))
        preview.open()
        return preview
