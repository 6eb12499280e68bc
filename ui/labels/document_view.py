"""Preview and print a recorded document: labels, cards, the class desk sheet, the calibration
page, and the desk's loan slips and overdue letters (:mod:`app.circulation.printed`).

Pages are painted straight from the recording (:mod:`ui.labels.painter`) at the zoom shown,
so the preview is sharp at any size, shows the page in true millimetres at "Actual size", and
is what the printer gets. On label sheets the preview also outlines the sheet's labels and
greys out the ones before the start label (a partly used sheet) — on screen only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.labels.layout import slot_box
from app.labels.surface import MM, Recording
from app.labels.templates import SheetTemplate
from ui.file_dialogs import ask_save_path
from ui.labels.painter import paint_page
from ui.labels.printing import PrintFailed, prepare_printer, print_document
from ui.operations import Operation, Operations, Progress
from ui.widgets import error_label

PAGE_GAP = 16  # pixels between pages and around them
ZOOMS = ("fit", "actual", 1.5, 2.0, 3.0)


@dataclass(frozen=True)
class SheetOverlay:
    """What the preview adds on a label sheet: the sheet's own labels (at the template's
    position, not moved by the printer offsets) and the used ones before *start*."""

    template: SheetTemplate
    start: int = 1


class PageView(QWidget):
    """One page of a document, painted from its recording at ``scale`` pixels per point."""

    def __init__(self, document: Recording, page: int, overlay: SheetOverlay | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.page = page
        self.overlay = overlay
        self.scale = 1.0
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_scale(self, scale: float) -> None:
        """Show the page at *scale* pixels per point."""
        self.scale = scale
        self.setFixedSize(self.sizeHint())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(round(self.document.width_mm * MM * self.scale),
                     round(self.document.height_mm * MM * self.scale))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor(255, 255, 255))
            if self.overlay is not None:
                self._paint_sheet(painter, self.overlay)
            paint_page(painter, self.document, self.page, self.scale)
            painter.setPen(QPen(QColor(148, 163, 184), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        finally:
            painter.end()

    def _paint_sheet(self, painter: QPainter, overlay: SheetOverlay) -> None:
        t = overlay.template
        px = MM * self.scale
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for slot in range(1, t.per_sheet + 1):
            x, y = slot_box(t, slot)
            rect = QRectF(x * px, y * px, t.label_width * px, t.label_height * px)
            used = self.page == 0 and slot < overlay.start
            painter.setPen(QPen(QColor(147, 197, 253), 1))
            painter.setBrush(QColor(226, 232, 240) if used else QColor(248, 250, 252))
            painter.drawRoundedRect(rect, t.corner_radius * px, t.corner_radius * px)


class DocumentPreviewDialog(QDialog):
    """Every page of a document with zoom, Print… (on the printer chosen in the label dialog,
    changeable in the system print dialog), Save PDF… and Close. Enter prints, Esc closes.

    *for_printer* may return the document laid out with another printer's offsets when the
    user picks a different printer in the print dialog.
    """

    def __init__(self, document: Recording, operations: Operations, title: str,
                 parent: QWidget | None = None, *, printer_name: str | None = None,
                 overlay: SheetOverlay | None = None,
                 for_printer: Callable[[str], Recording] | None = None,
                 file_name: str = "labels.pdf", summary: str = "") -> None:
        super().__init__(parent)
        self.file_name = file_name
        self.setWindowTitle(title)
        # 820 × 760 where there is room; on a 1366 × 768 screen the buttons would be below its
        # edge, so the dialog keeps within the screen's free area (title bar and frame too).
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        self.resize(min(820, room.width() - 40) if room else 820,
                    min(760, room.height() - 60) if room else 760)
        self.document = document
        self.printer_name = printer_name
        self._operations = operations
        self._for_printer = for_printer
        self.zoom = QComboBox()
        self.zoom.addItem(self.tr("Fit width"), "fit")
        self.zoom.addItem(self.tr("Actual size"), "actual")
        for factor in ZOOMS[2:]:
            self.zoom.addItem(f"{factor:.0%}", factor)
        self.zoom.currentIndexChanged.connect(self._apply_zoom)
        pages = self.tr("{count} page(s)").format(count=len(document.pages))
        self.status = QLabel(f"{pages} · {summary}" if summary else pages)
        self.status.setWordWrap(True)
        self.error = error_label()
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        zoom_label = QLabel(self.tr("&Zoom"))
        zoom_label.setBuddy(self.zoom)
        top.addWidget(zoom_label)
        top.addWidget(self.zoom)
        self.pages: list[PageView] = []
        holder = QWidget()
        holder.setStyleSheet("background: #e2e8f0;")
        column = QVBoxLayout(holder)
        column.setSpacing(PAGE_GAP)
        column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for page in range(len(document.pages)):
            view = PageView(document, page, overlay)
            self.pages.append(view)
            column.addWidget(view, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pages_area = QScrollArea()
        self.pages_area.setWidgetResizable(True)
        self.pages_area.setWidget(holder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        self.print_button = QPushButton(self.tr("&Print…"))
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_pages)
        self.save_button.clicked.connect(self.save_pdf)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.pages_area, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        # Enter prints (Esc closes). Made default only now that the button is in the dialog:
        # set before, the dialog did not know it, and on showing took the first button in the
        # tab order as its default, "Close".
        self.print_button.setDefault(True)
        self._apply_zoom()

    # -- zoom ------------------------------------------------------------------------------
    def page_scale(self) -> float:
        """Pixels per point for the chosen zoom."""
        choice = self.zoom.currentData()
        width = self.document.width_mm * MM
        if choice == "fit":
            viewport = self.pages_area.viewport().width() - 2 * PAGE_GAP
            return max(0.2, viewport / width)
        actual = self._actual_scale()
        return actual if choice == "actual" else actual * float(choice)

    def _actual_scale(self) -> float:
        screen = self.screen()
        dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
        ratio = screen.devicePixelRatio() if screen is not None else 1.0
        return (dpi if 40 <= dpi <= 1000 else 96.0) / ratio / 72

    def _apply_zoom(self) -> None:
        scale = self.page_scale()
        for view in self.pages:
            view.set_scale(scale)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)  # type: ignore[arg-type]
        if self.zoom.currentData() == "fit":
            self._apply_zoom()

    # -- output ----------------------------------------------------------------------------
    def print_pages(self) -> None:
        """Choose the printer (the label dialog's one preselected) and print."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.document, self.printer_name)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: object) -> Operation:
        """Print on a set-up QPrinter off the GUI thread, with progress and Cancel; says in the
        dialog what happened. Returns the operation."""
        from PySide6.QtPrintSupport import QPrinter

        assert isinstance(printer, QPrinter)
        document = self.document
        name = printer.printerName()
        if self._for_printer is not None and name and name != self.printer_name:
            document = self._for_printer(name)  # that printer's own offsets
        target = name or printer.outputFileName()

        def work(progress: Progress) -> bool:
            return print_document(document, printer, progress.report, progress.cancelled)

        self.error.clear()
        operation = self._operations.run(work, title=self.tr("Printing"), dialog_parent=self)
        operation.succeeded.connect(lambda done: self.status.setText(
            self.tr("Sent {count} page(s) to {printer}").format(
                count=len(document.pages), printer=target) if done
            else self.tr("Printing cancelled: nothing was sent to {printer}").format(
                printer=target)))
        operation.failed.connect(self._print_failed)
        return operation

    def _print_failed(self, exc: object) -> None:
        if isinstance(exc, PrintFailed):
            self.error.setText(self.tr("The printer {name} could not be opened: check that it is "
                                       "switched on and connected.").format(name=str(exc)))
        else:
            self.error.setText(str(exc))

    def save_pdf(self) -> None:
        """Save the document as a PDF where the user chooses."""
        target = ask_save_path(self, "document", self.tr("Save PDF"), self.file_name,
                               self.tr("PDF files (*.pdf)"))
        if target:
            self.save_pdf_to(Path(target))

    def save_pdf_to(self, target: Path) -> object:
        """Write the PDF off the GUI thread; returns the operation."""
        from app.labels.pdf import to_pdf

        document = self.document

        def work(_progress: object) -> Path:
            target.write_bytes(to_pdf(document))
            return target

        operation = self._operations.run(work, title=self.tr("Saving the PDF"))
        operation.succeeded.connect(lambda path: self.status.setText(
            self.tr("Saved {file}").format(file=str(path))))
        operation.failed.connect(lambda exc: self.error.setText(str(exc)))
        return operation
