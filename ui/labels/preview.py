"""Preview and print a PDF that ``app/`` made (labels, cards, loan slips).

QtPdf is not part of pyside6-essentials, so pages are rendered to PNG by poppler's
``pdftoppm`` off the GUI thread (through :mod:`ui.operations`). Printing paints those page
images onto a ``QPrinter`` chosen in ``QPrintDialog`` at the printer's page size. Where
``pdftoppm`` is missing the dialog still saves the PDF and opens it in the system viewer.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.operations import Operations, Progress

PREVIEW_DPI = 110
PRINT_DPI = 300


def render_pages(pdf: Path, dpi: int, progress: Progress | None = None) -> list[Path]:
    """PNG files of every page of *pdf* at *dpi* (needs poppler's ``pdftoppm``)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise FileNotFoundError("pdftoppm")
    out = Path(tempfile.mkdtemp(prefix="thuvien-pages-"))
    subprocess.run([tool, "-r", str(dpi), "-png", str(pdf), str(out / "page")], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    pages = sorted(out.glob("page*.png"))
    if progress is not None:
        progress.report(len(pages), len(pages))
    return pages


class PdfPreviewDialog(QDialog):
    """Pages of one PDF, with Print…, Save PDF… and Close."""

    def __init__(self, pdf: Path, operations: Operations, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 700)
        self.pdf = pdf
        self._operations = operations
        self.page_files: list[Path] = []
        self._pages = QWidget()
        self._pages_layout = QVBoxLayout(self._pages)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.status = QLabel(self.tr("Preparing the preview…"))
        self._pages_layout.addWidget(self.status)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._pages)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setEnabled(False)
        save = QPushButton(self.tr("Save PDF…"))
        open_external = QPushButton(self.tr("Open in PDF viewer"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(open_external, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_pages)
        save.clicked.connect(self.save_pdf)
        open_external.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf))))
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.rendering = operations.run(lambda p: render_pages(pdf, PREVIEW_DPI, p),
                                        title=self.tr("Preview"))
        self.rendering.succeeded.connect(self._show_pages)
        self.rendering.failed.connect(self._no_preview)

    def _show_pages(self, files: list[Path]) -> None:
        self.page_files = list(files)
        self.status.setText(self.tr("{count} page(s)").format(count=len(files)))
        for file in files:
            label = QLabel()
            label.setPixmap(QPixmap(str(file)))
            label.setStyleSheet("background: white; border: 1px solid #cbd5e1;")
            self._pages_layout.addWidget(label)
        self.print_button.setEnabled(bool(files))

    def _no_preview(self, _error: object) -> None:
        self.status.setText(self.tr("No preview on this computer (poppler's pdftoppm is "
                                    "missing). Save the PDF or open it in a PDF viewer."))

    def save_pdf(self) -> None:
        """Copy the PDF where the user chooses."""
        target, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), self.pdf.name,
                                                self.tr("PDF files (*.pdf)"))
        if target:
            shutil.copyfile(self.pdf, target)

    def print_pages(self) -> None:
        """Choose a printer and print every page at the printer's page size."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)  # label sheets are measured from the paper's edge
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        files = render_pages(self.pdf, PRINT_DPI)
        painter = QPainter(printer)
        try:
            for index, file in enumerate(files):
                if index:
                    printer.newPage()
                image = QImage(str(file))
                page = printer.paperRect(QPrinter.Unit.DevicePixel)
                painter.drawImage(QRectF(0, 0, page.width(), page.height()), image)
        finally:
            painter.end()
