"""The school-year rollover: preview what each class becomes, apply, and undo the latest."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.circulation.clock import library_today
from app.errors import UserError
from app.library import Library
from app.patrons.validity import school_year_end
from ui.format import display_date
from ui.refusal import refusal_text


class RolloverDialog(QDialog):
    """Shows the plan of ``lib.patrons.rollover``; Apply and Undo ask before writing."""

    def __init__(self, lib: Library, parent: QWidget | None = None, *,
                 confirm: bool = True) -> None:
        super().__init__(parent)
        self._lib = lib
        self._confirm = confirm
        self.plan: Any = None
        self.done_plan: Any = None
        self.setWindowTitle(self.tr("New school year: move classes up"))
        self.resize(620, 520)
        self.last_grade = QSpinBox()
        self.last_grade.setRange(1, 12)
        try:
            self.last_grade.setValue(lib.patrons.rollover.last_grade())
        except UserError:
            self.last_grade.setValue(9)
        self._applied = False  # a rollover was applied in this dialog (one per sitting)
        self.last_grade.valueChanged.connect(lambda _v: self.refresh())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Class now"), self.tr("Becomes"),
                                              self.tr("Students")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.borrowers = QLabel()
        self.borrowers.setWordWrap(True)
        self.borrowers.setStyleSheet("color: #b45309;")
        self.borrowers.hide()
        self.open_sets = QLabel()
        self.open_sets.setWordWrap(True)
        self.open_sets.setStyleSheet("color: #b45309;")
        self.open_sets.hide()
        # The school year has not ended: a rollover now is a year early (a slip, usually).
        self.early = QLabel()
        self.early.setWordWrap(True)
        self.early.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.early.hide()
        # Students' cards with an expiry: run them to the new school year's end (or not).
        self.extend_cards = QCheckBox()
        self.extend_cards.hide()
        self._extend_choice: bool | None = None  # None: the library's default
        self.extend_cards.toggled.connect(self._extend_toggled)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("&Apply rollover"))
        self.undo_button = QPushButton(self.tr("&Undo the last rollover"))
        self.apply_button.clicked.connect(self.apply)
        self.undo_button.clicked.connect(self.undo)
        grade_row = QHBoxLayout()
        grade_row.addWidget(QLabel(self.tr("Last grade of the school (graduates):")))
        grade_row.addWidget(self.last_grade)
        grade_row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        # Enter after typing the last grade must not start moving every class up: no button
        # answers Enter here; each is pressed on purpose (Alt+letter, Space, a click).
        for button in buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(grade_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.early)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.extend_cards)
        layout.addWidget(self.borrowers)
        layout.addWidget(self.open_sets)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Preview again (nothing is written)."""
        # Undo is offered only when there is a rollover to undo: before, it asked "Undo the
        # last rollover?" and then said there was none.
        self.undo_button.setEnabled(any(
            past["undone_at"] is None for past in self._lib.patrons.rollover.history()))
        if self._applied:
            # Done: the table and summary stay on what was done. The next year's preview
            # with "Apply" still enabled invited a second rollover (a whole year more) from
            # the same Enter or Alt+T.
            self.apply_button.setEnabled(False)
            return
        try:
            self.plan = self._lib.patrons.rollover.preview(self.last_grade.value(),
                                                           extend_cards=self._extend_choice)
        except UserError as exc:
            self.plan = None
            self.summary.setText(refusal_text(exc))
            self.table.setRowCount(0)
            self.apply_button.setEnabled(False)
            return
        plan = self.plan
        self.summary.setText(self.tr(
            "School year {from_year} → {to_year}: {promoted} student(s) move up, "
            "{graduated} graduate.").format(from_year=plan.from_year, to_year=plan.to_year,
                                             promoted=plan.promoted, graduated=plan.graduated))
        self.table.setRowCount(0)
        for move in plan.moves:
            row = self.table.rowCount()
            self.table.insertRow(row)
            target = move.to_class if move.to_class else self.tr("graduates")
            for column, text in enumerate((move.from_class, target, str(move.students))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        for name, count in plan.unknown_classes:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, text in enumerate((name, self.tr("unchanged (no grade)"), str(count))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.apply_button.setEnabled(bool(plan.moves))
        self.early.setVisible(plan.early)
        self.early.setText(self.tr(
            "The school year {year} has not ended yet (today {today}): moving up now puts every "
            "class a year ahead. Usually the rollover is done when the school year ends.").format(
            year=plan.from_year, today=display_date(library_today().isoformat()))
            if plan.early else "")
        self._show_cards(plan)
        self._show_borrowers(plan)
        self._show_open_sets(plan)

    def _show_cards(self, plan: Any) -> None:
        """The choice to extend the expiring cards of students moving up, said in numbers."""
        end = school_year_end(plan.to_year, self._lib.patrons.year_end())
        self.extend_cards.setVisible(bool(plan.cards_extended) and end is not None)
        if not plan.cards_extended or end is None:
            return
        self.extend_cards.blockSignals(True)
        self.extend_cards.setChecked(plan.extend_cards)
        self.extend_cards.blockSignals(False)
        self.extend_cards.setText(self.tr(
            "&Extend the cards of {count} student(s) moving up until {date}").format(
            count=plan.cards_extended, date=display_date(end.isoformat())))

    def _extend_toggled(self, checked: bool) -> None:
        self._extend_choice = checked
        self.refresh()

    def _show_open_sets(self, plan: Any) -> None:
        """Textbook sets still lent to a class, and what the rollover does with them: a set
        goes with its class (6A's set is 7A's, the same students), a graduating class's set
        is closed. Textbooks usually come back at year end, so this is said in amber."""
        sets = list(plan.class_loans)
        self.open_sets.setVisible(bool(sets))
        lines = []
        for name, to_class, due in sets:
            if to_class:
                lines.append(self.tr("class {name} (due {due}) goes with its students to "
                                     "{to}").format(name=name, due=display_date(due),
                                                    to=to_class))
            else:
                lines.append(self.tr("class {name} (due {due}) is closed: its students "
                                     "graduate, the books they still have stay on their "
                                     "loans").format(name=name, due=display_date(due)))
        self.open_sets.setText(self.tr(
            "Textbook sets still lent (textbooks usually come back at the end of the year): "
            "{sets}.").format(sets="; ".join(lines)) if sets else "")

    def _show_borrowers(self, plan: Any) -> None:
        """Graduating students who still have books: they are about to leave with them."""
        borrowers = list(plan.graduates_with_loans)
        self.borrowers.setVisible(bool(borrowers))
        if not borrowers:
            self.borrowers.setText("")
            return
        shown = borrowers[:5]
        lines = [self.tr("{name} ({klass}, card {card}): {books} book(s)").format(
            name=name, klass=klass, card=card, books=books) for name, klass, card, books in shown]
        if len(borrowers) > len(shown):
            lines.append(self.tr("… and {count} more").format(
                count=len(borrowers) - len(shown)))
        self.borrowers.setText(self.tr(
            "{students} graduating student(s) still have {books} book(s) on loan — get them "
            "back before they leave:").format(students=len(borrowers), books=plan.graduate_books)
            + "\n" + "\n".join(lines))

    def _sure(self, question: str) -> bool:
        if not self._confirm:
            return True
        no, yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
        answer = QMessageBox.question(self, self.windowTitle(), question, yes | no, no)
        return answer == yes

    def apply(self) -> None:
        """Apply the rollover after asking."""
        question = self.tr(
            "Move every class up to the school year {year}? You can undo it afterwards.")
        if self.plan is not None and self.plan.early:
            question = self.early.text() + "\n\n" + question
        if self.plan is None or not self._sure(question.format(year=self.plan.to_year)):
            return
        try:
            self.done_plan = self._lib.patrons.rollover.apply(
                self.last_grade.value(), extend_cards=self.plan.extend_cards)
        except UserError as exc:
            self.message.setText(refusal_text(exc))
            return
        done = self.tr("Done: {promoted} moved up, {graduated} graduated.").format(
            promoted=self.done_plan.promoted, graduated=self.done_plan.graduated)
        if self.done_plan.cards_until and self.done_plan.cards_extended:
            done += " " + self.tr("{count} card(s) extended until {date}.").format(
                count=self.done_plan.cards_extended,
                date=display_date(self.done_plan.cards_until))
        self.message.setText(done)
        self._applied = True
        self.refresh()

    def undo(self) -> None:
        """Undo the latest rollover after asking."""
        if not self._sure(self.tr("Undo the last rollover? Every student gets back the class "
                                  "they had before it.")):
            return
        try:
            self.done_plan = self._lib.patrons.rollover.undo()
        except UserError as exc:
            self.message.setText(refusal_text(exc))
            return
        self.message.setText(self.tr("The rollover to {year} was undone.").format(
            year=self.done_plan.to_year))
        self._applied = False
        self.refresh()
