"""A catalog search still running as the window closes: the program ends normally.

The search thread belonged to the window; a search outlasting the wait given at closing was
destroyed with it while still running ("QThread: Destroyed while thread is still running"),
which aborts the program: on Windows the crash dialog at every exit after a slow search. Each
case runs in its own Python process (an abort would take pytest down with it)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent('''
    import sys, threading, time
    import shiboken6
    from pathlib import Path
    from PySide6.QtWidgets import QApplication, QWidget
    from app.library import Library
    from ui.catalog.search_worker import SearchWorker

    kind, path = sys.argv[1], Path(sys.argv[2])
    app = QApplication([])
    Library.open(path).close()
    started = threading.Event()

    def slow_query(own, text):
        started.set()  # counts to ten billion: minutes of SQLite work
        return own.db.conn.execute(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
            "WHERE x < 10000000000) SELECT count(*) FROM c").fetchone()

    def slow_python(own, text):
        started.set()  # not a query: nothing to interrupt
        time.sleep(1.5)
        own.db.conn.execute("SELECT 1")
        return text

    window = QWidget()
    worker = SearchWorker(path, window, run=slow_query if kind == "query" else slow_python)
    worker.request("Dế Mèn")
    assert started.wait(10)
    began = time.monotonic()
    worker.stop(wait_ms=3000 if kind == "query" else 50)
    print(f"stopped in {time.monotonic() - began:.2f} s", flush=True)
    shiboken6.delete(window)  # the window goes, with what it owns
    del window, worker
    app.quit()
    print("exit", flush=True)
''')


def _run(kind: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, "-c", SCRIPT, kind, str(tmp_path / "lib.sqlite3")],
                          capture_output=True, text=True, timeout=60, cwd=root, env=env)


def test_a_slow_catalog_query_is_cut_short_and_the_program_exits_cleanly(tmp_path: Path) -> None:
    done = _run("query", tmp_path)
    assert "Destroyed while thread" not in done.stderr
    assert done.returncode == 0, done.stderr  # was: -6 (SIGABRT), the crash dialog on Windows
    stopped = float(done.stdout.split("stopped in ")[1].split(" s")[0])
    assert stopped < 1.0  # the query interrupted, not waited out for 3 s
    assert "exit" in done.stdout


def test_a_search_outlasting_the_wait_keeps_its_thread_until_it_ends(tmp_path: Path) -> None:
    done = _run("python", tmp_path)
    assert "Destroyed while thread" not in done.stderr
    assert done.returncode == 0, done.stderr


def test_a_search_typed_as_the_catalog_closes_never_says_searching(window, lib, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The catalog's search-as-you-type timer outlived the view's shutdown: 'Đang tìm…'
    shown for good on a window let go of the library, no answer ever coming."""
    view = window.show_view("catalog")
    qtbot.keyClicks(view.search_field, "De Men")  # the search runs a quarter second later
    window.release_library()
    lib.close()
    with qtbot.captureExceptions() as exceptions:
        qtbot.wait(600)
    assert exceptions == []
    assert view.count_label.text() == ""  # was: "Đang tìm…"
    assert not view._debounce.isActive()


