"""Cheap image preparation before decoding, each step remembering how to map points back.

A :class:`View` is a grayscale image plus the 2×3 affine matrix that takes its pixel
coordinates back to the caller's original image, so outlines drawn in the preview land on the
barcode whatever scaling or rotation was tried.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
Matrix = npt.NDArray[np.float64]


def as_u8(array: object) -> Image:
    """The array as contiguous uint8 (OpenCV's results are typed loosely)."""
    result: Image = np.ascontiguousarray(array, dtype=np.uint8)
    return result

_IDENTITY: Matrix = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])


@dataclass(frozen=True)
class View:
    """A grayscale image to decode and the affine map from its pixels to the original's."""

    image: Image
    to_original: Matrix
    name: str = "plain"

    def map_points(self, points: list[tuple[float, float]]) -> list[tuple[float, float]]:
        """Map points of this view to the original image's coordinates."""
        m = self.to_original
        return [(m[0, 0] * x + m[0, 1] * y + m[0, 2], m[1, 0] * x + m[1, 1] * y + m[1, 2]) for x, y in points]

    def derive(self, image: Image, forward: Matrix, name: str) -> View:
        """A new view made from this one by the affine *forward* (this view -> new image)."""
        inverse = cv2.invertAffineTransform(forward).astype(np.float64)
        return View(np.ascontiguousarray(image), _compose(self.to_original, inverse), name)


def _compose(outer: Matrix, inner: Matrix) -> Matrix:
    """The affine map ``outer(inner(p))``."""
    a = np.vstack([outer, [0.0, 0.0, 1.0]])
    b = np.vstack([inner, [0.0, 0.0, 1.0]])
    result: Matrix = (a @ b)[:2]
    return result


def to_gray(image: npt.NDArray[np.generic]) -> Image:
    """An 8-bit single-channel copy of a gray, BGR or BGRA image (other depths rescaled).

    >>> to_gray(np.zeros((4, 6, 3), np.uint8)).shape
    (4, 6)
    """
    array = np.asarray(image)
    if array.ndim == 3 and array.shape[2] == 1:
        array = array[:, :, 0]
    if array.dtype == np.bool_:
        array = array.astype(np.uint8) * 255
    elif array.dtype != np.uint8:
        low, high = float(array.min()), float(array.max())
        span = high - low if high > low else 1.0
        array = ((array.astype(np.float64) - low) * (255.0 / span)).astype(np.uint8)
    if array.ndim == 3:
        code = cv2.COLOR_BGRA2GRAY if array.shape[2] == 4 else cv2.COLOR_BGR2GRAY
        array = as_u8(cv2.cvtColor(array, code))
    if array.ndim != 2:
        raise ValueError(f"not an image array: shape {array.shape}")
    gray: Image = np.ascontiguousarray(array, dtype=np.uint8)
    return gray


def plain(image: npt.NDArray[np.generic], max_side: int) -> View:
    """The grayscale image, shrunk (area interpolation) when its long side exceeds *max_side*."""
    gray = to_gray(image)
    view = View(gray, _IDENTITY.copy(), "plain")
    long_side = max(gray.shape)
    if long_side <= max_side:
        return view
    return scaled(view, max_side / long_side, "plain")


def scaled(view: View, factor: float, name: str = "scaled") -> View:
    """The view resized by *factor* (area interpolation down, cubic up)."""
    interpolation = cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC
    h, w = view.image.shape
    size = (max(1, round(w * factor)), max(1, round(h * factor)))
    image = as_u8(cv2.resize(view.image, size, interpolation=interpolation))
    fx, fy = size[0] / w, size[1] / h
    return view.derive(image, np.array([[fx, 0.0, 0.0], [0.0, fy, 0.0]]), name)


def local_contrast(view: View) -> View:
    """Contrast-limited adaptive histogram equalisation (helps faded or unevenly lit labels)."""
    clahe = cv2.createCLAHE(clipLimit=2.0, tileGridSize=(8, 8))
    return view.derive(as_u8(clahe.apply(view.image)), _IDENTITY, "contrast")


def sharpened(view: View) -> View:
    """An unsharp-masked copy (helps slightly blurred webcam frames)."""
    blurred = cv2.GaussianBlur(view.image, (0, 0), 1.5)
    image = as_u8(cv2.addWeighted(view.image, 1.8, blurred, -0.8, 0))
    return view.derive(image, _IDENTITY, "sharpen")


def inverted(view: View) -> View:
    """The negative: light bars on a dark ground (a phone screen in dark mode, a film
    negative) become the dark-on-light that the decoders look for."""
    return view.derive(as_u8(cv2.bitwise_not(view.image)), _IDENTITY, "invert")


def rotated(view: View, degrees: float) -> View:
    """The view rotated by *degrees* (counter-clockwise) on a canvas large enough to keep it all."""
    h, w = view.image.shape
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    cos, sin = abs(matrix[0, 0]), abs(matrix[0, 1])
    new_w, new_h = int(h * sin + w * cos + 0.5), int(h * cos + w * sin + 0.5)
    matrix[0, 2] += new_w / 2 - w / 2
    matrix[1, 2] += new_h / 2 - h / 2
    image = as_u8(cv2.warpAffine(view.image, matrix, (new_w, new_h), flags=cv2.INTER_LINEAR, borderValue=(255,)))
    return view.derive(image, matrix.astype(np.float64), f"rotate{degrees:+g}")


def cropped(view: View, box: tuple[int, int, int, int], name: str = "crop") -> View:
    """The part ``(x, y, width, height)`` of the view (points still map to the original)."""
    x, y, w, h = box
    image = view.image[y : y + h, x : x + w]
    return view.derive(as_u8(image), np.array([[1.0, 0.0, -float(x)], [0.0, 1.0, -float(y)]]), name)
