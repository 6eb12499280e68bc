"""The add/edit record form: the fields a school librarian fills, written as MARC by ``app``."""

from __future__ import annotations

from typing import Any, TypedDict

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.catalog.isbn import to_isbn13
from app.catalog.models import RecordView
from app.errors import UserError
from app.library import Library
from ui.catalog.copy_dialogs import CopyDetails
from ui.form_dialog import FormDialog
from ui.format import library_today
from ui.scanner import ACCEPTS_SCANS
from ui.style import BAD_FG
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


class FormScroll(QScrollArea):
    """The form's fields, scrolling only when the screen is too short for them all (a
    1024 x 768 PC with a task bar): the dialog then keeps its Save button in sight and no
    field is drawn over another. It asks for the whole form's height (a plain scroll area
    asks for at most 24 lines), up to what the screen has room for."""

    # Room left on the screen for the title bar, the error line and the buttons.
    CHROME = 140

    def __init__(self, inner: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._inner = inner
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setStyleSheet("QScrollArea { background: transparent; }")
        self.viewport().setAutoFillBackground(False)
        inner.setAutoFillBackground(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the field Tab reaches is scrolled into sight
            app.focusChanged.connect(self._follow_focus)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        """The whole form, bounded by the screen's height."""
        inner = self._inner.sizeHint()
        width = inner.width() + self.verticalScrollBar().sizeHint().width()
        screen = self.screen()
        room = screen.availableGeometry().height() - self.CHROME if screen else inner.height()
        return QSize(width, max(120, min(inner.height(), room)))

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The whole field scrolled into sight (ensureWidgetVisible shows only a text box's
        cursor line, leaving the notes box half under the edge)."""
        inner = self._inner
        if new is None or not inner.isAncestorOf(new):
            return
        field = new
        while isinstance(outer := field.parentWidget(), (QAbstractSpinBox, QComboBox)):
            field = outer  # the line edit inside a spin box or combo box
        top = field.mapTo(inner, QPoint(0, 0)).y() - 8
        bottom = top + field.height() + 16
        bar = self.verticalScrollBar()
        value = bar.value()
        if bottom > value + self.viewport().height():
            value = bottom - self.viewport().height()
        bar.setValue(min(value, top))


# What a union record carries that the form has no field for; kept and saved with it.
_UNION_EXTRAS = ("volume", "language", "responsibility", "edition")


class RecordForm(FormDialog):
    """Add a record (with its first copies) or edit one; ``record_id`` is set on success.

    Quick entry by ISBN (new records): the ISBN field comes first; scanning or typing an
    ISBN and pressing Enter looks it up. A record already in the catalog is offered
    instead (``open_existing(record_id)``, to add copies to it); otherwise the district's
    union catalog, as last synced to this PC, fills the empty fields.
    """

    open_existing = Signal(int)

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
        self.notes.setTabChangesFocus(True)  # Tab goes on to the copies, as in every field
        self._extras: dict[str, Any] = {}
        self.existing_id: int | None = None
        self.lookup_label = QLabel()
        self.lookup_label.setWordWrap(True)
        self.district_button = QPushButton(self.tr("&District catalog…"))
        self.district_button.setToolTip(self.tr(
            "Copy a record from the district's union catalog (works offline)"))
        self.district_button.clicked.connect(self.pick_from_district)
        self.existing_button = QPushButton(self.tr("&Open it to add copies"))
        self.existing_button.clicked.connect(self._open_existing)
        self.existing_button.hide()
        form = QFormLayout()
        if record is None:
            isbn_row = QHBoxLayout()
            isbn_row.addWidget(self.isbn, 1)
            isbn_row.addWidget(self.district_button)
            form.addRow(self.tr("ISBN"), isbn_row)
            # In a widget of its own, not a bare layout: QFormLayout asks a widget for its
            # height at the row's width, so a message wrapped on two lines gets both (as a
            # layout the row stayed as tall as the button, the lines cut at top and bottom).
            found = QWidget()
            found_row = QHBoxLayout(found)
            found_row.setContentsMargins(0, 0, 0, 0)
            found_row.addWidget(self.lookup_label, 1)
            found_row.addWidget(self.existing_button)
            form.addRow(found)
            self.isbn.installEventFilter(self)
            self.isbn.editingFinished.connect(self.look_up_isbn)
        form.addRow(self.tr("Title *"), self.title)
        form.addRow(self.tr("Author(s)"), self.authors)
        form.addRow(self.tr("Publisher"), self.publisher)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Year"), self.year)
        if record is not None:
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
            self.copy_details = CopyDetails(self, library_today(lib))
            self.copy_details.add_rows(form, brief=True)
            self.copies.valueChanged.connect(self._copies_changed)
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        fields = QWidget()
        fields.setLayout(form)
        form.setContentsMargins(0, 0, 4, 0)
        self.fields_scroll = FormScroll(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields_scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._looked_up = ""
        self._fit_screen()
        if record is not None:
            self._fill(record)
            self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.isbn.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit_screen(self) -> None:
        """Open as tall as the whole form where the screen allows (Qt's first size stops at
        two thirds of the screen, which scrolled the form on a 768 px screen for nothing)."""
        # The notes box shows three lines in the app's own type (60 px fixed was less than
        # its frame and padding needed with the app's style: its text was cut).
        self.notes.ensurePolished()
        lines = 3 * self.notes.fontMetrics().lineSpacing() + 2 * self.notes.frameWidth() + 16
        self.notes.setFixedHeight(max(lines, self.notes.minimumSizeHint().height()))
        screen = self.screen()
        if screen is None:
            return
        self.adjustSize()
        wanted = self.sizeHint().height()
        room = screen.availableGeometry().height() - 40  # the title bar
        self.resize(self.width(), max(self.height(), min(wanted, room)))

    # -- quick entry by ISBN ---------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Enter in the ISBN field (a scanner ends with it) looks the ISBN up instead of
        saving the half-filled form."""
        if obj is self.isbn and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.look_up_isbn(force=True)
                return True
        return super().eventFilter(obj, event)

    def look_up_isbn(self, force: bool = False) -> None:
        """Look the typed ISBN up in the catalog, then in the cached district catalog."""
        text = self.isbn.text().strip()
        if not force and text == self._looked_up:
            return
        self._looked_up = text
        self.existing_id = None
        self.existing_button.hide()
        isbns = [i for i in (to_isbn13(part) for part in split_list(text)) if i]
        self.lookup_label.setStyleSheet("")
        if not text:
            self.lookup_label.setText("")
            return
        if not isbns:  # in red: the scanner misread, or a digit was mistyped
            self.lookup_label.setStyleSheet(f"color: {BAD_FG};")
            self.lookup_label.setText(self.tr("This is not a valid ISBN: check the digits."))
            return
        for isbn in isbns:
            existing = self._lib.catalog.records_by_isbn(isbn)
            if existing:
                self._offer_existing(existing[0])
                return
        for isbn in isbns:
            hits = self._lib.sync.union_search(isbn, 1)["hits"]
            if hits:
                self.fill_from_union(int(hits[0]["id"]), overwrite=False)
                return
        self.lookup_label.setText(self.tr(
            "Not in this library nor in the district catalog on this PC: type the record in."))
        self.title.setFocus()

    def _offer_existing(self, record_id: int) -> None:
        record = self._lib.catalog.record(record_id)
        copies = len(self._lib.catalog.items_of(record_id))
        self.existing_id = record_id
        self.lookup_label.setText(self.tr(
            "This library already has “{title}” ({count} copies).").format(
            title=record.title, count=copies))
        self.existing_button.show()
        self.existing_button.setFocus()

    def _open_existing(self) -> None:
        if self.existing_id is not None:
            self.open_existing.emit(self.existing_id)
            QDialog.reject(self)  # only the ISBN was typed, and it led to that record

    def pick_from_district(self) -> QDialog:
        """Search the cached district catalog (with the title or ISBN typed so far)."""
        from ui.catalog.district_picker import DistrictPicker

        text = self.title.text().strip() or self.isbn.text().strip()
        picker = DistrictPicker(self._lib, text, self)
        picker.accepted.connect(lambda: self._use_pick(picker.chosen_id))
        picker.open()
        return picker

    def _use_pick(self, union_id: int | None) -> None:
        if union_id is not None:
            self.fill_from_union(union_id)

    def fill_from_union(self, union_id: int, overwrite: bool = True) -> None:
        """Fill the form from a cached union record (only the empty fields unless
        *overwrite*); what the form has no field for is kept and saved with the record."""
        fields = self._lib.sync.union_record(union_id)
        values = {self.title: fields["title"], self.authors: "; ".join(fields["authors"]),
                  self.publisher: fields["publisher"] or "", self.place: fields["place"] or "",
                  self.year: str(fields["year"] or ""),
                  self.classification: fields["classification"] or "",
                  self.subjects: "; ".join(fields["subjects"]),
                  self.series: fields["series"] or "", self.isbn: "; ".join(fields["isbns"])}
        for widget, value in values.items():
            if value and (overwrite or not widget.text().strip()):
                widget.setText(value)
        if fields["notes"] and (overwrite or not self.notes.toPlainText().strip()):
            self.notes.setPlainText(fields["notes"])
        self._looked_up = self.isbn.text().strip()
        self._extras = {k: fields[k] for k in _UNION_EXTRAS if fields.get(k)}
        self.lookup_label.setText(self.tr(
            "Filled from the district catalog: check it, choose the copies, then Save."))
        self.copies.setFocus()

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

    def _copies_changed(self, count: int) -> None:
        """No copies, no copy details to fill in."""
        for field in (self.collection, self.copy_details.price, self.copy_details.source):
            field.setEnabled(count > 0)

    def _scanned_into_title(self) -> bool:
        """A new record's title that is nothing but an ISBN is a book's barcode scanned after
        the form had moved on to the title (the scanner's Enter would save a record titled
        with digits and give its copy an accession number for good): it goes back to the
        ISBN field and is looked up instead."""
        title = self.title.text().strip()
        if self._record is not None or not title or to_isbn13(title) is None:
            return False
        self.title.clear()
        self.isbn.setText(title)
        self.isbn.setFocus()
        self.look_up_isbn(force=True)
        return True

    def save(self) -> None:
        """Write the record (and copies); on a mistake say what is wrong and stay open."""
        if self._scanned_into_title():
            return
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
            details = self.copy_details.for_new_copies() if self._record is None else {}
        except ValueError as exc:  # a price that is not one: nothing written
            self.error.setText(str(exc))
            self.copy_details.price.setFocus()
            return
        try:
            if self._record is None:
                self.record_id = self._lib.catalog.add_record(self.title.text(), **fields,
                                                              **self._extras)
                # From here a second Save edits this record instead of adding another one.
                self._record = self._lib.catalog.record(self.record_id)
                if self.copies.value():
                    items = self._lib.catalog.add_copies(
                        self.record_id, self.copies.value(),
                        collection=str(self.collection.currentData()), **details)
                    self.new_barcodes = [item.barcode for item in items]
            else:
                self._lib.catalog.update_record(self._record.id, self.title.text(), **fields)
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
