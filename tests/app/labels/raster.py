"""Rasterise label pages and read them back: poppler for PDFs, the project's scanner decoder
(app.scanning) for barcodes, ink boxes for where things landed. Shared by the PDF tests here and
the preview/printing tests in tests/ui."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from app.scanning.decoder import decode_image

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


def ink_box(image: Image.Image, box_mm: tuple[float, float, float, float], dpi: int = DPI,
            threshold: int = 128) -> tuple[float, float, float, float] | None:
    """The bounding box (left, top, right, bottom, mm from the page's top-left) of everything
    darker than *threshold* inside *box_mm* (left, top, width, height in mm), or None if blank."""
    px = dpi / 25.4
    left, top, width, height = box_mm
    x0, y0 = max(0, round(left * px)), max(0, round(top * px))
    x1, y1 = round((left + width) * px), round((top + height) * px)
    array = np.asarray(image.convert("L").crop((x0, y0, x1, y1))) < threshold
    rows, cols = np.nonzero(array.any(axis=1))[0], np.nonzero(array.any(axis=0))[0]
    if not len(rows):
        return None
    return ((x0 + cols[0]) / px, (y0 + rows[0]) / px, (x0 + cols[-1] + 1) / px,
            (y0 + rows[-1] + 1) / px)


def qimage_to_pil(image: object) -> Image.Image:
    """A QImage (the Qt preview's or printer's page) as a greyscale Pillow image."""
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())[: gray.bytesPerLine() * gray.height()]
    return Image.frombytes("L", (gray.width(), gray.height()), data, "raw", "L",
                           gray.bytesPerLine())
