"""Barcode scanning without Qt: decode images and video frames, check the codes, confirm them.

The pieces the desk uses::

    from app.scanning import Camera, ScanStream, decode_image
    stream = ScanStream()                     # two-frame confirmation, 3 s repeat suppression
    for frame in Camera(0):                   # (in the UI's worker thread)
        for code in stream.feed(frame):       # accepted codes only
            desk.scan(code.text)

``decode_image(path_or_array)`` reads still images; :func:`available_backends` and
:func:`describe_backends` say which decoders (zxing-cpp, zbar) this computer has.
"""

import os

# FFmpeg inside OpenCV prints its own English complaints ("moov atom not found") about a
# file it cannot read; ThuVien says what went wrong in words, so FFmpeg is kept quiet. Read
# by OpenCV when it loads FFmpeg: set before anything imports cv2 (a user's own setting wins).
os.environ.setdefault("OPENCV_FFMPEG_LOGLEVEL", "-8")

from app.scanning.backends import available_backends, describe_backends  # noqa: E402
from app.scanning.checks import accession_check, desk_filter, normalize
from app.scanning.decoded import SYMBOLOGIES, Decoded, Symbology
from app.scanning.decoder import decode_image
from app.scanning.errors import (
    BackendUnavailableError,
    CameraBusyError,
    CameraDisconnectedError,
    CameraError,
    CameraNotFoundError,
    ScanInputError,
)
from app.scanning.frames import Camera, Frame, FrameSource, ImageFiles, VideoFile, load_image
from app.scanning.live import LiveDecoder
from app.scanning.stream import Accepted, ScanStream

__all__ = [
    "SYMBOLOGIES",
    "Accepted",
    "BackendUnavailableError",
    "Camera",
    "CameraBusyError",
    "CameraDisconnectedError",
    "CameraError",
    "CameraNotFoundError",
    "Decoded",
    "Frame",
    "FrameSource",
    "ImageFiles",
    "LiveDecoder",
    "ScanInputError",
    "ScanStream",
    "Symbology",
    "VideoFile",
    "accession_check",
    "available_backends",
    "decode_image",
    "describe_backends",
    "desk_filter",
    "load_image",
    "normalize",
]
