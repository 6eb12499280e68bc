"""Search-as-you-type off the GUI thread: a worker thread with its own SQLite connection.

The view asks with ``request(text)``; only the answer to the latest request is delivered
(``found(text, result)``), so a slow query can never overwrite a newer one. By default it
searches the catalog (a ``SearchResult``); another search, such as the cached district
catalog's, is given as ``run(lib, text)``.
"""

from __future__ import annotations

import atexit
import contextlib
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

MIN_CHARS = 2
PAGE = 100
#: While stopping, the search under way is interrupted this often (a search of several
#: queries starts the next one after an interruption).
INTERRUPT_EVERY_MS = 20
Run = Callable[[Any, str], object]


def search_catalog(lib: Any, text: str) -> object:
    """The catalog's first page of hits for *text* (the default search)."""
    return lib.catalog.search(text, limit=PAGE)


class _Worker(QObject):
    found = Signal(int, str, object)
    failed = Signal(int, str, str)

    def __init__(self, path: Path, run: Run) -> None:
        super().__init__()
        self._path = path
        self._run = run
        self._lib: Any = None
        self._closed = False
        self.latest = 0

    @Slot(int, str)
    def search(self, serial: int, text: str) -> None:
        if serial != self.latest or self._closed:
            return  # a newer request is queued behind this one, or the view has closed
        try:
            if self._lib is None:
                from app.library import Library

                self._lib = Library.open(self._path)
            result = self._run(self._lib, text)
        except Exception as exc:  # shown in the view, never a traceback
            self.failed.emit(serial, text, str(exc))
            return
        self.found.emit(serial, text, result)

    def interrupt(self) -> None:
        """Cut the query under way short (called from the GUI thread: SQLite allows it);
        the search fails with 'interrupted', an answer nobody waits for."""
        lib = self._lib
        if lib is not None:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed meanwhile
                lib.db.conn.interrupt()

    @Slot()
    def close(self) -> None:
        self._closed = True  # never opened again by a request queued behind this
        if self._lib is not None:
            self._lib.close()
            self._lib = None


class SearchWorker(QObject):
    """Owns the worker thread; ``found(text, result)`` arrives on the GUI thread."""

    found = Signal(str, object)
    failed = Signal(str, str)
    _ask = Signal(int, str)

    def __init__(self, path: Path, parent: QObject | None = None,
                 run: Run = search_catalog) -> None:
        super().__init__(parent)
        self._serial = 0
        self._stopped = False
        self._thread = QThread(self)
        self._worker = _Worker(path, run)
        self._worker.moveToThread(self._thread)
        self._ask.connect(self._worker.search)
        # The connection is closed on the worker's thread as that thread ends, whenever that
        # is: a close queued behind a search still running when stop() gave up waiting never
        # ran, and the connection stayed open on the library being let go of.
        self._thread.finished.connect(self._worker.close, Qt.ConnectionType.DirectConnection)
        self._worker.found.connect(self._on_found)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()

    def request(self, text: str) -> int:
        """Search *text* (answers to earlier requests are dropped); nothing after
        :meth:`stop`."""
        if self._stopped:
            return self._serial
        self._serial += 1
        self._worker.latest = self._serial
        self._ask.emit(self._serial, text)
        return self._serial

    def _on_found(self, serial: int, text: str, result: object) -> None:
        if serial == self._serial and not self._stopped:
            self.found.emit(text, result)

    def _on_failed(self, serial: int, text: str, message: str) -> None:
        if serial == self._serial and not self._stopped:
            self.failed.emit(text, message)

    def stop(self, wait_ms: int = 3000) -> None:
        """Close the worker's connection and end its thread: the query under way is
        interrupted, and waited for up to *wait_ms*. Nothing is searched or answered
        afterwards: a search still running past the wait (not a query: Python work) closes
        its connection as it ends and never opens another, its thread kept alive until
        then, even past the window (a QThread destroyed while running aborts the program:
        a crash on exit)."""
        self._stopped = True
        self._worker.latest = -1  # requests already queued are skipped
        if not self._thread.isRunning():
            return
        self._thread.quit()
        if not _interrupt_until_finished(self._thread, self._worker, wait_ms / 1000):
            _lingering().keep(self._thread, self._worker)


def _interrupt_until_finished(thread: QThread, worker: _Worker, seconds: float | None) -> bool:
    """Interrupt *worker*'s query until its *thread* ends (at most *seconds*; None: no end);
    True when it has ended."""
    deadline = None if seconds is None else time.monotonic() + seconds
    while True:
        worker.interrupt()
        if thread.wait(INTERRUPT_EVERY_MS):
            return True
        if deadline is not None and time.monotonic() >= deadline:
            return False


class _Lingering(QObject):
    """Search threads that outlasted :meth:`SearchWorker.stop`, with their workers: owned
    here (not by the window being destroyed) until they end, and waited for at exit."""

    def __init__(self) -> None:
        super().__init__()
        self._kept: list[tuple[QThread, _Worker]] = []
        atexit.register(self.wait_all)

    def keep(self, thread: QThread, worker: _Worker) -> None:
        thread.setParent(None)
        self._kept.append((thread, worker))
        thread.finished.connect(self._sweep, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def _sweep(self) -> None:
        self._kept = [(t, w) for t, w in self._kept if not t.wait(0)]

    def wait_all(self) -> None:
        """Wait for every kept thread (interrupting its query): the program is ending."""
        for thread, worker in self._kept:
            _interrupt_until_finished(thread, worker, None)
        self._kept = []


_LINGERING: list[_Lingering] = []


def _lingering() -> _Lingering:
    if not _LINGERING:
        _LINGERING.append(_Lingering())
    return _LINGERING[0]
