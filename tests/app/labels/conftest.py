"""Helpers for the label tests: render PDF pages with poppler and decode their barcodes."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from app.scanning.decoder import decode_image

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared" / "data"
DPI = 300


@dataclass(frozen=True)
class Read:
    """A barcode found on a rendered page: its text and centre in mm from the page's top-left."""

    text: str
    x_mm: float
    y_mm: float
    left_mm: float


def render(pdf: bytes, folder: Path, dpi: int = DPI) -> list[Image.Image]:
    """Every page of *pdf* as a greyscale image (pdftoppm, the way a user's viewer rasterises)."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "doc.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(source), str(folder / "page")],
                   check=True)
    return [Image.open(p) for p in sorted(folder.glob("page-*.png"))]


def decode(image: Image.Image, dpi: int = DPI) -> list[Read]:
    """Every barcode the project's scanner decoder (app.scanning) finds on *image*, at full
    resolution."""
    px = 25.4 / dpi
    array = np.asarray(image.convert("L"))
    found = []
    for result in decode_image(array, max_side=max(array.shape)):
        xs = [float(x) for x, _ in result.corners]
        ys = [float(y) for _, y in result.corners]
        found.append(Read(result.text, sum(xs) / 4 * px, sum(ys) / 4 * px, min(xs) * px))
    return found


def bar_top_mm(image: Image.Image, read: Read, dpi: int = DPI) -> float:
    """The top edge of *read*'s first bar (the start character's wide bar), in mm: zxing's
    position is a scan line, so the vertical edge is measured on the image itself."""
    px = dpi / 25.4
    gray = image.convert("L")
    x = round(read.left_mm * px) + 2
    y = round(read.y_mm * px)
    while y > 0 and gray.getpixel((x, y - 1)) < 128:
        y -= 1
    return y / px


def pdf_text(pdf: bytes, folder: Path) -> str:
    """The text poppler extracts from *pdf* (what copy-and-paste and screen readers see)."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "text.pdf"
    source.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(source), "-"], check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture
def shared_data() -> Path:
    return SHARED
