"""The background-work helper: progress arrives, Cancel stops the work, errors are reported."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QPushButton, QWidget

from ui.operations import Operations, Progress


def test_progress_then_result_off_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    ops = Operations()
    seen: list[tuple[int, int]] = []
    threads: list[object] = []

    def work(progress: Progress) -> str:
        threads.append(threading.current_thread())
        for n in range(1, 100_001):  # a MARC import reports every record
            progress.report(n, 100_000)
        return "xong"

    op = ops.run(work, title="count")
    op.progress.connect(lambda d, t: seen.append((d, t)))
    with qtbot.waitSignal(op.succeeded, timeout=5000) as done:
        pass
    assert done.args == ["xong"]
    qtbot.waitUntil(lambda: (100_000, 100_000) in seen)
    # (the worker may report before this test connects, so the first update seen can be late)
    assert seen[-1] == (100_000, 100_000)
    assert [d for d, _ in seen] == sorted({d for d, _ in seen})  # in order, never backwards
    assert len(seen) < 1000  # thinned out: the window is not flooded with 100k updates
    assert threads and threads[0] is not threading.main_thread()
    assert op.done and ops.running() == []


def test_cancel_stops_the_work(qtbot) -> None:  # type: ignore[no-untyped-def]
    ops = Operations()
    started = threading.Event()
    release = threading.Event()

    def work(progress: Progress) -> int:
        count = 0
        started.set()
        while not progress.cancelled():
            count += 1
            progress.report(count, 0)
            release.wait(0.001)
        return count

    parent = QWidget()
    qtbot.addWidget(parent)
    op = ops.run(work, title="forever", dialog_parent=parent)
    qtbot.waitUntil(started.is_set)
    op.cancel()
    with qtbot.waitSignal(op.finished, timeout=5000):
        pass
    assert op.is_cancelled() and op.error is None and op.result >= 1


def test_progress_dialog_cancel_button_cancels(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.operations import ProgressDialog

    ops = Operations()
    started = threading.Event()

    def work(progress: Progress) -> str:
        started.set()
        while not progress.cancelled():
            threading.Event().wait(0.001)
        return "stopped"

    parent = QWidget()
    qtbot.addWidget(parent)
    op = ops.run(work, title="wait")
    dialog = ProgressDialog(op, parent)
    qtbot.waitUntil(started.is_set)
    dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    with qtbot.waitSignal(op.succeeded, timeout=5000) as done:
        pass
    assert done.args == ["stopped"]


def test_errors_arrive_as_failed(qtbot) -> None:  # type: ignore[no-untyped-def]
    ops = Operations()

    def work(_progress: Progress) -> None:
        raise ValueError("hỏng")

    op = ops.run(work)
    with qtbot.waitSignal(op.failed, timeout=5000) as failed:
        pass
    assert isinstance(failed.args[0], ValueError) and str(failed.args[0]) == "hỏng"
