"""Choose what to print (item, spine or combined labels for copies — the record's, those added
since a date, an accession-number range or every copy of a search; cards or the desk sheet for a
class; the calibration page), the sheet, the start label, the printer and its offsets; lay the
document out with ``app.labels`` off the GUI thread, then preview and print it.

Item, spine and combined labels can instead go to a thermal label printer: the dialog makes the
TSPL or ZPL job and sends it raw to the chosen printer (:mod:`app.labels.rawprint`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
from ui.file_dialogs import ask_save_path
from ui.labels.printing import LAST_PRINTER_KEY, load_offsets, printer_names, save_offsets
from ui.labels.selection_box import SelectionBox
from ui.labels.thermal_options import ThermalOptions
from ui.operations import Operations, Progress
from ui.widgets import error_label

TEMPLATE_KEY = "labels/template/{kind}"
OUTPUT_KEY = "labels/output"
LABEL_KINDS = ("items", "spine", "combined")


class LabelsDialog(QDialog):
    """Labels for copies — *items* (a record's copies), or the copies chosen in the dialog:
    *how* preselects ``"since"``, ``"range"`` or ``"search"`` (of *query*) — or cards for the
    patrons of *class_name*."""

    def __init__(self, lib: Library, operations: Operations, items: Sequence[Item] = (),
                 parent: QWidget | None = None, *, class_name: str | None = None,
                 settings: QSettings | None = None, how: str | None = None,
                 query: str = "", patron: tuple[int, str] | None = None) -> None:
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
        self.sent: tuple[int, str] | None = None  # (labels, job id) of the last raw job
        self.selection = None if class_name else SelectionBox(
            lib, operations, self._barcodes, how=how, query=query, parent=self)
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
        self.output = QComboBox()
        self.output.addItem(self.tr("Sheets of labels (A4 printer)"), "sheet")
        self.output.addItem(self.tr("Thermal label printer (roll)"), "thermal")
        self.thermal = ThermalOptions(self._settings, self)
        self.template = QComboBox()
        self.start = QSpinBox()
        self.start.setToolTip(self.tr("On a partly used sheet: the first free label, counted "
                                      "left to right, top to bottom"))
        self.sheet_info = QLabel()
        self.sheet_info.setStyleSheet("color: #475569;")
        self.printer = QComboBox()
        self.printer.setEditable(True)  # a shared printer may be typed: \\PC\Xprinter
        names = printer_names()
        for name in names:
            self.printer.addItem(name, name)
        last = str(self._settings.value(LAST_PRINTER_KEY, "") or "")
        if last:
            self.printer.setCurrentText(last)
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
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout(self)
        self._form = form
        # Cards: the whole class, or only the patron chosen in the list (a lost card).
        self.who = QComboBox()
        if class_name:
            self.who.addItem(self.tr("Class {name}").format(name=class_name), None)
            if patron is not None:
                self.who.addItem(self.tr("Only {name}").format(name=patron[1]), patron[0])
            form.addRow(self.tr("Cards for"), self.who)
        form.addRow(self.tr("What"), self.kind)
        if self.selection is not None:
            for label, field in self.selection.rows():
                form.addRow(label, field)
            self.selection.how.currentIndexChanged.connect(self._show_output)
        form.addRow(self.tr("Print on"), self.output)
        for label, field in self.thermal.rows():
            form.addRow(label, field)
        form.addRow(self.tr("Sheet"), self.template)
        form.addRow("", self.sheet_info)
        form.addRow(self.tr("Start at label"), self.start)
        form.addRow(self.tr("Printer"), self.printer)
        form.addRow(self.tr("Printer offset across"), self.offset_x)
        form.addRow(self.tr("Printer offset down"), self.offset_y)
        form.addRow(self.outlines)
        form.addRow(self.error)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = buttons.addButton(self.tr("&Preview…"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button = buttons.addButton(self.tr("Pr&int"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.save_job_button = buttons.addButton(self.tr("Save &job file…"),
                                                 QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.make_document)
        buttons.rejected.connect(self.reject)
        self.send_button.clicked.connect(self.send_thermal)
        self.save_job_button.clicked.connect(self.save_thermal_job)
        form.addRow(buttons)
        if not class_name:
            saved_output = str(self._settings.value(OUTPUT_KEY, "sheet") or "sheet")
            self.output.setCurrentIndex(max(0, self.output.findData(saved_output)))
        self.kind.currentIndexChanged.connect(self._fill_templates)
        self.output.currentIndexChanged.connect(self._show_output)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.printer.currentTextChanged.connect(self._load_offsets)
        self._fill_templates()
        self._load_offsets()
        if self.selection is not None:
            self.selection.recount()

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
        self._show_output()

    def thermal_chosen(self) -> bool:
        """True when the labels go to a thermal label printer."""
        return self.output.currentData() == "thermal" and self.kind.currentData() in LABEL_KINDS

    def _show_output(self) -> None:
        thermal = self.thermal_chosen()
        self._form.setRowVisible(self.output, self.kind.currentData() in LABEL_KINDS)
        for _label, field in self.thermal.rows():
            self._form.setRowVisible(field, thermal)
        if self.selection is not None:
            used = (self.selection.visible_fields()
                    if self.kind.currentData() in LABEL_KINDS else set())
            for _label, field in self.selection.rows():
                self._form.setRowVisible(field, field in used)
        editor = self.printer.lineEdit()
        if editor is not None:  # always: the combo box is editable
            editor.setPlaceholderText(
                self.tr("(no printer installed: type its name, or save the job file)")
                if thermal else self.tr("(no printer installed: save a PDF)"))
        for widget in (self.template, self.sheet_info, self.start, self.outlines):
            self._form.setRowVisible(widget, not thermal)
        self.preview_button.setVisible(not thermal)
        self.send_button.setVisible(thermal)
        self.save_job_button.setVisible(thermal)
        self.send_button.setDefault(thermal)
        self.preview_button.setDefault(not thermal)

    def _template_changed(self) -> None:
        if self.template.currentIndex() < 0:
            return
        t = self.current_template()
        self.start.setRange(1, t.per_sheet)
        self.sheet_info.setText(self.tr("{per} labels a sheet ({columns} across, {rows} down), "
                                        "each {width} × {height} mm").format(
            per=t.per_sheet, columns=t.columns, rows=t.rows,
            width=self.locale().toString(t.label_width, "g", 6),
            height=self.locale().toString(t.label_height, "g", 6)))

    def _load_offsets(self) -> None:
        x, y = load_offsets(self.printer_name(), self._settings)
        self.offset_x.setValue(x)
        self.offset_y.setValue(y)

    def printer_name(self) -> str:
        """The printer chosen or typed ("" when none)."""
        return self.printer.currentText().strip()

    def _remember(self, kind: str, template: str | None) -> None:
        printer = self.printer_name()
        if printer:
            save_offsets(printer, self.offset_x.value(), self.offset_y.value(), self._settings)
            self._settings.setValue(LAST_PRINTER_KEY, printer)
        if template is not None:
            self._settings.setValue(TEMPLATE_KEY.format(kind=kind), template)
        if kind in LABEL_KINDS:
            self._settings.setValue(OUTPUT_KEY, self.output.currentData())

    # -- work --------------------------------------------------------------------------------
    def make_document(self) -> Any:
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
        db_path, class_name = self._lib.path, self._class_name
        patron_id = self.who.currentData()
        choice = self.selection.choice() if self.selection is not None else None

        def work(_progress: Progress) -> tuple[list[LabelItem] | list[CardData], Recording]:
            from app.labels.documents import make_document
            from app.labels.selection import cards_of_class, cards_of_patrons, select_items
            from app.library import Library

            values: list[LabelItem] | list[CardData] = []
            if not calibration:
                with Library.open(db_path) as own:
                    if patron_id is not None:
                        values = cards_of_patrons(own, [int(patron_id)])
                    elif class_name:
                        values = cards_of_class(own, class_name)
                    elif choice is not None:
                        values = select_items(own, choice)
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
        title = self.windowTitle()
        if self.kind.currentText() != title:  # "Thẻ bạn đọc — Thẻ bạn đọc" said it twice
            title = f"{title} — {self.kind.currentText()}"
        # The sheet's own labels are drawn on screen only for label stock: the calibration
        # page and the desk sheet go on plain paper.
        on_stock = kind in (*LABEL_KINDS, "cards")
        summary = ""
        if on_stock:
            summary = self.tr("{count} label(s) from label {start}").format(
                count=len(values), start=options.start)
            if options.start > 1:
                summary += self.tr(" (the grey ones are already used)")
        self.preview = DocumentPreviewDialog(
            document, self._operations, title, self.parentWidget(),
            printer_name=self.printer_name() or None,
            overlay=SheetOverlay(template, options.start) if on_stock else None,
            for_printer=for_printer, file_name=f"{kind}-{template.name}.pdf", summary=summary)
        self.preview.open()
        self.accept()

    # -- thermal printers ------------------------------------------------------------------
    def _thermal_work(self) -> tuple[str, Any, Any]:
        """(kind, job maker, media) for the thermal job; the maker runs off the GUI thread."""
        from app.labels.thermal import tspl_job, zpl_job

        kind = str(self.kind.currentData())
        media = self.thermal.media(self.offset_x.value(), self.offset_y.value())
        make = tspl_job if self.thermal.job_language() == "tspl" else zpl_job
        self.thermal.remember()
        self._remember(kind, None)
        return kind, make, media

    def _thermal_job(self, kind: str, make: Any, media: Any) -> Callable[[], tuple[int, bytes]]:
        """A function for the worker thread: read the copies, return (count, job bytes)."""
        assert self.selection is not None  # thermal printing is for copies only
        db_path, choice = self._lib.path, self.selection.choice()

        def job() -> tuple[int, bytes]:
            from app.labels.selection import select_items
            from app.library import Library

            with Library.open(db_path) as own:
                items = select_items(own, choice)
            return len(items), make(kind, items, media)

        return job

    def send_thermal(self) -> Any:
        """Make the TSPL/ZPL job and send it raw to the chosen printer, off the GUI thread."""
        from app.labels.rawprint import send_raw

        job = self._thermal_job(*self._thermal_work())
        printer = self.printer_name()
        title = f"ThuVien — {self.kind.currentText()}"

        def work(_progress: Progress) -> tuple[int, str]:
            count, data = job()
            return count, send_raw(printer, data, title)

        self.error.clear()
        self.message.clear()
        operation = self._operations.run(work, title=self.tr("Sending to the printer"),
                                         dialog_parent=self, cancellable=False)
        operation.succeeded.connect(lambda result: self._sent(printer, *result))
        operation.failed.connect(self._failed)
        return operation

    def _sent(self, printer: str, count: int, job_id: str) -> None:
        self.sent = (count, job_id)
        self.message.setText(self.tr("Sent {count} label(s) to {printer}.").format(
            count=count, printer=printer))

    def _failed(self, exc: object) -> None:
        self.error.setText(exc.message if isinstance(exc, UserError) else str(exc))

    def save_thermal_job(self) -> None:
        """Save the TSPL/ZPL job as a file (to copy to the printer another way)."""
        suffix = self.thermal.job_language()
        target = ask_save_path(self, "printer-job", self.tr("Save job file"), f"labels.{suffix}",
                               self.tr("Printer jobs (*.{suffix})").format(suffix=suffix))
        if target:
            self.save_thermal_job_to(target)

    def save_thermal_job_to(self, target: str) -> Any:
        """Write the job to *target* off the GUI thread; returns the operation."""
        from pathlib import Path

        job = self._thermal_job(*self._thermal_work())

        def work(_progress: Progress) -> int:
            count, data = job()
            Path(target).write_bytes(data)
            return count

        self.error.clear()
        operation = self._operations.run(work, title=self.tr("Saving the job"))
        operation.succeeded.connect(lambda count: self.message.setText(
            self.tr("Saved {count} label(s) to {file}.").format(count=count, file=target)))
        operation.failed.connect(self._failed)
        return operation
