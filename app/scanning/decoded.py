"""The value the decoder hands on: one checked barcode with its outline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.catalog.isbn import to_isbn10

Symbology = Literal["code128", "ean13", "isbn13", "ean8", "upca", "code39", "qr"]
SYMBOLOGIES: tuple[Symbology, ...] = ("code128", "ean13", "isbn13", "ean8", "upca", "code39", "qr")

Point = tuple[float, float]
Corners = tuple[Point, Point, Point, Point]


@dataclass(frozen=True)
class Decoded:
    """A barcode read from an image, already normalised and check-digit verified.

    ``corners`` are four points in the input image's pixel coordinates (for outlining it in a
    preview); ``backend`` names the decoder(s) that read it: ``"zxing"``, ``"zbar"`` or
    ``"zbar+zxing"`` when both agreed.

    >>> d = Decoded("9780306406157", "isbn13", ((0, 0), (10, 0), (10, 5), (0, 5)), "zxing")
    >>> d.box, d.isbn10
    ((0, 0, 10, 5), '0306406152')
    """

    text: str
    symbology: Symbology
    corners: Corners
    backend: str

    @property
    def box(self) -> tuple[int, int, int, int]:
        """The axis-aligned bounding box ``(x, y, width, height)`` of the corners."""
        xs = [p[0] for p in self.corners]
        ys = [p[1] for p in self.corners]
        x0, y0 = int(min(xs)), int(min(ys))
        return x0, y0, int(round(max(xs))) - x0, int(round(max(ys))) - y0

    @property
    def isbn10(self) -> str | None:
        """The ISBN-10 form of a 978- ISBN (None for other codes and 979- ISBNs)."""
        return to_isbn10(self.text) if self.symbology == "isbn13" else None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict (used by ``thuvien decode --json``)."""
        return {
            "text": self.text,
            "symbology": self.symbology,
            "backend": self.backend,
            "box": list(self.box),
            "corners": [[round(x, 1), round(y, 1)] for x, y in self.corners],
        }
