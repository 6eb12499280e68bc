"""Decoding live video frames cheaply: the desk camera's decoder.

Frames come 20–30 a second and most hold no barcode, so :class:`LiveDecoder` spends as little
as it can on them:

1. :func:`app.scanning.candidates.look` (~1 ms) says whether the frame holds anything above its
   noise floor and where 1-D barcodes may be.
2. A frame with nothing in it (bare desk, covered lens, sensor noise in a dim room) is skipped;
   every ``every``-th such frame in a row is decoded anyway, in case the look missed something.
3. The primary decoder (zxing-cpp; zbar when zxing is missing) reads the whole frame.
4. Only when it read nothing, or disagreed with itself, does the second decoder (zbar) run —
   and only on the candidate regions (crops with a quiet zone), not on the whole frame; while
   its crops give nothing it runs on every ``every``-th such frame only (a book cover full of
   parallel lines must not cost zbar's 40–200 ms on every frame). When it reads something it
   runs on the next frame too, so the desk's two-frame confirmation comes quickly.
5. When still nothing was read, the primary decoder reads the negatives of the candidate
   crops (a phone screen in dark mode: light bars on black; ~1 ms a crop), on every
   ``every``-th such frame only, and on the next frame too after a hit.
6. A code zxing did read whose only protection is one check digit (EAN/UPC/ISBN, Code 39) is
   read again by zbar on its own small crop; the vote drops it when they disagree. Once both
   agreed on a text, it is not checked again for the next ``AGREED_FRAMES`` frames.

The reads go through the same check and vote as :func:`app.scanning.decode_image`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import cv2
import numpy as np
import numpy.typing as npt

from app.scanning import preprocess
from app.scanning.backends import Reader, readers
from app.scanning.candidates import Box, grow, look
from app.scanning.decoded import Decoded
from app.scanning.decoder import DEFAULT_MAX_SIDE, ZBAR_FRAME_SIDE, Read, read_view, vote
from app.scanning.preprocess import View

EVERY = 3
MAX_CROPS = 2
#: For this many frames after zxing and zbar agreed on a text, that text is not checked again.
AGREED_FRAMES = 15
#: Symbologies whose only protection is one check digit (or none): a zxing read of these is
#: checked by zbar on the same crop.
WEAK = frozenset({"ean13", "isbn13", "upca", "ean8", "code39"})


@dataclass
class LiveDecoder:
    """A callable ``frame -> list[Decoded]`` for a stream of frames (keeps a little state).

    ``counts`` tells what ran: ``frames``, ``skipped`` (nothing in view), ``primary``,
    ``fallback`` (crops read by the second decoder), ``found`` (frames that gave a code).

    >>> decode = LiveDecoder("zxing")
    >>> decode(np.full((480, 640), 128, np.uint8)), decode.counts["skipped"]
    ([], 1)
    """

    backend: str = "auto"
    every: int = EVERY
    max_side: int = DEFAULT_MAX_SIDE
    max_crops: int = MAX_CROPS
    counts: Counter[str] = field(default_factory=Counter)
    _chosen: list[tuple[str, Reader]] | None = field(default=None, repr=False)
    _quiet: int = field(default=0, repr=False)
    _since_fallback: int = field(default=EVERY, repr=False)
    _fallback_hit: bool = field(default=False, repr=False)
    _since_negative: int = field(default=EVERY, repr=False)
    _negative_hit: bool = field(default=False, repr=False)
    _agreed: dict[str, int] = field(default_factory=dict, repr=False)

    def __call__(self, image: npt.NDArray[np.generic]) -> list[Decoded]:
        """The checked codes of one frame (BGR or grayscale array)."""
        if self._chosen is None:
            self._chosen = readers(self.backend)  # BackendUnavailableError when none loads
        self.counts["frames"] += 1
        view = preprocess.plain(image, self.max_side)
        seen = look(view.image)
        if not seen.active and self._quiet + 1 < self.every:
            self._quiet += 1
            self.counts["skipped"] += 1
            return []
        self._quiet = 0
        (first_name, first), *rest = self._chosen
        primary_view = _zbar_view(view) if first_name == "zbar" else view
        reads = read_view(primary_view, first)
        self.counts["primary"] += 1
        decided, clean = vote(reads)
        if rest and not (decided and clean):
            regions = [_box_in(view, r.corners) for r in reads] or list(seen.linear)
            reads += self._fallback(view, rest[0][1], regions[: self.max_crops])
            decided, _clean = vote(reads)
        if not decided and seen.linear:
            reads += self._negatives(view, first, list(seen.linear)[: self.max_crops])
            decided, _clean = vote(reads)
        elif rest:
            # A one-digit check lets a misread through now and then: the second decoder
            # reads the same small crop, and the vote drops the symbol when they disagree.
            # A text both decoders agreed on a moment ago is not checked again meanwhile.
            frame = self.counts["frames"]
            weak = [_box_in(view, d.corners) for d in decided
                    if d.symbology in WEAK and frame - self._agreed.get(d.text, -AGREED_FRAMES) >= AGREED_FRAMES]
            if weak:
                reads += self._crops(view, rest[0][1], weak[: self.max_crops])
                self.counts["verify"] += 1
                decided, _clean = vote(reads)
                for d in decided:
                    if "zbar" in d.backend and "zxing" in d.backend:
                        self._agreed[d.text] = frame
                if len(self._agreed) > 64:  # a day of books must not pile up here
                    self._agreed = {t: f for t, f in self._agreed.items() if frame - f < AGREED_FRAMES}
        if decided:
            self.counts["found"] += 1
        return decided

    def _fallback(self, view: View, read: Reader, regions: list[Box]) -> list[Read]:
        if not regions:
            return []
        if not self._fallback_hit and self._since_fallback + 1 < self.every:
            self._since_fallback += 1
            return []
        self._since_fallback = 0
        found = self._crops(view, read, regions)
        self.counts["fallback"] += 1
        self._fallback_hit = bool(found)
        return found

    def _negatives(self, view: View, read: Reader, regions: list[Box]) -> list[Read]:
        """Light bars on a dark ground: the crops' negatives, on every ``every``-th frame
        that needs them (and the next one after a hit, for the two-frame confirmation)."""
        if not self._negative_hit and self._since_negative + 1 < self.every:
            self._since_negative += 1
            return []
        self._since_negative = 0
        shape = view.image.shape[:2]
        found: list[Read] = []
        for box in regions:
            crop = preprocess.cropped(view, grow(box, (int(shape[0]), int(shape[1]))), "crop")
            found += read_view(preprocess.inverted(crop), read)
        self.counts["negative"] += 1
        self._negative_hit = bool(found)
        return found

    @staticmethod
    def _crops(view: View, read: Reader, regions: list[Box]) -> list[Read]:
        found: list[Read] = []
        shape = view.image.shape[:2]
        for box in regions:
            crop = preprocess.cropped(view, grow(box, (int(shape[0]), int(shape[1]))), "crop")
            found += read_view(_zbar_view(crop), read)
        return found


def _zbar_view(view: View) -> View:
    """zbar's time grows with pixels and noise: it gets at most ZBAR_FRAME_SIDE px."""
    long_side = max(view.image.shape)
    if long_side > ZBAR_FRAME_SIDE:
        return preprocess.scaled(view, ZBAR_FRAME_SIDE / long_side, "zbar")
    return view


def _box_in(view: View, corners: tuple[tuple[float, float], ...]) -> Box:
    """The box, in *view*'s pixels, of corners given in the original image's coordinates."""
    m = cv2.invertAffineTransform(view.to_original)
    xs = [m[0, 0] * x + m[0, 1] * y + m[0, 2] for x, y in corners]
    ys = [m[1, 0] * x + m[1, 1] * y + m[1, 2] for x, y in corners]
    x0, y0 = int(max(0.0, min(xs))), int(max(0.0, min(ys)))
    return x0, y0, int(max(xs)) - x0 + 1, int(max(ys)) - y0 + 1
