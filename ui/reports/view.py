"""The Reports view: choose a register (individual, general, textbook, the loan books), the
statistics, the reading-room tally, the fines received, the annual report or the list of
copies of a write-off record, a period (a school year for the annual report, a write-off record by its number and
date for the list) and a collection; see the pages; save them as PDF or Excel, or print them.

Reports are made off the GUI thread (:mod:`ui.operations`) on a connection of their own; the
pages shown are the recording the PDF and the printer get (:mod:`app.reports.pdf`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.circulation.clock import display_date, library_today
from app.collection.models import WriteoffLine
from app.errors import UserError
from app.labels.surface import MM, Recording
from app.library import Library
from app.reports.period import Period
from app.reports.table import Report
from ui.file_dialogs import ask_save_path
from ui.format import display_price
from ui.labels.document_view import PAGE_GAP, PageView
from ui.operations import Operation, Operations, Progress
from ui.scanner import ENTER_KEYS, TYPING_ONLY
from ui.widgets import error_label, say

KINDS = ("individual", "general", "textbook", "loans-students", "loans-staff", "loans-all",
         "statistics", "tally", "fines", "annual", "writeoff")
WITH_COLLECTION = ("individual", "general", "textbook")
START_PRESET = {"statistics": "year", "tally": "month", "loans-students": "month",
                "loans-staff": "month", "loans-all": "month", "fines": "month"}
YEARS_BACK = 6  # school years offered for the annual report
PRESETS = ("year", "month", "last_month", "all", "chosen")
SCROLLBAR = 20  # pixels kept for the vertical scroll bar, so a page fits the width


@dataclass(frozen=True)
class Made:
    """What a background run hands back: the report, its pages, and the file written."""

    report: Report
    document: Recording
    written: Path | None = None


def make_report(path: Path, kind: str, collection: str | None, period: Period,
                pdf: Path | None = None, xlsx: Path | None = None,
                progress: Progress | None = None,
                writeoff: WriteoffLine | None = None) -> Made | None:
    """Compute *kind* on a connection of its own, draw its pages, and write *pdf* or *xlsx*
    when asked (safe off the GUI thread). None when *progress* says Cancel was pressed
    (no file is written then). The kind ``"writeoff"`` lists the copies of the record
    *writeoff* (the latest when None)."""
    from app.labels.pdf import to_pdf
    from app.reports.pdf import report_document

    def step(done: int) -> bool:
        if progress is None:
            return True
        progress.report(done, 3)
        return not progress.cancelled()

    with Library.open(path) as own:
        step(0)
        if kind == "writeoff":
            report = (own.reports.writeoff_list(writeoff.number, uuid=writeoff.uuid)
                      if writeoff is not None else own.reports.writeoff_list())
        else:
            report = own.reports.report(kind, collection, period)
        if not step(1):
            return None
        document = report_document(report)
        if not step(2):
            return None
        if pdf is not None:
            pdf.write_bytes(to_pdf(document))
        if xlsx is not None:
            xlsx.write_bytes(own.reports.render(report, "xlsx"))
        step(3)
    return Made(report, document, pdf or xlsx)


class ReportsView(QWidget):
    """Registers and statistics of one library (see the module's text)."""

    def __init__(self, lib: Library, operations: Operations, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.lib = lib
        self.operations = operations
        self.made: Made | None = None
        self.pages: list[PageView] = []
        self.kind = QComboBox()
        names = {"individual": self.tr("Individual register (sổ đăng ký cá biệt)"),
                 "general": self.tr("General register (sổ đăng ký tổng quát)"),
                 "textbook": self.tr("Textbook register (sổ đăng ký SGK)"),
                 "loans-students": self.tr("Loan book: students (sổ mượn học sinh)"),
                 "loans-staff": self.tr("Loan book: teachers and staff (sổ mượn giáo viên)"),
                 "loans-all": self.tr("Loan book: all readers (sổ mượn)"),
                 "statistics": self.tr("Statistics of a period"),
                 "tally": self.tr("Reading-room tally (phiếu thống kê lượt đọc)"),
                 "fines": self.tr("Fines received (sổ thu tiền phạt)"),
                 "annual": self.tr("Annual report of a school year (báo cáo năm học)"),
                 "writeoff": self.tr("List of copies written off (danh sách sách thanh lý)")}
        for key in KINDS:
            self.kind.addItem(names[key], key)
        self.preset = QComboBox()
        presets = {"year": self.tr("This school year"), "month": self.tr("This month"),
                   "last_month": self.tr("Last month"), "all": self.tr("Everything"),
                   "chosen": self.tr("Days typed below")}
        for key in PRESETS:
            self.preset.addItem(presets[key], key)
        self.start = QLineEdit()
        self.end = QLineEdit()
        for field in (self.start, self.end):
            field.setPlaceholderText(self.tr("dd/mm/yyyy"))
            field.setMaximumWidth(140)
            field.textEdited.connect(self._typed_days)
            # a day typed fast and Enter is a day, not a scan for the desk
            field.setProperty(TYPING_ONLY, True)
        self.year = QComboBox()
        first = int(lib.reports.school_year()[:4])
        for year in range(first, first - YEARS_BACK, -1):
            self.year.addItem(f"{year}-{year + 1}", year)
        self.writeoff = QComboBox()  # the write-off records, newest first (see _list_writeoffs)
        self.collection = QComboBox()
        self.collection.addItem(self.tr("All collections"), None)
        labels = lib.reports.collection_labels()
        for code in lib.reports.collection_codes():
            label = labels.get(code, "")
            self.collection.addItem(f"{code} — {label}" if label else code, code)
        self.show_button = QPushButton(self.tr("&Show"))
        self.show_button.setDefault(True)
        self.pdf_button = QPushButton(self.tr("Save P&DF…"))
        self.xlsx_button = QPushButton(self.tr("Save &Excel…"))
        self.print_button = QPushButton(self.tr("Pr&int…"))
        for button in (self.show_button, self.pdf_button, self.xlsx_button, self.print_button):
            button.setAutoDefault(True)  # Enter on a button Tab reached presses that button
        self.status = QLabel(self.tr("Choose a register and a period, then Show."))
        self.status.setWordWrap(True)
        self.error = error_label()
        self._build_layout()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.show_button.clicked.connect(lambda: self.run())
        self.pdf_button.clicked.connect(self.save_pdf)
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.print_button.clicked.connect(self.print_pages)
        self._kind_changed()

    def _build_layout(self) -> None:
        form = QFormLayout()
        rows = ((self.tr("&Register:"), self.kind), (self.tr("&Period:"), self.preset),
                (self.tr("Fro&m:"), self.start), (self.tr("U&ntil:"), self.end),
                (self.tr("School ye&ar:"), self.year),
                (self.tr("&Write-off record:"), self.writeoff),
                (self.tr("Co&llection:"), self.collection))
        for text, field in rows:
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QHBoxLayout()
        for button in (self.show_button, self.pdf_button, self.xlsx_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        holder = QWidget()
        holder.setStyleSheet("background: #e2e8f0;")
        self.column = QVBoxLayout(holder)
        self.column.setSpacing(PAGE_GAP)
        self.column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.pages_area = QScrollArea()
        self.pages_area.setWidgetResizable(True)
        self.pages_area.setWidget(holder)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addLayout(buttons)
        left.addWidget(self.status)
        left.addWidget(self.error)
        left.addStretch(1)
        side = QWidget()
        side.setLayout(left)
        side.setMaximumWidth(420)
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addWidget(self.pages_area, 1)

    # -- choices ---------------------------------------------------------------------------
    def _kind_changed(self) -> None:
        kind = str(self.kind.currentData())
        annual = kind == "annual"
        writeoff = kind == "writeoff"
        self.collection.setEnabled(kind in WITH_COLLECTION)
        self.year.setEnabled(annual)
        self.writeoff.setEnabled(writeoff)
        if writeoff:
            self._list_writeoffs()
        for field in (self.preset, self.start, self.end):
            field.setEnabled(not annual and not writeoff)
        self.preset.setCurrentIndex(PRESETS.index(START_PRESET.get(kind, "all")))
        self._preset_changed()

    def _list_writeoffs(self) -> None:
        """Read the write-off records again (one may have been made since): newest first,
        each with its number, date, copies and value, so the right one is picked."""
        chosen = self.chosen_writeoff()
        self.writeoff.clear()
        lines = self.lib.collection.writeoffs()[::-1]  # they come oldest first
        if not lines:
            self.writeoff.addItem(self.tr("No write-off record yet"), None)
            return
        widest = 0
        for line in lines:
            text = self.tr("{number}, {day}: {count} copies, {value} đ").format(
                number=line.number or "–", day=display_date(line.day), count=line.copies,
                value=display_price(line.total_value) or "0")
            self.writeoff.addItem(text, line)
            widest = max(widest, self.writeoff.fontMetrics().horizontalAdvance(text))
            self.writeoff.setItemData(self.writeoff.count() - 1, text,
                                      Qt.ItemDataRole.ToolTipRole)
        # the list opens as wide as its longest record, wider than the field if need be
        self.writeoff.view().setMinimumWidth(widest + 40)
        if chosen is not None:
            again = [n for n, line in enumerate(lines) if line.uuid == chosen.uuid]
            self.writeoff.setCurrentIndex(again[0] if again else 0)

    def chosen_writeoff(self) -> WriteoffLine | None:
        """The write-off record chosen, None when there is none."""
        line = self.writeoff.currentData()
        return line if isinstance(line, WriteoffLine) else None

    def _preset_changed(self) -> None:
        key = self.preset.currentData()
        if key == "chosen":
            return
        period = self.preset_period(key, library_today())
        self.start.setText(display_date(period.start) if period.start else "")
        self.end.setText(display_date(period.end) if period.end else "")

    def _typed_days(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(PRESETS.index("chosen"))
        self.preset.blockSignals(False)

    def preset_period(self, key: str, today: date) -> Period:
        """The days of preset *key* on *today*."""
        if key == "month":
            return Period(today.replace(day=1), today)
        if key == "last_month":
            last = today.replace(day=1) - timedelta(days=1)
            return Period.month(last.year, last.month)
        if key == "year":
            return Period(self.lib.reports.default_period().start, today)
        return Period()

    def choices(self) -> tuple[str, str | None, Period]:
        """The register, collection and period chosen (a bad day raises a UserError)."""
        kind = str(self.kind.currentData())
        collection = self.collection.currentData() if kind in WITH_COLLECTION else None
        if kind == "annual":
            return kind, None, Period.school_year(int(self.year.currentData()))
        return kind, collection, Period.read(self.start.text(), self.end.text())

    # -- work ------------------------------------------------------------------------------
    def run(self, pdf: Path | None = None, xlsx: Path | None = None,
            then: str = "") -> Operation | None:
        """Make the report chosen (and write *pdf* / *xlsx*) off the GUI thread; the pages
        appear when it is done. *then* "print" opens the print dialog afterwards."""
        self.error.clear()
        try:
            kind, collection, period = self.choices()
        except UserError as exc:
            self.error.setText(exc.message)
            return None
        path = self.lib.path
        writeoff = self.chosen_writeoff()

        def work(progress: Progress) -> Made | None:
            return make_report(path, kind, collection, period, pdf, xlsx, progress, writeoff)

        operation = self.operations.run(work, title=self.tr("Making the report"),
                                        dialog_parent=self)
        operation.succeeded.connect(lambda made: self._made(made, then))
        operation.failed.connect(self._failed)
        return operation

    def _failed(self, exc: object) -> None:
        self.error.setText(exc.message if isinstance(exc, UserError) else str(exc))

    def _made(self, made: Made | None, then: str) -> None:
        if made is None:
            say(self.status, self.tr("Cancelled: nothing was saved."), ok=False)
            return
        self.made = made
        self._show_pages(made.document)
        pages = self.tr("{pages} page(s), {rows} line(s)").format(
            pages=len(made.document.pages), rows=made.report.row_count())
        if made.written is not None:
            say(self.status, self.tr("Saved {file} ({pages})").format(file=str(made.written),
                                                                      pages=pages))
        else:
            say(self.status, f"{made.report.title.capitalize()}: {pages}")
        if then == "print":
            self._ask_printer(made.document)

    def _show_pages(self, document: Recording) -> None:
        for view in self.pages:
            self.column.removeWidget(view)
            view.deleteLater()
        self.pages = [PageView(document, page) for page in range(len(document.pages))]
        for view in self.pages:
            self.column.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
            view.show()  # the layout would show it only from the event loop, a moment later
        self._fit()

    def _fit(self) -> None:
        """Scale the pages to the preview's width."""
        if not self.pages:
            return
        width = self.pages[0].document.width_mm * MM
        room = self.pages_area.viewport().width() - 2 * PAGE_GAP - SCROLLBAR
        scale = max(0.3, room / width)
        for view in self.pages:
            view.set_scale(scale)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self.writeoff.isEnabled():  # a record may have been made elsewhere meanwhile
            self._list_writeoffs()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        """Enter anywhere in the view (a date field, a list) shows the report, as the
        default button of a dialog would; the view is no dialog, so nothing else does."""
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if event.key() in ENTER_KEYS and plain:
            event.accept()
            self.run()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit()

    # -- output ----------------------------------------------------------------------------
    def _file_name(self, suffix: str) -> str:
        names = {"individual": "so-dang-ky-ca-biet", "general": "so-dang-ky-tong-quat",
                 "textbook": "so-dang-ky-sgk", "statistics": "thong-ke",
                 "loans-students": "so-muon-hoc-sinh", "loans-staff": "so-muon-giao-vien",
                 "loans-all": "so-muon", "tally": "phieu-thong-ke-luot-doc",
                 "fines": "so-thu-tien-phat",
                 "annual": f"bao-cao-nam-hoc-{self.year.currentText()}",
                 "writeoff": "danh-sach-thanh-ly"}
        name = names[str(self.kind.currentData())]
        line = self.chosen_writeoff()
        if name == "danh-sach-thanh-ly" and line is not None and line.number:
            name += "-" + re.sub(r"[^\w]+", "-", line.number).strip("-")  # 05/TL → 05-TL
        return f"{name}{suffix}"

    def save_pdf(self) -> Operation | None:
        """Ask where, then make the report and write its PDF."""
        target = ask_save_path(self, "report", self.tr("Save PDF"), self._file_name(".pdf"),
                               self.tr("PDF files (*.pdf)"))
        return self.run(pdf=Path(target)) if target else None

    def save_xlsx(self) -> Operation | None:
        """Ask where, then make the report and write it as an Excel workbook."""
        target = ask_save_path(self, "report", self.tr("Save Excel"), self._file_name(".xlsx"),
                               self.tr("Excel workbooks (*.xlsx)"))
        return self.run(xlsx=Path(target)) if target else None

    def print_pages(self) -> Operation | None:
        """Make the report, then choose the printer and print it."""
        return self.run(then="print")

    def _ask_printer(self, document: Recording) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.prepare(printer, document)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer, document)

    @staticmethod
    def prepare(printer: object, document: Recording) -> None:
        """Set *printer* for *document*: A4, turned for the wide registers."""
        from PySide6.QtGui import QPageLayout, QPageSize
        from PySide6.QtPrintSupport import QPrinter

        assert isinstance(printer, QPrinter)
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        landscape = document.width_mm > document.height_mm
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                   else QPageLayout.Orientation.Portrait)
        printer.setDocName(document.title)

    def print_to(self, printer: object, document: Recording) -> Operation:
        """Print *document* on a set-up QPrinter off the GUI thread."""
        from PySide6.QtPrintSupport import QPrinter

        from ui.labels.printing import PrintFailed, print_document

        assert isinstance(printer, QPrinter)
        target = printer.printerName() or printer.outputFileName()

        def work(progress: Progress) -> bool:
            return print_document(document, printer, progress.report, progress.cancelled)

        operation = self.operations.run(work, title=self.tr("Printing"), dialog_parent=self)
        operation.succeeded.connect(lambda done: say(self.status, self.tr(
            "Sent {count} page(s) to {printer}").format(count=len(document.pages),
                                                        printer=target) if done
            else self.tr("Printing cancelled: nothing was sent to {printer}").format(
                printer=target)))
        operation.failed.connect(lambda exc: self.error.setText(
            self.tr("The printer {name} could not be opened: check that it is switched on and "
                    "connected.").format(name=str(exc)) if isinstance(exc, PrintFailed)
            else str(exc)))
        return operation
