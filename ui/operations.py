"""The one helper that runs long work off the GUI thread, with progress and cancel.

MARC import, PDF generation and sync go through :class:`Operations`; the GUI thread never
waits for them. The work function is plain Python (it never touches widgets) and gets a
:class:`Progress` to report to and to ask whether the user pressed Cancel::

    def work(progress: Progress) -> ImportReport:
        with Library.open(path) as own:          # its own SQLite connection
            return own.catalog.import_marc(file, progress.report, progress.cancelled)

    op = window.operations.run(work, title=self.tr("Importing MARC"))
    op.succeeded.connect(self.show_report)

Work that writes to the database opens its own connection (``Library.open(lib.path)``):
SQLite in WAL mode lets the desk keep reading and writing meanwhile.

Once :meth:`Operations.shutdown` has run (the window closing, or letting go of the library
before a restore) the views' answers are dropped: work still running finishes, but neither
``succeeded``, ``failed`` nor ``finished`` is emitted, so no view reads the library it was
showing after that library was closed; work asked for afterwards is never started (it would
open the library file again, in the middle of a restore).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QLocale, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
REPORT_EVERY_S = 0.033


class Progress:
    """What a work function sees: ``report(done, total)`` and ``cancelled()``."""

    def __init__(self, operation: Operation) -> None:
        self._operation = operation
        self._last = 0.0

    def report(self, done: int, total: int = 0) -> None:
        """Say how far the work is (*total* 0 when unknown); at most ~30 updates a second
        reach the window, plus the last one."""
        now = time.monotonic()
        if now - self._last < REPORT_EVERY_S and not (total and done >= total):
            return
        self._last = now
        self._operation.progress.emit(int(done), int(total))

    def cancelled(self) -> bool:
        """True once the user asked to stop; the work should return soon after."""
        return self._operation.is_cancelled()


class Operation(QObject):
    """One piece of background work; its signals arrive on the GUI thread."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    dropped = Signal()  # its answer will never be given (the library was let go of)

    def __init__(self, title: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._cancel = threading.Event()
        self._done = False
        self._dropped = False
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        """Ask the work to stop (it decides when; its result still arrives)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()

    @property
    def done(self) -> bool:
        """True once the work has ended: after ``succeeded`` or ``failed`` was emitted (or
        its answer was dropped)."""
        return self._done

    @property
    def is_dropped(self) -> bool:
        """True once its answer is to be dropped (see :meth:`Operations.shutdown`)."""
        return self._dropped

    def drop(self) -> None:
        """Ask the work to stop and give no answer: whoever waits for it is gone."""
        self.cancel()
        if not self._dropped:
            self._dropped = True
            self.dropped.emit()

    def _finish(self, result: Any, error: BaseException | None) -> None:
        self.result, self.error, self._done = result, error, True
        if self._dropped:
            return
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.finished.emit()


class _Relay(QObject):
    """Carries the outcome from the worker thread to the GUI thread (queued signal)."""

    outcome = Signal(object, object)


class _Runner(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], operation: Operation) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._work = work
        self._operation = operation
        self._relay = _Relay()
        self._relay.outcome.connect(operation._finish)

    def run(self) -> None:
        try:
            result = self._work(Progress(self._operation))
        except BaseException as exc:  # reported to the GUI, never lost
            log.debug("operation %r failed", self._operation.title, exc_info=True)
            self._relay.outcome.emit(None, exc)
            return
        self._relay.outcome.emit(result, None)


class Operations(QObject):
    """Runs work functions on a thread pool and keeps them alive until they finish."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running: set[Operation] = set()
        self._closed = False

    @property
    def closed(self) -> bool:
        """True after :meth:`shutdown`: nothing more is started."""
        return self._closed

    def run(self, work: Callable[[Progress], Any], *, title: str = "",
            dialog_parent: QWidget | None = None, cancellable: bool = True,
            in_bytes: bool = False) -> Operation:
        """Start *work* off the GUI thread; with *dialog_parent*, show a progress dialog
        (*in_bytes*: the work reports bytes of a file read, shown in MB). After
        :meth:`shutdown` the work is not started and the operation is dropped at once."""
        operation = Operation(title, self)
        if self._closed:
            log.debug("operation %r not started: the library was let go of", title)
            operation.drop()
            return operation
        self._running.add(operation)
        operation.finished.connect(lambda: self._running.discard(operation))
        if dialog_parent is not None:
            ProgressDialog(operation, dialog_parent, cancellable=cancellable, in_bytes=in_bytes)
        self._pool.start(_Runner(work, operation))
        return operation

    def running(self) -> list[Operation]:
        """Operations started and not finished yet."""
        return [op for op in self._running if not op.done]

    def shutdown(self, wait_ms: int = 5000) -> bool:
        """Cancel everything and wait up to *wait_ms* for the workers (window closing, or the
        library let go of before a restore). The answers of the work still running are
        dropped and nothing is started afterwards: a view's search or a status refresh
        arriving later would read a closed library, or open its file mid-restore."""
        self._closed = True
        for op in self.running():
            op.drop()
        return bool(self._pool.waitForDone(wait_ms))


class ProgressDialog(QProgressDialog):
    """A window-modal progress bar with Cancel for one :class:`Operation` (never blocks)."""

    def __init__(self, operation: Operation, parent: QWidget, cancellable: bool = True,
                 in_bytes: bool = False) -> None:
        super().__init__(operation.title, self.tr("Cancel") if cancellable else "", 0, 0, parent)
        self._in_bytes = in_bytes
        self._ended = False
        self.setWindowTitle(operation.title)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumWidth(420)
        self._operation = operation
        if not cancellable:
            self.setCancelButton(None)
        operation.progress.connect(self._on_progress)
        operation.finished.connect(self._on_finished)
        operation.dropped.connect(self._on_finished)
        self.canceled.connect(self._on_cancel)
        self.setModal(True)

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0 and self._in_bytes:  # a file's bytes: '11,6 of 17,6 MB read', not 11599323
            # (QProgressDialog's maximum is an int: per mille keeps files over 2 GB in range)
            self.setMaximum(1000)
            self.setValue(min(1000, done * 1000 // total))
            locale = QLocale()
            self.setLabelText(self.tr("{title}: {done} of {total} MB read").format(
                title=self._operation.title,
                done=locale.toString(min(done, total) / 1e6, "f", 1),
                total=locale.toString(total / 1e6, "f", 1)))
        elif total > 0:
            self.setMaximum(total)
            self.setValue(min(done, total))
            self.setLabelText(self.tr("{title}: {done} of {total}").format(
                title=self._operation.title, done=done, total=total))
        else:
            self.setMaximum(0)
            self.setLabelText(self.tr("{title}: {done}").format(
                title=self._operation.title, done=done))

    def _on_cancel(self) -> None:
        self._operation.cancel()
        self.setLabelText(self.tr("Stopping…"))

    def _on_finished(self) -> None:  # finished, or dropped (whichever comes first)
        if self._ended:
            return
        self._ended = True
        self.canceled.disconnect(self._on_cancel)
        self.close()
        self.deleteLater()


def run_and_wait(work: Callable[[Progress], Any], title: str,
                 parent: QWidget | None = None) -> Any:
    """Run *work* off the GUI thread and return its result (or raise its error), for a caller
    that needs the answer before it goes on (a restore before the library can open).

    Meanwhile the GUI thread turns a local event loop behind a busy dialog showing *title*,
    which cannot cancel: the screen keeps answering (no "Not responding") and nothing else
    can be started.
    """
    operations = Operations()
    dialog = QProgressDialog(title, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    loop = QEventLoop()
    operation = operations.run(work, title=title)
    operation.finished.connect(loop.quit)
    dialog.show()
    if not operation.done:
        loop.exec()
    dialog.close()
    dialog.deleteLater()
    if operation.error is not None:
        raise operation.error
    return operation.result
