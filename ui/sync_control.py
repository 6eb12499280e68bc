"""The window's link to the district server: one background sync runner for the library.

The runner (:class:`app.sync.runner.SyncRunner`) is a thread with its own database
connection; it syncs at once when started, then every :data:`INTERVAL_S`, and after a
failure backs off. Nothing here waits for the network on the GUI thread: outcomes arrive
through a queued signal. Closing the window (or letting go of the library before a restore)
stops it: an attempt waiting for the server gives up at once, one in a step on the library
is waited for until its connection is closed, the window saying so (a push is one
transaction on each side, so stopping half-way loses nothing).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from app.library import Library

INTERVAL_S = 300.0
#: Waited for silently when stopping (an attempt waiting for the server ends at once).
STOP_WAIT_S = 2.0
#: Then waited for with the window saying so: a step on the library finishing (each of its
#: statements waits at most the busy timeout for a lock).
STOP_WAIT_MORE_S = 30.0


class SyncControl(QObject):
    """Starts, triggers and stops the library's sync runner; ``outcome`` carries each
    attempt's :class:`app.sync.runner.RunOutcome` to the GUI thread."""

    outcome = Signal(object)
    #: Stopping takes more than a moment: the window says so ("Đang dừng đồng bộ…").
    stopping = Signal()

    def __init__(self, lib: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lib = lib
        self._runner: Any = None

    @property
    def running(self) -> bool:
        """True while the background runner is alive."""
        return self._runner is not None and bool(self._runner.running)

    def enrolled(self) -> bool:
        """True when this library holds a token for a district server."""
        try:
            return self._lib.sync.token_store().load() is not None
        except Exception:  # an unreadable keyring or token file: sync stays off, the page says
            return False

    def start_if_enrolled(self) -> bool:
        """Start the runner when the library is enrolled (the window opening)."""
        if self.enrolled():
            self.start()
        return self.running

    def start(self) -> None:
        """Start the runner (its first sync runs at once); a no-op when running."""
        if self._runner is None:
            self._runner = self._lib.sync.runner(interval=INTERVAL_S,
                                                 on_outcome=self.outcome.emit)
            self._runner.start()

    def sync_now(self) -> None:
        """Sync at once, in the background (starting the runner if needed)."""
        if self._runner is None:
            self.start()
        else:
            self._runner.trigger()

    def stop(self) -> bool:
        """Stop the runner (the window closing, the library let go of before a restore) and
        wait until its thread has closed its connection to the library (``stopping`` is
        emitted when that takes more than :data:`STOP_WAIT_S`); True when it has."""
        if self._runner is None:
            return True
        ended = bool(self._runner.stop(STOP_WAIT_S))
        if not ended:
            self.stopping.emit()
            ended = bool(self._runner.stop(STOP_WAIT_MORE_S))
        self._runner = None
        return ended
