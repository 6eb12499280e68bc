"""The stocktake view (kiểm kê): scanner-only, like the desk.

One big scan field (raw keystrokes: see :class:`ui.scanner.ScanField`), a coloured answer with
a sound per scan, the figures (expected / found / on loan / missing), and three lists: the
copies still missing in shelf order (print or save it as PDF), the copies on loan (accounted
for), and the figures per collection and location. Every scan is committed at once, so
closing the window — or a power cut — loses nothing; the same stocktake carries on next time.
Closing the stocktake asks what to do with the missing copies: mark them lost or leave them
for next time. The write-off dialog (biên bản thanh lý) opens from here too.

At 20,000 copies reading the lists takes a noticeable time (0.2 s on a quiet PC, over a second
on a slow or busy one) and marking the missing copies lost about a second: the lists are read
off the GUI thread, and only when something was written to the library since they were read
(switching back and forth between views costs nothing); the stocktake is closed off the GUI
thread too. Scans go on while the lists load.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.collection.models import CopyLine, StocktakeResult
from app.collection.stocktake import ScanAnswer, describe
from app.errors import UserError
from app.library import Library
from ui.desk.sound import DeskSounds
from ui.format import display_date, display_price
from ui.operations import Operation, Operations, Progress
from ui.refusal import refusal_text
from ui.scanner import ScanField
from ui.stocktake.copies_model import Column, CopyTableModel
from ui.style import BAD_FG, OK_FG, WARN_FG, show_banner

if TYPE_CHECKING:
    from app.labels.surface import Recording
    from ui.labels.document_view import DocumentPreviewDialog
    from ui.stocktake.writeoff_dialog import WriteoffDialog


def _table(headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _list_view(model: CopyTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setWordWrap(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _fit_column(view: QTableView, column: int, texts: Sequence[str]) -> None:
    """Widen *column* to its header and its longest texts, so that an accession number or a
    call number is read whole ("GK.000000…" told the librarian nothing). Only the longest
    few texts are measured: 20,000 copies cost nothing."""
    metrics = view.fontMetrics()
    longest = sorted(texts, key=len, reverse=True)[:20]
    width = max([metrics.horizontalAdvance(text) + 24 for text in longest]
                + [view.horizontalHeader().sectionSizeHint(column)])
    view.setColumnWidth(column, max(view.columnWidth(column), width))


def _fill(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))


class StocktakeView(QWidget):
    """Scan the shelves; ``changed`` fires after anything that wrote to the database."""

    changed = Signal()

    def __init__(self, lib: Library, operations: Operations, sounds: DeskSounds | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._operations = operations
        self.sounds = sounds or DeskSounds()
        self.last_answer: ScanAnswer | None = None
        self.close_box: QMessageBox | None = None
        self.document_preview: DocumentPreviewDialog | None = None
        self.writeoff_dialog: WriteoffDialog | None = None
        self.loading: Operation | None = None  # the lists being read, off the GUI thread
        self.closing: Operation | None = None  # the stocktake being closed
        self._loaded_at: tuple[int, int] | None = None  # the library's state the lists show
        self._load_again = False
        self._counted_while_loading: set[str] = set()

        self.heading = QLabel()
        self.heading.setObjectName("stocktakeHeading")
        bold = QFont(self.heading.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        self.heading.setFont(bold)
        self.start_button = QPushButton(self.tr("&Start a stocktake…"))
        self.start_button.clicked.connect(self.start_stocktake)
        self.close_button = QPushButton(self.tr("&Close the stocktake…"))
        self.close_button.clicked.connect(self.close_stocktake)
        self.print_button = QPushButton(self.tr("&Print the missing list…"))
        self.print_button.clicked.connect(self.print_missing)
        self.refresh_button = QPushButton(self.tr("&Refresh the lists"))
        self.refresh_button.clicked.connect(self.refresh)
        self.writeoff_button = QPushButton(self.tr("&Write-off record…"))
        self.writeoff_button.clicked.connect(self.open_writeoff)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.close_button, self.print_button,
                       self.refresh_button, self.writeoff_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.scan_field = ScanField()
        self.scan_field.setObjectName("stocktakeScan")
        self.scan_field.setPlaceholderText(self.tr("Scan the books on the shelf, one by one…"))
        big = QFont(self.scan_field.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        self.scan_field.setFont(big)
        self.scan_field.scanned.connect(self.scan)
        self.banner = QLabel()
        self.banner.setObjectName("stocktakeMessage")
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(64)
        self.banner.setFont(big)
        self.figures = QLabel()
        self.figures.setObjectName("stocktakeFigures")
        self.figures.setFont(bold)

        missing_columns: list[Column] = [
            (self.tr("Call number"), lambda c: c.call_number or "–"),
            (self.tr("Accession no."), lambda c: c.barcode), (self.tr("Title"), lambda c: c.title),
            (self.tr("Location"), lambda c: c.location or "–")]
        self.missing_model = CopyTableModel(missing_columns)
        self.missing_table = _list_view(self.missing_model)
        self.missing_table.setColumnWidth(0, 130)
        self.missing_table.setColumnWidth(1, 110)
        self.missing_table.setColumnWidth(2, 420)
        self.on_loan_model = CopyTableModel([
            (self.tr("Accession no."), lambda c: c.barcode), (self.tr("Title"), lambda c: c.title),
            (self.tr("Due"), lambda c: display_date(c.due_on))])
        self.on_loan_table = _list_view(self.on_loan_model)
        self.on_loan_table.setColumnWidth(0, 110)
        self.on_loan_table.setColumnWidth(1, 420)
        # each head whole from the start, not only once a list is read ("ý hiệu xếp giá")
        for table, columns in ((self.missing_table, (0, 1, 2)), (self.on_loan_table, (0, 1))):
            for column in columns:
                _fit_column(table, column, [])
        # The figures are read again once scanning pauses, not after every scan of a burst.
        self._figures_timer = QTimer(self)
        self._figures_timer.setSingleShot(True)
        self._figures_timer.setInterval(250)
        self._figures_timer.timeout.connect(self._show_figures)
        self.places_table = _table([self.tr("Collection"), self.tr("Location"),
                                    self.tr("Expected"), self.tr("Found"), self.tr("On loan"),
                                    self.tr("Missing")])
        self.tabs = QTabWidget()
        self.tabs.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tabs.addTab(self.missing_table, self.tr("Not found yet (shelf order)"))
        self.tabs.addTab(self.on_loan_table, self.tr("On loan"))
        self.tabs.addTab(self.places_table, self.tr("By collection and location"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.scan_field)
        layout.addWidget(self.banner)
        layout.addWidget(self.figures)
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def shutdown(self) -> None:
        """The window closes or lets go of the library (before a restore): the figures due a
        quarter second after a scan are not read from the closed library."""
        self._figures_timer.stop()

    # -- scanning --------------------------------------------------------------------------
    def take_scan(self, code: str) -> None:
        """A scan typed while focus was elsewhere in the window (the main window's filter)."""
        self.scan(code)

    def scan(self, code: str) -> None:
        """Account for one scanned copy and say so, with a sound."""
        before = self._library_state()
        try:
            answer = self._lib.collection.scan(code)
        except UserError as error:
            show_banner(self.banner, "bad", error.message)
            self.sounds.play("bad")
            self.focus_scan()
            return
        self.last_answer = answer
        kind = "bad" if answer.kind == "refused" else answer.kind
        show_banner(self.banner, kind, answer.message)
        self.sounds.play("bad" if kind == "bad" else "ok")
        if answer.counted and answer.copy is not None:
            self.missing_model.remove_barcode(answer.copy.barcode)
            self.on_loan_model.remove_barcode(answer.copy.barcode)
            if self.loading is not None:  # the lists on their way may still hold it
                self._counted_while_loading.add(answer.copy.barcode)
            self._figures_timer.start()
            self.changed.emit()
        if before == self._loaded_at:  # only this scan was written: the lists already show it
            self._loaded_at = self._library_state()
        self.focus_scan()

    # -- showing ---------------------------------------------------------------------------
    def _library_state(self) -> tuple[int, int]:
        """What changes whenever anything is written to the library: SQLite's data_version
        (commits by other connections: the CLI, background work) and the rows this window's
        connection changed (the desk, the catalog, this view)."""
        conn = self._lib.db.conn
        return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes

    def refresh_if_changed(self) -> None:
        """Read the lists again only if something was written since they were read."""
        if self._library_state() != self._loaded_at:
            self.refresh()

    def refresh(self) -> None:
        """Read the open stocktake again: heading and figures now, the two lists off the GUI
        thread (``loading`` until they arrive)."""
        self._loaded_at = self._library_state()
        opened = self._lib.collection.current_stocktake()
        closing = self.closing is not None
        self.close_button.setEnabled(opened is not None and not closing)
        self.print_button.setEnabled(opened is not None)
        self.start_button.setEnabled(opened is None)
        self.scan_field.setEnabled(opened is not None and not closing)
        if opened is None:
            self.heading.setText(self.tr("No stocktake is open."))
            show_banner(self.banner, "idle", self.tr(
                "Start a stocktake (Alt+S), then scan every book on the shelves. Scans are saved "
                "at once: you can stop and go on another day."))
            self.figures.setText("")
            self.missing_model.set_copies([])
            self.on_loan_model.set_copies([])
            self.places_table.setRowCount(0)
            return
        self.heading.setText(describe(opened))
        if not self.banner.text() or self.banner.property("kind") == "idle":
            show_banner(self.banner, "idle", self.tr("Scan the books on the shelf, one by one."))
        self._show_figures()
        self._load_lists()

    def _load_lists(self) -> None:
        if self.loading is not None:
            self._load_again = True  # what the running read returns may be older than asked
            return
        path = self._lib.path
        self._counted_while_loading = set()

        def read(_progress: Progress) -> tuple[list[CopyLine], list[CopyLine]]:
            with Library.open(path) as own:  # its own connection: the desk goes on meanwhile
                if own.collection.current_stocktake() is None:
                    return [], []
                return own.collection.missing(), own.collection.on_loan()

        operation = self._operations.run(read, title=self.tr("Reading the stocktake lists"),
                                         cancellable=False)
        self.loading = operation
        operation.succeeded.connect(self._show_lists)
        operation.failed.connect(self._lists_failed)
        operation.finished.connect(self._lists_loaded)

    def _lists_failed(self, exc: BaseException) -> None:
        self._loaded_at = None  # read them again next time the view is shown
        show_banner(self.banner, "bad", refusal_text(exc))

    def _show_lists(self, lists: tuple[list[CopyLine], list[CopyLine]]) -> None:
        counted = self._counted_while_loading
        missing, on_loan = ([c for c in copies if c.barcode not in counted] for copies in lists)
        if self._lib.collection.current_stocktake() is None:
            missing, on_loan = [], []  # closed while the lists were read
        self.missing_model.set_copies(missing)
        self.on_loan_model.set_copies(on_loan)
        _fit_column(self.missing_table, 0, [c.call_number or "" for c in missing])
        _fit_column(self.missing_table, 1, [c.barcode for c in missing])
        _fit_column(self.on_loan_table, 0, [c.barcode for c in on_loan])

    def _lists_loaded(self) -> None:
        self.loading = None
        self._counted_while_loading = set()
        if self._load_again:
            self._load_again = False
            self.refresh()

    def _show_figures(self) -> None:
        self._figures_timer.stop()
        if self._lib.collection.current_stocktake() is None:
            return
        progress = self._lib.collection.progress()
        self.figures.setText(self.tr(
            "Expected {expected} · found {found} · on loan {on_loan} · missing {missing}").format(
                expected=progress.expected, found=progress.found, on_loan=progress.on_loan,
                missing=progress.missing))
        _fill(self.places_table, [(line.collection or "–", line.location or "–",
                                   str(line.expected), str(line.found), str(line.on_loan),
                                   str(line.missing)) for line in progress.lines])
        colours = {3: OK_FG, 4: WARN_FG, 5: BAD_FG}
        for row in range(self.places_table.rowCount()):
            for column, colour in colours.items():
                cell = self.places_table.item(row, column)
                if cell is not None and cell.text() != "0":
                    cell.setForeground(QBrush(QColor(colour)))

    def focus_scan(self) -> None:
        """Give the scan field the keyboard again."""
        if self.isVisible() and self.scan_field.isEnabled():
            self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh_if_changed()
        self.focus_scan()

    # -- start and close -------------------------------------------------------------------
    def start_stocktake(self) -> QDialog:
        """Ask what to count, then open the stocktake (returns the dialog, open)."""
        from ui.stocktake.start_dialog import StartStocktakeDialog

        dialog = StartStocktakeDialog(self._lib, self)
        dialog.accepted.connect(lambda: self._start(dialog.chosen_collections(),
                                                    dialog.chosen_locations()))
        dialog.open()
        return dialog

    def _start(self, collections: list[str], locations: list[str]) -> None:
        try:
            self._lib.collection.start_stocktake(collections, locations)
        except UserError as error:
            show_banner(self.banner, "bad", error.message)
            self.sounds.play("bad")
            return
        show_banner(self.banner, "idle", self.tr("Scan the books on the shelf, one by one."))
        self.changed.emit()
        self.refresh()
        self.focus_scan()

    def close_stocktake(self) -> QMessageBox | None:
        """Ask what to do with the missing copies — mark them lost, or leave them for next
        time — then close the stocktake (the question is returned, open)."""
        if self._lib.collection.current_stocktake() is None:
            return None
        missing = self._lib.collection.progress().missing
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Close the stocktake"),
                          self.tr("{count} copies were not found. What should happen to "
                                  "them?").format(count=missing), parent=self)
        lost = box.addButton(self.tr("Mark them &lost"), QMessageBox.ButtonRole.AcceptRole)
        leave = box.addButton(self.tr("&Leave them for next time"),
                              QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(leave)
        box.setEscapeButton(cancel)

        def chosen(button: object) -> None:
            if button is lost or button is leave:
                self._close(mark_lost=button is lost)
            self.focus_scan()

        box.buttonClicked.connect(chosen)
        self.close_box = box
        box.open()
        return box

    def _close(self, mark_lost: bool) -> Operation:
        # About a second when 20,000 copies are marked lost (one transaction): off the GUI
        # thread, on its own connection, with no scanning meanwhile.
        path = self._lib.path

        def close(_progress: Progress) -> StocktakeResult:
            with Library.open(path) as own:
                return own.collection.close_stocktake(mark_lost=mark_lost)

        operation = self._operations.run(close, title=self.tr("Closing the stocktake"),
                                         dialog_parent=self, cancellable=False)
        self.closing = operation
        self.scan_field.setEnabled(False)
        self.close_button.setEnabled(False)
        operation.succeeded.connect(self._closed)
        operation.failed.connect(self._close_failed)
        return operation

    def _close_failed(self, exc: BaseException) -> None:
        self.closing = None
        show_banner(self.banner, "bad", refusal_text(exc))
        self.sounds.play("bad")
        self.refresh()
        self.focus_scan()

    def _closed(self, result: StocktakeResult) -> None:
        self.closing = None
        self.refresh()
        show_banner(self.banner, "ok", self.tr(
            "Stocktake closed: expected {expected}, present {present}, on loan {on_loan}, "
            "missing {missing}, marked lost {lost}.").format(
            expected=result.expected, present=result.present, on_loan=result.on_loan,
            missing=result.missing, lost=result.lost_marked))
        self.changed.emit()

    # -- printing and write-offs -----------------------------------------------------------
    def print_missing(self) -> Operation | None:
        """Draw the missing list off the GUI thread and preview it (print, save PDF)."""
        opened = self._lib.collection.current_stocktake()
        if opened is None:
            return None
        what = describe(opened)
        library_name = str(self._lib.settings.get("library_name", "") or "")
        today = self._lib.circulation.today()
        path = self._lib.path

        def draw(_progress: Progress) -> tuple[Recording, int]:
            from app.collection.printed import missing_document

            with Library.open(path) as own:  # the list read here too, not on the GUI thread
                copies = own.collection.missing()
            return missing_document(copies, what, library_name, today), len(copies)

        title = self.tr("Missing list")
        operation = self._operations.run(draw, title=title)
        operation.succeeded.connect(lambda drawn: self._show_document(
            drawn[0], title, f"danh-sach-thieu-{today.isoformat()}.pdf",
            self.tr("{count} copies not found").format(count=drawn[1])))
        operation.failed.connect(lambda exc: show_banner(self.banner, "bad", str(exc)))
        return operation

    def _show_document(self, document: Recording, title: str, file_name: str,
                       summary: str) -> None:
        from ui.labels.document_view import DocumentPreviewDialog

        dialog = DocumentPreviewDialog(document, self._operations, title, self,
                                       file_name=file_name, summary=summary)
        dialog.finished.connect(lambda _code: self.focus_scan())
        self.document_preview = dialog
        dialog.open()

    def _writeoff_made(self, dialog: WriteoffDialog) -> None:
        # Said in the banner: the dialog closes and the librarian was left wondering.
        made = dialog.made
        if made is None:
            return
        show_banner(self.banner, "ok", self.tr(
            "Write-off record {number} made: {count} copies, value {value} đ.").format(
                number=made.number, count=made.copies,
                value=display_price(made.total_value) or "0"))

    def open_writeoff(self) -> WriteoffDialog:
        """The write-off record dialog (returns it, open)."""
        from ui.stocktake.writeoff_dialog import WriteoffDialog

        dialog = WriteoffDialog(self._lib, self)
        dialog.accepted.connect(self.refresh)
        dialog.accepted.connect(lambda: self._writeoff_made(dialog))
        dialog.accepted.connect(self.changed.emit)
        dialog.finished.connect(lambda _code: self.focus_scan())
        self.writeoff_dialog = dialog
        dialog.open()
        return dialog
