"""``decode_image``: zxing-cpp and zbar together, with cheap preprocessing and a vote.

How one image is read:

1. *Plain pass*: grayscale (big photos shrunk to ``max_side``), decoded by the backends.
2. Every raw read is normalised (:mod:`app.scanning.checks`); invalid or partial reads go.
3. Reads of the same family (EAN/UPC together) whose outlines overlap are taken as one symbol.
   If they disagree, the text read by more backends wins; with a tie, a text wins only if every
   backend that saw a rival saw it on at least three times as many scan lines; otherwise the
   whole symbol is dropped. This is what removes the checksum-valid misreads both libraries make
   on the test photos (e.g. zxing's ``6412012010412`` beside the true ``8410054010412``).
4. Only if nothing was accepted (and ``thorough``): the same on a local-contrast (CLAHE) copy,
   a 1.5× enlargement of small images, a sharpened copy, the full-resolution image of a photo
   that was shrunk, ±30° rotations, and last the negative (light bars on a dark ground: a
   phone screen, a film negative), read by the first backend alone — stopping at the first
   that yields a code.

For video frames (``thorough=False``) in ``auto`` mode zxing runs first and zbar (on a copy of at
most 800 px) only when zxing found nothing or disagreed with itself: frames come 20+ a second and the desk confirms every
value on two frames anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from app.scanning import preprocess
from app.scanning.backends import RawRead, Reader, readers
from app.scanning.checks import normalize
from app.scanning.decoded import Corners, Decoded, Symbology
from app.scanning.frames import load_image
from app.scanning.preprocess import View

_FAMILY = {"ean13": "ean", "isbn13": "ean", "upca": "ean", "ean8": "ean"}
#: A lone backend's winning text needs this many times the scan lines of each rival.
DOMINANCE = 3.0
DEFAULT_MAX_SIDE = 1280
SMALL_SIDE = 1000
ZBAR_FRAME_SIDE = 800


@dataclass(frozen=True)
class _Read:
    """A normalised read in original-image coordinates."""

    text: str
    symbology: Symbology
    corners: Corners
    support: float
    backend: str
    raw_text: str


Read = _Read

def decode_image(
    image: npt.NDArray[np.generic] | str | Path,
    backend: str = "auto",
    *,
    thorough: bool = True,
    max_side: int = DEFAULT_MAX_SIDE,
) -> list[Decoded]:
    """Every barcode read from *image* (array or file path), checked and de-duplicated.

    *backend* is ``"auto"`` (every available decoder), ``"zxing"`` or ``"zbar"``. With
    ``thorough=False`` only the cheap plain pass runs (for live video frames).

    >>> import numpy as np
    >>> decode_image(np.full((120, 160), 255, np.uint8))
    []
    """
    array = load_image(Path(image)) if isinstance(image, (str, Path)) else image
    chosen = readers(backend)
    first = preprocess.plain(array, max_side)
    for view in _views(first, array, max_side, thorough):
        # The negative goes to the first backend only (zxing when it loads): on a photo with
        # no barcode that pass costs ~4 ms of CPU, zbar's would add ~29 ms and read fewer.
        backends = chosen[:1] if view.name == "invert" else chosen
        found = _decode_view(view, backends, cheap=not thorough)
        if found:
            return found
    return []


def _views(first: View, original: npt.NDArray[np.generic], max_side: int, thorough: bool) -> Iterator[View]:
    yield first
    if not thorough:
        return
    yield preprocess.local_contrast(first)
    if max(first.image.shape) <= SMALL_SIDE:
        yield preprocess.scaled(first, 1.5, "enlarge")
    yield preprocess.sharpened(first)
    if max(np.asarray(original).shape[:2]) > max_side:
        yield View(preprocess.to_gray(original), np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]), "full")
    for degrees in (30.0, -30.0):
        yield preprocess.rotated(first, degrees)
    yield preprocess.inverted(first)


def _decode_view(view: View, chosen: list[tuple[str, Reader]], *, cheap: bool) -> list[Decoded]:
    reads: list[_Read] = []
    for index, (name, read) in enumerate(chosen):
        seen = _zbar_frame_view(view) if cheap and name == "zbar" else view
        reads.extend(_checked(seen, read(seen.image)))
        if cheap and index == 0 and len(chosen) > 1:
            decided, clean = _resolve(reads)
            if decided and clean:
                return decided
    return _resolve(reads)[0]


def _zbar_frame_view(view: View) -> View:
    """For video frames zbar gets a copy shrunk to ≤ 800 px (its time grows with pixels and
    noise). Smoothing would make it faster on noisy frames but halves its reads of faded labels
    (measured), so it is not done."""
    long_side = max(view.image.shape)
    if long_side > ZBAR_FRAME_SIDE:
        return preprocess.scaled(view, ZBAR_FRAME_SIDE / long_side, "zbar")
    return view


def read_view(view: View, read: Reader) -> list[_Read]:
    """One backend's checked reads of *view*, in the original image's coordinates."""
    return list(_checked(view, read(view.image)))


def vote(reads: list[_Read]) -> tuple[list[Decoded], bool]:
    """The codes the reads of one frame agree on (see the module text, step 3), and whether
    no symbol had disagreeing texts."""
    return _resolve(reads)


def _checked(view: View, raw: list[RawRead]) -> Iterator[_Read]:
    for r in raw:
        normal = normalize(r.text, r.kind)
        if normal is None:
            continue
        p = view.map_points(r.corners)
        corners: Corners = (p[0], p[1], p[2], p[3])
        yield _Read(normal[0], normal[1], corners, r.support, r.backend, r.text)


def _resolve(reads: list[_Read]) -> tuple[list[Decoded], bool]:
    """Group reads of one symbol and vote; returns the accepted codes and whether no group
    had disagreeing texts."""
    accepted: list[Decoded] = []
    clean = True
    for group in _groups(reads):
        texts = _supporting(group)
        if len(texts) > 1:
            clean = False
        winner = _winner(texts)
        if winner is None:
            continue
        backs = texts[winner]
        best = max((r for r in group if _same_text(r, winner)), key=lambda r: (r.backend == "zxing", r.support))
        accepted.append(Decoded(winner, best.symbology, best.corners, "+".join(sorted(backs))))
    accepted.sort(key=lambda d: (d.box[1], d.box[0]))
    return accepted, clean


def _same_text(read: _Read, text: str) -> bool:
    return read.text == text or _fnc4_loss(read, text)


def _fnc4_loss(read: _Read, text: str) -> bool:
    """zbar drops Code 128's FNC4 (the high bit of Latin-1 letters): its 's' is zxing's 'ó'."""
    return (
        read.backend == "zbar"
        and read.symbology == "code128"
        and read.text != text
        and read.text == "".join(chr(ord(c) & 0x7F) for c in text)
    )


def _supporting(group: list[_Read]) -> dict[str, dict[str, float]]:
    """text -> {backend: best support}; zbar reads explained by FNC4 loss count for zxing's text."""
    texts: dict[str, dict[str, float]] = {}
    for r in group:
        if r.backend != "zbar" or r.symbology != "code128":
            texts.setdefault(r.text, {})
    for r in group:
        target = next((t for t in texts if _fnc4_loss(r, t)), r.text)
        backs = texts.setdefault(target, {})
        backs[r.backend] = max(backs.get(r.backend, 0.0), r.support)
    return texts


