"""Closing the window (or letting go of the library before a restore) while something waits to
read it: a search typed a moment before, a search running, the status bar's next refresh, the
stocktake's figures after a scan. Nothing of it may read the closed library (an error box, a
traceback on exit) nor open its file again (in the middle of a restore replacing it).

Each test closes the window and the library, then lets the event loop run past the timers'
delays with Qt's exceptions captured."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ui.catalog.search_worker import SearchWorker
from ui.operations import Operations, Progress


def _close_all(window, lib) -> None:  # type: ignore[no-untyped-def]
    window.close()
    lib.close()


def test_a_patron_search_typed_as_the_window_closes_never_runs(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        lib.patrons.add(name, class_name="6A")
    view = window.show_view("patrons")
    view.search_field.setText("Bình")  # as typed: the search runs a quarter second later
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    view.search_field.selectAll()
    qtbot.keyClick(view.search_field, Qt.Key.Key_Backspace)  # back to the class, in 1/4 s
    _close_all(window, lib)
    with qtbot.captureExceptions() as exceptions:
        qtbot.wait(600)
    assert exceptions == []  # was: sqlite3.ProgrammingError "Cannot operate on a closed database"
    assert view.table.rowCount() == 1  # the list as it was, nothing read since


def test_a_patron_search_running_as_the_window_closes_gives_no_answer(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    lib.patrons.add("Nguyễn Văn An", class_name="6A")
    lib.patrons.add("Trần Thị Bình", class_name="6A")
    view = window.show_view("patrons")
    view.search_field.blockSignals(True)  # no typing timer: only the search started here
    view.search_field.setText("Bình")
    view.search_field.blockSignals(False)
    operation = view.run_search()
    _close_all(window, lib)  # the window waits for the worker: its answer is on its way
    with qtbot.captureExceptions() as exceptions:
        qtbot.wait(300)
    assert exceptions == []
    assert view.table.rowCount() == 2  # was: the answer shown after the library was closed
    assert operation.done and operation.is_dropped


def test_the_status_bar_never_opens_the_library_again_once_let_go(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Tools → Backups → Restore lets go of the library, then moves the file aside and copies
    the backup in; a status refresh due meanwhile opened (and so created) the file again."""
    path = Path(lib.path)
    window.status.refresh_soon()  # something was just lent at the desk
    window.release_library()
    lib.close()
    aside = path.with_name("library-aside.sqlite3")
    path.rename(aside)
    with qtbot.captureExceptions() as exceptions:
        qtbot.wait(1500)  # past the 0.8 s "refresh soon"
    assert exceptions == []
    assert not path.exists()  # was: an empty new library made at the path mid-restore
    assert window.status.refresh() is None


def test_the_stocktake_figures_after_a_scan_are_not_read_once_closed(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    record = lib.catalog.add_record("Tiếng Việt 1")
    codes = [item.barcode for item in lib.catalog.add_copies(record, 2, collection="GK")]
    lib.collection.start_stocktake([], [])
    view = window.show_view("stocktake")
    qtbot.waitUntil(lambda: view.loading is None)
    qtbot.keyClicks(view.scan_field, codes[0])
    qtbot.keyClick(view.scan_field, Qt.Key.Key_Return)  # the figures follow in a quarter second
    _close_all(window, lib)
    with qtbot.captureExceptions() as exceptions:
        qtbot.wait(600)
    assert exceptions == []  # was: sqlite3.ProgrammingError from the figures' read


def test_work_asked_for_after_shutdown_is_never_started(qtbot) -> None:  # type: ignore[no-untyped-def]
    ops = Operations()
    ops.shutdown()
    ran: list[str] = []

    def work(_progress: Progress) -> None:
        ran.append("ran")

    operation = ops.run(work, title="late")
    qtbot.wait(200)
    assert ran == [] and operation.is_dropped and ops.running() == []


def test_a_search_still_running_when_its_thread_is_stopped_is_the_last_one(lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A catalog search slower than the wait given at closing: its connection is closed when it
    ends (it stayed open on the library being let go of), nothing typed after it runs."""
    started, release = threading.Event(), threading.Event()
    searched: list[str] = []
    connections: list[object] = []

    def slow(own, text: str) -> object:  # type: ignore[no-untyped-def]
        searched.append(text)
        connections.append(own.db.conn)
        started.set()
        release.wait(5)
        return text

    worker = SearchWorker(lib.path, run=slow)
    answers: list[str] = []
    worker.found.connect(lambda text, _result: answers.append(text))
    worker.request("Dế Mèn")
    assert started.wait(5)
    worker.request("Dế Mèn phiêu")  # typed on, queued behind the running search
    worker.stop(wait_ms=50)  # the window closing gives it only so long
    release.set()
    qtbot.waitUntil(lambda: not worker._thread.isRunning(), timeout=5000)
    qtbot.wait(100)
    assert searched == ["Dế Mèn"]
    assert answers == []
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        connections[0].execute("SELECT 1")  # type: ignore[attr-defined]
