"""Measuring decoders on labelled photo folders (ZXing's layout: ``N.png`` + ``N.txt``).

Used by the tests and ``benchmarks/bench_decode.py`` to produce the per-folder table.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt

from app.scanning.decoded import Decoded
from app.scanning.frames import load_image

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")


@dataclass(frozen=True)
class Sample:
    """One photo and the text it must give (None: nothing may be read from it)."""

    path: Path
    expected: str | None


@dataclass
class FolderScore:
    """How a decoder did on one folder at one rotation."""

    folder: str
    rotation: int
    passed: int = 0
    images: int = 0
    failed: list[str] = field(default_factory=list)
    #: image name -> texts read that were not the expected one
    other: dict[str, list[str]] = field(default_factory=dict)


def labelled_images(folder: Path) -> list[Sample]:
    """The photos of *folder* in numeric order with their expected text."""
    samples = []
    for path in sorted(folder.iterdir(), key=lambda p: (len(p.stem), p.stem)):
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            continue
        txt = path.with_suffix(".txt")
        samples.append(Sample(path, txt.read_text(encoding="utf-8") if txt.exists() else None))
    return samples


def rotate(image: npt.NDArray[np.uint8], degrees: int) -> npt.NDArray[np.uint8]:
    """The image turned by a multiple of 90 degrees (counter-clockwise)."""
    turned: npt.NDArray[np.uint8] = np.ascontiguousarray(np.rot90(image, k=(degrees // 90) % 4))
    return turned


def score_folder(
    folder: Path, decode: Callable[[npt.NDArray[np.uint8]], list[Decoded]], rotation: int = 0
) -> FolderScore:
    """Decode every photo of *folder* turned by *rotation* degrees and count the right reads."""
    score = FolderScore(folder.name, rotation)
    for sample in labelled_images(folder):
        found = decode(rotate(load_image(sample.path), rotation))
        texts = [d.text for d in found]
        score.images += 1
        if sample.expected is not None and sample.expected in texts:
            score.passed += 1
        elif sample.expected is not None:
            score.failed.append(sample.path.name)
        others = [t for t in texts if t != sample.expected]
        if others:
            score.other[sample.path.name] = others
    return score


def zxing_thresholds(tsv: Path) -> dict[tuple[str, int], tuple[int, int]]:
    """ZXing's own bar from ``_zxing_java_pass_thresholds.tsv``:
    ``(folder, rotation) -> (must_pass, try_harder_must_pass)``."""
    table: dict[tuple[str, int], tuple[int, int]] = {}
    with tsv.open(encoding="utf-8") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    for row in csv.DictReader(rows, delimiter="\t"):
        table[(row["dir"], int(float(row["rotation"])))] = (int(row["must_pass"]), int(row["try_harder_must_pass"]))
    return table
