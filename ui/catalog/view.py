"""The catalog: search-as-you-type, the record detail, the record form, copies, MARC in/out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.backup.durable import atomic_output
from app.catalog.import_history import repeat_note
from app.catalog.models import Item, SearchResult
from app.errors import UserError
from app.labels.selection import author_mark_rule
from app.library import Library
from ui.catalog.copy_dialogs import AddCopiesDialog, CopyEditActions
from ui.catalog.copy_status import CopyStatusActions
from ui.catalog.detail import RecordDetail
from ui.catalog.hold_dialog import HoldDialog
from ui.catalog.record_form import RecordForm
from ui.catalog.search_worker import MIN_CHARS, SearchWorker
from ui.file_dialogs import ask_open_path, ask_save_path
from ui.firstrun import texts as firstrun_texts
from ui.format import display_count
from ui.operations import Operations, Progress
from ui.widgets import fit_columns, list_table

DEBOUNCE_MS = 250
AUTHOR_WIDTH = 170  # pixels; the results' author column
TITLE_LEAST = 160  # pixels; the title column never gets less (the others give way)
SEARCH_MIN_WIDTH = 320  # pixels; narrower, the search field goes on a row of its own


class CatalogView(QWidget):
    """Find, read, add and edit records; import and export MARC files."""

    changed = Signal()

    def __init__(self, lib: Library, operations: Operations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._operations = operations
        self.current_id: int | None = None
        self.last_result: SearchResult | None = None
        self.last_query = ""  # the text last_result answers
        self.last_import: Any = None

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr(
            "Search title, author, subject, ISBN or accession number (2 letters or more)…"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumHeight(34)
        self.count_label = QLabel()
        self.result_labels_button = QPushButton(self.tr("Labels for all &results…"))
        self.result_labels_button.setToolTip(self.tr(
            "Print labels for every copy of the records found (Ctrl+Shift+L)"))
        self.result_labels_button.setEnabled(False)
        new_button = QPushButton(self.tr("&New record (Ctrl+N)"))
        import_button = QPushButton(self.tr("&Import MARC…"))
        export_button = QPushButton(self.tr("E&xport MARC…"))
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_field, 1)
        search_row.addWidget(self.count_label)
        self._buttons_row = QHBoxLayout()
        for button in (self.result_labels_button, new_button, import_button, export_button):
            self._buttons_row.addWidget(button)
        # The buttons go under the search field when beside it they would leave it too
        # narrow to read what is typed (90 px at 1024 × 768 in Vietnamese).
        self._top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.addLayout(search_row, 1)
        top.addLayout(self._buttons_row)
        top.setAlignment(self._buttons_row, Qt.AlignmentFlag.AlignRight)

        self.results = list_table([self.tr("Title"), self.tr("Author"), self.tr("Year"),
                                   self.tr("Call number"), self.tr("Copies")])
        header = self.results.horizontalHeader()
        # The title takes what is left and keeps at least 160 px; the other columns give up
        # width first (fit_columns), so that on a 1024 px screen the year, call number and
        # copies on the shelf stay in sight too (they were behind a scroll bar), and on a
        # 1366 px one a long author no longer leaves titles a few letters wide.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.resizeSection(1, AUTHOR_WIDTH)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.viewport().installEventFilter(self)
        self.results.currentCellChanged.connect(lambda row, *_: self._select_row(row))
        # Enter on a result (or a double click) opens its form, as in Patrons.
        self.results.activated.connect(lambda _index: self.edit_record())

        self.detail = RecordDetail()
        self.edit_button = QPushButton(self.tr("&Edit record…"))
        self.copies_button = QPushButton(self.tr("Add &copies…"))
        self.labels_button = QPushButton(self.tr("&Print labels…"))
        self.holds_button = QPushButton(self.tr("&Holds…"))
        self.holds_button.setToolTip(self.tr("Who is waiting for this book; put a reader in "
                                             "the queue by their card"))
        for button in (self.edit_button, self.copies_button, self.labels_button,
                       self.holds_button):
            button.setEnabled(False)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.copies_button)
        actions.addWidget(self.labels_button)
        actions.addWidget(self.holds_button)
        actions.addStretch(1)
        self.copy_actions = CopyStatusActions(lib, self.detail.selected_copy)
        self.detail.copies.itemSelectionChanged.connect(self.copy_actions.enable)
        self.copy_actions.changed.connect(self._copy_changed)
        self.copy_edits = CopyEditActions(lib, self.detail.selected_item)
        self.detail.copies.itemSelectionChanged.connect(self.copy_edits.enable)
        self.copy_edits.changed.connect(self._copy_changed)
        self.detail.copies.itemDoubleClicked.connect(lambda _cell: self.copy_edits.edit())
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.copy_actions)
        right_layout.addWidget(self.copy_edits)
        right_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.results)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([3000, 2000])  # results 3/5 of the width from the start

        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self._released = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(lambda _t: self._debounce.start())
        self.search_field.returnPressed.connect(self.run_search)
        self._worker = SearchWorker(lib.path, self)
        self._worker.found.connect(self._show_results)
        self._worker.failed.connect(lambda _t, message: self.count_label.setText(message))
        new_button.clicked.connect(self.new_record)
        import_button.clicked.connect(self.choose_import)
        export_button.clicked.connect(self.choose_export)
        self.edit_button.clicked.connect(self.edit_record)
        self.copies_button.clicked.connect(self.add_copies)
        self.labels_button.clicked.connect(self.print_labels)
        self.holds_button.clicked.connect(self.show_holds)
        self.result_labels_button.clicked.connect(self.print_result_labels)
        QShortcut(QKeySequence("Ctrl+Shift+L"), self).activated.connect(self.print_result_labels)
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.new_record)
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self.search_field.setFocus)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search_field)
        down.activated.connect(self.focus_results)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)

    def shutdown(self) -> None:
        """The window closes or lets go of the library (before a restore): a search typed and
        not yet run is not run (it said 'Searching…' for good, no answer ever coming), and the
        search thread ends."""
        self._released = True
        self._debounce.stop()
        self._worker.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """The results' width changed (window, splitter): fit their columns again."""
        if watched is self.results.viewport() and event.type() == QEvent.Type.Resize:
            fit_columns(self.results, keep=0, least=TITLE_LEAST)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Buttons beside the search field when it keeps room to read a query, else below."""
        margins = self._layout.contentsMargins()
        room = (event.size().width() - margins.left() - margins.right()
                - self._buttons_row.sizeHint().width() - self.count_label.sizeHint().width()
                - 3 * self._top.spacing())
        self._top.setDirection(QBoxLayout.Direction.LeftToRight if room >= SEARCH_MIN_WIDTH
                               else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        """Back from the desk (or any view): the results and the record shown count the
        copies lent and returned meanwhile, not as they were when last seen."""
        super().showEvent(event)  # type: ignore[arg-type]
        if self.current_id is not None:
            self.open_record(self.current_id)
        if self.search_field.text().strip():
            self.run_search()

    # -- search ----------------------------------------------------------------------------
    def run_search(self) -> None:
        """Ask the worker for the text in the field (nothing under two characters; nothing
        once the view is shut down)."""
        self._debounce.stop()
        if self._released:
            return
        text = self.search_field.text().strip()
        if len(text) < MIN_CHARS:
            self.results.setRowCount(0)
            self.count_label.setText("")
            self.last_result, self.last_query = None, ""
            self.result_labels_button.setEnabled(False)
            return
        self.count_label.setText(self.tr("Searching…"))
        self._worker.request(text)

    def focus_results(self) -> None:
        """Down arrow in the search field: go to the first result (and show it)."""
        if self.results.rowCount():
            self.results.setFocus()
            self.results.setCurrentCell(max(0, self.results.currentRow()), 0)

    def _show_results(self, text: str, result: SearchResult) -> None:
        if text != self.search_field.text().strip():
            return  # the user typed on: a newer answer is coming
        self.last_result, self.last_query = result, text
        self.result_labels_button.setEnabled(any(hit.items for hit in result.hits))
        self.results.setRowCount(0)
        for hit in result.hits:
            row = self.results.rowCount()
            self.results.insertRow(row)
            available = sum(1 for i in hit.items if i.status == "available")
            cells = (hit.title, hit.author or "", str(hit.year or ""), hit.call_number or "",
                     f"{available}/{len(hit.items)}")
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, hit.id)
                if column in (0, 1):  # cut short in a narrow window: whole on hover
                    cell.setToolTip(value)
                self.results.setItem(row, column, cell)
        fit_columns(self.results, keep=0, least=TITLE_LEAST)
        self.results.horizontalScrollBar().setValue(0)  # titles stay in view
        self._select_shown_record()
        # A broad query in a large catalog is counted only so far and estimated beyond.
        found = (self.tr("{count} found") if result.total_exact
                 else self.tr("≈ {count} found"))
        self.count_label.setText(found.format(count=display_count(result.total))
                                 if result.total else self.tr("No records found"))

    def _select_shown_record(self) -> None:
        """Keep the record shown beside the results selected among them (a new answer to the
        same search rebuilt the rows)."""
        for row in range(self.results.rowCount()):
            cell = self.results.item(row, 0)
            if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == self.current_id:
                blocked = self.results.blockSignals(True)
                self.results.setCurrentCell(row, 0)
                self.results.blockSignals(blocked)
                return

    def _select_row(self, row: int) -> None:
        cell = self.results.item(row, 0) if row >= 0 else None
        if cell is not None:
            self.open_record(int(cell.data(Qt.ItemDataRole.UserRole)))

    def open_record(self, record_id: int | None) -> None:
        """Show record *record_id* in the detail tabs."""
        if record_id != self.current_id:
            self.copy_actions.message.setText("")
        self.current_id = record_id
        record = self._lib.catalog.record(record_id) if record_id is not None else None
        items = self._lib.catalog.items_of(record_id) if record_id is not None else []
        self.detail.show_record(record, items, mark_rule=author_mark_rule(self._lib))
        self._show_copy_count(record_id, items)
        self.copy_actions.enable()
        for button in (self.edit_button, self.copies_button, self.labels_button,
                       self.holds_button):
            button.setEnabled(record is not None)
        self.labels_button.setEnabled(bool(items))

    def _show_copy_count(self, record_id: int | None, items: list[Item]) -> None:
        """The search result's "on the shelf / copies" cell for *record_id* as the copies are
        now (added, removed, lost or lent since the search), not as the search found them."""
        available = sum(1 for item in items if item.status == "available")
        for row in range(self.results.rowCount()):
            cell = self.results.item(row, 4)
            if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == record_id:
                cell.setText(f"{available}/{len(items)}")

    # -- editing ---------------------------------------------------------------------------
    def new_record(self) -> RecordForm:
        """Open the empty record form (non-blocking); the new record is shown when saved."""
        form = RecordForm(self._lib, None, self)
        form.accepted.connect(lambda: self._saved(form))
        form.open_existing.connect(self._add_copies_to)
        form.open()
        return form

    def _add_copies_to(self, record_id: int) -> None:
        """The ISBN typed in the new-record form is already here: show that record and ask
        how many copies to add."""
        self.open_record(record_id)
        self.add_copies()

    def edit_record(self) -> RecordForm | None:
        """Open the form on the record shown."""
        if self.current_id is None:
            return None
        form = RecordForm(self._lib, self._lib.catalog.record(self.current_id), self)
        form.accepted.connect(lambda: self._saved(form))
        form.open()
        return form

    def _saved(self, form: RecordForm) -> None:
        self.open_record(form.record_id)
        self.changed.emit()
        if self.search_field.text().strip():
            self.run_search()

    def add_copies(self) -> AddCopiesDialog | None:
        """Ask how many copies (and which collection) to add with the next accession numbers."""
        if self.current_id is None:
            return None
        dialog = AddCopiesDialog(self._lib, self.current_id, self)
        dialog.accepted.connect(self._copies_added)
        dialog.open()
        return dialog

    def show_holds(self) -> HoldDialog | None:
        """The hold queue of the record shown, where a reader is put in it by card."""
        if self.current_id is None:
            return None
        dialog = HoldDialog(self._lib, self.current_id, self)
        dialog.finished.connect(lambda _result: self._copies_added())
        dialog.open()
        dialog.card.setFocus()
        return dialog

    def _copy_changed(self) -> None:
        """A copy was marked lost/damaged/found, corrected or removed: show it anew, keep
        the same row selected."""
        chosen = self.detail.selected_copy()
        row = self.detail.copies.currentRow()
        self.open_record(self.current_id)
        if chosen is not None and 0 <= row < self.detail.copies.rowCount():
            self.detail.copies.selectRow(row)
        self.changed.emit()

    def _copies_added(self) -> None:
        self.open_record(self.current_id)
        self.changed.emit()

    def print_labels(self) -> None:
        """Labels for the copies of the record shown."""
        if self.current_id is None:
            return
        from ui.labels.dialog import LabelsDialog

        items = self._lib.catalog.items_of(self.current_id)
        LabelsDialog(self._lib, self._operations, items, self).open()

    def print_result_labels(self) -> QDialog | None:
        """Labels for every copy of the records the current search finds."""
        if not self.result_labels_button.isEnabled():
            return None
        from ui.labels.dialog import LabelsDialog

        dialog = LabelsDialog(self._lib, self._operations, (), self, how="search",
                              query=self.last_query)
        dialog.open()
        return dialog

    # -- MARC in and out -------------------------------------------------------------------
    def choose_import(self) -> None:
        """Pick a MARC file and import it."""
        path = ask_open_path(self, "marc", self.tr("Import MARC records"),
                             firstrun_texts.MARC_FILTER())
        if path:
            self.import_marc(Path(path))

    def import_marc(self, path: Path) -> Any:
        """Import *path* off the GUI thread with a progress bar and Cancel; report at the end."""
        db_path = self._lib.path

        def work(progress: Progress) -> Any:
            from app.library import Library

            with Library.open(db_path) as own:
                return own.catalog.import_marc(path, progress=progress.report,
                                               cancelled=progress.cancelled)

        operation = self._operations.run(work, title=self.tr("Importing {name}").format(
            name=path.name), dialog_parent=self, in_bytes=True)
        operation.succeeded.connect(self._imported)
        operation.failed.connect(self._fail_later)
        return operation

    def _imported(self, report: Any) -> None:
        self.last_import = report
        self.changed.emit()
        ImportReportDialog(report, self).open()
        if self.search_field.text().strip():
            self.run_search()

    def _fail_later(self, error: BaseException) -> None:
        """Say what went wrong once the progress bar is gone: a message box opened while the
        operation's signal runs blocks it, the bar left turning over the message."""
        QTimer.singleShot(0, lambda: self._failed(error))

    def _failed(self, error: BaseException) -> None:
        message = error.message if isinstance(error, UserError) else self.tr(
            "Unexpected error: {error}").format(error=error)
        QMessageBox.warning(self, self.tr("Catalog"), message)

    def choose_export(self) -> None:
        """Pick a file name and export every record with its copies."""
        path = ask_save_path(self, "marc", self.tr("Export MARC records"), "catalog.mrc",
                             self.tr("MARC 21 (ISO 2709) (*.mrc);;MARCXML (*.xml)"))
        if path:
            self.export_marc(Path(path), "marcxml" if path.endswith(".xml") else "iso2709")

    def export_marc(self, path: Path, fmt: str) -> Any:
        """Write the catalog to *path* off the GUI thread."""
        db_path = self._lib.path

        def work(_progress: Progress) -> Any:
            from app.library import Library

            with Library.open(db_path) as own, atomic_output(path) as out:
                return own.catalog.export_marc(out, fmt=fmt)

        operation = self._operations.run(work, title=self.tr("Exporting"), dialog_parent=self,
                                         cancellable=False)
        operation.succeeded.connect(lambda problems: QTimer.singleShot(
            0, lambda: self._exported(path, problems)))  # after the progress bar closes
        operation.failed.connect(self._fail_later)
        return operation

    def _exported(self, path: Path, problems: list[Any]) -> None:
        QMessageBox.information(
            self, self.tr("Export"), self.tr("Catalog written to {path}.").format(path=path)
            + (("\n" + self.tr("{count} record(s) were too long for ISO 2709 and were left out.")
                .format(count=len(problems))) if problems else ""))


