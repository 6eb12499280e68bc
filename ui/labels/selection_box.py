"""Which copies the label dialog prints: the copies of the record shown, copies added since a
date, an accession-number range, or every copy of a catalog search. The fields go into the
dialog's form; the count of copies selected is read off the GUI thread and shown as the choice
changes, so the librarian sees "60 copies" (or why nothing) before previewing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.errors import UserError
from app.labels.selection import ItemChoice, last_delivery_day
from app.library import Library
from ui.format import display_count, library_today, qdate
from ui.operations import Operation, Operations, Progress

COUNT_DELAY_MS = 300


class SelectionBox(QObject):
    """The choice of copies (:class:`ItemChoice`) and how many it selects."""

    counted = Signal(int)  # copies selected by the current choice (0 with the reason shown)

    def __init__(self, lib: Library, operations: Operations, barcodes: Sequence[str] = (), *,
                 how: str | None = None, query: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._operations = operations
        self._barcodes = tuple(barcodes)
        self.selected: int | None = None  # copies the current choice selects, once counted
        self.how = QComboBox()
        if self._barcodes:
            self.how.addItem(self.tr("The copies of this record"), "barcodes")
        self.how.addItem(self.tr("Copies added since a date"), "since")
        self.how.addItem(self.tr("An accession-number range"), "range")
        self.how.addItem(self.tr("Every copy of a catalog search"), "search")
        # The latest delivery's copies, however long ago they were bought (today selected
        # nothing after importing an old collection); today when there are no copies.
        delivered = last_delivery_day(lib)
        self.since = QDateEdit(qdate(delivered) if delivered else library_today(lib))
        self.since.setDisplayFormat("dd/MM/yyyy")
        self.since.setCalendarPopup(True)
        self.first = QLineEdit()
        self.first.setPlaceholderText("TK.00100")
        self.last = QLineEdit()
        self.last.setPlaceholderText("TK.00150")
        self.range = QWidget()
        row = QHBoxLayout(self.range)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.first, 1)
        row.addWidget(QLabel("–"))
        row.addWidget(self.last, 1)
        self.query = QLineEdit(query)
        self.query.setPlaceholderText(self.tr("Title, author, subject…"))
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.how.setCurrentIndex(max(0, self.how.findData(how)) if how else 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_DELAY_MS)
        self._timer.timeout.connect(self.recount)
        self.how.currentIndexChanged.connect(self._changed)
        self.since.dateChanged.connect(self._changed)
        for field in (self.first, self.last, self.query):
            field.textChanged.connect(self._changed)

    def rows(self) -> list[tuple[str, QWidget]]:
        """(label, field) pairs for the dialog's form."""
        return [(self.tr("Which copies"), self.how), (self.tr("Added on or after"), self.since),
                (self.tr("Accession numbers"), self.range), (self.tr("Search"), self.query),
                ("", self.count)]

    def visible_fields(self) -> set[QWidget]:
        """The fields the current choice uses (the dialog hides the others)."""
        how = self.how.currentData()
        by_choice: dict[str, QWidget] = {"since": self.since, "range": self.range,
                                         "search": self.query}
        shown: set[QWidget] = {self.how, self.count}
        if str(how) in by_choice:
            shown.add(by_choice[str(how)])
        return shown

    def choice(self) -> ItemChoice:
        """What the fields say now."""
        how = str(self.how.currentData())
        day = self.since.date()
        return ItemChoice(how, barcodes=self._barcodes if how == "barcodes" else (),
                          since=date(day.year(), day.month(), day.day()),
                          first=self.first.text(), last=self.last.text(), query=self.query.text())

    def _changed(self) -> None:
        self.selected = None
        self.count.setText(self.tr("Counting…"))
        self._timer.start()

    def recount(self) -> Operation:
        """Count the copies the current choice selects, off the GUI thread."""
        self._timer.stop()
        choice, db_path = self.choice(), self._lib.path
        self.count.setText(self.tr("Counting…"))

        def work(_progress: Progress) -> int:
            from app.labels.selection import select_items

            with Library.open(db_path) as own:
                return len(select_items(own, choice))

        operation = self._operations.run(work, title=self.tr("Counting the copies"))
        operation.succeeded.connect(lambda count: self._show(choice, count, ""))
        operation.failed.connect(lambda exc: self._show(
            choice, 0, exc.message if isinstance(exc, UserError) else str(exc)))
        return operation

    def _show(self, choice: ItemChoice, count: int, problem: str) -> None:
        if choice != self.choice():
            return  # the librarian changed the choice meanwhile: a newer count is coming
        self.selected = count
        self.count.setStyleSheet("color: #b91c1c;" if problem else "")
        self.count.setText(problem or self.tr("{count} copies selected").format(
            count=display_count(count)))
        self.counted.emit(count)
