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
from app.scanning.live import LiveDecoder

from .conftest import REPO_ROOT, on_canvas, phone_screen, render
from .test_photos import SECOND_LABELS, THRESHOLDS


def negative(image: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    return np.ascontiguousarray(255 - image)


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



def test_the_desk_camera_reads_a_dark_phone_screen(tmp_path: Path) -> None:
    """A pupil shows a card code on a phone in dark mode to the desk webcam: the live
    decoder (cheap pass, then the negatives of the candidate crops) reads it, and
    ``thuvien decode`` on the clip accepts it once, as the desk would."""
    video = tmp_path / "điện thoại.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 20.0, (640, 480))
    assert writer.isOpened()
    for shift in range(16):
        writer.write(phone_screen("HS000123", "Code39", shift=shift))
    writer.release()
    run = subprocess.run([sys.executable, "-m", "app.cli", "decode", str(video), "--json"],
                         cwd=REPO_ROOT, capture_output=True, text=True, timeout=300,
                         encoding="utf-8")
    assert run.returncode == 0, run.stderr
    (found,) = json.loads(run.stdout)["files"]
    assert [c["text"] for c in found["codes"]] == ["HS000123"]


def test_live_negatives_cost_nothing_on_an_empty_desk_or_a_plain_label() -> None:
    decode = LiveDecoder()
    for _ in range(6):
        assert decode(np.full((480, 640, 3), 200, np.uint8)) == []
    assert decode.counts["negative"] == 0
    assert [d.text for d in decode(on_canvas(render("GK.00012")))] == ["GK.00012"]
    assert decode.counts["negative"] == 0
    screen = [decode(phone_screen("GK.00013", shift=s)) for s in range(4)]
    assert [d.text for d in screen[-1]] == ["GK.00013"]
    assert decode.counts["negative"] >= 1
