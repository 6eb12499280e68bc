"""The live-frame decoder: cheap on frames without a barcode, as good as the full cheap pass on
frames with one (real photos, faded like a webcam sees them), outlines where the code is."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pytest

from app.scanning import decode_image
from app.scanning.candidates import grow, look
from app.scanning.evaluation import labelled_images
from app.scanning.frames import load_image
from app.scanning.live import LiveDecoder

from .conftest import on_canvas, render

Gray = npt.NDArray[np.uint8]


def _gray(image: npt.NDArray[np.uint8]) -> Gray:
    return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image


def _on_desk(photo: Gray, at: tuple[int, int] = (60, 40), fade: float = 1.0) -> Gray:
    """The photo (shrunk to fit) lying on a grey desk in a 640×480 frame, optionally faded."""
    h, w = photo.shape
    scale = min(0.8 * 640 / w, 0.8 * 480 / h, 1.0)
    small = cv2.resize(photo, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else photo
    if fade != 1.0:
        small = (128 + (small.astype(np.float32) - 128) * fade).astype(np.uint8)
    frame = np.full((480, 640), 128, np.uint8)
    x, y = at
    frame[y : y + small.shape[0], x : x + small.shape[1]] = small
    return frame


def _noise(sigma: float, seed: int) -> Gray:
    return np.clip(np.random.default_rng(seed).normal(150, sigma, (480, 640)), 0, 255).astype(np.uint8)


def test_frames_with_nothing_in_view_skip_the_decoders() -> None:
    decode = LiveDecoder()
    frames = [_noise(sigma, seed) for seed, sigma in enumerate([3, 8, 25] * 4)]
    assert all(decode(f) == [] for f in frames)
    # The primary decoder still looks at every third quiet frame (in case the look missed
    # something); the slow fallback never runs on noise.
    assert decode.counts["skipped"] == 8 and decode.counts["primary"] == 4
    assert decode.counts["fallback"] == 0


def test_every_real_barcode_photo_is_seen_as_a_candidate(photos: Path) -> None:
    """The look must not hide a barcode: for every photo of ZXing's set, on a desk, faded or
    not, the frame is 'active' and the whole barcode lies inside one of the two crops the
    fallback decoder would read."""
    missed = []
    for folder in ("ean13-1", "upca-1", "code128-1", "code39-3", "ean8-1"):
        for sample in labelled_images(photos / folder):
            photo = _gray(load_image(sample.path))
            found = [d for d in decode_image(photo) if d.text == sample.expected]
            if not found:
                continue  # read by nothing at all (2 upca photos)
            scale = min(0.8 * 640 / photo.shape[1], 0.8 * 480 / photo.shape[0], 1.0)
            x, y, w, h = found[0].box
            x0, y0, x1, y1 = 60 + x * scale, 40 + y * scale, 60 + (x + w) * scale, 40 + (y + h) * scale
            for fade in (1.0, 0.15):
                seen = look(_on_desk(photo, fade=fade))
                crops = [grow(box, (480, 640)) for box in seen.linear[:2]]
                inside = any(cx <= x0 + 2 and cy <= y0 + 2 and cx + cw >= x1 - 2 and cy + ch >= y1 - 2
                             for cx, cy, cw, ch in crops)
                if not (seen.active and inside):
                    missed.append(f"{folder}/{sample.path.name} fade {fade}")
    assert missed == []


def test_faded_book_barcodes_are_read_by_the_fallback_on_a_crop(photos: Path) -> None:
    """Faded to 15 % contrast, some ISBNs defeat zxing; zbar on the candidate crop reads them,
    and the outline lands on the barcode in the frame."""
    rescued = 0
    for sample in labelled_images(photos / "ean13-1"):
        frame = _on_desk(_gray(load_image(sample.path)), fade=0.15)
        zxing_alone = [d.text for d in decode_image(frame, "zxing", thorough=False)]
        decode = LiveDecoder()
        live = decode(frame)
        assert [d.text for d in live] in ([], [sample.expected])  # nothing wrong, ever
        if live and sample.expected not in zxing_alone:
            rescued += 1
            assert decode.counts["fallback"] == 1 and "zbar" in live[0].backend
            x, y, w, h = live[0].box
            assert 60 <= x <= x + w <= 60 + 512 and 40 <= y <= y + h <= 40 + 384  # inside the photo
            assert w * h > 2000
    assert rescued >= 5


def test_the_fallback_on_a_busy_picture_runs_only_every_third_frame(photos: Path) -> None:
    """A cover full of parallel lines (a photo with no barcode) must not cost zbar every frame."""
    busy = [
        f
        for f in (_gray(cv2.resize(load_image(s.path), (640, 480))) for s in labelled_images(photos / "falsepositives-2"))
        if look(f).linear
    ]
    assert len(busy) >= 10
    decode = LiveDecoder()
    for frame in busy[:9]:
        assert decode(frame) == []
    assert decode.counts["primary"] == 9 and decode.counts["fallback"] == 3


def test_a_read_by_the_fallback_keeps_it_running_for_the_confirming_frame(photos: Path) -> None:
    sample = next(s for s in labelled_images(photos / "ean13-1") if s.path.name == "2.png")
    frame = _on_desk(_gray(load_image(sample.path)), fade=0.15)
    decode = LiveDecoder()
    reads = [[d.text for d in decode(frame)] for _ in range(3)]
    assert reads == [[sample.expected]] * 3  # two confirming frames in a row, not every third
    assert decode.counts["fallback"] == 3


def test_a_clean_label_costs_no_fallback_and_is_outlined() -> None:
    frame = on_canvas(render("GK.00012"), at=(150, 200))
    decode = LiveDecoder()
    (code,) = decode(frame)
    assert code.text == "GK.00012" and code.backend == "zxing"
    assert decode.counts["fallback"] == 0
    x, y, w, h = code.box
    assert abs(x - 150) < 40 and abs(y - 200) < 20 and w > 150


@pytest.mark.parametrize("backend", ["zxing", "zbar"])
def test_one_backend_alone_still_reads_live_frames(backend: str) -> None:
    frame = on_canvas(render("978604000000", "EAN13"))
    assert [d.text for d in LiveDecoder(backend)(frame)] == ["9786040000002"]


def test_a_zxing_misread_of_an_isbn_is_caught_by_zbar_on_the_same_crop(photos: Path) -> None:
    """ean13-1/19.png faded: zxing alone reads a checksum-valid wrong code (21001079063 5);
    zbar reads the true one on the crop, so the live decoder gives nothing rather than it."""
    sample = next(s for s in labelled_images(photos / "ean13-1") if s.path.name == "19.png")
    frame = _on_desk(_gray(load_image(sample.path)), fade=0.15)
    assert [d.text for d in decode_image(frame, "zxing", thorough=False)] == ["210010790635"]
    decode = LiveDecoder()
    assert decode(frame) == []
    assert decode.counts["verify"] == 1


def test_live_reads_as_many_faded_photos_as_the_full_cheap_pass_with_fewer_misreads(photos: Path) -> None:
    samples = [s for f in ("ean13-1", "upca-1", "code39-3") for s in labelled_images(photos / f)]
    full = live = full_wrong = live_wrong = 0
    for sample in samples:
        frame = _on_desk(_gray(load_image(sample.path)), fade=0.15)
        a = [d.text for d in decode_image(frame, "auto", thorough=False)]
        b = [d.text for d in LiveDecoder()(frame)]
        full, live = full + (sample.expected in a), live + (sample.expected in b)
        full_wrong += any(t != sample.expected for t in a)
        live_wrong += any(t != sample.expected for t in b)
    assert live >= full >= 45  # of 70
    assert live_wrong <= full_wrong


def test_a_code_both_decoders_agreed_on_is_not_checked_again_on_every_frame() -> None:
    frame = on_canvas(render("978604000000", "EAN13"))
    decode = LiveDecoder()
    reads = [[d.text for d in decode(frame)] for _ in range(20)]
    assert reads == [["9786040000002"]] * 20
    assert decode.counts["verify"] == 2  # frame 1, and again 15 frames later
