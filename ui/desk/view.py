"""The desk: one big scan field, the answer banner, the current patron, this session's list.

Everything works from the scanner and the keyboard: F2/F3/F4 choose the mode (automatic,
checkout only, checkin only), F5 renews the selected loan (or the copy scanned last), F6
previews and prints the current patron's loan slip, F7 switches the webcam on or off (its codes
go through the same ``scan()`` as the USB scanner's), F8 previews and prints the overdue letters
by class, F10 renews the current reader's card (gia hạn thẻ, asked first: F10 again confirms),
Ctrl+T takes money for the current reader's fines and lost-book charges (all or a part: see
``ui.desk.payment``), Esc forgets the patron. Slips and letters are drawn off the GUI thread and shown in the
label preview (``ui.labels.document_view``: print, save PDF). The scan field gets focus back
after every action. The panel always shows what the database holds after the scan (a refused
scan changes nothing there, so the desk can never be left half-changed).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.circulation.clock_check import ClockBehind
from app.circulation.codes import normalise
from app.circulation.fines import format_dong
from app.circulation.results import DeskResult
from app.errors import UserError
from app.library import Library
from ui.camera.panel import CameraPanel
from ui.desk.clock_banner import ClockBanner
from ui.desk.patron_panel import PatronPanel
from ui.desk.payment import PaymentDialog
from ui.desk.sound import DeskSounds
from ui.format import display_date, local_time
from ui.operations import Operation, Operations
from ui.scanner import ScanField
from ui.style import BAD_FG, OK_FG, WARN_BG, WARN_FG, show_banner

if TYPE_CHECKING:  # the drawing and preview modules load ReportLab: only when printing
    from app.labels.surface import Recording
    from ui.labels.document_view import DocumentPreviewDialog

log = logging.getLogger(__name__)

# Successful answers that still need the librarian's eyes (amber rather than green).
ATTENTION = {"checked_in_hold", "patron_selected_blocked", "patron_selected_expired",
             "repeat_ignored"}
#: How long the desk waits for the second F9 that confirms a lost book.
LOST_CONFIRM_SECONDS = 10.0
#: Below this width (a 1024 px screen, beside the navigation) the session list goes under
#: the patron, across the desk: beside it, it was 120 px wide and each answer took 5-9 lines.
NARROW_DESK = 1000
MODE_KEYS = (("auto", Qt.Key.Key_F2), ("checkout", Qt.Key.Key_F3), ("checkin", Qt.Key.Key_F4),
             ("reading", Qt.Key.Key_F11))


def result_kind(result: DeskResult) -> str:
    """``ok``, ``warn`` or ``bad``: the colour and sound a desk answer deserves (a fine just
    recorded, or a patron who owes fines, is amber: money to collect; so is a card scanned by
    a pupil with overdue books, who will be refused the next book, or whose held book waits
    on the hold shelf, to be fetched; so is a done thing that
    suggests another, e.g. a lent copy found on a reading-room table)."""
    if not result.ok:
        return "bad"
    if result.fine is not None or result.params.get("owed") or result.offers:
        return "warn"
    if result.code.startswith("patron_selected") and (result.params.get("overdue")
                                                      or result.params.get("holds_ready")):
        return "warn"
    return "warn" if result.code in ATTENTION else "ok"


class DeskView(QWidget):
    """The circulation desk. ``changed`` fires after anything that wrote to the database."""

    changed = Signal()

    def __init__(self, lib: Library, operations: Operations, sounds: DeskSounds | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._operations = operations
        self.sounds = sounds or DeskSounds()
        self.last_result: DeskResult | None = None
        self._last_barcode: str | None = None
        self._pending_lost: tuple[str, float] | None = None
        self._pending_card: tuple[int, str, float] | None = None  # patron, new expiry, when
        self.document_preview: DocumentPreviewDialog | None = None
        self.payment_dialog: PaymentDialog | None = None

        self.scan_field = ScanField()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setPlaceholderText(self.tr("Scan a library card or a book…"))
        self.scan_field.scanned.connect(self.scan)
        self.mode_buttons: dict[str, QPushButton] = {}
        self._mode_group = QButtonGroup(self)
        labels = {"auto": self.tr("F2 Automatic"), "checkout": self.tr("F3 Check out"),
                  "checkin": self.tr("F4 Check in"), "reading": self.tr("F11 Read here")}
        mode_row = QHBoxLayout()
        for mode, _key in MODE_KEYS:
            button = QPushButton(labels[mode])
            button.setObjectName("mode")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self._mode_group.addButton(button)
            self.mode_buttons[mode] = button
            mode_row.addWidget(button)
        mode_row.addWidget(self.scan_field, 1)

        # While a textbook set is handed out by scanning: which class, and the way back.
        self.class_loan_label = QLabel()
        self.class_loan_label.setWordWrap(True)
        self.class_loan_stop = QPushButton(self.tr("Stop (back to the ordinary desk)"))
        self.class_loan_stop.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.class_loan_stop.clicked.connect(self.stop_class_loan)
        self.class_loan_strip = QWidget()
        self.class_loan_strip.setObjectName("classLoanStrip")
        self.class_loan_strip.setStyleSheet(
            f"QWidget#classLoanStrip {{ background: {WARN_BG}; border-radius: 6px; }} "
            f"QLabel {{ color: {WARN_FG}; font-weight: bold; }}")
        strip = QHBoxLayout(self.class_loan_strip)
        strip.setContentsMargins(12, 6, 12, 6)
        strip.addWidget(self.class_loan_label, 1)
        strip.addWidget(self.class_loan_stop)

        self.clock_banner = ClockBanner(lib.db)  # a PC back in 2009: why nothing is lent
        self.banner = QLabel()
        self.banner.setObjectName("deskMessage")
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(64)
        self.patron_panel = PatronPanel(lib)
        self.session = QTableWidget(0, 3)
        self.session.setObjectName("deskTable")
        self.session.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Code"),
                                                self.tr("Result")])
        self.session.verticalHeader().hide()
        self.session.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.session.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.session.setWordWrap(True)
        header = self.session.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows keep the height of the width they were logged at: when the column narrows (the
        # scroll bar appears, the window or the splitter is resized) they grow to show their
        # whole answer instead of ending in "…".
        # Once the resizing is over: while the header says so the rows still measure the old
        # width.
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.timeout.connect(self.session.resizeRowsToContents)
        header.sectionResized.connect(
            lambda column, _old, _new: column == 2 and self._fit_rows.start(0))
        # The webcam is a second scanner: its codes take the scan field's path exactly.
        self.camera = CameraPanel()
        self.camera.scanned.connect(self.scan)
        self.camera.problem.connect(self._camera_problem)
        session_box = QWidget()
        self._session_layout = QVBoxLayout(session_box)
        self._session_layout.setContentsMargins(0, 0, 0, 0)
        self._session_layout.addWidget(self.camera)
        session_title = QLabel(self.tr("This session"))
        session_title.setObjectName("sectionTitle")
        self._session_layout.addWidget(session_title)
        self._session_layout.addWidget(self.session, 1)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.patron_panel)
        splitter.addWidget(session_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.narrow = False  # the session list under the patron (see NARROW_DESK)
        hint = QLabel(self.tr("F2 automatic · F3 check out · F4 check in · F11 read here · "
                              "F5 renew · F6 print loan slip · F7 camera · F9 book lost · "
                              "F10 renew card · F12 visitor without a card · ↑↓ choose a loan · "
                              "Esc clear patron"))
        hint.setObjectName("keysHint")
        hint.setWordWrap(True)
        # F8's only hint is its button (the key line above must fit beside it on a 1024 px screen).
        self.letters_button = QPushButton(self.tr("F8 Overdue letters…"))
        self.letters_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.letters_button.clicked.connect(self.print_overdue_letters)
        self.payment_button = QPushButton(self.tr("Ctrl+T Take payment…"))
        self.payment_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.payment_button.clicked.connect(self.take_payment)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.payment_button)
        bottom.addWidget(self.letters_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(mode_row)
        layout.addWidget(self.class_loan_strip)
        layout.addWidget(self.clock_banner)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        for mode, key in MODE_KEYS:
            self._shortcut(key, lambda m=mode: self.set_mode(m))
        self._shortcut(Qt.Key.Key_F5, self.renew)
        self._shortcut(Qt.Key.Key_F6, self.print_slip)
        self._shortcut(Qt.Key.Key_F7, self.toggle_camera)
        self._shortcut(Qt.Key.Key_F8, self.print_overdue_letters)
        self._shortcut(Qt.Key.Key_F9, self.report_lost)
        self._shortcut(Qt.Key.Key_F10, self.renew_card)
        self._shortcut(Qt.Key.Key_F12, self.count_walk_in)
        self._shortcut(Qt.Key.Key_Escape, self.escape)
        payment = QShortcut(QKeySequence("Ctrl+T"), self)
        payment.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        payment.activated.connect(self.take_payment)
        # Up/Down choose one of the reader's loans for F5 (renew) and F9 (lost), no mouse.
        for key, step in ((Qt.Key.Key_Down, 1), (Qt.Key.Key_Up, -1)):
            move = QShortcut(QKeySequence(key), self.scan_field)
            move.setContext(Qt.ShortcutContext.WidgetShortcut)
            move.activated.connect(lambda s=step: self.patron_panel.move_selection(s))

        self._show_mode(lib.circulation.desk.mode())
        self._show_class_loan()  # a set still being handed out when the app last closed
        kept = lib.circulation.desk.current_patron()  # the desk remembers across restarts
        if kept is None:
            show_banner(self.banner, "idle", self.tr("Ready. Scan a library card, then the books."))
        else:  # say so, or the first book of the morning goes to yesterday's last reader
            show_banner(self.banner, "warn", self.tr(
                "{name} is still the current patron from the last session: books scanned now "
                "are lent to them. Esc clears the patron.").format(name=kept.full_name))
        self.patron_panel.show_patron(self._current_patron_id())

    def _shortcut(self, key: Qt.Key, slot: object) -> None:
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    # -- actions ---------------------------------------------------------------------------
    def scan(self, code: str) -> DeskResult | None:
        """Send one scanned *code* to the desk and show the answer at once (the session
        names it as read: no scanner prefix such as ']C1', as the desk looks it up)."""
        code = normalise(code)
        self._pending_lost = None
        self._pending_card = None
        if not code:
            self.focus_scan()
            return None
        try:
            result = self._lib.circulation.desk.scan(code)
        except UserError as exc:  # e.g. the database is locked: nothing changed
            self._refused(code, exc)
            return None
        except Exception as exc:  # a bug: the scan's transaction was rolled back
            log.exception("desk scan of %r failed", code)
            self._answer_error(code, self.tr("Unexpected error: {error}").format(error=exc))
            return None
        if self.clock_banner.isVisible():  # the date was set right: no strip saying otherwise
            self.clock_banner.recheck()
        if result.item is not None:
            self._last_barcode = result.item.barcode
        elif result.code.startswith("patron_selected"):
            self._last_barcode = None  # the copy scanned before was the previous reader's
        self._answer(code, result)
        return result

    def set_mode(self, mode: str) -> None:
        """Choose automatic / checkout only / checkin only."""
        result = self._lib.circulation.desk.set_mode(mode)
        self._show_mode(mode)
        show_banner(self.banner, "idle", result.message)
        self.focus_scan()

    def renew(self) -> None:
        """Renew the loan selected in the patron panel, else the copy scanned last for this
        reader, else the reader's only loan."""
        barcode = self._target_barcode()
        if not barcode:
            self._stop_before_starting(self.tr(
                "Nothing to renew: select a loan or scan the book first."))
            return
        try:
            result = self._lib.circulation.renew(barcode)
        except UserError as exc:  # the PC's clock is behind: nothing renewed
            self._refused(barcode, exc)
            return
        self._answer(barcode, result)

    def _target_barcode(self) -> str | None:
        """The copy F5 and F9 act on: the loan selected in the patron panel, else the copy
        scanned last since this reader's card, else the reader's only loan."""
        return (self.patron_panel.selected_barcode() or self._last_barcode
                or self.patron_panel.only_loan_barcode())

    def count_walk_in(self) -> None:
        """F12: one more visitor without a card (counted in the reading-room tally)."""
        try:
            result = self._lib.circulation.record_walk_ins(1)
        except UserError as exc:  # the PC's clock is behind: not counted
            self._refused("F12", exc)
            return
        self._answer("F12", result)

    def report_lost(self) -> DeskResult | None:
        """F9: the loan selected in the patron panel (else the copy scanned last) is lost.

        The first press only asks; a second F9 on the same copy within
        ``LOST_CONFIRM_SECONDS`` marks it lost (no dialog: the scanner keeps the keyboard).
        A scan or Esc in between forgets the question."""
        barcode = self._target_barcode()
        if not barcode:
            self._stop_before_starting(self.tr(
                "Nothing to mark lost: select a loan or scan the book first."))
            return None
        self._pending_card = None
        now = time.monotonic()
        pending, self._pending_lost = self._pending_lost, None
        if pending is not None and pending[0] == barcode \
                and now - pending[1] <= LOST_CONFIRM_SECONDS:
            try:
                result = self._lib.circulation.mark_lost(barcode)
            except UserError as exc:
                self._refused(barcode, exc)
                return None
            self._answer(barcode, result)
            return result
        self._pending_lost = (barcode, now)
        show_banner(self.banner, "warn", self.tr(
            "Mark {barcode} lost? Press F9 again to confirm; scan or Esc to cancel.").format(
                barcode=barcode))
        self.focus_scan()
        return None

    def renew_card(self) -> None:
        """F10: renew (gia hạn) the current reader's card by the default validity of their
        category. The first press says to what day and asks; a second F10 within
        ``LOST_CONFIRM_SECONDS`` renews (no dialog: the scanner keeps the keyboard)."""
        self._pending_lost = None
        patron_id = self._current_patron_id()
        if patron_id is None:
            self._stop_before_starting(self.tr(
                "Scan a library card first: F10 renews the card of the current patron."))
            return
        now = time.monotonic()
        pending, self._pending_card = self._pending_card, None
        try:
            if pending is not None and pending[0] == patron_id \
                    and now - pending[2] <= LOST_CONFIRM_SECONDS:
                patron = self._lib.patrons.renew_card(patron_id, until=pending[1])
                message = self.tr("Renewed the card {card} of {name} until {date}.").format(
                    card=patron.card, name=patron.full_name, date=display_date(patron.expires_on))
                show_banner(self.banner, "ok", message)
                self.sounds.play("ok")
                self._log(patron.card, message, "ok")
                self.patron_panel.show_patron(patron_id)
                self.changed.emit()
                self.focus_scan()
                return
            until = self._lib.patrons.renewal_date(patron_id)
        except UserError as exc:
            self._refused("F10", exc)
            return
        patron = self._lib.patrons.get(patron_id)
        self._pending_card = (patron_id, until, now)
        show_banner(self.banner, "warn", self.tr(
            "Renew the card of {name} until {date}? Press F10 again to confirm; scan or Esc to "
            "cancel.").format(name=patron.full_name, date=display_date(until)))
        self.focus_scan()

    def take_payment(self) -> PaymentDialog | None:
        """Ctrl+T: the current reader pays all or part of their fines and lost-book charges
        (the dialog opens with the whole debt, typed over for a part). Returns the dialog."""
        self._pending_lost = None
        self._pending_card = None
        patron = self._lib.circulation.desk.current_patron()
        if patron is None:
            self._stop_before_starting(self.tr(
                "Scan a library card first: Ctrl+T takes the current patron's payment."))
            return None
        if self._lib.circulation.fines.outstanding(patron.id)[0] <= 0:
            show_banner(self.banner, "idle", self.tr("{name} owes nothing.").format(
                name=patron.full_name))
            self.focus_scan()
            return None
        dialog = PaymentDialog(self._lib, patron.id, self)
        dialog.accepted.connect(lambda: self._paid(dialog, patron.full_name))
        dialog.finished.connect(lambda _code: self._back_from_dialog())
        self.payment_dialog = dialog
        dialog.open()
        dialog.amount.setFocus()
        return dialog

    def _back_from_dialog(self) -> None:
        """The scanner's keystrokes go to the scan field again once a dialog has closed."""
        self.window().activateWindow()
        self.focus_scan()

    def _paid(self, dialog: PaymentDialog, name: str) -> None:
        owed = dialog.still_owed()
        message = self.tr("Received {amount} from {name}.").format(
            amount=format_dong(dialog.received), name=name)
        if owed:
            message += " " + self.tr("Still owed: {amount}.").format(amount=format_dong(owed))
        else:
            message += " " + self.tr("Nothing more is owed.")
        show_banner(self.banner, "ok", message)
        self.sounds.play("ok")
        self._log(self.tr("Payment"), message, "ok")
        self.patron_panel.show_patron(self._current_patron_id())
        self.changed.emit()
        self.focus_scan()
        if dialog.print_receipt.isChecked():
            self.print_receipt(dialog.patron_id)

    def print_receipt(self, patron_id: int) -> Operation | None:
        """Draw the receipt of *patron_id*'s last payment (what was received, when, for what,
        and what is still owed) off the GUI thread and preview it. None when they never paid."""
        fines = self._lib.circulation.fines
        payments = fines.last_payments(patron_id)
        if not payments:
            return None
        owed = fines.outstanding(patron_id)[0]
        library_name, today = self._library_name(), self._lib.circulation.today()

        def draw() -> Recording:
            from app.circulation.receipt import receipt_document

            return receipt_document(payments, owed, library_name, today)

        summary = self.tr("{name}: received {amount}").format(
            name=payments[0].patron_name or "",
            amount=format_dong(sum(p.amount for p in payments)))
        return self._preview(draw, self.tr("Receipt"),
                             f"phieu-thu-{payments[0].patron_card or patron_id}-"
                             f"{today.isoformat()}.pdf", summary)

    def start_class_loan(self, session_id: int) -> None:
        """Scans from now on hand out textbook set *session_id*: each student's card, then
        the copies given to them (other books are refused) until :meth:`stop_class_loan`."""
        self._lib.circulation.desk.set_class_loan(session_id)
        if self._lib.circulation.desk.mode() in ("checkin", "reading"):
            # Left in "check in only" (or reading) from before, every textbook scanned was
            # answered "nobody has borrowed it" and nothing was handed out.
            self._lib.circulation.desk.set_mode("auto")
            self._show_mode("auto")
        self._show_class_loan()
        show_banner(self.banner, "idle", self.tr(
            "Scan a student's card, then each textbook handed to them."))
        self.focus_scan()

    def stop_class_loan(self) -> None:
        """Back to ordinary lending (the set stays open: its report is in Patrons)."""
        self._lib.circulation.desk.set_class_loan(None)
        self._show_class_loan()
        show_banner(self.banner, "idle", self.tr("Back to the ordinary desk."))
        self.focus_scan()

    def _show_class_loan(self) -> None:
        session_id = self._lib.circulation.desk.class_loan_id()
        session = next((s for s in self._lib.circulation.class_loans() if s.id == session_id),
                       None)
        if session is None or session.status != "open":
            if session_id is not None:  # closed meanwhile: nothing to hand out any more
                self._lib.circulation.desk.set_class_loan(None)
            self.class_loan_strip.hide()
            return
        self.class_loan_label.setText(self.tr(
            "Handing out textbooks to class {name} (due {due}): every copy scanned goes to the "
            "student whose card was scanned last; books outside the set are refused.").format(
            name=session.class_name, due=display_date(session.due)))
        self.class_loan_strip.show()

    def toggle_camera(self) -> None:
        """Switch the webcam on or off (F7); the scan field keeps the keyboard."""
        self.camera.toggle()
        self.focus_scan()

    def shutdown(self) -> None:
        """Let the camera go (the window is closing)."""
        self.camera.shutdown()

    def escape(self) -> None:
        """Esc: a pending "mark lost?" question is answered no (the patron stays selected);
        with no question pending, the patron is cleared."""
        if self._pending_lost is not None:
            barcode, self._pending_lost = self._pending_lost[0], None
            show_banner(self.banner, "idle",
                        self.tr("{barcode} is not marked lost.").format(barcode=barcode))
            self.focus_scan()
            return
        if self._pending_card is not None:
            self._pending_card = None
            show_banner(self.banner, "idle", self.tr("The card is not renewed."))
            self.focus_scan()
            return
        self.clear_patron()

    def clear_patron(self) -> None:
        """Forget the current patron (the next borrower steps up)."""
        self._pending_lost = None
        self._pending_card = None
        self._last_barcode = None
        result = self._lib.circulation.desk.clear_patron()
        self.patron_panel.show_patron(None)
        show_banner(self.banner, "idle", result.message)
        self.focus_scan()

    def print_slip(self) -> Operation | None:
        """Draw the current patron's loan slip off the GUI thread and preview it (print, save
        the PDF). Returns the drawing operation, None when there is no patron."""
        patron_id = self._current_patron_id()
        slip = self._lib.circulation.open_loans(patron_id) if patron_id is not None else None
        if slip is None:
            self._stop_before_starting(self.tr(
                "Scan a library card first: the slip is for one patron."))
            return None
        library_name, today = self._library_name(), self._lib.circulation.today()

        def draw() -> Recording:
            from app.circulation.documents import slip_document

            return slip_document(slip, library_name, today)

        summary = self.tr("{name}: {count} book(s) on loan").format(
            name=slip.patron.full_name, count=len(slip.loans))
        return self._preview(draw, self.tr("Loan slip"), f"phieu-muon-{slip.patron.card}.pdf",
                             summary)

    def print_overdue_letters(self) -> Operation | None:
        """Draw the overdue letters (one class per page, for homeroom teachers) off the GUI
        thread and preview them. Returns the drawing operation, None when nothing is overdue."""
        letters = self._lib.circulation.overdue_letters()
        if not letters:
            show_banner(self.banner, "idle", self.tr(
                "Nothing is overdue: there are no letters to print."))
            self.focus_scan()
            return None
        library_name, today = self._library_name(), self._lib.circulation.today()

        def draw() -> Recording:
            from app.circulation.documents import letters_document

            return letters_document(letters, library_name, today)

        summary = self.tr("{classes} class(es), {patrons} patron(s) with overdue books").format(
            classes=len(letters), patrons=sum(len(letter.students) for letter in letters))
        return self._preview(draw, self.tr("Overdue letters"),
                             f"thu-bao-qua-han-{today.isoformat()}.pdf", summary)

    def _library_name(self) -> str:
        return str(self._lib.settings.get("library_name", "") or "")

    def _preview(self, draw: Callable[[], Recording], title: str, file_name: str,
                 summary: str) -> Operation:
        operation = self._operations.run(lambda _progress: draw(), title=title)
        operation.succeeded.connect(
            lambda document: self._show_document(document, title, file_name, summary))
        operation.failed.connect(lambda exc: show_banner(self.banner, "bad", str(exc)))
        self.focus_scan()
        return operation

    def _show_document(self, document: Recording, title: str, file_name: str,
                       summary: str) -> None:
        from ui.labels.document_view import DocumentPreviewDialog

        dialog = DocumentPreviewDialog(document, self._operations, title, self,
                                       file_name=file_name, summary=summary)
        dialog.finished.connect(lambda _code: self.focus_scan())
        self.document_preview = dialog
        dialog.open()

    # -- showing ---------------------------------------------------------------------------
    def focus_scan(self) -> None:
        """Give the scan field the keyboard again."""
        if self.isVisible():
            self.scan_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def resizeEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._arrange(self.width() < NARROW_DESK)

    def _arrange(self, narrow: bool) -> None:
        """Side by side on a wide screen; on a narrow one the session list goes under the
        patron, as wide as the desk (its answers on one or two lines), and the camera beside
        the patron's name, where the panel has room to spare."""
        if narrow == self.narrow:
            return
        self.narrow = narrow
        # the hint in the scan field whole beside the mode buttons ("Quét thẻ bạn đọc ho…")
        self.scan_field.setPlaceholderText(
            self.tr("Scan a card or a book…") if narrow
            else self.tr("Scan a library card or a book…"))
        if narrow:
            self.splitter.setOrientation(Qt.Orientation.Vertical)
            self.patron_panel.set_side_widget(self.camera)
        else:
            self.splitter.setOrientation(Qt.Orientation.Horizontal)
            self.patron_panel.set_side_widget(None)
            self._session_layout.insertWidget(0, self.camera)
        self.camera.show()  # moved to another parent: hidden until shown again
        QTimer.singleShot(0, self._share_splitter)

    def _share_splitter(self) -> None:
        """The patron three fifths, the session list the rest (once the splitter
        has its new orientation's size)."""
        total = sum(self.splitter.sizes())
        first = total * 3 // 5
        self.splitter.setSizes([first, total - first])
        self._fit_rows.start(0)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)  # type: ignore[arg-type]
        self.patron_panel.show_patron(self._current_patron_id())
        self._show_class_loan()  # the set may have been closed in Patrons meanwhile
        self.focus_scan()

    def _current_patron_id(self) -> int | None:
        patron = self._lib.circulation.desk.current_patron()
        return patron.id if patron else None

    def _show_mode(self, mode: str) -> None:
        if mode in self.mode_buttons:
            self.mode_buttons[mode].setChecked(True)

    def _answer(self, code: str, result: DeskResult) -> None:
        kind = result_kind(result)
        self.last_result = result
        show_banner(self.banner, kind, result.message)
        self.sounds.play("ok" if kind != "bad" else "bad")
        self._log(code, result.message, kind)
        self.patron_panel.show_patron(self._current_patron_id())
        if result.ok:
            self.changed.emit()
        self.focus_scan()

    def _camera_problem(self, message: str) -> None:
        # No dialog: a modal box would take the keyboard from the USB scanner.
        show_banner(self.banner, "warn", message)
        self.focus_scan()

    def _refused(self, code: str, exc: UserError) -> None:
        """Show a refusal; one refused for the clock's date says it in one short line when
        the red strip above already explains it (not the whole text three times over)."""
        if not isinstance(exc, ClockBehind):
            self._answer_error(code, exc.message)
            return
        self.clock_banner.recheck()
        if self.clock_banner.isVisible():
            self._answer_error(code, self.tr(
                "Stopped: this computer's date is in question — see the red strip above."))
        else:  # the strip could not be shown (the file locked just now): the whole reason
            self._answer_error(code, exc.verdict.window_message)

    def _stop_before_starting(self, message: str) -> None:
        """Nothing can be done yet (no reader, no loan chosen): *message* in the red strip,
        the refusal's sound, and the keyboard back in the scan field. Nothing is logged."""
        show_banner(self.banner, "bad", message)
        self.sounds.play("bad")
        self.focus_scan()

    def _answer_error(self, code: str, message: str) -> None:
        show_banner(self.banner, "bad", message)
        self.sounds.play("bad")
        self._log(code, message, "bad")
        self.patron_panel.show_patron(self._current_patron_id())
        self.focus_scan()

    def _log(self, code: str, message: str, kind: str) -> None:
        self.session.insertRow(0)
        colour = QBrush(QColor({"ok": OK_FG, "warn": WARN_FG}.get(kind, BAD_FG)))
        for column, text in enumerate((local_time(), code, message)):
            cell = QTableWidgetItem(text)
            cell.setForeground(colour)
            self.session.setItem(0, column, cell)
        self.session.resizeRowToContents(0)
