"""Small widgets several dialogs share."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QTableWidget

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
    give up width first, their headers shortened with "…", instead of the names being
    squeezed to "Nguyễn Thị…" or "…" on a 1024-pixel screen."""
    header = table.horizontalHeader()
    count = table.columnCount()
    if not count:
        return
    wanted = [max(table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in range(count)]
    room = table.viewport().width()
    others = sum(w for c, w in enumerate(wanted) if c != keep)
    name = max(room - others, min(wanted[keep], least))
    scale = min(1.0, max(0.0, room - name) / others) if others else 1.0
    widths = {c: max(40, int(w * scale)) for c, w in enumerate(wanted) if c != keep}
    over = sum(widths.values()) + name - room
    while over > 0:  # the 40-pixel floor gave some back: the widest columns give it up
        widest = max(widths, key=lambda c: widths[c])
        if widths[widest] <= 40:
            break
        taken = min(over, widths[widest] - 40)
        widths[widest] -= taken
        over -= taken
    for column, width in widths.items():
        header.resizeSection(column, width)
    header.resizeSection(keep, max(name, room - sum(widths.values())))
