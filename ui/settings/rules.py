"""The loan-rule matrix in Settings: readable names for reader categories and item types,
fixed due dates as dd/mm (every year) or dd/mm/yyyy, a fine per day late (0: no fine), rows
added and removed by the librarian, and the unpaid-fine amount from which new loans are refused.
Every row is checked by the circulation core when saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.catalog.models import ITEM_TYPES
from app.circulation.fines import MAX_LOST_PERCENT, parse_dong
from app.circulation.rules import (
    ANY,
    CATEGORY_NAMES,
    ITEM_TYPE_NAMES,
    MAX_AMOUNT,
    PATRON_CATEGORIES,
    LoanRule,
    validate,
)
from app.dates import display_fixed_due, parse_fixed_due
from app.errors import UserError
from app.i18n import Text
from app.library import Library
from ui.widgets import say

CATEGORY, ITEM_TYPE, LOANABLE, DAYS, FIXED_DUE, MAX_ITEMS, RENEWALS, HOLDS, FINE = range(9)
#: The largest amount the fine-block box takes (đồng): the ceiling of every amount typed.
MAX_BLOCK = MAX_AMOUNT


def _combo(names: dict[str, Text], codes: tuple[str, ...], current: str) -> QComboBox:
    box = QComboBox()
    for code in (ANY, *codes):
        name = names.get(code)
        box.addItem(name() if name is not None else code, code)
    if box.findData(current) < 0:  # a code this version does not know: keep it, shown raw
        box.addItem(current, current)
    box.setCurrentIndex(box.findData(current))
    return box


def _check(on: bool) -> QTableWidgetItem:
    cell = QTableWidgetItem()
    cell.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                  | Qt.ItemFlag.ItemIsSelectable)
    cell.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
    return cell


class RulesPage(QWidget):
    """Edit the rule matrix: which reader may borrow which kind of item, how long, how many.
    ``loaded`` fires when the page shows the stored rules again."""

    loaded = Signal()

    def __init__(self, lib: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._removed: list[tuple[str, str]] = []
        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels([
            self.tr("Patron category"), self.tr("Item type"), self.tr("May borrow"),
            self.tr("Days"), self.tr("Fixed due date"), self.tr("Max items"),
            self.tr("Renewals"), self.tr("Holds"), self.tr("Fine per day (đ)")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().hide()
        hint = QLabel(self.tr("The most specific rule applies: a rule for one reader category and "
                              "one item type wins over “any”. Fixed due date: 31/05 for every "
                              "31 May (textbooks), or a date such as 31/05/2026; leave it empty "
                              "to count days. Fine per day: đồng for each day late; 0 means "
                              "no fine."))
        hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in ((self.tr("&Save"), self.save), (self.tr("Add a &rule"), self.add_row),
                           (self.tr("Re&move the selected rule"), self.remove_selected),
                           (self.tr("Restore the &defaults"), self.reset)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            if slot == self.save:
                self.save_button = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 16)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        block_row = QHBoxLayout()
        block_row.addWidget(QLabel(self.tr("Refuse new loans when a reader's unpaid fines reach")))
        self.block_at = QSpinBox()
        self.block_at.setRange(0, MAX_BLOCK)
        self.block_at.setSingleStep(1000)
        self.block_at.setSuffix(" đ")
        self.block_at.setSpecialValueText(self.tr("never"))
        block_row.addWidget(self.block_at)
        block_row.addSpacing(24)
        block_row.addWidget(QLabel(self.tr("A book lost on loan costs its reader")))
        self.lost_percent = QSpinBox()
        self.lost_percent.setRange(0, MAX_LOST_PERCENT)
        self.lost_percent.setSingleStep(10)
        self.lost_percent.setSuffix(self.tr(" % of its price"))
        self.lost_percent.setSpecialValueText(self.tr("nothing"))
        self.lost_percent.setToolTip(self.tr(
            "Charged when a copy on loan is marked lost; cancelled if it turns up before it is "
            "paid. 0: no charge (the reader brings the same book instead)."))
        block_row.addWidget(self.lost_percent)
        block_row.addStretch(1)
        layout.addLayout(block_row)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.load()

    def load(self) -> None:
        """Show the rule matrix as stored."""
        # The old rows' combo boxes leave the page now, not at the next turn of the event
        # loop: what the unsaved-edits check records after a save must not count them.
        for row in range(self.table.rowCount()):
            for column in (CATEGORY, ITEM_TYPE):
                widget = self.table.cellWidget(row, column)
                if widget is not None:
                    widget.setParent(None)
                    widget.deleteLater()
        self.table.setRowCount(0)
        self._removed = []
        for rule in self._lib.circulation.rules.all():
            self._append(rule)
        self.block_at.setValue(min(MAX_BLOCK, self._lib.circulation.fines.block_at()))
        self.lost_percent.setValue(self._lib.circulation.fines.lost_charge_percent())
        self.loaded.emit()

    def _append(self, rule: LoanRule) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, CATEGORY, _combo(CATEGORY_NAMES, PATRON_CATEGORIES,
                                                       rule.category))
        self.table.setCellWidget(row, ITEM_TYPE, _combo(ITEM_TYPE_NAMES, ITEM_TYPES,
                                                        rule.item_type))
        self.table.setItem(row, LOANABLE, _check(rule.loanable))
        self.table.setItem(row, DAYS, QTableWidgetItem(
            "" if rule.loan_days is None or rule.fixed_due or not rule.loanable
            else str(rule.loan_days)))
        self.table.setItem(row, FIXED_DUE, QTableWidgetItem(display_fixed_due(rule.fixed_due)))
        self.table.setItem(row, MAX_ITEMS, QTableWidgetItem(str(rule.max_items)))
        self.table.setItem(row, RENEWALS, QTableWidgetItem(str(rule.renewals)))
        self.table.setItem(row, HOLDS, _check(rule.holds_allowed))
        self.table.setItem(row, FINE, QTableWidgetItem(str(rule.fine_per_day)))
        return row

    def row_of(self, category: str, item_type: str) -> int:
        """The table row of the rule for (*category*, *item_type*), or -1."""
        for row in range(self.table.rowCount()):
            if self.key(row) == (category, item_type):
                return row
        return -1

    def key(self, row: int) -> tuple[str, str]:
        """(category, item type) codes chosen in *row*."""
        boxes = [self.table.cellWidget(row, column) for column in (CATEGORY, ITEM_TYPE)]
        codes = [box.currentData() if isinstance(box, QComboBox) else ANY for box in boxes]
        return str(codes[0]), str(codes[1])

    def add_row(self) -> None:
        """A new rule row (any reader, books, 14 days) to edit, then save."""
        row = self._append(LoanRule(ANY, "book"))
        self.table.setCurrentCell(row, DAYS)
        self.table.scrollToBottom()

    def remove_selected(self) -> None:
        """Take the selected row out; the rule is deleted when the matrix is saved."""
        row = self.table.currentRow()
        if row < 0:
            say(self.message, self.tr("Select a rule first."), ok=False)
            return
        self._removed.append(self.key(row))
        self.table.removeRow(row)

    def _text(self, row: int, column: int) -> str:
        cell = self.table.item(row, column)
        return cell.text().strip() if cell else ""

    def _checked(self, row: int, column: int) -> bool:
        cell = self.table.item(row, column)
        return bool(cell and cell.checkState() == Qt.CheckState.Checked)

    def _rule(self, row: int) -> LoanRule:
        category, item_type = self.key(row)
        try:
            fixed = parse_fixed_due(self._text(row, FIXED_DUE))
        except ValueError:
            raise ValueError(self.tr("Row {row}: “{text}” is not a date (31/05 or 31/05/2026).")
                             .format(row=row + 1, text=self._text(row, FIXED_DUE))) from None
        try:
            days = self._text(row, DAYS)
            return LoanRule(
                category=category, item_type=item_type, loanable=self._checked(row, LOANABLE),
                loan_days=None if fixed or not days else int(days), fixed_due=fixed,
                max_items=int(self._text(row, MAX_ITEMS) or 0),
                renewals=int(self._text(row, RENEWALS) or 0),
                holds_allowed=self._checked(row, HOLDS),
                fine_per_day=self._amount(row, FINE))
        except ValueError:
            raise ValueError(self.tr("Row {row}: days, max items, renewals and the fine are "
                                     "whole numbers.")
                             .format(row=row + 1)) from None

    def _amount(self, row: int, column: int) -> int:
        """An amount of đồng typed in a cell ("2.000", "2000 đ"; empty: 0); ValueError else."""
        text = self._text(row, column)
        amount = parse_dong(text) if text else 0
        if amount is None:
            raise ValueError(text)
        return amount

    def save(self) -> bool:
        """Write every row (each checked by the circulation core); nothing is saved on an
        error. True when saved."""
        try:
            rules = [self._rule(row) for row in range(self.table.rowCount())]
            keys = [(r.category, r.item_type) for r in rules]
            twice = next((k for k in keys if keys.count(k) > 1), None)
            if twice is not None:
                raise ValueError(self.tr("Two rows are for the same reader category and item "
                                         "type; keep one."))
            for row, rule in enumerate(rules):
                try:
                    validate(rule)
                except UserError as exc:
                    self.table.setCurrentCell(row, DAYS)
                    raise ValueError(self.tr("Row {row}: {reason}").format(
                        row=row + 1, reason=exc.message)) from None
        except ValueError as exc:
            say(self.message, str(exc), ok=False)
            return False
        store = self._lib.circulation.rules
        for rule in rules:
            store.set(rule)
        for key in self._removed:
            if key not in keys:
                store.delete(*key)
        self._lib.circulation.fines.set_block_at(self.block_at.value())
        self._lib.circulation.fines.set_lost_charge_percent(self.lost_percent.value())
        say(self.message, self.tr("Saved."))
        self.load()
        return True

    def reset(self) -> None:
        """Replace the matrix with the built-in defaults."""
        self._lib.circulation.rules.reset_defaults()
        self.load()
        say(self.message, self.tr("The default rules are back."))
