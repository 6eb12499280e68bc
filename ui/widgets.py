"""Small widgets several dialogs share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QWidget,
)

from app.library import Library


def error_label() -> QLabel:
    """The red, wrapping line under a form where a dialog says what went wrong."""
    label = QLabel()
    label.setStyleSheet("color: #b91c1c;")
    label.setWordWrap(True)
    return label


def fill_collections(combo: QComboBox, lib: Library) -> None:
    """List the library's collections (accession schemes) and select the default one."""
    for code, scheme in lib.catalog.schemes().items():
        combo.addItem(f"{code} — {scheme.get('label', code)}", code)
    default = str(lib.settings.get("default_collection", "TK") or "TK")
    combo.setCurrentIndex(max(0, combo.findData(default)))


def say(label: QLabel, text: str, ok: bool = True) -> None:
    """Show the outcome of a save in *label*: green when it worked, red with the reason if not."""
    label.setStyleSheet("color: #14532d;" if ok else "color: #b91c1c;")
    label.setText(text)


def grow_to_fit(window: QWidget) -> None:
    """Make *window* (a dialog) tall enough for every line of its wrapping labels once one has
    been given a long text: Qt keeps a window's first height, and a refusal of three lines
    was cut after one and a half."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    wanted = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    if wanted > window.height():
        window.resize(window.width(), wanted)


def wrap_lines(listing: QListWidget) -> QListWidget:
    """Lines of *listing* wrapped at its width, read whole: a debt's amount and what is still
    owed, at the end of its line, were past a horizontal scroll bar at 1280 px."""
    listing.setWordWrap(True)
    listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    listing.setResizeMode(QListWidget.ResizeMode.Adjust)
    listing.setTextElideMode(Qt.TextElideMode.ElideNone)
    return listing


def list_table(headers: list[str]) -> QTableWidget:
    """A read-only table with *headers* whose rows are chosen one at a time (results, loans)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    # Rows are chosen with the arrows; Tab leaves the table for the next field or button
    # (it walked cell by cell and never left: a keyboard-only desk was stuck in it).
    table.setTabKeyNavigation(False)
    return table


def fit_columns(table: QTableWidget, keep: int = 0, least: int = 200) -> None:
    """Size *table*'s columns to their contents with column *keep* (the names) taking the room
    left, and never less than *least* pixels (or its contents, if shorter): the other columns
    give up width first, a header wider than its column's contents first ("Mã học sinh" over
    empty cells, shortened with "…"), then the widest, instead of the names being squeezed to
    "Nguyễn Thị…" or "…" on a 1024-pixel screen. All columns stay in sight."""
    header = table.horizontalHeader()
    count = table.columnCount()
    if not count:
        return
    content = [table.sizeHintForColumn(c) for c in range(count)]
    wanted = [max(content[c], header.sectionSizeHint(c)) for c in range(count)]
    room = table.viewport().width()
    widths = {c: wanted[c] for c in range(count) if c != keep}
    name = max(room - sum(widths.values()), min(wanted[keep], least))
    # Whole, if the other headers' spare width (wider than their cells) makes room for it.
    spare = sum(max(0, widths[c] - max(content[c], 40)) for c in widths)
    name = max(name, min(wanted[keep], room - sum(widths.values()) + spare))
    over = sum(widths.values()) + name - room
    for floor in ({c: max(content[c], 40) for c in widths}, dict.fromkeys(widths, 40)):
        while over > 0:
            slack = {c: widths[c] - floor[c] for c in widths if widths[c] > floor[c]}
            if not slack:
                break
            column = max(slack, key=lambda c: widths[c])
            taken = min(over, slack[column])
            widths[column] -= taken
            over -= taken
    for column, width in widths.items():
        header.resizeSection(column, width)
    header.resizeSection(keep, max(name, room - sum(widths.values())))
