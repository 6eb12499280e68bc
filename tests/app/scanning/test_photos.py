"""The decoder on ZXing's real photographs: at least ZXing's own bar, no misreads, no false
positives, and the combination reading more than either library alone."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pytest

from app.scanning import decode_image
from app.scanning.evaluation import FolderScore, score_folder, zxing_thresholds

from .conftest import ZXING_PHOTOS

THRESHOLDS = (
    zxing_thresholds(ZXING_PHOTOS / "_zxing_java_pass_thresholds.tsv")
    if (ZXING_PHOTOS / "_zxing_java_pass_thresholds.tsv").exists()
    else {}
)
# Only the folders present in the shared data (the TSV also names codabar, itf, upce...).
CASES = sorted(key for key in THRESHOLDS if (ZXING_PHOTOS / key[0]).is_dir())


@cache
def scored(folder: str, rotation: int, backend: str) -> FolderScore:
    return score_folder(ZXING_PHOTOS / folder, lambda image: decode_image(image, backend), rotation)


def test_every_present_folder_of_the_thresholds_is_tested() -> None:
    assert {folder for folder, _ in CASES} >= {"code128-1", "code39-3", "ean13-1", "ean13-3", "ean8-1", "upca-1"}
    assert {rotation for _, rotation in CASES} == {0, 180}


@pytest.mark.parametrize(("folder", "rotation"), CASES)
def test_combined_decoder_reaches_zxing_must_pass(photos: Path, folder: str, rotation: int) -> None:
    must_pass, _ = THRESHOLDS[(folder, rotation)]
    score = scored(folder, rotation, "auto")
    assert score.passed >= must_pass, (score.passed, must_pass, score.failed)


# Two code39-3 photos show a second, real label beside the expected one (checked by eye and
# read identically by both libraries).
SECOND_LABELS = {("code39-3", "02.png"): ["001EC947D49B"], ("code39-3", "08.png"): ["001EC9476B0A"]}


@pytest.mark.parametrize(("folder", "rotation"), CASES)
def test_combined_decoder_makes_no_misread(photos: Path, folder: str, rotation: int) -> None:
    score = scored(folder, rotation, "auto")
    expected_others = {name: texts for (f, name), texts in SECOND_LABELS.items() if f == folder}
    assert score.other == expected_others


@pytest.mark.parametrize(
    ("backend", "rotation"),
    [("auto", 0), ("auto", 90), ("auto", 180), ("auto", 270), ("zxing", 0), ("zxing", 90), ("zbar", 0), ("zbar", 90)],
)
def test_false_positive_photos_give_nothing(photos: Path, backend: str, rotation: int) -> None:
    folder = photos / "falsepositives-2"
    score = score_folder(folder, lambda image: decode_image(image, backend), rotation)
    assert score.images == 25
    assert score.other == {}


@pytest.mark.parametrize(("folder", "rotation"), CASES)
def test_combined_reads_at_least_what_each_backend_reads_alone(photos: Path, folder: str, rotation: int) -> None:
    combined = scored(folder, rotation, "auto")
    for backend in ("zxing", "zbar"):
        alone = scored(folder, rotation, backend)
        assert set(alone.failed) >= set(combined.failed), backend


def _low_contrast(image: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    """A faded print under dim light: the photo squeezed to 15 % of its contrast."""
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    return (128 + (gray.astype(np.float32) - 128) * 0.15).astype(np.uint8)


@pytest.mark.slow
def test_combined_reads_more_faded_photos_than_either_library(photos: Path) -> None:
    folders = ["ean13-1", "ean13-3", "upca-1", "code128-1", "ean8-1"]
    read = {"zxing": 0, "zbar": 0, "auto": 0}
    for folder in folders:
        for backend in read:
            score = score_folder(
                photos / folder, lambda image, b=backend: decode_image(_low_contrast(image), b, thorough=False)
            )
            read[backend] += score.passed
            if backend == "auto":
                assert score.other == {}, folder
    assert read["auto"] > max(read["zxing"], read["zbar"]), read
