"""The add/edit record form: the fields a school librarian fills, written as MARC by ``app``."""

from __future__ import annotations

from typing import TypedDict

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.catalog.models import RecordView
from app.errors import UserError
from app.library import Library
from ui.scanner import ACCEPTS_SCANS
from ui.widgets import error_label, fill_collections


class FormFields(TypedDict):
    """The form's fields beside the title, as ``Catalog.add_record``/``update_record`` take them."""

    authors: list[str]
    isbns: list[str]
    year: int | None
    classification: str | None
    publisher: str | None
    place: str | None
    subjects: list[str]
    series: str | None
    notes: str | None


def split_list(text: str) -> list[str]:
    """``"a; b\\nc"`` → ``["a", "b", "c"]`` (authors, subjects, ISBNs are entered this way)."""
    return [part.strip() for line in text.splitlines() for part in line.split(";")
            if part.strip()]


class RecordForm(QDialog):
    """Add a record (with its first copies) or edit one; ``record_id`` is set on success."""

    def __init__(self, lib: Library, record: RecordView | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._record = record
        self.record_id: int | None = record.id if record else None
        self.new_barcodes: list[str] = []
        self.setWindowTitle(self.tr("Edit record") if record else self.tr("New record"))
        self.setMinimumWidth(560)
        self.title = QLineEdit()
        self.authors = QLineEdit()
        self.authors.setPlaceholderText(self.tr("Separate several authors with ;"))
        self.publisher = QLineEdit()
        self.place = QLineEdit()
        self.year = QLineEdit()
        self.year.setMaxLength(4)
        self.year.setFixedWidth(80)
        self.isbn = QLineEdit()
        self.isbn.setProperty(ACCEPTS_SCANS, True)  # scanning the book's EAN fills it
        self.isbn.setPlaceholderText(self.tr("Scan or type; several with ;"))
        self.classification = QLineEdit()
        self.subjects = QLineEdit()
        self.subjects.setPlaceholderText(self.tr("Separate several subjects with ;"))
        self.series = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        form = QFormLayout()
        form.addRow(self.tr("Title *"), self.title)
        form.addRow(self.tr("Author(s)"), self.authors)
        form.addRow(self.tr("Publisher"), self.publisher)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("ISBN"), self.isbn)
        form.addRow(self.tr("Classification (DDC)"), self.classification)
        form.addRow(self.tr("Subjects"), self.subjects)
        form.addRow(self.tr("Series"), self.series)
        form.addRow(self.tr("Notes"), self.notes)
        self.copies = QSpinBox()
        self.copies.setRange(0, 500)
        self.collection = QComboBox()
        if record is None:
            self.copies.setValue(1)
            fill_collections(self.collection, lib)
            form.addRow(self.tr("Copies to add"), self.copies)
            form.addRow(self.tr("Collection"), self.collection)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if record is not None:
            self._fill(record)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, r: RecordView) -> None:
        self.title.setText(r.title)
        self.authors.setText("; ".join(r.authors))
        self.publisher.setText(r.publisher or "")
        self.place.setText(r.place or "")
        self.year.setText(str(r.year) if r.year else "")
        self.isbn.setText("; ".join(r.isbns))
        self.classification.setText(r.classification or "")
        self.subjects.setText("; ".join(r.subjects))
        self.series.setText(r.series or "")
        self.notes.setPlainText(r.notes or "")

    def save(self) -> None:
        """Write the record (and copies); on a mistake say what is wrong and stay open."""
        year_text = self.year.text().strip()
        if year_text and not year_text.isdigit():
            self.error.setText(self.tr("The year must be a number, e.g. 2019."))
            self.year.setFocus()
            return
        fields: FormFields = {
            "authors": split_list(self.authors.text()), "isbns": split_list(self.isbn.text()),
            "year": int(year_text) if year_text else None,
            "classification": self.classification.text().strip() or None,
            "publisher": self.publisher.text().strip() or None,
            "place": self.place.text().strip() or None,
            "subjects": split_list(self.subjects.text()),
            "series": self.series.text().strip() or None,
            "notes": self.notes.toPlainText().strip() or None,
        }
        try:
            if self._record is None:
                self.record_id = self._lib.catalog.add_record(self.title.text(), **fields)
                # From here a second Save edits this record instead of adding another one.
                self._record = self._lib.catalog.record(self.record_id)
                if self.copies.value():
                    items = self._lib.catalog.add_copies(
                        self.record_id, self.copies.value(),
                        collection=str(self.collection.currentData()))
                    self.new_barcodes = [item.barcode for item in items]
            else:
                self._lib.catalog.update_record(self._record.id, self.title.text(), **fields)
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
