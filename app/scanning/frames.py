"""Where frames come from: image files, a video file, or a camera — one small protocol.

A :class:`FrameSource` is iterable and yields :class:`Frame` values ``(index, image, timestamp)``
(timestamp in seconds: the video's own clock, or the camera's clock). The desk's camera worker
iterates a :class:`Camera`; tests and ``thuvien decode`` iterate :class:`ImageFiles` and
:class:`VideoFile` through the very same pipeline.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

import cv2
import numpy as np
import numpy.typing as npt

from app.scanning.errors import (
    CAMERA_BUSY,
    CAMERA_LOST,
    CAMERA_NOT_FOUND,
    MISSING_FILE,
    PHONE_FORMAT_IMAGE,
    UNREADABLE_IMAGE,
    CameraBusyError,
    CameraDisconnectedError,
    CameraNotFoundError,
    ScanInputError,
)
from app.scanning.preprocess import as_u8

FrameImage = npt.NDArray[np.uint8]


@dataclass(frozen=True)
class Frame:
    """One picture from a source: its running index, the BGR/gray array, its time in seconds.

    Unpacks like a tuple: ``for index, image, timestamp in source: ...``.
    """

    index: int
    image: FrameImage
    timestamp: float

    def __iter__(self) -> Iterator[Any]:
        return iter((self.index, self.image, self.timestamp))


@runtime_checkable
class FrameSource(Protocol):
    """Anything that yields frames and can be closed (files, videos, cameras)."""

    def __iter__(self) -> Iterator[Frame]:
        """Yield frames in order until the source ends."""
        ...

    def close(self) -> None:
        """Release the file or device."""
        ...


def load_image(path: Path) -> FrameImage:
    """Read an image file as a BGR array (works with non-ASCII paths, e.g. on Windows).

    Raises :class:`ScanInputError` when the file is missing or is not a picture.
    """
    if not path.is_file():
        raise ScanInputError("scan.missing_file", MISSING_FILE, path=str(path))
    try:
        data = np.fromfile(str(path), dtype=np.uint8)
    except OSError as exc:
        raise ScanInputError("scan.unreadable", UNREADABLE_IMAGE, path=str(path)) from exc
    cut_short = _png_cut_short(data[:8].tobytes(), data[-12:].tobytes())
    # libpng writes its own line to stderr for a PNG cut short: Pillow reads it quietly, as
    # far as it goes (OpenCV reads a JPEG cut short the same way)
    decoded = cv2.imdecode(data, cv2.IMREAD_COLOR) if data.size and not cut_short else None
    image = as_u8(decoded) if decoded is not None else None
    if image is None:
        image = _load_with_pillow(path, partial=cut_short)
    if image is None:
        kind = phone_format(data[:16].tobytes())
        if kind is not None:
            raise ScanInputError("scan.phone_format", PHONE_FORMAT_IMAGE, path=str(path), format=kind)
        raise ScanInputError("scan.unreadable", UNREADABLE_IMAGE, path=str(path))
    return as_u8(image)


#: ISO base media "ftyp" brands of the photo formats phones save (HEIF/HEIC, AVIF).
_PHONE_BRANDS = {b"heic": "HEIC", b"heix": "HEIC", b"hevc": "HEIC", b"heim": "HEIC",
                 b"heis": "HEIC", b"mif1": "HEIF", b"msf1": "HEIF", b"avif": "AVIF", b"avis": "AVIF"}


def phone_format(head: bytes) -> str | None:
    """"HEIC", "HEIF" or "AVIF" when *head* (a file's first bytes) starts such a picture.

    >>> phone_format(bytes.fromhex("00000018") + b"ftypheic")
    'HEIC'
    """
    if len(head) < 12 or head[4:8] != b"ftyp":
        return None
    return _PHONE_BRANDS.get(head[8:12])


_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"


def _png_cut_short(head: bytes, tail: bytes) -> bool:
    """Whether a file starting with *head* and ending with *tail* is a PNG missing its end."""
    return head == _PNG_SIGNATURE and tail != _PNG_END


def _load_with_pillow(path: Path, *, partial: bool = False) -> FrameImage | None:
    """Fallback for formats OpenCV lacks (e.g. GIF in some builds); *partial*: a file cut
    short is read as far as it goes."""
    try:
        from PIL import Image, ImageFile

        allowed = ImageFile.LOAD_TRUNCATED_IMAGES
        ImageFile.LOAD_TRUNCATED_IMAGES = partial
        try:
            with Image.open(path) as picture:
                rgb = np.asarray(picture.convert("RGB"))
        finally:
            ImageFile.LOAD_TRUNCATED_IMAGES = allowed
    except Exception:
        return None
    bgr: FrameImage = np.ascontiguousarray(rgb[:, :, ::-1])
    return bgr


class _Closing:
    """Context-manager support shared by the sources."""

    def close(self) -> None:
        """Nothing to release by default."""

    def __enter__(self) -> _Closing:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class ImageFiles(_Closing):
    """Image files as frames, one after another, ``interval`` seconds apart."""

    def __init__(self, paths: Sequence[Path | str], interval: float = 0.05) -> None:
        self.paths = [Path(p) for p in paths]
        self.interval = interval

    def __iter__(self) -> Iterator[Frame]:
        for index, path in enumerate(self.paths):
            yield Frame(index, load_image(path), index * self.interval)


class VideoFile(_Closing):
    """The frames of a video file, timestamped by the video's frame rate."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ScanInputError("scan.missing_file", MISSING_FILE, path=str(self.path))
        self._capture = cv2.VideoCapture(str(self.path))
        if not self._capture.isOpened():
            raise ScanInputError("scan.unreadable", UNREADABLE_IMAGE, path=str(self.path))
        fps = float(self._capture.get(cv2.CAP_PROP_FPS) or 0.0)
        self.fps = fps if fps > 0 else 25.0

    def __iter__(self) -> Iterator[Frame]:
        """Yield the frames in order; a file without a single frame is not a video
        (OpenCV "opens" some other files, e.g. a broken picture, as an empty one).

        Raises :class:`ScanInputError` when not even the first frame can be read.
        """
        index = 0
        while True:
            ok, image = self._capture.read()
            if not ok or image is None:
                if index == 0:
                    raise ScanInputError("scan.unreadable", UNREADABLE_IMAGE, path=str(self.path))
                return
            yield Frame(index, as_u8(image), index / self.fps)
            index += 1

    def close(self) -> None:
        """Release the video file."""
        self._capture.release()


CaptureFactory = Callable[[int | str], Any]


class Camera(_Closing):
    """A camera (OpenCV device number) as a frame source.

    Opening raises :class:`CameraNotFoundError` or :class:`CameraBusyError`; iterating raises
    :class:`CameraDisconnectedError` when a camera that was delivering pictures stops (after
    ``lost_after`` failed reads in a row). The device may also be a file or stream name that
    OpenCV accepts (used to test the failure paths with real captures).
    """

    def __init__(
        self,
        device: int | str = 0,
        *,
        width: int = 640,
        height: int = 480,
        clock: Callable[[], float] = time.monotonic,
        lost_after: int = 5,
        first_frame_attempts: int = 10,
    ) -> None:
        self.device = device
        self.clock = clock
        self.lost_after = lost_after
        self._capture = cv2.VideoCapture(device) if isinstance(device, int) else cv2.VideoCapture(str(device))
        if not self._capture.isOpened():
            self._capture.release()
            if _device_exists(device):
                raise CameraBusyError("scan.camera_busy", CAMERA_BUSY, camera=self.name)
            raise CameraNotFoundError("scan.camera_not_found", CAMERA_NOT_FOUND, camera=self.name)
        self._capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
        self._capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
        self._first = self._read_first(first_frame_attempts)

    @property
    def name(self) -> str:
        """How the camera is named in messages (its number, or the device name)."""
        return str(self.device) if isinstance(self.device, int) else Path(self.device).name

    @property
    def resolution(self) -> tuple[int, int]:
        """The (width, height) the camera actually delivers."""
        h, w = self._first.shape[:2]
        return w, h

    def _read_first(self, attempts: int) -> FrameImage:
        for _ in range(max(1, attempts)):
            ok, image = self._capture.read()
            if ok and image is not None:
                return as_u8(image)
        self._capture.release()
        raise CameraBusyError("scan.camera_busy", CAMERA_BUSY, camera=self.name)

    def __iter__(self) -> Iterator[Frame]:
        index = 0
        yield Frame(index, self._first, self.clock())
        failures = 0
        while True:
            ok, image = self._capture.read()
            if not ok or image is None:
                failures += 1
                if failures >= self.lost_after:
                    self._capture.release()
                    raise CameraDisconnectedError("scan.camera_lost", CAMERA_LOST, camera=self.name)
                continue
            failures = 0
            index += 1
            yield Frame(index, as_u8(image), self.clock())

    def close(self) -> None:
        """Release the camera so other programs can use it."""
        self._capture.release()


def _device_exists(device: int | str) -> bool:
    """Whether the device is present though it would not open (so: busy or forbidden)."""
    if isinstance(device, str):
        return Path(device).exists()
    if sys.platform.startswith("linux"):
        return Path(f"/dev/video{device}").exists()
    return False
