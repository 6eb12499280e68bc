"""Camera trouble gives a clear message (these run on real OpenCV captures: this machine has no
camera, and a video file stands in for a camera that stops delivering pictures)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from app.i18n import set_language
from app.scanning import (
    Camera,
    CameraBusyError,
    CameraDisconnectedError,
    CameraError,
    CameraNotFoundError,
)

from .conftest import on_canvas, render


def test_no_camera_with_that_number() -> None:
    if Path("/dev/video9").exists():
        pytest.skip("this machine has a camera 9")
    with pytest.raises(CameraNotFoundError) as caught:
        Camera(9)
    assert caught.value.message == "Không tìm thấy camera 9. Quầy vẫn dùng được máy quét USB."
    set_language("en")
    assert "No camera 9 was found" in caught.value.message


def test_a_camera_that_opens_but_sends_no_picture_is_reported_as_busy(tmp_path: Path) -> None:
    silent = tmp_path / "silent.avi"
    cv2.VideoWriter(str(silent), cv2.VideoWriter_fourcc(*"MJPG"), 20, (640, 480)).release()
    with pytest.raises(CameraBusyError) as caught:
        Camera(str(silent))
    assert "đang bị chương trình khác sử dụng" in caught.value.message
    assert isinstance(caught.value, CameraError)


def test_a_camera_unplugged_mid_use(tmp_path: Path) -> None:
    clip = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter_fourcc(*"MJPG"), 20, (640, 480))
    for _ in range(8):
        writer.write(on_canvas(render("GK.00012")))
    writer.release()
    ticks = iter(np.arange(0.0, 10.0, 0.05))
    camera = Camera(str(clip), clock=lambda: float(next(ticks)))
    assert camera.resolution == (640, 480)
    delivered = []
    with pytest.raises(CameraDisconnectedError) as caught:
        for frame in camera:
            delivered.append((frame.index, round(frame.timestamp, 2)))
    assert delivered == [(i, round(i * 0.05, 2)) for i in range(8)]
    assert "đã bị rút ra" in caught.value.message
