"""Choose a label sheet and options, render the PDF with ``app.labels`` off the GUI thread,
then preview and print it (item/spine labels for copies, cards for a class)."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

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
from app.library import Library
from ui.operations import Operations, Progress
from ui.widgets import error_label


class LabelsDialog(QDialog):
    """Labels for *items* (copies), or cards for the patrons of *class_name*."""

    def __init__(self, lib: Library, operations: Operations, items: Sequence[Item] = (),
                 parent: QWidget | None = None, *, class_name: str | None = None) -> None:
        super().__init__(parent)
        from app.labels import list_templates

        self._lib = lib
        self._operations = operations
        self._barcodes = [item.barcode for item in items]
        self._class_name = class_name
        self.pdf: Path | None = None
        self.setWindowTitle(self.tr("Patron cards") if class_name else self.tr("Print labels"))
        self.kind = QComboBox()
        if class_name:
            self.kind.addItem(self.tr("Patron cards"), "cards")
            self.kind.addItem(self.tr("Desk sheet (names and barcodes)"), "class_sheet")
        else:
            self.kind.addItem(self.tr("Barcode labels"), "items")
            self.kind.addItem(self.tr("Spine labels"), "spine")
            self.kind.addItem(self.tr("Barcode and spine together"), "combined")
        self.template = QComboBox()
        for template in list_templates():
            self.template.addItem(f"{template.title} ({template.per_sheet})", template.name)
        self.start = QSpinBox()
        self.start.setRange(1, 200)
        self.offset_x = QDoubleSpinBox()
        self.offset_y = QDoubleSpinBox()
        for spin in (self.offset_x, self.offset_y):
            spin.setRange(-20.0, 20.0)
            spin.setSuffix(" mm")
            spin.setSingleStep(0.5)
        self.outlines = QCheckBox(self.tr("Draw label outlines (test print on plain paper)"))
        self.error = error_label()
        count = len(self._barcodes) if not class_name else None
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("{count} copies").format(count=count) if count is not None
                           else self.tr("Class {name}").format(name=class_name)))
        form.addRow(self.tr("What"), self.kind)
        form.addRow(self.tr("Sheet"), self.template)
        form.addRow(self.tr("Start at label"), self.start)
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

    def render(self) -> Any:
        """Make the PDF off the GUI thread, then open the preview."""
        from app.labels import PrintOptions, load_template

        kind = str(self.kind.currentData())
        options = PrintOptions(start=self.start.value(), offset_x=self.offset_x.value(),
                               offset_y=self.offset_y.value(), outlines=self.outlines.isChecked())
        template_name = str(self.template.currentData())
        db_path, barcodes, class_name = self._lib.path, self._barcodes, self._class_name

        def work(_progress: Progress) -> Path:
            from app.labels import render_cards, render_class_sheet, render_labels
            from app.labels.selection import cards_of_class, items_by_barcodes
            from app.library import Library

            template = load_template(template_name)
            with Library.open(db_path) as own:
                if class_name:
                    cards = cards_of_class(own, class_name)
                    render = render_cards if kind == "cards" else render_class_sheet
                    data = render(cards, template, options)
                else:
                    data = render_labels(kind, items_by_barcodes(own, barcodes), template,
                                         options)
            target = Path(tempfile.mkdtemp(prefix="thuvien-labels-")) / f"{kind}.pdf"
            target.write_bytes(data)
            return target

        operation = self._operations.run(work, title=self.tr("Making the PDF"),
                                         dialog_parent=self, cancellable=False)
        operation.succeeded.connect(self._preview)
        operation.failed.connect(lambda exc: self.error.setText(
            exc.message if isinstance(exc, UserError) else str(exc)))
        return operation

    def _preview(self, path: Path) -> None:
        from ui.labels.preview import PdfPreviewDialog

        self.pdf = path
        PdfPreviewDialog(path, self._operations, self.windowTitle(), self.parentWidget()).open()
        self.accept()
