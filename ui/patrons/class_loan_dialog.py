"""Textbooks by class: lend a set of textbooks to every student of a class in one go (or
copy by copy, scanning at the desk), and at the end of the year see what each student still
has and close the session.

The core does the work (:mod:`app.circulation.classloans`): each student gets the next
available copy of each title, in class-register order; the due date follows the textbook
rule (end of the school year). Copies come back through the ordinary check-in at the desk.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.circulation.classloans import ClassLoanReport, ClassLoanSession
from app.errors import UserError
from app.library import Library
from ui.format import display_date
from ui.refusal import refusal_text
from ui.widgets import error_label, say


class ClassLoanDialog(QDialog):
    """The textbook sets of one class: a new one lent to everybody, the earlier ones
    reported on and closed. ``scan_at_desk(session id)``: the librarian chose to hand the
    set out by scanning at the desk (the dialog has closed)."""

    scan_at_desk = Signal(int)

    def __init__(self, lib: Library, class_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self.class_name = class_name
        self.sessions: list[ClassLoanSession] = []
        self.lost_question: QMessageBox | None = None
        self.setWindowTitle(self.tr("Textbooks for class {name}").format(name=class_name))
        self.resize(720, 620)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Title or ISBN of a textbook, then Enter"))
        self.search.returnPressed.connect(self.find_textbooks)
        self.found = QListWidget()
        self.found.itemActivated.connect(lambda item: self.add_to_set(item))
        self.chosen = QListWidget()
        add = QPushButton(self.tr("&Add to the set →"))
        add.clicked.connect(lambda: self.add_to_set(self.found.currentItem()))
        remove = QPushButton(self.tr("Take &out of the set"))
        remove.clicked.connect(self.remove_from_set)
        self.lend_button = QPushButton(self.tr("&Lend the set to the whole class"))
        self.lend_button.clicked.connect(self.lend)
        self.scan_button = QPushButton(self.tr("Lend by &scanning at the desk…"))
        self.scan_button.setToolTip(self.tr(
            "Each student's card, then the copies handed to them: the copies recorded are the "
            "ones each student really has"))
        self.scan_button.clicked.connect(self.scan_new_set)
        lists = QHBoxLayout()
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.found, 1)
        left.addWidget(add)
        right.addWidget(QLabel(self.tr("The set:")))
        right.addWidget(self.chosen, 1)
        right.addWidget(remove)
        lists.addLayout(left, 1)
        lists.addLayout(right, 1)
        new_set = QGroupBox(self.tr("A new set (due at the end of the school year, by the "
                                    "textbook rule)"))
        new_layout = QVBoxLayout(new_set)
        new_layout.addLayout(lists)
        lend_row = QHBoxLayout()
        lend_row.addWidget(self.lend_button)
        lend_row.addWidget(self.scan_button)
        lend_row.addStretch(1)
        new_layout.addLayout(lend_row)

        self.session_list = QListWidget()
        self.session_list.currentRowChanged.connect(lambda _row: self._enable())
        self.report_button = QPushButton(self.tr("&Who still has what"))
        self.report_button.clicked.connect(self.show_report)
        self.mark_lost = QCheckBox(self.tr("&mark the copies still out as lost"))
        self.close_button = QPushButton(self.tr("Clos&e the set"))
        self.close_button.clicked.connect(self.close_session)
        self.continue_button = QPushButton(self.tr("Scan mo&re at the desk…"))
        self.continue_button.clicked.connect(self.scan_selected_set)
        earlier = QGroupBox(self.tr("Sets lent to this class"))
        earlier_buttons = QHBoxLayout()
        earlier_buttons.addWidget(self.report_button)
        earlier_buttons.addWidget(self.continue_button)
        earlier_buttons.addStretch(1)
        earlier_buttons.addWidget(self.mark_lost)
        earlier_buttons.addWidget(self.close_button)
        earlier_layout = QVBoxLayout(earlier)
        earlier_layout.addWidget(self.session_list)
        earlier_layout.addLayout(earlier_buttons)

        self.message = error_label()
        self.output = QPlainTextEdit()
        self.output.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(new_set, 3)
        layout.addWidget(earlier, 2)
        layout.addWidget(self.message)
        layout.addWidget(self.output, 2)
        layout.addWidget(buttons)
        self.load_sessions()

    # -- a new set ---------------------------------------------------------------------------
    def find_textbooks(self) -> None:
        """Show the catalog's records for what was typed (top 10)."""
        self.found.clear()
        text = self.search.text().strip()
        if not text:
            return
        for hit in self._lib.catalog.search(text, limit=10).hits:
            copies = sum(1 for item in hit.items if item.status == "available")
            item = QListWidgetItem(self.tr("{title} — {count} on the shelf").format(
                title=hit.title, count=copies))
            item.setData(Qt.ItemDataRole.UserRole, hit.id)
            self.found.addItem(item)
        if self.found.count():
            self.found.setCurrentRow(0)

    def add_to_set(self, item: QListWidgetItem | None) -> None:
        """Put a found record into the set (once)."""
        if item is None:
            return
        record_id = item.data(Qt.ItemDataRole.UserRole)
        if record_id in self.record_ids():
            return
        chosen = QListWidgetItem(item.text())
        chosen.setData(Qt.ItemDataRole.UserRole, record_id)
        self.chosen.addItem(chosen)

    def remove_from_set(self) -> None:
        """Take the selected title out of the set."""
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)

    def record_ids(self) -> list[int]:
        """The records of the set, in the order chosen."""
        return [int(self.chosen.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.chosen.count())]

    def lend(self) -> bool:
        """Open the session and lend every student one copy of each title; say what
        happened to each student who did not get one."""
        if not self.record_ids():
            say(self.message, self.tr("Add the set's textbooks first."), ok=False)
            return False
        circ = self._lib.circulation
        try:
            session = circ.start_class_loan(self.class_name, self.record_ids())
            results = circ.class_loan_auto_assign(session.id)
        except UserError as exc:
            say(self.message, refusal_text(exc), ok=False)
            return False
        lent = [r for r in results if r.ok]
        refused = [r for r in results if not r.ok]
        text = self.tr("{count} copies lent to class {name}, due {due}.").format(
            count=len(lent), name=self.class_name, due=display_date(session.due))
        if refused:
            text += " " + self.tr("{count} could not be lent: see who below.").format(
                count=len(refused))
        say(self.message, text, ok=not refused)
        # Each line names its student: "Không còn bản … trên giá" eight times over told the
        # librarian nothing about who went without.
        self.output.setPlainText("\n".join(
            f"{r.patron.full_name}: {r.message}"
            if r.patron is not None and r.patron.full_name not in r.message else r.message
            for r in refused))
        self.chosen.clear()
        self.find_textbooks()  # the copies on the shelf, as they are now
        self.load_sessions(select=session.id)
        return True

    def scan_new_set(self) -> bool:
        """Open the session without handing anything out, and go to the desk to scan."""
        if not self.record_ids():
            say(self.message, self.tr("Add the set's textbooks first."), ok=False)
            return False
        try:
            session = self._lib.circulation.start_class_loan(self.class_name, self.record_ids())
        except UserError as exc:
            say(self.message, refusal_text(exc), ok=False)
            return False
        self._go_scan(session.id)
        return True

    def scan_selected_set(self) -> None:
        """Go on scanning the open set chosen in the list (the rest of the class)."""
        session = self.selected_session()
        if session is not None and session.status == "open":
            self._go_scan(session.id)

    def _go_scan(self, session_id: int) -> None:
        self.accept()
        self.scan_at_desk.emit(session_id)

    # -- earlier sets ------------------------------------------------------------------------
    def load_sessions(self, select: int | None = None) -> None:
        """List the class's sessions, newest first."""
        self.sessions = self._lib.circulation.class_loans(self.class_name)
        self.session_list.clear()
        for session in self.sessions:
            titles = ", ".join(self._lib.catalog.record(r).title for r in session.record_ids)
            state = self.tr("open") if session.status == "open" else self.tr("closed")
            self.session_list.addItem(self.tr("Due {due} ({state}): {titles}").format(
                due=display_date(session.due), state=state, titles=titles))
        ids = [s.id for s in self.sessions]
        self.session_list.setCurrentRow(ids.index(select) if select in ids else
                                        (0 if ids else -1))
        self._enable()

    def selected_session(self) -> ClassLoanSession | None:
        """The session chosen in the list."""
        row = self.session_list.currentRow()
        return self.sessions[row] if 0 <= row < len(self.sessions) else None

    def _enable(self) -> None:
        session = self.selected_session()
        self.report_button.setEnabled(session is not None)
        self.close_button.setEnabled(session is not None and session.status == "open")
        self.continue_button.setEnabled(session is not None and session.status == "open")

    def show_report(self) -> ClassLoanReport | None:
        """Per student, the copies still out (then those who have returned everything)."""
        session = self.selected_session()
        if session is None:
            return None
        report = self._lib.circulation.class_loan_report(session.id)
        self.output.setPlainText(self.report_text(report))
        say(self.message, self.tr("{count} copies still out.").format(
            count=report.missing_count), ok=report.missing_count == 0)
        return report

    def report_text(self, report: ClassLoanReport) -> str:
        """The report as lines a librarian reads out to the class: the students who still
        have (or never got) a book first, in register order, then those who returned all."""
        lines = []
        owing = [s for s in report.students if s.missing or s.not_lent]
        done = [s for s in report.students if not (s.missing or s.not_lent)]
        for student in owing + done:
            name = f"{student.patron.full_name} ({student.patron.card})"
            parts = []
            if student.missing:
                parts.append(self.tr("{name}: still has {copies}").format(
                    name=name, copies=", ".join(f"{b} “{t}”" for b, t in student.missing)))
            if student.not_lent:
                parts.append(self.tr("{name}: was not given {titles}").format(
                    name=name, titles=", ".join(student.not_lent)))
            if not parts:
                parts.append(self.tr("{name}: everything returned").format(name=name))
            lines.append("; ".join(parts))
        return "\n".join(lines)

    def close_session(self) -> ClassLoanReport | None:
        """End the selected session. With "mark as lost" ticked and copies still out, ask
        first (the question, in ``lost_question``, says how many; "No" is the default and
        Esc): nothing is closed until the librarian agrees, and None is returned."""
        session = self.selected_session()
        if session is None:
            return None
        out = self._lib.circulation.class_loan_report(session.id).missing_count
        if out and self.mark_lost.isChecked():
            self._ask_lost(session, out)
            return None
        return self._close(session, out, marked=False)

    def _ask_lost(self, session: ClassLoanSession, out: int) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Close the set"), self.tr(
            "Mark the {count} textbooks of class {name} still out as lost?").format(
            count=out, name=self.class_name), parent=self)
        box.setInformativeText(self.tr(
            "The loan of each is closed and stays on its student's record. To close the set "
            "with the copies still on loan, untick “mark the copies still out as lost”."))
        mark = box.addButton(self.tr("&Mark {count} lost").format(count=out),
                             QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("&No, go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter must not write books off
        box.setEscapeButton(keep)

        def answered(button: object) -> None:
            if button is mark:
                self._close(session, out, marked=True)

        box.buttonClicked.connect(answered)
        self.lost_question = box
        box.open()

    def _close(self, session: ClassLoanSession, out: int, marked: bool
               ) -> ClassLoanReport | None:
        try:
            report = self._lib.circulation.close_class_loan(session.id, mark_missing_lost=marked)
        except UserError as exc:
            say(self.message, refusal_text(exc), ok=False)
            return None
        self.output.setPlainText(self.report_text(report))
        if not out:
            say(self.message, self.tr("The set is closed."))
        elif marked:  # say what was written, as the stocktake's end does ("đánh dấu mất 2")
            say(self.message, self.tr("The set is closed: {count} copies still out are marked "
                                      "lost.").format(count=out), ok=False)
        else:
            say(self.message, self.tr("The set is closed: {count} copies are still out, not "
                                      "marked lost.").format(count=out), ok=False)
        self.load_sessions(select=session.id)
        return report
