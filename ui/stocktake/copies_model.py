"""A table model of copies (:class:`app.collection.models.CopyLine`) for lists of thousands:
at the start of a stocktake of 20,000 copies every one is "not found yet", and each scan
takes one out. A QTableWidget needed 0.5 s per scan to find the row; here it is a list
search by accession number."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.collection.models import CopyLine

Column = tuple[str, Callable[[CopyLine], str]]
_Index = QModelIndex | QPersistentModelIndex


class CopyTableModel(QAbstractTableModel):
    """Copies, one per row, with the given ``(header, text of a copy)`` columns."""

    def __init__(self, columns: Sequence[Column]) -> None:
        super().__init__()
        self._columns = list(columns)
        self._copies: list[CopyLine] = []

    def set_copies(self, copies: Sequence[CopyLine]) -> None:
        """Show *copies* (in their order)."""
        self.beginResetModel()
        self._copies = list(copies)
        self.endResetModel()

    def remove_barcode(self, barcode: str) -> bool:
        """Take out the copy *barcode* (case-insensitive); False when it is not listed."""
        wanted = barcode.casefold()
        for row, copy in enumerate(self._copies):
            if copy.barcode.casefold() == wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._copies[row]
                self.endRemoveRows()
                return True
        return False

    def copies(self) -> list[CopyLine]:
        """The copies shown, in order."""
        return list(self._copies)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._copies)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return self._columns[index.column()][1](self._copies[index.row()])

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section][0]
        return None
