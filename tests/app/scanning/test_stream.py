"""Frames to accepted codes: two-frame confirmation, 3 s repeat suppression, the desk filter,
and a generated video going through the real pipeline."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import pytest

from app.scanning import Decoded, ImageFiles, ScanStream, VideoFile, desk_filter
from app.scanning.stream import Debouncer

from .conftest import on_canvas, render

CORNERS = ((0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0))
BOOK = Decoded("GK.00012", "code128", CORNERS, "zxing")
OTHER = Decoded("9786040000002", "isbn13", CORNERS, "zxing")


def accepted_at(deb: Debouncer, frames: list[tuple[float, list[Decoded]]]) -> list[tuple[float, str]]:
    return [(t, a.text) for t, codes in frames for a in deb.offer(codes, t)]


def test_one_frame_is_not_enough_two_matching_frames_are() -> None:
    deb = Debouncer()
    assert accepted_at(deb, [(0.0, [BOOK])]) == []
    assert accepted_at(deb, [(0.05, [BOOK])]) == [(0.05, "GK.00012")]


def test_a_misread_seen_once_never_reaches_the_desk() -> None:
    misread = Decoded("GK.00018", "code128", CORNERS, "zbar")
    frames = [(0.00, [BOOK]), (0.05, [misread]), (0.10, [BOOK]), (0.15, [BOOK])]
    assert accepted_at(Debouncer(), frames) == [(0.10, "GK.00012")]


def test_confirmation_may_skip_frames_but_not_the_window() -> None:
    assert accepted_at(Debouncer(), [(0.0, [BOOK]), (0.05, []), (0.3, [BOOK])]) == [(0.3, "GK.00012")]
    assert accepted_at(Debouncer(), [(0.0, [BOOK]), (0.9, [BOOK])]) == []


def test_same_code_within_3_seconds_is_ignored_then_accepted_again() -> None:
    deb = Debouncer()
    frames = [(0.0, [BOOK]), (0.05, [BOOK]), (2.9, [BOOK]), (2.95, [BOOK])]  # removed and shown again
    assert accepted_at(deb, frames) == [(0.05, "GK.00012")]
    assert accepted_at(deb, [(6.0, [BOOK]), (6.05, [BOOK])]) == [(6.05, "GK.00012")]


def test_a_book_left_under_the_camera_is_not_rescanned_every_3_seconds() -> None:
    frames = [(t / 10, [BOOK]) for t in range(0, 100)]  # 10 s in view
    assert accepted_at(Debouncer(), frames) == [(0.1, "GK.00012")]
    # Without hold extension, it would come back every 3 s.
    assert len(accepted_at(Debouncer(hold_extends=False), frames)) == 4


def test_two_books_in_view_are_each_accepted_once() -> None:
    frames = [(0.0, [BOOK, OTHER]), (0.05, [OTHER, BOOK]), (0.1, [BOOK, OTHER])]
    assert sorted(accepted_at(Debouncer(), frames)) == [(0.05, "9786040000002"), (0.05, "GK.00012")]


def test_scan_stream_uses_the_injected_clock_and_desk_filter() -> None:
    now = [100.0]
    stream = ScanStream(accept=desk_filter(r"GK\.\d{5}"), clock=lambda: now[0])
    label = on_canvas(render("GK.00012"))
    foreign = on_canvas(render("SHOP-4711"))
    assert stream.feed_image(label).accepted == []
    now[0] += 0.05
    result = stream.feed_image(label)
    assert [a.text for a in result.accepted] == ["GK.00012"] and result.accepted[0].timestamp == 100.05
    now[0] += 1.0
    assert stream.feed_image(label).accepted == []  # within 3 s
    for _ in range(3):
        now[0] += 0.05
        result = stream.feed_image(foreign)
        assert [d.text for d in result.seen] == ["SHOP-4711"]  # outlined in the preview
        assert result.accepted == []  # but not the library's code
    now[0] += 3.1
    stream.feed_image(label)
    now[0] += 0.05
    assert [a.text for a in stream.feed_image(label).accepted] == ["GK.00012"]


def test_image_files_as_a_frame_source(tmp_path: Path) -> None:
    paths = []
    for i, text in enumerate(["GK.00012", "GK.00012", "GK.00013", "GK.00013"]):
        path = tmp_path / f"{i}.png"
        cv2.imwrite(str(path), on_canvas(render(text)))
        paths.append(path)
    frames = list(ImageFiles(paths, interval=0.1))
    assert [(f.index, f.timestamp) for f in frames] == [(0, 0.0), (1, 0.1), (2, 0.2), (3, 0.30000000000000004)]
    index, image, _ = frames[0]
    assert index == 0 and image.shape == (480, 640, 3)
    accepted = list(ScanStream().run(ImageFiles(paths, interval=0.1)))
    assert [(a.text, a.frame_index) for a in accepted] == [("GK.00012", 1), ("GK.00013", 3)]


def _frame(symbol: npt.NDArray[np.uint8], x: int, y: int, angle: float, blur: float) -> npt.NDArray[np.uint8]:
    frame = on_canvas(symbol, at=(x, y))
    if angle:
        h, w = frame.shape[:2]
        matrix = cv2.getRotationMatrix2D((x + symbol.shape[1] / 2, y + symbol.shape[0] / 2), angle, 1.0)
        frame = cv2.warpAffine(frame, matrix, (w, h), borderValue=(200, 200, 200))
    if blur:
        frame = cv2.GaussianBlur(frame, (0, 0), blur)
    noise = np.random.default_rng(x + y).normal(0, 6, frame.shape)
    return np.clip(frame + noise, 0, 255).astype(np.uint8)


def write_desk_video(path: Path, fps: float = 20.0) -> None:
    """A webcam-like clip: an accession label slides in, blurs and turns; a gap; an ISBN;
    then the first label again 2 s after it left (within 3 s: must be ignored)."""
    label, isbn = render("GK.00012", scale=2), render("978604000000", "EAN13", scale=2)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, (640, 480))
    assert writer.isOpened()
    frames = []
    for i in range(30):  # moving left to right, blurred in the middle, turning
        blur = 4.0 if 12 <= i < 16 else (1.0 if i % 3 == 0 else 0.0)
        frames.append(_frame(label, 20 + i * 8, 150 + (i % 5) * 6, angle=i * 1.5 - 20, blur=blur))
    frames += [_frame(np.full((10, 10), 200, np.uint8), 0, 0, 0, 0)] * 10  # nothing in view
    for i in range(30):
        frames.append(_frame(isbn, 300 - i * 6, 120 + i * 3, angle=10 - i, blur=3.5 if i < 4 else 0.0))
    for _ in range(10):
        frames.append(_frame(label, 200, 200, angle=0, blur=0))
    for frame in frames:
        writer.write(frame)
    writer.release()


@pytest.fixture
def desk_video(tmp_path: Path) -> Path:
    path = tmp_path / "desk.avi"
    write_desk_video(path)
    return path


def test_generated_video_through_the_pipeline_gives_each_code_once(desk_video: Path) -> None:
    source = VideoFile(desk_video)
    assert source.fps == pytest.approx(20.0)
    accepted = list(ScanStream(accept=desk_filter(r"GK\.\d{5}")).run(source))
    assert [a.text for a in accepted] == ["GK.00012", "9786040000002"]
    assert accepted[0].frame_index < 30 and 40 <= accepted[1].frame_index < 70
    assert accepted[1].decoded.symbology == "isbn13"
    assert accepted[1].timestamp == pytest.approx(accepted[1].frame_index / 20.0)


def test_no_frame_of_the_video_gives_a_wrong_code(desk_video: Path) -> None:
    """Blurred frames are simply missed; nothing wrong is ever read."""
    seen: set[str] = set()
    with VideoFile(desk_video) as source:
        for frame in source:
            seen.update(d.text for d in ScanStream().feed(frame).seen)
    assert seen == {"GK.00012", "9786040000002"}
