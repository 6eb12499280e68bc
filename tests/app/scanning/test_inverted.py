"""Inverted barcodes — light bars on a dark ground, as a phone screen in dark mode or a film
negative shows them — read by the photo decoder and by ``thuvien decode``; nothing read from
the photos without a barcode, nor from their negatives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pytest

from app.scanning import decode_image
from app.scanning.evaluation import labelled_images, score_folder
from app.scanning.frames import load_image

from .conftest import REPO_ROOT, render
from .test_photos import SECOND_LABELS, THRESHOLDS


def negative(image: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    return np.ascontiguousarray(255 - image)


def phone_screen(text: str, fmt: str = "Code128") -> npt.NDArray[np.uint8]:
    """A photo of a phone held up to the webcam in dark mode: light bars on a near-black
    screen, on a light desk, a little turned in perspective, blurred, with sensor noise and
    JPEG's loss."""
    symbol = render(text, fmt, scale=3)
    screen = np.full((symbol.shape[0] + 80, symbol.shape[1] + 80), 255, np.uint8)
    screen[40:-40, 40:-40] = symbol
    screen = 255 - screen  # dark mode: the app draws the code in light on black
    screen = (24 + screen.astype(np.float32) * (210 - 24) / 255).astype(np.uint8)
    h, w = screen.shape
    frame = np.full((480, 640), 215, np.uint8)
    target = np.float32([[120, 110], [120 + w * 0.95, 125], [118 + w * 0.93, 95 + h],
                         [122, 110 + h * 1.02]])
    matrix = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), target)
    warped = cv2.warpPerspective(screen, matrix, (640, 480), borderValue=(255,))
    mask = cv2.warpPerspective(np.full_like(screen, 255), matrix, (640, 480))
    frame = np.where(mask > 0, warped, frame).astype(np.uint8)
    frame = cv2.GaussianBlur(frame, (0, 0), 1.1)
    noise = np.random.default_rng(7).normal(0, 6, frame.shape)
    frame = np.clip(frame.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    ok, jpeg = cv2.imencode(".jpg", cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR),
                            [cv2.IMWRITE_JPEG_QUALITY, 80])
    assert ok
    return np.asarray(cv2.imdecode(jpeg, cv2.IMREAD_COLOR), dtype=np.uint8)


@pytest.mark.parametrize(("text", "fmt"), [("TK.00042", "Code128"), ("HS000123", "Code39"),
                                           ("9786040000002", "EAN13")])
def test_a_code_on_a_dark_phone_screen_is_read(text: str, fmt: str) -> None:
    found = decode_image(phone_screen(text, fmt))
    assert [d.text for d in found] == [text]


@pytest.mark.parametrize("folder", ["ean13-1", "code128-1", "code39-1", "ean8-1"])
def test_negatives_of_real_photos_read_as_well_as_zxing_reads_the_photos(
        photos: Path, folder: str) -> None:
    """ZXing's own bar for the photos themselves (rotation 0), reached on their negatives,
    and nothing else read (ISBNs on book backs, labels, a Code 39 asset tag)."""
    must_pass, _ = THRESHOLDS[(folder, 0)]
    score = score_folder(photos / folder, lambda image: decode_image(negative(image)))
    assert score.passed >= must_pass, (score.passed, must_pass, score.failed)
    expected_others = {name: texts for (f, name), texts in SECOND_LABELS.items() if f == folder}
    assert score.other == expected_others


def test_the_negatives_of_no_barcode_photos_give_nothing(photos: Path) -> None:
    """(The photos themselves, now tried as negatives too: test_photos.)"""
    score = score_folder(photos / "falsepositives-2",
                         lambda image: decode_image(negative(image)))
    assert score.images == 25
    assert score.other == {}


def test_thuvien_decode_reads_a_negative_photo(tmp_path: Path, photos: Path) -> None:
    """The real command on files as a librarian has them: a negative saved as JPEG, and a
    phone-screen photo as PNG."""
    book = labelled_images(photos / "ean13-1")[0]
    film = tmp_path / "âm bản.jpg"
    cv2.imwrite(str(film), negative(load_image(book.path)))
    screen = tmp_path / "màn hình điện thoại.png"
    cv2.imwrite(str(screen), phone_screen("TK.00042"))
    run = subprocess.run([sys.executable, "-m", "app.cli", "decode", str(film), str(screen),
                          "--json"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=300,
                         encoding="utf-8")
    assert run.returncode == 0, run.stderr
    files = json.loads(run.stdout)["files"]
    assert [[c["text"] for c in f["codes"]] for f in files] == [[book.expected], ["TK.00042"]]

