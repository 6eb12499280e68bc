"""Copy cataloguing: find a record in this PC's copy of the district's union catalog and use
it to fill the new-record form. Works offline: the copy is what the last sync brought."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.library import Library
from ui.catalog.search_worker import SearchWorker
from ui.widgets import list_table

PAGE = 50
DEBOUNCE_MS = 250


def search_district(lib: Any, text: str) -> object:
    """The cached union catalog's hits for *text* (run on the search worker's thread)."""
    return lib.sync.union_search(text, PAGE)


def held_by(holdings: list[dict[str, Any]]) -> str:
    """Which libraries hold a union record, with their copies available/total as the
    catalog shows its own, for one table cell.

    >>> held_by([{"library_code": "TH01", "total": 2, "available": 1},
    ...          {"library_code": "TH07", "total": 1, "available": 1}])
    'TH01 1/2, TH07 1/1'
    """
    return ", ".join(f"{h.get('library_code', '?')} {h.get('available', 0)}/{h.get('total', 0)}"
                     for h in holdings)


class DistrictPicker(QDialog):
    """Search the cached union catalog; ``chosen_id`` is the union record picked."""

    def __init__(self, lib: Library, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("District union catalog"))
        self.setMinimumSize(760, 420)
        self.chosen_id: int | None = None
        self.hits: list[dict[str, Any]] = []
        cached = lib.sync.status().union_records
        self.hint = QLabel(self.tr(
            "Searches this computer's copy of the district catalog ({count} records), so it "
            "works without the network.").format(count=cached) if cached else self.tr(
            "This computer has no copy of the district catalog yet: enroll and sync first "
            "(Settings → District sync)."))
        self.hint.setWordWrap(True)
        self.search_field = QLineEdit(text)
        self.search_field.setPlaceholderText(self.tr(
            "Title, author, ISBN, subject, publisher, series or year:2020…"))
        self.search_field.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.results = list_table([self.tr("Title"), self.tr("Author"), self.tr("Year"),
                                   self.tr("ISBN"), self.tr("Held by")])
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.results.doubleClicked.connect(lambda _index: self.use_selected())
        self.use_button = QPushButton(self.tr("Use this record"))
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_selected)
        self.results.itemSelectionChanged.connect(
            lambda: self.use_button.setEnabled(self.results.currentRow() >= 0))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.search_field)
        layout.addWidget(self.count_label)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self._worker = SearchWorker(lib.path, self, run=search_district)
        self._worker.found.connect(self._show)
        self._worker.failed.connect(lambda _t, message: self.count_label.setText(message))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(lambda _t: self._debounce.start())
        self.search_field.returnPressed.connect(self._enter)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search_field)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self._to_results)
        self.finished.connect(lambda _code: self._worker.stop())
        self.search_field.setFocus()
        if text.strip():
            self.run_search()

    def run_search(self) -> None:
        """Search for the text in the field (in the background)."""
        self._debounce.stop()
        text = self.search_field.text().strip()
        if not text:
            self._show("", {"total": 0, "hits": []})
            return
        self.count_label.setText(self.tr("Searching…"))
        self._worker.request(text)

    def _show(self, _text: str, result: Any) -> None:
        self.hits = list(result["hits"])
        self.count_label.setText(self.tr("{count} found").format(count=result["total"]))
        self.results.setRowCount(len(self.hits))
        for row, hit in enumerate(self.hits):
            cells = [hit["title"], hit.get("author") or "", str(hit.get("year") or ""),
                     ", ".join(hit.get("isbn") or []), held_by(hit.get("holdings") or [])]
            for column, text in enumerate(cells):
                self.results.setItem(row, column, QTableWidgetItem(text))
        if self.hits:
            self.results.selectRow(0)

    def _enter(self) -> None:
        if self._debounce.isActive() or not self.hits:
            self.run_search()
        else:
            self.use_selected()

    def _to_results(self) -> None:
        if self.hits:
            self.results.setFocus()

    def use_selected(self) -> None:
        """Take the selected union record and close."""
        row = self.results.currentRow()
        if 0 <= row < len(self.hits):
            self.chosen_id = int(self.hits[row]["id"])
            self.accept()
