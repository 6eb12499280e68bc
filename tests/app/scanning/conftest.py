"""Barcode pictures for the scanning tests: the real ZXing photos and barcodes we render."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pytest
import zxingcpp

REPO_ROOT = Path(__file__).resolve().parents[3]
ZXING_PHOTOS = REPO_ROOT.parent / "shared" / "data" / "barcodes" / "zxing"


def render(text: str, fmt: str = "Code128", scale: int = 3) -> npt.NDArray[np.uint8]:
    """A clean barcode image (with quiet zones) drawn by zxing-cpp's writer."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.barcode_format_from_str(fmt))
    return np.ascontiguousarray(np.asarray(barcode.to_image(scale=scale)), dtype=np.uint8)


def on_canvas(
    symbol: npt.NDArray[np.uint8], size: tuple[int, int] = (640, 480), at: tuple[int, int] = (100, 150)
) -> npt.NDArray[np.uint8]:
    """The symbol pasted on a light-grey BGR frame of *size* (w, h) at *at* (x, y)."""
    w, h = size
    canvas = np.full((h, w), 200, np.uint8)
    x, y = at
    sh, sw = symbol.shape
    canvas[y : y + sh, x : x + sw] = symbol
    return cv2.cvtColor(canvas, cv2.COLOR_GRAY2BGR)


@pytest.fixture
def photos() -> Path:
    """The ZXing photo folders (skips when the shared data is absent)."""
    if not ZXING_PHOTOS.is_dir():
        pytest.skip("../shared/data/barcodes/zxing is not present")
    return ZXING_PHOTOS
