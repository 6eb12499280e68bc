"""From frames to accepted codes: decode, confirm on two frames, suppress repeats.

Webcam reads misfire now and then (about 1 in 600 degraded frames for either library), and a
book held under the camera is seen twenty times a second. :class:`ScanStream` turns that into
what the desk wants — each code once:

* a value is accepted only when it was read on ``confirm_frames`` frames (default 2) no more
  than ``confirm_window`` seconds apart (consecutive or with misses in between);
* the same value is then ignored for ``repeat_after`` seconds (default 3). While the code stays
  in view the suppression is renewed (``hold_extends``), so a book left under the camera is not
  scanned again every 3 s; take it away for 3 s and it scans again.
* an optional ``accept`` filter (e.g. :func:`app.scanning.checks.desk_filter` with the library's
  accession format) drops codes the desk cannot use.

Time comes from the frames (video timestamps, or the camera's injectable clock), so tests use a
fake clock and never sleep.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from app.scanning.decoded import Decoded
from app.scanning.frames import Frame, FrameSource
from app.scanning.live import LiveDecoder


@dataclass(frozen=True)
class Accepted:
    """A confirmed code, ready for the desk's ``scan()``."""

    decoded: Decoded
    frame_index: int
    timestamp: float

    @property
    def text(self) -> str:
        """The code's text (what the USB scanner would have typed)."""
        return self.decoded.text


class FrameResult(NamedTuple):
    """What one frame gave: every code seen (for outlining) and those accepted now."""

    frame_index: int
    seen: list[Decoded]
    accepted: list[Accepted]


@dataclass
class Debouncer:
    """Two-frame confirmation and repeat suppression, on plain timestamps (seconds)."""

    confirm_frames: int = 2
    confirm_window: float = 0.5
    repeat_after: float = 3.0
    hold_extends: bool = True
    _pending: dict[str, tuple[int, float]] = field(default_factory=dict)
    _recent: dict[str, float] = field(default_factory=dict)

    def offer(self, codes: Iterable[Decoded], now: float, frame_index: int = 0) -> list[Accepted]:
        """Register the codes of one frame taken at *now*; return those accepted now.

        >>> from app.scanning.decoded import Decoded
        >>> d = Decoded("GK.00012", "code128", ((0, 0), (1, 0), (1, 1), (0, 1)), "zxing")
        >>> deb = Debouncer()
        >>> [len(deb.offer([d], t)) for t in (0.0, 0.05, 0.1, 2.0, 5.1, 9.0, 9.1)]
        [0, 1, 0, 0, 0, 0, 1]
        """
        self._forget(now)
        accepted: list[Accepted] = []
        for code in {c.text: c for c in codes}.values():
            last = self._recent.get(code.text)
            if last is not None and now - last < self.repeat_after:
                if self.hold_extends:
                    self._recent[code.text] = now
                continue
            count, seen_at = self._pending.get(code.text, (0, now))
            count = count + 1 if now - seen_at <= self.confirm_window else 1
            if count >= self.confirm_frames:
                self._pending.pop(code.text, None)
                self._recent[code.text] = now
                accepted.append(Accepted(code, frame_index, now))
            else:
                self._pending[code.text] = (count, now)
        return accepted

    def _forget(self, now: float) -> None:
        self._pending = {t: v for t, v in self._pending.items() if now - v[1] <= self.confirm_window}
        self._recent = {t: v for t, v in self._recent.items() if now - v < self.repeat_after}


Image = npt.NDArray[np.generic]


class ScanStream:
    """The whole frame → accepted-code path the desk calls for every camera frame.

    *decode* defaults to a :class:`app.scanning.live.LiveDecoder` with *backend* (cheap on
    frames without a barcode); *accept* filters
    codes the desk cannot use; *clock* times frames given as bare arrays (:meth:`feed_image`).
    """

    def __init__(
        self,
        *,
        backend: str = "auto",
        decode: Callable[[Image], list[Decoded]] | None = None,
        accept: Callable[[Decoded], bool] | None = None,
        clock: Callable[[], float] = time.monotonic,
        confirm_frames: int = 2,
        confirm_window: float = 0.5,
        repeat_after: float = 3.0,
        hold_extends: bool = True,
    ) -> None:
        self.decode = decode or LiveDecoder(backend)
        self.accept = accept
        self.clock = clock
        self.debouncer = Debouncer(confirm_frames, confirm_window, repeat_after, hold_extends)
        self._index = 0

    def feed(self, frame: Frame) -> FrameResult:
        """Decode one frame and return what it showed and what is accepted now."""
        seen = self.decode(frame.image)
        usable = [d for d in seen if self.accept is None or self.accept(d)]
        accepted = self.debouncer.offer(usable, frame.timestamp, frame.index)
        return FrameResult(frame.index, seen, accepted)

    def feed_image(self, image: Image) -> FrameResult:
        """Like :meth:`feed` for a bare array, timed by the stream's clock."""
        array = np.asarray(image, dtype=np.uint8)
        result = self.feed(Frame(self._index, array, self.clock()))
        self._index += 1
        return result

    def run(self, source: FrameSource) -> Iterator[Accepted]:
        """Every accepted code of a whole source, in order (closes the source at the end)."""
        try:
            for frame in source:
                yield from self.feed(frame).accepted
        finally:
            source.close()
