"""USB barcode scanners type like a keyboard: the scan field and the scan-burst filter.

- :class:`ScanField` takes raw keystrokes: the input method is disabled on it
  (``WA_InputMethodEnabled`` false — Qt's input-method hints were shown not to be enough — and
  ``ImEnabled`` answered false, which is what input contexts ask), so a
  Vietnamese IME (Unikey, ibus-unikey) cannot turn ``DD01`` into ``Đ01`` or ``AA`` into ``Â``.
- :class:`ScanBurstFilter` watches every key press of the window: a burst of characters faster
  than a person types, ending in Enter, is a scan even when focus is in another widget. The
  first character has already reached that widget when the burst is recognised; it is taken
  back, the rest is swallowed, and the code is emitted as ``scanned``. Keys typed at human
  speed pass through untouched (held keys are replayed if the burst stops short, and before
  any mouse click, so a code typed fast and a button clicked at once see the whole code).
  Views where a scan is never expected (the settings: codes and addresses typed by hand, as
  fast as xdotool or a practised typist) carry the property ``typingOnly``; inside them the
  filter does nothing.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MAX_GAP_S = 0.05   # scanners send a key every 1–30 ms; people rarely type faster than 60 ms
MIN_LENGTH = 4     # shorter bursts are treated as typing
ACCEPTS_SCANS = "acceptsScans"  # property: a field where a scan should land as text (ISBN…)
TYPING_ONLY = "typingOnly"  # property: a view where no scan is expected (the settings)
CLICKS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


class ScanField(QLineEdit):
    """The desk's scan field: raw keys only, ``scanned(code)`` on Enter, then empty again."""

    scanned = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly
                                 | Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhNoAutoUppercase)
        self.setProperty(ACCEPTS_SCANS, True)
        self.returnPressed.connect(self._emit)

    def inputMethodQuery(self, query: Qt.InputMethodQuery, *args: object) -> object:  # noqa: N802
        """Tell the platform input method (ibus, Windows IMM, …) this field takes none.

        QLineEdit answers ``ImEnabled`` true whatever the widget attribute says, and that
        answer is what input contexts consult before filtering keys, so say no here too.
        """
        if query == Qt.InputMethodQuery.ImEnabled:
            return False
        return super().inputMethodQuery(query, *args)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 (Qt API)
        """Composed text never enters a scan field (an IME must not rewrite a code)."""
        event.ignore()

    def _emit(self) -> None:
        code = self.text().strip()
        self.clear()
        if code:
            self.scanned.emit(code)


def _removes_leaked(widget: QWidget, leaked: str) -> None:
    """Take back the characters of a scan that reached *widget* before it was recognised."""
    if isinstance(widget, QLineEdit):
        for _ in leaked:
            widget.backspace()
    elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
        cursor = widget.textCursor()
        for _ in leaked:
            cursor.deletePreviousChar()


class ScanBurstFilter(QObject):
    """Application-wide key filter recognising scanner bursts outside the scan field.

    Only key presses for widgets inside *window* (and no modal dialog open) are looked at;
    fields that accept scans as text (property ``acceptsScans``) are left alone.
    """

    scanned = Signal(str)

    def __init__(self, window: QWidget, *, max_gap: float = MAX_GAP_S,
                 min_length: int = MIN_LENGTH,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self._window = window
        self.max_gap = max_gap
        self.min_length = min_length
        self.clock = clock
        self._chars: list[str] = []
        self._held: list[QKeyEvent] = []
        self._leaked = ""
        self._target: QWidget | None = None
        self._last = 0.0
        self._replaying = False
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self.flush)

    # -- deciding --------------------------------------------------------------------------
    def _watches(self, obj: QObject) -> QWidget | None:
        focus = QApplication.focusWidget()
        if focus is None or obj is not focus or QApplication.activeModalWidget() is not None:
            return None
        if focus.window() is not self._window or focus.property(ACCEPTS_SCANS):
            return None
        widget: QWidget | None = focus
        while widget is not None:
            if widget.property(TYPING_ONLY):
                return None
            widget = widget.parentWidget()
        return focus

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if self._replaying:
            return False
        if event.type() in CLICKS and self._held:
            self.flush()  # the keys reach their field before the click acts on it
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        target = self._watches(obj)
        if target is None:
            return False
        assert isinstance(event, QKeyEvent)
        now = self.clock()
        fast = bool(self._chars) and target is self._target and now - self._last <= self.max_gap
        if event.key() in ENTER_KEYS:
            if fast and len(self._chars) >= self.min_length:
                code = "".join(self._chars)
                _removes_leaked(target, self._leaked)
                self._reset()
                self.scanned.emit(code)
                return True
            self.flush()
            return False
        text = event.text()
        if len(text) != 1 or not text.isprintable() or event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            if text == "" and event.key() in (Qt.Key.Key_Shift, Qt.Key.Key_CapsLock):
                return False  # scanners press Shift for capitals
            self.flush()
            return False
        if fast:
            self._chars.append(text)
            self._held.append(QKeyEvent(QEvent.Type.KeyPress, event.key(), event.modifiers(),
                                        text))
            self._last = now
            self._flush_timer.start(int(self.max_gap * 3000))
            return True
        self.flush()
        self._chars, self._leaked, self._target, self._last = [text], text, target, now
        return False

    # -- undoing ---------------------------------------------------------------------------
    def flush(self) -> None:
        """Not a scan after all: give the held keys to the widget they were meant for."""
        self._flush_timer.stop()
        held, target = self._held, self._target
        self._reset()
        if not held or target is None:
            return
        self._replaying = True
        try:
            for key_event in held:
                QApplication.sendEvent(target, key_event)
        finally:
            self._replaying = False

    def _reset(self) -> None:
        self._chars, self._held, self._leaked, self._target = [], [], "", None
