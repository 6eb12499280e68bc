"""The desk's camera panel: on/off button, one status line, the live preview.

The panel never takes keyboard focus (the scan field keeps it) and never opens a dialog:
camera trouble is said in its status line and passed on as ``problem`` for the desk's banner,
and the desk goes on with the USB scanner. Confirmed codes leave as ``scanned(code)`` — the
desk connects it to the very ``scan()`` the scan field uses.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.scanning import Camera, FrameSource
from ui.camera.choice import CameraChoice, load_choice
from ui.camera.preview import CameraPreview
from ui.camera.worker import CameraWorker

#: How often the GUI collects the worker's news (ms): adds at most this to a scan's latency.
POLL_MS = 15

SourceOpener = Callable[[], FrameSource]


class CameraPanel(QWidget):
    """Owns at most one :class:`CameraWorker` at a time.

    *choice* gives the camera to open (default: this PC's, from Settings); *key* is the
    shortcut named on the button; ``desk=False`` for a try-out panel (no start with the desk,
    no resuming when shown again).
    """

    scanned = Signal(str)
    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None,
                 choice: Callable[[], CameraChoice] = load_choice, key: str = "F7",
                 desk: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("cameraPanel")
        self._choice = choice
        self._key = key
        self._desk = desk  # the desk's own camera: starts with the desk if asked, resumes
        self.worker: CameraWorker | None = None
        self.state = "off"  # off | starting | on | failed
        self._source_name = ""
        self._wanted: tuple[SourceOpener | None, bool, str] | None = None
        self._resume = False
        self._from_settings = False
        self._autostarted = False
        #: (code, frame captured at, desk answered at) — perf_counter() times, for the benchmark
        self.deliveries: list[tuple[str, float, float]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

        title = QLabel(self.tr("Camera"))
        title.setObjectName("sectionTitle")
        self.button = QPushButton()
        self.button.setObjectName("cameraToggle")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.toggle)
        self.status = QLabel()
        self.status.setObjectName("cameraStatus")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview = CameraPreview()
        self.preview.setMaximumHeight(270)
        self.preview.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(title)
        row.addStretch(1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        self._off()

    # -- control ---------------------------------------------------------------------------
    @property
    def is_on(self) -> bool:
        """Whether the camera is on or starting."""
        return self.state in ("starting", "on")

    def toggle(self) -> None:
        """Switch the camera on (the one chosen in Settings) or off."""
        if self.is_on:
            self.stop()
        else:
            self.start()

    def start(self, open_source: SourceOpener | None = None, *, realtime: bool = False,
              name: str = "") -> None:
        """Start capturing from *open_source* (default: this PC's camera from Settings).

        *realtime* plays file sources at their own frame times; *name* names the source in
        the status line.
        """
        if self.worker is not None and self.worker.running:
            self._wanted = (open_source, realtime, name)  # once the old one has let go
            self.worker.stop()
            self._show_state("starting", self.tr("Starting camera {camera}…").format(
                camera=name or str(self._choice().device)))
            return
        self._from_settings = open_source is None
        if open_source is None:
            choice = self._choice()
            name = name or str(choice.device)

            def open_source() -> FrameSource:
                return Camera(choice.device, width=choice.width, height=choice.height)

        self._source_name = name
        worker = CameraWorker(open_source, realtime=realtime)
        worker.preview_width = max(160, self.preview.width())
        self.worker = worker
        self.preview.clear()
        self.preview.show()
        self._show_state("starting", self.tr("Starting camera {camera}…").format(camera=name))
        worker.start()
        self._timer.start()

    def stop(self) -> None:
        """Switch the camera off (the device is released as soon as its thread ends)."""
        self._wanted = None
        self._resume = False
        if self.worker is not None:
            self.worker.stop()
        self._off()

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop and wait for the threads (window closing)."""
        self.stop()
        if self.worker is not None:
            self.worker.wait(timeout)

    # -- worker news (GUI thread, every POLL_MS) ------------------------------------------
    def _poll(self) -> None:
        worker = self.worker
        if worker is None:
            self._timer.stop()
            return
        report = worker.poll()
        live = self.is_on
        if report.opened is not None and live:
            self._show_state("on", self.tr("Camera {camera} is on. Hold a barcode in front of "
                                           "it.").format(camera=self._source_name))
        if report.preview is not None and live:
            self.preview.show_picture(report.preview)
        if report.sighting is not None and live:
            self.preview.show_sighting(report.sighting)
        # Behind an open dialog the USB scanner types into the dialog, not the desk; the
        # camera likewise does not lend a book while the librarian is busy with a dialog.
        busy = QApplication.activeModalWidget() is not None
        for text, captured_at in report.accepted if live and not busy else ():
            self.preview.mark_taken(text)
            self.scanned.emit(text)
            self.deliveries.append((text, captured_at, time.perf_counter()))
        if report.failed is not None and self.state != "off":
            self._failed(report.failed)
        if report.finished:
            self._finished()

    def _failed(self, message: str) -> None:
        self._resume = False
        self.preview.clear()
        self.preview.hide()
        self._show_state("failed", message)
        self.problem.emit(message)

    def _finished(self) -> None:
        self._timer.stop()
        self.worker = None
        if self.state in ("starting", "on"):
            self._off()  # a file source came to its end
        if self._wanted is not None:
            open_source, realtime, name = self._wanted
            self._wanted = None
            self.start(open_source, realtime=realtime, name=name)

    # -- showing ---------------------------------------------------------------------------
    def _off(self) -> None:
        self.preview.clear()
        self.preview.hide()
        message = (self.tr("Camera off. {key} switches it on; the USB scanner always works.")
                   .format(key=self._key) if self._key else self.tr("Camera off."))
        self._show_state("off", message)

    def _show_state(self, state: str, message: str) -> None:
        self.state = state
        on = state in ("starting", "on")
        if self._key:  # the desk's button names its function key
            label = self.tr("Switch camera off") if on else self.tr("Switch camera on")
            self.button.setText(f"{self._key} {label}")
        else:  # the settings' try-out: an Alt letter instead
            self.button.setText(self.tr("S&witch camera off") if on
                                else self.tr("Switch camera &on"))
        colour = {"failed": "#7f1d1d", "on": "#14532d"}.get(state, "#334155")
        self.status.setStyleSheet(f"color: {colour};")
        self.status.setProperty("kind", state)
        self.status.setText(message)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        if self.worker is not None:
            self.worker.preview_width = max(160, self.preview.width())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._resume:
            self._resume = False
            self.start()
        elif self._desk and not self._autostarted:
            self._autostarted = True
            if self._choice().autostart:
                self.start()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt API)
        super().hideEvent(event)
        # Nobody sees the preview and scans would land in a hidden desk: let the camera go
        # (two cores are shared with everything else) and take it again when the desk shows.
        if self.is_on and not event.spontaneous():
            resume = self._from_settings and self._desk
            self.stop()
            self._resume = resume
