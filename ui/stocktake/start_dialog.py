"""Choosing what a new stocktake covers: some collections and/or locations, or everything."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.library import Library


def _checklist(rows: list[tuple[str, int]], labels: dict[str, str] | None = None
               ) -> QListWidget:
    box = QListWidget()
    for name, count in rows:
        label = (labels or {}).get(name)
        shown = f"{name} — {label}" if label and label != name else (name or "–")
        item = QListWidgetItem(f"{shown}  ({count})")
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        box.addItem(item)
    return box


def _checked(box: QListWidget) -> list[str]:
    return [str(box.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(box.count())
            if box.item(n).checkState() == Qt.CheckState.Checked]


class StartStocktakeDialog(QDialog):
    """Collections and locations with their numbers of copies; nothing ticked = whole
    library. Enter starts, Esc cancels."""

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a stocktake"))
        collections, locations = lib.collection.scope_choices()
        # "GK — Sách giáo khoa (131)", as the collections are named everywhere else
        names = {code: str(scheme.get("label", "") or "")
                 for code, scheme in lib.catalog.schemes().items()}
        self.collections = _checklist(collections, names)
        self.locations = _checklist(locations)
        hint = QLabel(self.tr("Tick the collections and/or locations to count; tick nothing "
                              "to count the whole library."))
        hint.setWordWrap(True)
        columns = QHBoxLayout()
        for title, box in ((self.tr("Collections"), self.collections),
                           (self.tr("Locations"), self.locations)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(box)
            columns.addLayout(column)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        start = buttons.button(QDialogButtonBox.StandardButton.Ok)
        start.setText(self.tr("&Start"))
        start.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(columns)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def chosen_collections(self) -> list[str]:
        """The ticked collections (empty: all)."""
        return _checked(self.collections)

    def chosen_locations(self) -> list[str]:
        """The ticked locations (empty: all)."""
        return _checked(self.locations)
