"""The two barcode libraries behind one shape: zxing-cpp (``zxingcpp``) and zbar (``pyzbar``).

Each backend turns a grayscale image into :class:`RawRead` values (unchecked text, the
decoder's own name for the symbology, corners in that image, and a support figure: how many
scan lines agreed). Either may be missing — zbar needs the ``libzbar0`` system library on Linux
and the VC++ 2013 runtime on Windows — and the other still works.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata

import cv2
import numpy as np

from app.i18n import Text
from app.scanning.errors import BACKEND_MISSING, NO_BACKEND, BackendUnavailableError
from app.scanning.preprocess import Image

BACKENDS = ("zxing", "zbar")

ACTIVE = Text("Giải mã mã vạch bằng: {active}", "Barcodes decoded with: {active}")
MISSING = Text("{backend} không dùng được: {reason}", "{backend} unavailable: {reason}")


@dataclass(frozen=True)
class RawRead:
    """One unchecked read from one backend, in the coordinates of the image it was given."""

    text: str
    kind: str
    corners: list[tuple[float, float]]
    support: float
    backend: str


Reader = Callable[[Image], list[RawRead]]

_ZXING_KINDS = {
    "Code128": "code128",
    "EAN13": "ean13",
    "EAN8": "ean8",
    "UPCA": "upca",
    "Code39": "code39",
    "Code39Std": "code39",
    "Code39Ext": "code39",
    "QRCode": "qr",
    "QRCodeModel1": "qr",
    "QRCodeModel2": "qr",
}
_ZBAR_KINDS = {
    "CODE128": "code128",
    "EAN13": "ean13",
    "ISBN13": "ean13",
    "ISBN10": "isbn10",
    "EAN8": "ean8",
    "UPCA": "upca",
    "CODE39": "code39",
    "QRCODE": "qr",
}


def _zxing_reader() -> Reader:
    import zxingcpp

    formats = zxingcpp.barcode_formats_from_str("Code128,EAN13,EAN8,UPCA,Code39,QRCode")

    def read(gray: Image) -> list[RawRead]:
        reads = []
        for result in zxingcpp.read_barcodes(
            gray, formats=formats, try_rotate=True, try_downscale=True, try_invert=False
        ):
            kind = _ZXING_KINDS.get(result.format.name) or _ZXING_KINDS.get(result.symbology.name)
            if kind is None:
                continue
            pos = result.position
            corners = [(float(p.x), float(p.y)) for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)]
            # For linear codes the box's height is the run of scan lines that agreed.
            lines = math.dist(corners[0], corners[3]) + 1
            support = 1e6 if kind == "qr" else lines
            reads.append(RawRead(result.text, kind, corners, support, "zxing"))
        return reads

    return read


def _zbar_reader() -> Reader:
    from pyzbar import pyzbar

    symbol = pyzbar.ZBarSymbol
    symbols = [symbol.CODE128, symbol.EAN13, symbol.EAN8, symbol.UPCA, symbol.CODE39, symbol.QRCODE]

    def read(gray: Image) -> list[RawRead]:
        reads = []
        for result in pyzbar.decode(gray, symbols=symbols):
            kind = _ZBAR_KINDS.get(result.type)
            if kind is None:
                continue
            try:
                text = result.data.decode("utf-8")
            except UnicodeDecodeError:
                text = result.data.decode("latin-1")
            points = np.array([(p.x, p.y) for p in result.polygon], dtype=np.float32)
            if len(points) >= 3:
                box = cv2.boxPoints(cv2.minAreaRect(points))
                corners = [(float(x), float(y)) for x, y in box]
            else:
                r = result.rect
                corners = [
                    (r.left, r.top), (r.left + r.width, r.top),
                    (r.left + r.width, r.top + r.height), (r.left, r.top + r.height),
                ]
                corners = [(float(x), float(y)) for x, y in corners]
            reads.append(RawRead(text, kind, corners, float(result.quality), "zbar"))
        return reads

    return read


_FACTORIES: dict[str, Callable[[], Reader]] = {"zxing": _zxing_reader, "zbar": _zbar_reader}


@functools.cache
def _load(name: str) -> tuple[Reader | None, str]:
    """Load a backend once: (reader, "") or (None, reason)."""
    try:
        reader = _FACTORIES[name]()
        reader(np.full((16, 16), 255, np.uint8))  # zbar loads libzbar on first use
    except Exception as exc:  # ImportError, OSError (missing shared library)...
        return None, f"{type(exc).__name__}: {exc}"
    return reader, ""


def available_backends() -> tuple[str, ...]:
    """The backends that load on this computer, in preference order (zxing first).

    >>> set(available_backends()) <= {"zxing", "zbar"}
    True
    """
    return tuple(name for name in BACKENDS if _load(name)[0] is not None)


def reader(name: str) -> Reader:
    """The read function of backend *name*; BackendUnavailableError if it cannot load."""
    if name not in _FACTORIES:
        raise ValueError(f"unknown backend {name!r}; choose one of {BACKENDS}")
    loaded, reason = _load(name)
    if loaded is None:
        raise BackendUnavailableError("scan.backend_missing", BACKEND_MISSING, backend=name, reason=reason)
    return loaded


def readers(backend: str) -> list[tuple[str, Reader]]:
    """The readers for ``"auto"`` (every available one) or one named backend."""
    if backend == "auto":
        names = available_backends()
        if not names:
            raise BackendUnavailableError("scan.no_backend", NO_BACKEND)
        return [(name, reader(name)) for name in names]
    return [(backend, reader(backend))]


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def describe_backends() -> str:
    """One line for the user: which decoders are active, and why one is missing.

    >>> "zxing" in describe_backends()
    True
    """
    labels = {"zxing": f"zxing-cpp {_version('zxing-cpp')}", "zbar": f"zbar (pyzbar {_version('pyzbar')})"}
    active = [labels[name] for name in available_backends()]
    parts = [ACTIVE(active=" + ".join(active) if active else "—")]
    for name in BACKENDS:
        loaded, reason = _load(name)
        if loaded is None:
            parts.append(MISSING(backend=labels[name], reason=reason))
    return "; ".join(parts)


