"""decode_image on generated barcodes: every symbology, outlines in the caller's coordinates,
file paths, backend choice, and a missing backend."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from app.scanning import (
    ScanInputError,
    available_backends,
    decode_image,
    describe_backends,
)

from .conftest import REPO_ROOT, on_canvas, render


@pytest.mark.parametrize(
    ("text", "fmt", "symbology", "expected"),
    [
        ("GK.00012", "Code128", "code128", "GK.00012"),
        ("978604000000", "EAN13", "isbn13", "9786040000002"),
        ("841300006550", "EAN13", "ean13", "8413000065504"),
        ("1234567", "EAN8", "ean8", "12345670"),
        ("03660230146", "UPCA", "upca", "036602301467"),
        ("TK-00003", "Code39", "code39", "TK-00003"),
        ("Thư viện trường THCS", "QRCode", "qr", "Thư viện trường THCS"),
    ],
)
@pytest.mark.parametrize("backend", ["auto", "zxing", "zbar"])
def test_each_symbology_is_read_and_named(text: str, fmt: str, symbology: str, expected: str, backend: str) -> None:
    frame = on_canvas(render(text, fmt, scale=3 if fmt != "QRCode" else 5))
    found = decode_image(frame, backend)
    assert [(d.text, d.symbology) for d in found] == [(expected, symbology)]


def test_outline_is_in_the_original_coordinates_of_a_big_photo() -> None:
    """A 4000×3000 photo is shrunk for decoding; the outline still lands on the barcode."""
    symbol = render("GK.00012", "Code128", scale=8)
    photo = on_canvas(symbol, size=(4000, 3000), at=(2500, 2000))
    [code] = decode_image(photo)
    x, y, w, h = code.box
    sh, sw = symbol.shape
    assert 2500 - 40 <= x <= 2500 + 120 and 2000 - 40 <= y <= 2000 + sh
    assert x + w <= 2500 + sw + 40 and w > sw / 2


def test_a_rotated_barcode_is_found_and_outlined_where_it_is() -> None:
    frame = on_canvas(render("GK.00012", scale=3), at=(150, 180))
    h, w = frame.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), 35, 1.0)
    turned = cv2.warpAffine(frame, matrix, (w, h), borderValue=(200, 200, 200))
    [code] = decode_image(turned)
    assert code.text == "GK.00012"
    cx = sum(p[0] for p in code.corners) / 4
    cy = sum(p[1] for p in code.corners) / 4
    assert abs(cx - w / 2) < 60 and abs(cy - h / 2) < 60  # the symbol sat at the centre


def test_path_input_and_unreadable_files(tmp_path: Path) -> None:
    picture = tmp_path / "ảnh bìa sách.png"  # Vietnamese file name
    ok, data = cv2.imencode(".png", on_canvas(render("978604000000", "EAN13")))
    assert ok
    picture.write_bytes(data.tobytes())
    assert [d.text for d in decode_image(picture)] == ["9786040000002"]
    with pytest.raises(ScanInputError, match="Không có tệp"):
        decode_image(tmp_path / "missing.png")
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    with pytest.raises(ScanInputError, match="Không đọc được"):
        decode_image(broken)


def test_blank_frames_and_gray_or_bgra_input() -> None:
    assert decode_image(np.full((480, 640, 3), 255, np.uint8)) == []
    bgra = cv2.cvtColor(on_canvas(render("GK.00012")), cv2.COLOR_BGR2BGRA)
    assert [d.text for d in decode_image(bgra)] == ["GK.00012"]


def test_both_backends_are_active_here() -> None:
    assert available_backends() == ("zxing", "zbar")
    assert "zxing-cpp" in describe_backends() and "zbar" in describe_backends()


def _run_without(module: str, picture: Path) -> list[str]:
    """Run the decoder in a fresh interpreter where *module* cannot be imported."""
    code = (
        f"import sys; sys.modules[{module!r}] = None\n"
        "from app.i18n import set_language; set_language('en')\n"
        "from app.scanning import available_backends, describe_backends, decode_image\n"
        "from app.scanning.errors import BackendUnavailableError\n"
        "print(available_backends())\n"
        "print(describe_backends())\n"
        f"print([d.text + ' ' + d.backend for d in decode_image({str(picture)!r})])\n"
        "other = 'zbar' if available_backends() == ('zxing',) else 'zxing'\n"
        f"try:\n    decode_image({str(picture)!r}, other)\nexcept BackendUnavailableError as e:\n    print('ERR', e.message)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout.splitlines()


@pytest.fixture
def picture(tmp_path: Path) -> Path:
    path = tmp_path / "label.png"
    assert cv2.imwrite(str(path), on_canvas(render("GK.00012")))
    return path


def test_without_zbar_zxing_still_decodes_and_the_app_says_so(picture: Path) -> None:
    out = _run_without("pyzbar", picture)
    assert out[0] == "('zxing',)"
    assert out[1].startswith("Barcodes decoded with: zxing-cpp") and "zbar (pyzbar" in out[1] and "unavailable" in out[1]
    assert out[2] == "['GK.00012 zxing']"
    assert out[3].startswith("ERR Barcode decoder 'zbar' is not available")


def test_without_zxing_zbar_still_decodes(picture: Path) -> None:
    out = _run_without("zxingcpp", picture)
    assert out[0] == "('zbar',)"
    assert out[1].startswith("Barcodes decoded with: zbar") and "zxing-cpp" in out[1]
    assert out[2] == "['GK.00012 zbar']"
    assert out[3].startswith("ERR Barcode decoder 'zxing' is not available")


def test_asking_for_an_unknown_backend_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown backend"):
        decode_image(np.zeros((10, 10), np.uint8), "quagga")
