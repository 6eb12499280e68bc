"""One record: a readable view, its MARC tags, and its copies."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QWidget,
)

from app.catalog.models import Item, RecordView
from app.circulation.rules import ITEM_TYPE_NAMES
from app.labels.author_mark import AuthorMarkRule, author_mark
from app.labels.selection import spine_lines
from ui.format import display_date, display_price
from ui.widgets import fit_columns


def marc_lines(marc_storage: str) -> list[str]:
    """The record's MARC as tag lines: ``245 10 $a Tắt đèn / $c Ngô Tất Tố.``"""
    from app.catalog.marc import MarcRecord

    record = MarcRecord.from_storage(marc_storage)
    lines = [f"LDR    {record.leader}"]
    for f in record.fields:
        if f.is_control:
            lines.append(f"{f.tag}    {f.data}")
        else:
            subfields = " ".join(f"${code} {value}" for code, value in f.subfields)
            lines.append(f"{f.tag} {f.ind1.replace(' ', '_')}{f.ind2.replace(' ', '_')} {subfields}")
    return lines


class RecordDetail(QTabWidget):
    """Tabs: Record (readable), MARC (tags), Copies."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.readable = QTextBrowser()
        self.marc = QPlainTextEdit()
        self.marc.setReadOnly(True)
        mono = QFont("DejaVu Sans Mono")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.marc.setFont(mono)
        self.copies = QTableWidget(0, 5)
        # The status right after the number: last, it was off the panel's right edge at
        # 1366x768 ("đang giữ cho bạn đọc đặt" behind a horizontal scroll bar).
        self.copies.setHorizontalHeaderLabels([self.tr("Acc. no."), self.tr("Status"),
                                               self.tr("Collection"), self.tr("Type"),
                                               self.tr("Call number")])
        self.copies.verticalHeader().hide()
        self.copies.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.copies.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Each column as wide as its longest text ("kept for a hold", "Call number"), the call
        # number taking what is left: equal columns cut the status to "on lo…" in the panel.
        # At 1024 px the call number ("895.9223 HOÀ 2019") was cut to "895.9223 …": the
        # other columns give up width first (fit_columns), the headers wider than their cells
        # ("Collection" over "TK") before the rest.
        header = self.copies.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.copies.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.copies.viewport().installEventFilter(self)
        self.items: list[Item] = []
        self.addTab(self.readable, self.tr("Record"))
        self.addTab(self.marc, self.tr("MARC"))
        self.addTab(self.copies, self.tr("Copies"))
        self.show_record(None, [])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """The copies table's width changed: fit its columns again."""
        if watched is self.copies.viewport() and event.type() == QEvent.Type.Resize:
            fit_columns(self.copies, keep=4, least=150)
        return super().eventFilter(watched, event)

    def status_name(self, status: str) -> str:
        """An item status in words."""
        return {"available": self.tr("on the shelf"), "on_loan": self.tr("on loan"),
                "on_hold_shelf": self.tr("kept for a hold"), "lost": self.tr("lost"),
                "damaged": self.tr("damaged"), "withdrawn": self.tr("withdrawn")}.get(status,
                                                                                      status)

    def selected_copy(self) -> tuple[str, str] | None:
        """(barcode, status) of the copy selected in the Copies tab, None when none is."""
        item = self.selected_item()
        return None if item is None else (item.barcode, item.status)

    def copy_tooltip(self, item: Item) -> str:
        """A copy's register details, one per line (what the table has no column for)."""
        lines = [self.tr("Acquired {day}").format(day=display_date(item.acquired_on))
                 if item.acquired_on else self.tr("Date received not known")]
        price = display_price(item.price)
        for label, value in ((self.tr("Source"), item.source),
                             (self.tr("Price"), price + " đ" if price else None),
                             (self.tr("Location"), item.location), (self.tr("Note"), item.note)):
            if value:
                lines.append(f"{label}: {value}")
        return "\n".join(lines)

    def selected_item(self) -> Item | None:
        """The copy selected in the Copies tab, None when none is."""
        row = self.copies.currentRow()
        if not self.copies.selectedItems() or not 0 <= row < len(self.items):
            return None
        return self.items[row]

    def spine_call_number(self, record: RecordView, rule: AuthorMarkRule | None) -> str:
        """The call number a spine label prints for a copy without its own: classification,
        author mark (by the library's rule), volume, year."""
        mark = author_mark(record.authors, record.title, rule, record.author_mark)
        return " ".join(spine_lines(None, record.classification, mark, record.volume,
                                    record.year))

    def show_record(self, record: RecordView | None, items: list[Item], *,
                    mark_rule: AuthorMarkRule | None = None) -> None:
        """Show *record* and its copies (None: an empty hint). A copy without a call number
        of its own shows the one its spine label prints (grey, "computed" in its tooltip),
        with the author mark made by *mark_rule*."""
        self.copies.setRowCount(0)
        self.items = list(items) if record is not None else []
        if record is None:
            hint = self.tr("Search above, then choose a record to see it here.")
            self.readable.setHtml(f"<p style='color:#64748b'>{escape(hint)}</p>")
            self.marc.setPlainText("")
            self.setTabText(2, self.tr("Copies"))
            return
        rows = [
            (self.tr("Author(s)"), "; ".join(record.authors) or record.responsibility or ""),
            (self.tr("Publisher"), ", ".join(p for p in (record.place, record.publisher) if p)),
            (self.tr("Year"), str(record.year or "")),
            (self.tr("Edition"), record.edition or ""),
            (self.tr("ISBN"), "; ".join(record.isbns)),
            (self.tr("Classification"), record.classification or ""),
            (self.tr("Author mark"), record.author_mark or ""),
            (self.tr("Subjects"), "; ".join(record.subjects)),
            (self.tr("Series"), " ".join(p for p in (record.series, record.volume) if p)),
            (self.tr("Notes"), record.notes or ""),
        ]
        body = "".join(
            f"<tr><td style='color:#475569;padding-right:12px'>{escape(k)}</td>"
            f"<td>{escape(v)}</td></tr>" for k, v in rows if v)
        self.readable.setHtml(f"<h2 style='color:#1f3a5f'>{escape(record.title)}</h2>"
                              f"<table cellpadding='3'>{body}</table>")
        self.marc.setPlainText("\n".join(marc_lines(record.marc)))
        self.setTabText(2, self.tr("Copies ({count})").format(count=len(items)))
        computed = self.spine_call_number(record, mark_rule)
        for item in items:
            row = self.copies.rowCount()
            self.copies.insertRow(row)
            kind = ITEM_TYPE_NAMES.get(item.item_type)
            own = (item.call_number or "").strip()
            cells = (item.barcode, self.status_name(item.status), item.collection or "",
                     kind() if kind else item.item_type, own or computed)
            tip = self.copy_tooltip(item)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(tip)
                self.copies.setItem(row, column, cell)
            if not own and computed:
                cell.setForeground(QBrush(QColor("#64748b")))
                cell.setToolTip(self.tr("Computed from the classification and the author mark: "
                                        "what the spine label prints. Edit the copy to set "
                                        "another.") + "\n" + tip)
        fit_columns(self.copies, keep=4, least=150)
