"""Camera capture and decoding in two threads; the GUI thread only gets signals.

Why not ``ui.operations``: that helper runs one job to its end with a progress bar; a camera
is a stream that runs until switched off and must never queue work up. Here:

- the **capture** thread opens the source (opening a camera can take a second) and reads
  frames as they come. Each frame replaces the one waiting for the decoder, if any (that one
  is counted as dropped), so the decoder always takes the **newest** frame and a slow decode
  costs latency, never a growing backlog. The capture thread also makes the small preview
  image and leaves it the same way (the GUI takes the newest when it looks).
- the **decode** thread feeds each frame it takes to an :class:`app.scanning.ScanStream`
  (cheap look, zxing, zbar fallback on candidates; two-frame confirmation; the same code
  within 3 s ignored) and leaves what it saw (outlines) and what it accepts.

Camera trouble (:class:`app.scanning.CameraError`, e.g. no camera, busy, unplugged) ends both
threads and is reported as one translated message. Sources that are files (``realtime=True``)
are played at their own timestamps, as a camera would deliver them.

The threads emit no Qt signals: the GUI collects what happened with :meth:`CameraWorker.poll`
from a QTimer. Whatever the camera's rate, the GUI then does a bounded amount of work per tick
(the newest picture only, no backlog of queued signals when it is busy), and no Python object
crosses threads through PySide's signal machinery (PySide6 6.12.0 dropped references there and
aborted Python 3.11 after a few hundred emits; the project pins <6.12, this design does not
depend on it).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from app.errors import UserError
from app.scanning import Frame, FrameSource, ScanStream, available_backends
from app.scanning.decoded import Corners

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 480


@dataclass(frozen=True)
class Outline:
    """A code seen in a frame: its text and four corners in the frame's pixels."""

    text: str
    corners: Corners


@dataclass(frozen=True)
class Sighting:
    """What one decoded frame showed (for the preview's outlines)."""

    frame_index: int
    frame_size: tuple[int, int]
    outlines: tuple[Outline, ...]
    accepted: tuple[str, ...]


@dataclass(frozen=True)
class PreviewImage:
    """A preview picture and the size of the frame it was made from."""

    image: QImage
    frame_size: tuple[int, int]
    frame_index: int


@dataclass
class WorkerStats:
    """Counters for the status line, the tests and the benchmark."""

    captured: int = 0
    decoded: int = 0
    dropped: int = 0
    #: the last decode times (a day at 30 frames/s would otherwise keep ~900,000 of them)
    decode_ms: deque[float] = field(default_factory=lambda: deque(maxlen=5000))
    started_at: float = 0.0
    first_frame_at: float = 0.0
    last_frame_at: float = 0.0

    def fps(self) -> float:
        """Frames decoded per second since the first frame."""
        span = self.last_frame_at - self.first_frame_at
        return (self.decoded - 1) / span if self.decoded > 1 and span > 0 else 0.0


