"""Printing a recorded document on a QPrinter, and the per-PC printer choices: which printers
exist, and each printer's calibration offsets (kept in QSettings, since a printer belongs to
this PC, not to the library's database)."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QSettings, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.labels.surface import Recording
from ui.labels.painter import paint_page

OFFSETS_KEY = "labels/printer_offsets"
LAST_PRINTER_KEY = "labels/printer"


class PrintFailed(RuntimeError):
    """The printer could not be opened (offline, removed, access denied)."""


def printer_names() -> list[str]:
    """The printers installed on this PC, the default one first."""
    names = list(QPrinterInfo.availablePrinterNames())
    default = QPrinterInfo.defaultPrinterName()
    if default in names:
        names.remove(default)
        names.insert(0, default)
    return names


def load_offsets(printer: str, settings: QSettings | None = None) -> tuple[float, float]:
    """The offsets (mm across, mm down) saved for *printer*; (0, 0) when none were."""
    table = _table(settings or QSettings())
    value = table.get(printer, [0.0, 0.0])
    try:
        return float(value[0]), float(value[1])
    except (TypeError, ValueError, IndexError):
        return 0.0, 0.0


def save_offsets(printer: str, x: float, y: float, settings: QSettings | None = None) -> None:
    """Remember *printer*'s offsets (the calibration result) on this PC."""
    settings = settings or QSettings()
    table = _table(settings)
    table[printer] = [round(x, 2), round(y, 2)]
    settings.setValue(OFFSETS_KEY, json.dumps(table, ensure_ascii=False))


def _table(settings: QSettings) -> dict[str, list[float]]:
    try:
        table = json.loads(str(settings.value(OFFSETS_KEY, "{}") or "{}"))
    except ValueError:
        return {}
    return table if isinstance(table, dict) else {}


def prepare_printer(printer: QPrinter, document: Recording, name: str | None = None) -> None:
    """Set *printer* for *document*: its paper size, portrait, measured from the paper's edge
    (label sheets are), and the printer called *name* when given."""
    if name:
        printer.setPrinterName(name)
    printer.setFullPage(True)
    size = QPageSize(QSizeF(document.width_mm, document.height_mm), QPageSize.Unit.Millimeter)
    printer.setPageSize(size)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setDocName(document.title)


def print_document(document: Recording, printer: QPrinter,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> bool:
    """Paint every page of *document* on *printer* at the printer's own resolution, the page's
    top-left corner at the paper's top-left corner. Safe off the GUI thread (Qt paints on a
    QPrinter from any thread). Returns False when *cancelled* said stop (the job is aborted,
    nothing prints); raises :class:`PrintFailed` when the printer cannot be opened."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(printer.printerName() or printer.outputFileName())
    try:
        dpi_x, dpi_y = printer.logicalDpiX(), printer.logicalDpiY()
        if dpi_x != dpi_y:  # e.g. 600 × 300 dpi: draw in x units, stretch y
            painter.scale(1.0, dpi_y / dpi_x)
        for page in range(len(document.pages)):
            if cancelled is not None and cancelled():
                printer.abort()
                return False
            if page and not printer.newPage():
                raise PrintFailed(printer.printerName())
            paint_page(painter, document, page, dpi_x / 72)
            if progress is not None:
                progress(page + 1, len(document.pages))
    finally:
        painter.end()
    return True
