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


def phone_screen(text: str, fmt: str = "Code128", shift: int = 0) -> npt.NDArray[np.uint8]:
    """A photo of a phone held up to the webcam in dark mode: light bars on a near-black
    screen, on a light desk, a little turned in perspective, blurred, with sensor noise and
    JPEG's loss; *shift* moves the phone and changes the noise (frames of a video)."""
    symbol = render(text, fmt, scale=3)
    screen = np.full((symbol.shape[0] + 80, symbol.shape[1] + 80), 255, np.uint8)
    screen[40:-40, 40:-40] = symbol
    screen = 255 - screen  # dark mode: the app draws the code in light on black
    screen = (24 + screen.astype(np.float32) * (210 - 24) / 255).astype(np.uint8)
    h, w = screen.shape
    frame = np.full((480, 640), 215, np.uint8)
    target = np.float32([[120, 110], [120 + w * 0.95, 125], [118 + w * 0.93, 95 + h],
                         [122, 110 + h * 1.02]]) + np.float32([shift * 3, shift])
    matrix = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), target)
    warped = cv2.warpPerspective(screen, matrix, (640, 480), borderValue=(255,))
    mask = cv2.warpPerspective(np.full_like(screen, 255), matrix, (640, 480))
    frame = np.where(mask > 0, warped, frame).astype(np.uint8)
    frame = cv2.GaussianBlur(frame, (0, 0), 1.1)
    noise = np.random.default_rng(7 + shift).normal(0, 6, frame.shape)
    frame = np.clip(frame.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    ok, jpeg = cv2.imencode(".jpg", cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR),
                            [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return np.asarray(cv2.imdecode(jpeg, cv2.IMREAD_COLOR), dtype=np.uint8)


@pytest.fixture
def photos() -> Path:
    """The ZXing photo folders (skips when the shared data is absent)."""
    if not ZXING_PHOTOS.is_dir():
        pytest.skip("../shared/data/barcodes/zxing is not present")
    return ZXING_PHOTOS