def preview_of(image: np.ndarray, width: int) -> QImage:
    """A QImage copy of a BGR or grayscale frame, shrunk to *width* (area interpolation)."""
    h, w = image.shape[:2]
    if width < w:
        image = cv2.resize(image, (width, max(1, round(h * width / w))), interpolation=cv2.INTER_AREA)
    image = np.ascontiguousarray(image)
    h, w = image.shape[:2]
    if image.ndim == 2:
        return QImage(image.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
    return QImage(image.data, w, h, 3 * w, QImage.Format.Format_BGR888).copy()


@dataclass
class Report:
    """What happened since the last :meth:`CameraWorker.poll`."""

    opened: str | None = None
    preview: PreviewImage | None = None
    sighting: Sighting | None = None
    accepted: list[tuple[str, float]] = field(default_factory=list)
    failed: str | None = None
    finished: bool = False


class CameraWorker:
    """Runs one frame source through the desk's decoding until stopped or the source ends.

    :meth:`poll` (GUI thread) returns a :class:`Report`: ``opened`` (the source's name) once
    frames flow, the newest ``preview`` picture and ``sighting`` (outlines), every code
    ``accepted`` with the ``time.perf_counter()`` at which its frame was captured, a
    translated ``failed`` message, and ``finished`` once both threads have ended.
    """

    def __init__(self, open_source: Callable[[], FrameSource], *, realtime: bool = False,
                 stream: ScanStream | None = None, preview_width: int = PREVIEW_WIDTH) -> None:
        self._open = open_source
        self.realtime = realtime
        self.stream = stream or ScanStream()
        self.preview_width = preview_width
        self.stats = WorkerStats()
        self._stop = threading.Event()
        self._lock = threading.Condition()
        self._pending: tuple[Frame, float] | None = None
        self._capture_done = False
        self._report = Report()
        self._threads: list[threading.Thread] = []
        self._alive = 0

    # -- control (GUI thread) ------------------------------------------------------------
    def start(self) -> None:
        """Open the source and start both threads (returns at once)."""
        if self._threads:
            raise RuntimeError("a CameraWorker runs once; make a new one to start again")
        # Load the decoders here (once, ~15 ms): a first import inside a worker thread runs
        # PySide's import hook there, which is not safe beside the GUI thread (segfaults seen).
        available_backends()
        self.stats.started_at = time.perf_counter()
        self._alive = 2
        self._threads = [threading.Thread(target=self._capture, name="camera-capture", daemon=True),
                         threading.Thread(target=self._decode, name="camera-decode", daemon=True)]
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        """Ask both threads to end (returns at once; a later poll reports ``finished``)."""
        self._stop.set()
        with self._lock:
            self._lock.notify_all()

    def wait(self, timeout: float = 3.0) -> bool:
        """Block until both threads ended (for shutdown and tests); False on timeout."""
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not self.running

    @property
    def running(self) -> bool:
        """Whether a thread is still alive."""
        return any(thread.is_alive() for thread in self._threads)

    def poll(self) -> Report:
        """Everything reported since the previous call (cheap; call it from a timer)."""
        with self._lock:
            report, self._report = self._report, Report()
        return report

    # -- threads ---------------------------------------------------------------------------
    def _capture(self) -> None:
        source: FrameSource | None = None
        try:
            source = self._open()
            with self._lock:
                self._report.opened = str(getattr(source, "name", ""))
            self._read(source)
        except UserError as exc:  # CameraError (no camera, busy, unplugged), unreadable file
            if not self._stop.is_set():
                self._fail(exc.message)
        except Exception as exc:
            log.exception("camera capture failed")
            self._fail(QCoreApplication.translate(
                "CameraWorker", "The camera stopped: {error}").format(error=exc))
        finally:
            if source is not None:
                source.close()
            with self._lock:
                self._capture_done = True
                self._lock.notify_all()
            self._ended()

    def _read(self, source: FrameSource) -> None:
        offset: float | None = None
        for frame in source:
            if self._stop.is_set():
                return
            now = time.perf_counter()
            if self.realtime:
                if offset is None:
                    offset = now - frame.timestamp
                delay = offset + frame.timestamp - now
                if delay > 0 and self._stop.wait(delay):
                    return
                now = time.perf_counter()
            preview = PreviewImage(preview_of(frame.image, self.preview_width),
                                   _size(frame), frame.index)
            with self._lock:
                self.stats.captured += 1
                if self._pending is not None:
                    self.stats.dropped += 1
                self._pending = (frame, now)
                self._report.preview = preview
                self._lock.notify_all()

    def _decode(self) -> None:
        try:
            while True:
                with self._lock:
                    while self._pending is None and not (self._stop.is_set() or self._capture_done):
                        self._lock.wait(0.5)
                    if self._stop.is_set() or self._pending is None:
                        return
                    (frame, captured_at), self._pending = self._pending, None
                started = time.perf_counter()
                result = self.stream.feed(frame)
                done = time.perf_counter()
                accepted = tuple(a.text for a in result.accepted)
                sighting = Sighting(frame.index, _size(frame),
                                    tuple(Outline(d.text, d.corners) for d in result.seen), accepted)
                with self._lock:
                    self.stats.decode_ms.append((done - started) * 1000)
                    self.stats.decoded += 1
                    if self.stats.decoded == 1:
                        self.stats.first_frame_at = done
                    self.stats.last_frame_at = done
                    if sighting.outlines or self._report.sighting is None:
                        self._report.sighting = sighting
                    self._report.accepted += [(text, captured_at) for text in accepted]
        except UserError as exc:  # e.g. no barcode decoder on this computer
            self._fail(exc.message)
        except Exception as exc:
            log.exception("camera decoding failed")
            self._fail(QCoreApplication.translate(
                "CameraWorker", "The camera stopped: {error}").format(error=exc))
        finally:
            self._ended()

    def _fail(self, message: str) -> None:
        with self._lock:
            if self._report.failed is None:
                self._report.failed = message
        self._stop.set()

    def _ended(self) -> None:
        with self._lock:
            self._alive -= 1
            if self._alive == 0:
                self._report.finished = True
                self._lock.notify_all()


def _size(frame: Frame) -> tuple[int, int]:
    h, w = frame.image.shape[:2]
    return int(w), int(h)
