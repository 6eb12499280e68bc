"""The current patron at the desk: photo, name, class, loans with due dates, holds waiting,
and fines not yet paid (only when there are any)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.circulation.fines import format_dong
from app.library import Library
from app.patrons.model import Patron, status_words
from ui.desk.payment import debt_line
from ui.format import display_date
from ui.style import OVERDUE, WARN_FG
from ui.widgets import list_table, wrap_lines

PHOTO_W, PHOTO_H = 96, 120
DESK_LIST = "QListWidget { font-size: 15px; }"  # the desk's large type, as in its tables


class PatronPanel(QWidget):
    """Shows one patron (or an invitation to scan a card when there is none)."""

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self.patron_id: int | None = None
        self.photo = QLabel()
        self.photo.setObjectName("photo")
        self.photo.setFixedSize(PHOTO_W, PHOTO_H)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel()
        self.name.setObjectName("patronName")
        self.name.setWordWrap(True)
        self.info = QLabel()
        self.info.setObjectName("patronInfo")
        self.info.setWordWrap(True)
        self.loans_title = QLabel()
        self.loans_title.setObjectName("sectionTitle")
        self.loans = list_table(
            [self.tr("Acc. no."), self.tr("Title"), self.tr("Loaned"), self.tr("Due")])
        self.loans.setObjectName("deskTable")
        header = self.loans.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.holds_title = QLabel(self.tr("Holds"))
        self.holds_title.setObjectName("sectionTitle")
        self.holds = QListWidget()
        self.holds.setMaximumHeight(90)
        self.holds.setStyleSheet(DESK_LIST)
        self.fines_title = QLabel()
        self.fines_title.setObjectName("sectionTitle")
        self.fines_title.setStyleSheet(f"color: {OVERDUE};")
        self.fines = wrap_lines(QListWidget())
        self.fines.setMaximumHeight(90)
        self.fines.setStyleSheet(DESK_LIST)
        self.fines.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        top = QGridLayout()
        top.addWidget(self.photo, 0, 0, 2, 1)
        top.addWidget(self.name, 0, 1)
        top.addWidget(self.info, 1, 1)
        top.setColumnStretch(1, 1)
        self._top = top
        self._side: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.loans_title)
        layout.addWidget(self.loans, 1)
        layout.addWidget(self.holds_title)
        layout.addWidget(self.holds)
        layout.addWidget(self.fines_title)
        layout.addWidget(self.fines)
        self.show_patron(None)

    def set_side_widget(self, widget: QWidget | None) -> None:
        """Put *widget* (the desk's camera on a narrow screen) to the right of the name and
        class, in the room the panel leaves there when it is as wide as the desk; None takes
        the one there out (its new layout takes it)."""
        if self._side is not None:
            self._top.removeWidget(self._side)
        self._side = widget
        if widget is not None:
            self._top.addWidget(widget, 0, 2, 2, 1, Qt.AlignmentFlag.AlignTop)
        self._top.setColumnStretch(2, 1 if widget is not None else 0)

    def selected_barcode(self) -> str | None:
        """The accession number of the loan row selected, if any."""
        row = self.loans.currentRow()
        if row < 0 or not self.loans.selectedItems():
            return None
        cell = self.loans.item(row, 0)
        return cell.text() if cell else None

    def only_loan_barcode(self) -> str | None:
        """The accession number of the reader's loan when they hold exactly one, else None."""
        if self.loans.rowCount() != 1:
            return None
        cell = self.loans.item(0, 0)
        return cell.text() if cell else None

    def move_selection(self, step: int) -> str | None:
        """Select the loan *step* rows below (above when negative) the selected one, from the
        keyboard at the desk; the first Down selects the first loan. Returns its barcode."""
        rows = self.loans.rowCount()
        if rows == 0:
            return None
        current = self.loans.currentRow() if self.loans.selectedItems() else -1
        target = 0 if current < 0 else min(rows - 1, max(0, current + step))
        self.loans.selectRow(target)
        cell = self.loans.item(target, 0)
        if cell is not None:
            self.loans.scrollToItem(cell)
        return self.selected_barcode()

    def show_patron(self, patron_id: int | None) -> None:
        """Show *patron_id* as stored now (None: nobody selected)."""
        self.patron_id = patron_id
        self.loans.setRowCount(0)
        self.holds.clear()
        self.fines.clear()
        self.fines_title.setVisible(False)
        self.fines.setVisible(False)
        if patron_id is None:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))
            self.name.setText(self.tr("No patron selected"))
            self.info.setText(self.tr("Scan a library card to begin."))
            self.loans_title.setText(self.tr("Loans"))
            self.holds_title.setVisible(False)
            self.holds.setVisible(False)
            return
        patron = self._lib.patrons.get(patron_id)
        self._show_photo(patron.photo)
        self.name.setText(patron.full_name)
        parts = []
        if patron.class_name:
            parts.append(self.tr("Class {name}").format(name=patron.class_name))
        parts.append(self.tr("Card {card}").format(card=patron.card))
        if patron.status != "active":
            parts.append(f"<b style='color:{OVERDUE}'>{self._status(patron)}</b>")
        if patron.expires_on:
            parts.append(self._validity(patron.expires_on))
        self.info.setText(" · ".join(parts))
        self._fill_loans(patron_id)
        self._fill_holds(patron_id)
        self._fill_fines(patron_id)

    def _validity(self, expires_on: str) -> str:
        """The card's validity: plain while valid, a word of warning in the notice days, in
        red and capitals once expired (F10 renews it)."""
        days = (date.fromisoformat(expires_on) - self._lib.circulation.today()).days
        until = display_date(expires_on)
        if days < 0:
            return f"<b style='color:{OVERDUE}'>" + self.tr(
                "CARD EXPIRED (valid until {date}) — F10 renews it").format(date=until) + "</b>"
        if days <= self._lib.patrons.notice_days():
            return f"<b style='color:{WARN_FG}'>" + self.tr(
                "card valid until {date} ({days} days left)").format(date=until, days=days) \
                + "</b>"
        return self.tr("card valid until {date}").format(date=until)

    def _status(self, patron: Patron) -> str:
        """Why this reader may not borrow: a blocked card loudly, else the status as said
        for that kind of reader (a teacher who left "đã chuyển công tác")."""
        if patron.status == "blocked":
            return self.tr("CARD BLOCKED")
        return status_words(patron.status, patron.category)

    def _show_photo(self, photo: bytes | None) -> None:
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.photo.setPixmap(pixmap.scaled(
                PHOTO_W, PHOTO_H, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))

    def _fill_loans(self, patron_id: int) -> None:
        slip = self._lib.circulation.open_loans(patron_id)
        lines = slip.loans if slip else []
        overdue = sum(1 for line in lines if line.days_overdue)
        title = self.tr("Loans: {count}").format(count=len(lines))
        if overdue:
            title += " — " + self.tr("{count} overdue").format(count=overdue)
        self.loans_title.setText(title)
        red = QBrush(QColor(OVERDUE))
        bold = QFont()
        bold.setBold(True)
        for line in lines:
            row = self.loans.rowCount()
            self.loans.insertRow(row)
            due = display_date(line.due)
            if line.days_overdue:
                due += " " + self.tr("({days} days late)").format(days=line.days_overdue)
            cells = (line.barcode, line.title, display_date(line.loaned_on), due)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if line.days_overdue:
                    cell.setForeground(red)
                    cell.setFont(bold)
                self.loans.setItem(row, column, cell)

    def _fill_holds(self, patron_id: int) -> None:
        holds = self._lib.circulation.holds_of(patron_id)
        self.holds_title.setVisible(bool(holds))
        self.holds.setVisible(bool(holds))
        for hold in holds:
            try:
                title = self._lib.catalog.record(hold.record_id).title
            except Exception:  # a record deleted meanwhile: still show the hold
                title = f"#{hold.record_id}"
            if hold.status == "ready":
                text = self.tr("READY: “{title}” — kept until {until}").format(
                    title=title, until=display_date(hold.ready_until))
            else:
                text = self.tr("Waiting: “{title}” (position {position})").format(
                    title=title, position=hold.position or "?")
            self.holds.addItem(text)

    def _fill_fines(self, patron_id: int) -> None:
        owed = self._lib.circulation.fines.find(patron_id, outstanding=True)
        self.fines_title.setVisible(bool(owed))
        self.fines.setVisible(bool(owed))
        if not owed:
            return
        title = self.tr("Fines and charges not paid: {amount}").format(
            amount=format_dong(sum(fine.owed for fine in owed)))
        paid = sum(fine.paid for fine in owed)
        if paid:  # part payments: what came in already, so the reader is not asked twice
            title += " " + self.tr("(paid so far: {amount})").format(amount=format_dong(paid))
        self.fines_title.setText(title)
        for fine in owed:
            self.fines.addItem(debt_line(fine))
