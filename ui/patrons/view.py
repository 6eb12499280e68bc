"""Patrons: the classes on the left, the patrons of one class (or a search) on the right,
and under them the selected patron's fines (when they have any).

A search runs off the GUI thread (``ui.operations``) on its own connection; only the answer to
the text still in the field is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.library import Library
from app.patrons.model import Patron, status_words
from ui.format import display_date
from ui.operations import Operation, Operations, Progress
from ui.patrons.edit_dialog import PatronDialog
from ui.patrons.fines_panel import FinesPanel
from ui.patrons.loans_panel import LoansPanel
from ui.style import OVERDUE
from ui.widgets import error_label, fit_columns, list_table

if TYPE_CHECKING:
    from ui.labels.dialog import LabelsDialog

ALL = "\x00all"
#: The class list's entries for cards past their expiry / expiring within the notice days.
CARD_LISTS = ("\x00expired", "\x00expiring")
# The class list's last entry: students who graduated or left. Their classes (9A after the
# rollover) are not listed each with "(0)" year after year.
FORMER = "\x00former"


SEARCH_MIN_WIDTH = 320  # pixels; narrower, the buttons go on a row below the field

class PatronsView(QWidget):
    """List by class, search, add, edit, import a class list, school-year rollover."""

    changed = Signal()
    class_loan_at_desk = Signal(int)  # a textbook set to hand out by scanning (session id)

    def __init__(self, lib: Library, operations: Operations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._operations = operations
        self.shown: list[Patron] = []
        self.search_operation: Operation | None = None
        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(self.tr("Search by name, card or student code…"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setMinimumHeight(34)
        add = QPushButton(self.tr("New &patron…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        import_button = QPushButton(self.tr("&Import class list…"))
        rollover = QPushButton(self.tr("New school &year…"))
        self.cards_button = QPushButton(self.tr("Print c&ards…"))
        self.renew_cards_button = QPushButton(self.tr("Re&new cards…"))
        self.renew_cards_button.setToolTip(self.tr(
            "Renew (gia hạn) the card of the patron selected, or else of every patron listed, "
            "by the default card validity of their category (Settings)"))
        self.textbooks_button = QPushButton(self.tr("Class te&xtbooks…"))
        self.textbooks_button.setToolTip(self.tr(
            "Lend a set of textbooks to every student of the chosen class; see what each "
            "still has at the end of the year"))
        # The buttons beside the search field where it keeps room to read a name, else on a
        # row below it (at 1024 px the field was 40 px wide, "Lên lớp năm học mới…" cut).
        self._top = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.addWidget(self.search_field, 1)
        self._buttons_row = QHBoxLayout()
        for button in (add, self.edit_button, import_button, rollover, self.cards_button,
                       self.textbooks_button):
            self._buttons_row.addWidget(button)
        top.addLayout(self._buttons_row)
        top.setAlignment(self._buttons_row, Qt.AlignmentFlag.AlignRight)

        self.classes = QListWidget()
        self.classes.setObjectName("classList")
        self.classes.setFixedWidth(190)
        self.table = list_table([self.tr("Name"), self.tr("Class"), self.tr("Card"),
                                 self.tr("Student code"), self.tr("Date of birth"),
                                 self.tr("Status"), self.tr("Card valid until")])
        # The names keep room to be read; the other columns give up width first (fit_columns).
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.viewport().installEventFilter(self)
        self.search_note: QLabel = error_label()
        self.search_note.hide()
        self.loans = LoansPanel(lib)
        self.fines = FinesPanel(lib)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.table)
        right.addWidget(self.loans)
        right.addWidget(self.fines)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setStretchFactor(2, 2)
        right.setChildrenCollapsible(False)
        lists = QHBoxLayout()
        # Under the classes (the row above is full at 1024 px): renew the cards of the list.
        left = QVBoxLayout()
        left.addWidget(self.classes, 1)
        self.renew_cards_button.setFixedWidth(self.classes.width())
        left.addWidget(self.renew_cards_button)
        lists.addLayout(left)
        lists.addWidget(right, 1)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(top)
        layout.addWidget(self.search_note)
        layout.addLayout(lists, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(lambda _t: self._debounce.start())
        self.classes.currentItemChanged.connect(lambda item, _old: self._class_chosen(item))
        # Enter on a row (or a double click) opens its form; Down in the search field goes to
        # the first row: a name typed, Down, Enter, with no mouse, as in the catalog.
        self.table.activated.connect(lambda _index: self.edit_selected())
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search_field)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self.focus_results)
        self.table.itemSelectionChanged.connect(self._show_fines)
        self.fines.changed.connect(self.changed.emit)
        self.loans.changed.connect(self.changed.emit)
        add.clicked.connect(self.add_patron)
        self.edit_button.clicked.connect(self.edit_selected)
        import_button.clicked.connect(self.import_class_list)
        rollover.clicked.connect(self.rollover)
        self.cards_button.clicked.connect(self.print_cards)
        self.renew_cards_button.clicked.connect(self.renew_cards)
        self.textbooks_button.clicked.connect(self.class_textbooks)
        # As in the catalog: Ctrl+N a new one, Ctrl+F back to the search field.
        QShortcut(QKeySequence("Ctrl+N"), self).activated.connect(self.add_patron)
        QShortcut(QKeySequence("Ctrl+F"), self).activated.connect(self.search_field.setFocus)
        add.setToolTip(self.tr("New patron (Ctrl+N)"))
        self._loaded = False
        self._released = False
        self.cards_dialog: LabelsDialog | None = None

    def shutdown(self) -> None:
        """The window closes or lets go of the library (before a restore): a search typed
        and not yet run is not run. (A search already running is dropped by
        :meth:`Operations.shutdown`.) It read the closed library a quarter second later."""
        self._released = True
        self._debounce.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """The list's width changed: its columns are fitted again (names first)."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            fit_columns(self.table)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        """Buttons beside the search field when it keeps room to read a name, else below."""
        margins = self._layout.contentsMargins()
        room = (event.size().width() - margins.left() - margins.right()
                - self._buttons_row.sizeHint().width() - 2 * self._top.spacing())
        self._top.setDirection(QBoxLayout.Direction.LeftToRight if room >= SEARCH_MIN_WIDTH
                               else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._loaded:
            self._loaded = True
            self.reload()
        else:  # the desk lent, took back or took money meanwhile: the selected reader's now
            self._show_fines()

    # -- lists -----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the classes again and show the chosen one."""
        chosen = self.current_class()
        self.classes.blockSignals(True)
        self.classes.clear()
        everyone = QListWidgetItem(self.tr("All patrons"))
        everyone.setData(Qt.ItemDataRole.UserRole, ALL)
        self.classes.addItem(everyone)
        counts = self._lib.patrons.card_counts()  # only shown where cards have an expiry
        for key, label in ((CARD_LISTS[0], self.tr("Cards expired ({count})")),
                           (CARD_LISTS[1], self.tr("Cards expiring soon ({count})"))):
            count = counts[key[1:]]
            if count:
                item = QListWidgetItem(label.format(count=count))
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.classes.addItem(item)
        for name, count in self._lib.patrons.classes():
            item = QListWidgetItem(self.tr("{name} ({count})").format(name=name, count=count))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.classes.addItem(item)
        former = len(self._lib.patrons.former_students())
        if former:
            item = QListWidgetItem(self.tr("Graduated or left ({count})").format(count=former))
            item.setData(Qt.ItemDataRole.UserRole, FORMER)
            item.setToolTip(self.tr("Students who graduated or left, by their last class"))
            self.classes.addItem(item)
        self.classes.blockSignals(False)
        row = next((i for i in range(self.classes.count())
                    if self.classes.item(i).data(Qt.ItemDataRole.UserRole) == chosen), 0)
        self.classes.setCurrentRow(row)
        self._class_chosen(self.classes.currentItem())

    def current_class(self) -> str | None:
        """The class chosen on the left (None for all patrons)."""
        item = self.classes.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else ALL
        return None if value in (ALL, FORMER) or value in CARD_LISTS else str(value)

    def card_list(self) -> str | None:
        """``"expired"`` or ``"expiring"`` when that list is chosen on the left, else None."""
        item = self.classes.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item else ALL
        return str(value)[1:] if value in CARD_LISTS else None

    def show_class(self, class_name: str | None) -> None:
        """Choose *class_name* in the list (None: all patrons)."""
        for i in range(self.classes.count()):
            value = self.classes.item(i).data(Qt.ItemDataRole.UserRole)
            if (value == ALL and class_name is None) or value == class_name:
                self.classes.setCurrentRow(i)
                return

    def _class_chosen(self, item: QListWidgetItem | None) -> None:
        if self.search_field.text().strip():
            return
        self.cards_button.setEnabled(True)  # a class, or a patron found by name
        self.textbooks_button.setEnabled(self.current_class() is not None)
        item = self.classes.currentItem()
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == FORMER:
            self._fill(self._lib.patrons.former_students())
            return
        self._fill(self._lib.patrons.list_patrons(class_name=self.current_class(),
                                                  cards=self.card_list()))

    def run_search(self) -> Operation | None:
        """Search the text typed, off the GUI thread (empty: back to the chosen class).
        Returns the search operation; its answer is shown only if the text is still there."""
        if self._released:
            return None
        text = self.search_field.text().strip()
        if not text:
            self.search_note.hide()
            self._class_chosen(self.classes.currentItem())
            return None
        db_path = self._lib.path

        def work(_progress: Progress) -> list[Patron]:
            with Library.open(db_path) as own:
                return own.patrons.search(text)

        operation = self._operations.run(work, title=self.tr("Searching patrons"))
        operation.succeeded.connect(lambda found: self._show_found(text, found))
        operation.failed.connect(lambda exc: self._search_failed(text, exc))
        self.search_operation = operation
        return operation

    def _show_found(self, text: str, found: list[Patron]) -> None:
        if text != self.search_field.text().strip():
            return  # the librarian typed on: a newer answer is coming
        self.search_note.hide()
        self._fill(found)
        if not found:  # an empty list said in words, with what to try
            self.search_note.setStyleSheet("color: #475569;")
            self.search_note.setText(self.tr(
                "No patrons found for “{text}”. Try part of the name, the card or the student "
                "code.").format(text=text))
            self.search_note.show()

    def _search_failed(self, text: str, exc: BaseException) -> None:
        if text != self.search_field.text().strip():
            return
        self.search_note.setStyleSheet(f"color: {OVERDUE};")
        self.search_note.setText(exc.message if isinstance(exc, UserError) else str(exc))
        self.search_note.show()

    def _fill(self, patrons: list[Patron]) -> None:
        self.shown = patrons
        self.table.setRowCount(0)
        today = self._lib.circulation.today()
        for patron in patrons:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = (patron.full_name, patron.class_name or "", patron.card,
                     patron.student_code or "", display_date(patron.birth_date),
                     status_words(patron.status, patron.category),
                     display_date(patron.expires_on))
            expired = patron.card_expired(today)
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, patron.id)
                if expired and column == len(cells) - 1:
                    cell.setForeground(QBrush(QColor(OVERDUE)))
                self.table.setItem(row, column, cell)
        fit_columns(self.table)
        self._show_fines()

    def _show_fines(self) -> None:
        """The selected patron's loans, holds and fines under the list."""
        patron = self.selected_patron() if self.table.selectedItems() else None
        self.loans.show_patron(patron.id if patron else None)
        self.fines.show_patron(patron.id if patron else None)

    def focus_results(self) -> None:
        """Down arrow in the search field: go to the first patron found (or the one chosen)."""
        if self.table.rowCount():
            self.table.setFocus()
            self.table.setCurrentCell(max(0, self.table.currentRow()), 0)

    def selected_patron(self) -> Patron | None:
        """The patron of the selected row."""
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    # -- actions ---------------------------------------------------------------------------
    def _edited(self) -> None:
        self.reload()
        self.changed.emit()

    def add_patron(self) -> PatronDialog:
        """Open the empty patron form (the chosen class filled in)."""
        dialog = PatronDialog(self._lib, None, self)
        dialog.class_name.setText(self.current_class() or "")
        dialog.accepted.connect(self._edited)
        dialog.open()
        return dialog

    def edit_selected(self) -> PatronDialog | None:
        """Open the form on the selected patron."""
        patron = self.selected_patron()
        if patron is None:
            return None
        dialog = PatronDialog(self._lib, self._lib.patrons.get(patron.id), self)
        dialog.accepted.connect(self._edited)
        dialog.open()
        return dialog

    def import_class_list(self) -> QWidget:
        """Open the class-list import wizard."""
        from ui.patrons.import_wizard import ImportWizard

        wizard = ImportWizard(self._lib, self, self._operations)
        wizard.accepted.connect(self._edited)
        wizard.open()
        return wizard

    def rollover(self) -> QWidget:
        """Open the school-year rollover (preview, apply, undo)."""
        from ui.patrons.rollover_dialog import RolloverDialog

        dialog = RolloverDialog(self._lib, self)
        dialog.finished.connect(lambda _code: self._edited())
        dialog.open()
        return dialog

    def renew_cards(self) -> list[Patron]:
        """Renew (gia hạn) by the default validity the card of the patron selected, or with no
        row selected the cards of every patron listed who has not left, after asking. Returns
        the patrons renewed."""
        chosen = self.selected_patron() if self.table.selectedItems() else None
        patrons = [chosen] if chosen else [p for p in self.shown
                                           if p.status not in ("left", "graduated")]
        if not patrons:
            return []
        try:
            dates = {p.id: self._lib.patrons.renewal_date(p.id) for p in patrons}
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Renew cards"), exc.message)
            return []
        if len(patrons) == 1:
            question = self.tr("Renew the card {card} of {name} until {date}?").format(
                card=patrons[0].card, name=patrons[0].full_name,
                date=display_date(dates[patrons[0].id]))
        else:
            question = self.tr("Renew the cards of the {count} patrons listed, each by the "
                               "default validity of their category (until {date})?").format(
                count=len(patrons), date=", ".join(sorted({display_date(d)
                                                           for d in dates.values()})))
        no, yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
        if QMessageBox.question(self, self.tr("Renew cards"), question, yes | no, no) != yes:
            return []
        renewed = [self._lib.patrons.renew_card(p.id, until=dates[p.id]) for p in patrons]
        self._edited()
        return renewed

    def class_textbooks(self) -> QWidget | None:
        """Textbook sets for the chosen class (lend to all, report, close)."""
        class_name = self.current_class()
        if class_name is None:
            return None
        from ui.patrons.class_loan_dialog import ClassLoanDialog

        dialog = ClassLoanDialog(self._lib, class_name, self)
        dialog.finished.connect(lambda _code: self.changed.emit())
        dialog.scan_at_desk.connect(self.class_loan_at_desk.emit)
        dialog.open()
        dialog.search.setFocus()
        return dialog

    def print_cards(self) -> None:
        """Cards (or the desk sheet) for the chosen class, or only for the patron selected
        in it or found by name (a lost card)."""
        patron = self.selected_patron() if self.table.selectedItems() else None
        class_name = self.current_class() or (patron.class_name if patron else None)
        if class_name is None:
            return
        from ui.labels.dialog import LabelsDialog

        chosen = (patron.id, patron.full_name) if patron is not None else None
        self.cards_dialog = LabelsDialog(self._lib, self._operations, (), self,
                                         class_name=class_name, patron=chosen)
        if chosen is not None and self.current_class() is None:
            self.cards_dialog.who.setCurrentIndex(1)  # found by name: that patron's card
        self.cards_dialog.open()
