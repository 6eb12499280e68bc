"""``thuvien decode``: what a librarian sees for photos, a video, and files that cannot be read."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import cv2
import pytest

from app.cli.decode import run_decode

from .conftest import on_canvas, render
from .test_stream import write_desk_video


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    book = tmp_path / "sách.png"
    cv2.imwrite(str(book), on_canvas(render("978604000000", "EAN13")))
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), on_canvas(render("1", "Code128", scale=1)[:2, :2]))
    video = tmp_path / "desk.avi"
    write_desk_video(video)
    text = tmp_path / "notes.txt"
    text.write_text("not a picture", encoding="utf-8")
    broken = tmp_path / "ảnh hỏng.png"  # a picture's name, not a picture (OpenCV opens it as an empty video)
    broken.write_bytes(b"\x89PNG\r\n\x1a\n" + b"cut short by a failed copy")
    return {"book": book, "blank": blank, "video": video, "text": text, "broken": broken,
            "missing": tmp_path / "missing.png"}


def _args(paths: list[Path], *, as_json: bool = False, backend: str = "auto") -> argparse.Namespace:
    return argparse.Namespace(files=[str(p) for p in paths], backend=backend, json=as_json)


def test_images_and_video_in_text(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert run_decode(_args([files["book"], files["blank"], files["video"]])) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{files['book']}: isbn13 9786040000002 [zbar+zxing]"
    assert out[1] == f"{files['blank']}: (không có mã vạch)"
    assert out[2].startswith(f"{files['video']}: khung ") and out[2].endswith(": code128 GK.00012 [zxing]")
    assert " isbn13 9786040000002 " in out[3]
    assert len(out) == 4  # each video code once


def test_unreadable_and_missing_files_one_line_each_and_exit_2(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_decode(_args([files["missing"], files["text"], files["broken"], files["book"]])) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"Không có tệp: {files['missing']}",
        f"Không đọc được tệp ảnh/video: {files['text']}",
        f"Không đọc được tệp ảnh/video: {files['broken']}",
    ]
    assert captured.out.splitlines() == [f"{files['book']}: isbn13 9786040000002 [zbar+zxing]"]


def test_json_output(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert run_decode(_args([files["book"], files["video"], files["missing"]], as_json=True, backend="zxing")) == 2
    document = json.loads(capsys.readouterr().out)
    image, video, missing = document["files"]
    assert image["kind"] == "image" and [c["text"] for c in image["codes"]] == ["9786040000002"]
    assert image["codes"][0]["backend"] == "zxing" and len(image["codes"][0]["corners"]) == 4
    assert [(c["text"], c["symbology"]) for c in video["codes"]] == [("GK.00012", "code128"), ("9786040000002", "isbn13")]
    assert all(c["time"] == pytest.approx(c["frame"] / 20, abs=1e-3) for c in video["codes"])
    assert missing["error"].startswith("Không có tệp")
    assert "zxing-cpp" in document["backends"]


def test_through_the_thuvien_command(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    from app.cli import main

    assert main(["--lang", "en", "decode", "--backend", "zbar", str(files["book"])]) == 0
    assert capsys.readouterr().out == f"{files['book']}: isbn13 9786040000002 [zbar]\n"
    assert main(["--lang", "en", "decode", str(files["missing"])]) == 2
    assert capsys.readouterr().err == f"No such file: {files['missing']}\n"


def test_a_file_ffmpeg_cannot_read_gives_one_line_and_no_ffmpeg_chatter(tmp_path: Path) -> None:
    """A broken phone video goes to FFmpeg; it used to add its own English lines ("moov atom
    not found") to ThuVien's one line in Vietnamese."""
    import os
    import subprocess
    import sys

    broken = tmp_path / "IMG_0001.mp4"
    broken.write_bytes(b"\x00\x00\x00\x18ftypisom\x00\x00\x00\x00isommp42" + b"\x00" * 64)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENCV_")}
    done = subprocess.run([sys.executable, "-m", "app.cli", "decode", str(broken)], env=env,
                          capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[3])
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"Không đọc được tệp ảnh/video: {broken}"]


def test_a_phone_heic_photo_is_named_as_such_with_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    """A real HEIC file (an iPhone's default format; made with libheif from a rendered ISBN)."""
    heic = Path(__file__).parent / "data" / "phone-photo.heic"
    assert run_decode(_args([heic])) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.splitlines()
    assert line.startswith(f"Ảnh {heic} ở định dạng HEIC") and "JPEG" in line