def _winner(texts: dict[str, dict[str, float]]) -> str | None:
    """The text read by most backends; among equals, the one that dominates the others on
    every backend that saw them; else None (the symbol is dropped)."""
    most = max(len(backs) for backs in texts.values())
    top = [text for text, backs in texts.items() if len(backs) == most]
    if len(top) == 1:
        return top[0]
    for candidate in top:
        if all(
            texts[candidate].get(backend, 0.0) >= DOMINANCE * support
            for rival in top
            if rival != candidate
            for backend, support in texts[rival].items()
        ):
            return candidate
    return None


def _groups(reads: list[_Read]) -> list[list[_Read]]:
    """Reads of the same family whose (slightly enlarged) outlines overlap, joined transitively."""
    parent = list(range(len(reads)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    boxes = [_grown_box(r.corners) for r in reads]
    for i in range(len(reads)):
        for j in range(i + 1, len(reads)):
            same_family = _FAMILY.get(reads[i].symbology, reads[i].symbology) == _FAMILY.get(
                reads[j].symbology, reads[j].symbology
            )
            if same_family and _overlap(boxes[i], boxes[j]):
                parent[find(i)] = find(j)
    grouped: dict[int, list[_Read]] = {}
    for i, r in enumerate(reads):
        grouped.setdefault(find(i), []).append(r)
    return list(grouped.values())


def _grown_box(corners: Corners) -> tuple[float, float, float, float]:
    xs = [p[0] for p in corners]
    ys = [p[1] for p in corners]
    margin = max(4.0, 0.15 * max(max(xs) - min(xs), max(ys) - min(ys)))
    return min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


DecodeFunction = Callable[[npt.NDArray[np.generic]], list[Decoded]]