class ImportReportDialog(QDialog):
    """What a MARC import did, and every record it left out with the reason."""

    def __init__(self, report: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("MARC import"))
        summary = self.tr("Imported {imported} record(s), merged {merged}, added {items} "
                          "copies; {skipped} skipped.").format(
            imported=display_count(report.imported), merged=display_count(report.merged),
            items=display_count(report.items), skipped=display_count(len(report.skipped_records)))
        if report.cancelled:
            summary = self.tr("Stopped by you.") + " " + summary
        if report.imported_before:  # the same file again: its numberless copies not doubled
            summary += "\n" + repeat_note(report.imported_before, report.copies_not_repeated)
        if report.other_holdings:  # a district union export: other libraries' 852s
            summary += "\n" + self.tr(
                "{count} holdings of other libraries (a union catalog's 852 fields, without "
                "accession numbers) were not made copies of this library.").format(
                count=display_count(report.other_holdings))
        if report.legacy_vietnamese:  # TCVN3 / VNI / Windows-1258 records converted
            summary += "\n" + report.legacy_note()
        # Records left out, and apart from them the copies left out of records that were
        # imported (their number already on another book): with the imported and merged
        # records the "skipped" figure counts the file's records, as the CLI's does.
        records, copies = report.skipped_records, report.skipped_copies
        if copies:
            summary += "\n" + self.tr(
                "{count} copies not added: their accession number is already on another "
                "book.").format(count=display_count(len(copies)))
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.skipped = QPlainTextEdit()
        self.skipped.setReadOnly(True)
        lines = [self.tr("Record {number} (byte {offset}): {reason}").format(
            number=s.number, offset=s.offset, reason=s.reason) for s in records]
        if records and copies:
            lines += ["", self.tr("Copies left out:")]
        lines += [self.tr("Copy of record {number} (byte {offset}): {reason}").format(
            number=s.number, offset=s.offset, reason=s.reason) for s in copies]
        self.skipped.setPlainText("\n".join(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if report.skipped:
            layout.addWidget(QLabel(self.tr("Records left out:") if records
                                    else self.tr("Copies left out:")))
            layout.addWidget(self.skipped, 1)
            self.resize(640, 420)
        else:
            # one line of figures: a 640×420 box around it was mostly empty
            self.summary.setMinimumWidth(420)
            self.setSizeGripEnabled(False)
        layout.addWidget(buttons)
