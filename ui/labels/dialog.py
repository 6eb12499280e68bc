"""Choose what to print (item, spine or combined labels for copies; cards or the desk sheet for a
class; the calibration page), the sheet, the start label, the printer and its offsets; lay the
document out with ``app.labels`` off the GUI thread, then preview and print it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from app.catalog.models import Item
from app.errors import UserError
from app.labels.model import CardData, LabelItem
from app.labels.surface import Recording
from app.labels.templates import SheetTemplate
from app.library import Library
from ui.labels.printing import LAST_PRINTER_KEY, load_offsets, printer_names, save_offsets
from ui.operations import Operations, Progress
from ui.widgets import error_label

TEMPLATE_KEY = "labels/template/{kind}"


class LabelsDialog(QDialog):
    """Labels for *items* (copies), or cards for the patrons of *class_name*."""

    def __init__(self, lib: Library, operations: Operations, items: Sequence[Item] = (),
                 parent: QWidget | None = None, *, class_name: str | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        from app.labels import list_templates

        self._lib = lib
        self._operations = operations
        self._settings = settings or QSettings()
        self._barcodes = [item.barcode for item in items]
        self._class_name = class_name
        self._templates = list_templates()
        self.document: Recording | None = None
        self.preview: QDialog | None = None
        self.setWindowTitle(self.tr("Patron cards") if class_name else self.tr("Print labels"))
        self.kind = QComboBox()
        if class_name:
            self.kind.addItem(self.tr("Patron cards"), "cards")
            self.kind.addItem(self.tr("Desk sheet (names and barcodes)"), "class_sheet")
        else:
            self.kind.addItem(self.tr("Barcode labels"), "items")
            self.kind.addItem(self.tr("Spine labels"), "spine")
            self.kind.addItem(self.tr("Barcode and spine together"), "combined")
        self.kind.addItem(self.tr("Calibration page (plain paper)"), "calibration")
        self.template = QComboBox()
        self.start = QSpinBox()
        self.start.setToolTip(self.tr("On a partly used sheet: the first free label, counted "
                                      "left to right, top to bottom"))
        self.sheet_info = QLabel()
        self.sheet_info.setStyleSheet("color: #475569;")
        self.printer = QComboBox()
        names = printer_names()
        for name in names:
            self.printer.addItem(name, name)
        if not names:
            self.printer.addItem(self.tr("(no printer installed: save a PDF)"), "")
        last = str(self._settings.value(LAST_PRINTER_KEY, "") or "")
        if last in names:
            self.printer.setCurrentIndex(names.index(last))
        self.offset_x = QDoubleSpinBox()
        self.offset_y = QDoubleSpinBox()
        for spin in (self.offset_x, self.offset_y):
            spin.setRange(-20.0, 20.0)
            spin.setDecimals(1)
            spin.setSuffix(" mm")
            spin.setSingleStep(0.5)
        self.offset_x.setToolTip(self.tr("Positive moves the print right"))
        self.offset_y.setToolTip(self.tr("Positive moves the print down"))
        self.outlines = QCheckBox(self.tr("Draw label outlines (test print on plain paper)"))
        self.error = error_label()
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("{count} copies").format(count=len(self._barcodes))
                           if not class_name else self.tr("Class {name}").format(name=class_name)))
        form.addRow(self.tr("What"), self.kind)
        form.addRow(self.tr("Sheet"), self.template)
        form.addRow("", self.sheet_info)
        form.addRow(self.tr("Start at label"), self.start)
        form.addRow(self.tr("Printer"), self.printer)
        form.addRow(self.tr("Printer offset across"), self.offset_x)
        form.addRow(self.tr("Printer offset down"), self.offset_y)
        form.addRow(self.outlines)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = buttons.addButton(self.tr("Preview…"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.render)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.kind.currentIndexChanged.connect(self._fill_templates)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.printer.currentIndexChanged.connect(self._load_offsets)
        self._fill_templates()
        self._load_offsets()

    # -- choices -----------------------------------------------------------------------------
    def current_template(self) -> SheetTemplate:
        """The sheet chosen."""
        name = self.template.currentData()
        return next(t for t in self._templates if t.name == name)

    def _fill_templates(self) -> None:
        kind = str(self.kind.currentData())
        suited = [t for t in self._templates
                  if kind == "calibration" or not t.suited_for or kind in t.suited_for]
        remembered = str(self._settings.value(TEMPLATE_KEY.format(kind=kind), "") or "")
        self.template.blockSignals(True)
        self.template.clear()
        for template in suited or self._templates:
            self.template.addItem(template.title, template.name)
        index = self.template.findData(remembered)
        self.template.setCurrentIndex(max(0, index))
        self.template.blockSignals(False)
        self._template_changed()
        calibration = kind == "calibration"
        self.start.setEnabled(not calibration)
        self.outlines.setEnabled(not calibration)

    def _template_changed(self) -> None:
        if self.template.currentIndex() < 0:
            return
        t = self.current_template()
        self.start.setRange(1, t.per_sheet)
        self.sheet_info.setText(self.tr("{per} labels a sheet ({columns} across, {rows} down), "
                                        "each {width} × {height} mm").format(
            per=t.per_sheet, columns=t.columns, rows=t.rows, width=f"{t.label_width:g}",
            height=f"{t.label_height:g}"))

    def _load_offsets(self) -> None:
        x, y = load_offsets(self.printer_name(), self._settings)
        self.offset_x.setValue(x)
        self.offset_y.setValue(y)

    def printer_name(self) -> str:
        """The printer chosen ("" when none is installed)."""
        return str(self.printer.currentData() or "")

    def _remember(self, kind: str, template: str) -> None:
        printer = self.printer_name()
        if printer:
            save_offsets(printer, self.offset_x.value(), self.offset_y.value(), self._settings)
            self._settings.setValue(LAST_PRINTER_KEY, printer)
        self._settings.setValue(TEMPLATE_KEY.format(kind=kind), template)

    # -- work --------------------------------------------------------------------------------
    def render(self) -> Any:
        """Read the copies or patrons and lay the document out off the GUI thread, then open
        the preview."""
        from app.labels import PrintOptions

        kind = str(self.kind.currentData())
        calibration = kind == "calibration"
        options = PrintOptions(start=1 if calibration else self.start.value(),
                               offset_x=self.offset_x.value(), offset_y=self.offset_y.value(),
                               outlines=self.outlines.isChecked() and not calibration)
        template = self.current_template()
        self._remember(kind, template.name)
        db_path, barcodes, class_name = self._lib.path, self._barcodes, self._class_name

        def work(_progress: Progress) -> tuple[list[LabelItem] | list[CardData], Recording]:
            from app.labels.documents import make_document
            from app.labels.selection import cards_of_class, items_by_barcodes
            from app.library import Library

            values: list[LabelItem] | list[CardData] = []
            if not calibration:
                with Library.open(db_path) as own:
                    values = (cards_of_class(own, class_name) if class_name
                              else items_by_barcodes(own, barcodes))
            return values, make_document(kind, values, template, options)

        self.error.clear()
        operation = self._operations.run(work, title=self.tr("Laying out the labels"),
                                         dialog_parent=self, cancellable=False)
        operation.succeeded.connect(lambda result: self._preview(kind, template, options, *result))
        operation.failed.connect(lambda exc: self.error.setText(
            exc.message if isinstance(exc, UserError) else str(exc)))
        return operation

    def _preview(self, kind: str, template: SheetTemplate, options: Any,
                 values: list[LabelItem] | list[CardData], document: Recording) -> None:
        from app.labels.documents import make_document
        from ui.labels.document_view import DocumentPreviewDialog, SheetOverlay

        def for_printer(name: str) -> Recording:
            x, y = load_offsets(name, self._settings)
            return make_document(kind, values, template, replace(options, offset_x=x, offset_y=y))

        self.document = document
        title = f"{self.windowTitle()} — {self.kind.currentText()}"
        self.preview = DocumentPreviewDialog(
            document, self._operations, title, self.parentWidget(),
            printer_name=self.printer_name() or None,
            overlay=SheetOverlay(template, options.start), for_printer=for_printer,
            file_name=f"{kind}-{template.name}.pdf")
        self.preview.open()
        self.accept()
