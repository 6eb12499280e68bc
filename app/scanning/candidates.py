"""A cheap first look at a video frame: is anything there, and where might a barcode be?

Most frames at a desk hold no barcode, and the second decoder (zbar) costs 40–200 ms on a
640×480 frame whatever it contains. One look (~1 ms) at a copy about 320 px wide answers two
questions:

* **active** — does the frame hold any structure clearly above its own noise floor? A frame of
  sensor noise, a covered lens or a bare desk does not; such a frame is not worth a decoder.
* **linear** — regions where edges are strong *and* parallel (the local structure tensor is
  coherent): where a 1-D barcode may be. The fallback decoder reads only these crops.

The noise floor is measured on each frame (a low percentile of the local gradient energy), so
faint labels in good light and strong noise in a dim room are both judged fairly.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
Box = tuple[int, int, int, int]

LOOK_WIDTH = 320
WINDOW = 9
#: Coherence above which edges count as parallel (0 = isotropic noise, 1 = perfect stripes).
COHERENCE = 0.5
#: Energy must exceed this many times the frame's 20th percentile, and ENERGY_FLOOR.
ABOVE_FLOOR = 3.0
ENERGY_FLOOR = 300.0
#: Closing joins the pieces of one barcode (wide bars leave gaps in the edge mask).
CLOSE = 11
#: Components smaller than this (in look pixels) are specks, not codes.
MIN_AREA = 40


@dataclass(frozen=True)
class Look:
    """What :func:`look` saw: whether the frame holds anything, and 1-D barcode candidates.

    ``linear`` boxes are ``(x, y, width, height)`` in the frame's pixels, largest first.
    """

    active: bool
    linear: tuple[Box, ...]


def look(gray: Image) -> Look:
    """Judge a grayscale frame cheaply (see the module text).

    >>> look(np.full((480, 640), 128, np.uint8))
    Look(active=False, linear=())
    >>> stripes = np.tile(np.repeat(np.array([0, 255], np.uint8), 4), (120, 40))
    >>> frame = np.full((480, 640), 200, np.uint8); frame[200:320, 160:480] = stripes
    >>> result = look(frame)
    >>> result.active, len(result.linear) == 1
    (True, True)
    """
    h, w = gray.shape[:2]
    scale = min(1.0, LOOK_WIDTH / w)
    small = gray if scale == 1.0 else cv2.resize(gray, (max(1, round(w * scale)), max(1, round(h * scale))),
                                                 interpolation=cv2.INTER_AREA)
    f = np.asarray(small, dtype=np.float32)
    gx = cv2.Sobel(f, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(f, cv2.CV_32F, 0, 1, ksize=3)
    size = (WINDOW, WINDOW)
    jxx = cv2.boxFilter(gx * gx, -1, size)
    jyy = cv2.boxFilter(gy * gy, -1, size)
    jxy = cv2.boxFilter(gx * gy, -1, size)
    energy = jxx + jyy
    threshold = max(ENERGY_FLOOR, ABOVE_FLOOR * float(np.percentile(energy[::4, ::4], 20)))
    strong = energy > threshold
    if not _has_blob(strong):
        return Look(False, ())
    diff = jxx - jyy
    # coherence² = ((Jxx-Jyy)² + 4Jxy²) / (Jxx+Jyy)², compared without a division
    coherent = diff * diff + 4.0 * jxy * jxy > (COHERENCE * COHERENCE) * energy * energy
    mask = np.asarray(strong & coherent, dtype=np.uint8)
    closed = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((CLOSE, CLOSE), np.uint8))
    contours, _hierarchy = cv2.findContours(closed, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    # (connectedComponentsWithStats costs ~0.5 ms here; outer contours ~20 µs)
    found = sorted(
        ((cv2.contourArea(c), cv2.boundingRect(c)) for c in contours), key=lambda f: f[0], reverse=True
    )
    boxes = tuple(_to_frame(list(box), scale, w, h) for area, box in found if area >= MIN_AREA)
    return Look(True, boxes)


def _has_blob(strong: npt.NDArray[np.bool_]) -> bool:
    """Whether the strong pixels are more than scattered specks (noise peaks are isolated)."""
    if not strong.any():
        return False
    eroded = cv2.erode(np.asarray(strong, dtype=np.uint8), np.ones((3, 3), np.uint8))
    return int(cv2.countNonZero(eroded)) >= MIN_AREA


def _to_frame(box: list[int], scale: float, w: int, h: int) -> Box:
    x, y, bw, bh = (v / scale for v in box)
    x0, y0 = max(0, int(x)), max(0, int(y))
    return x0, y0, min(w, int(x + bw + 0.999)) - x0, min(h, int(y + bh + 0.999)) - y0


def grow(box: Box, frame: tuple[int, int], margin: float = 0.25, minimum: int = 16) -> Box:
    """*box* enlarged by *margin* of its size (at least *minimum* px) on every side, inside
    a frame of size ``(height, width)`` — decoders need the quiet zone around the bars.

    >>> grow((100, 100, 40, 20), (480, 640))
    (84, 84, 72, 52)
    """
    x, y, w, h = box
    fh, fw = frame
    dx = max(minimum, round(w * margin))
    dy = max(minimum, round(h * margin))
    x0, y0 = max(0, x - dx), max(0, y - dy)
    x1, y1 = min(fw, x + w + dx), min(fh, y + h + dy)
    return x0, y0, x1 - x0, y1 - y0
