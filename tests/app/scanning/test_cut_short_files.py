"""``thuvien decode`` on a photo cut short (a copy from a phone or USB stick interrupted):
what is there is read, and libpng's own English line never joins ThuVien's answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cv2

from .conftest import on_canvas, render


def test_a_png_cut_short_is_read_as_far_as_it_goes_without_libpng_chatter(
        tmp_path: Path) -> None:
    whole = tmp_path / "nhãn.png"
    picture = on_canvas(render("TK.00001", "Code128"))
    cv2.imwrite(str(whole), picture)
    data = whole.read_bytes()
    cut = tmp_path / "nhãn cắt.png"
    cut.write_bytes(data[:len(data) * 9 // 10])  # the bottom rows are lost, the barcode is not
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENCV_")}
    done = subprocess.run([sys.executable, "-m", "app.cli", "--lang", "en", "decode", "--json",
                           str(cut)], env=env, capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[3])
    assert done.stderr == ""  # was "libpng error: PNG input buffer is incomplete" + refusal
    assert done.returncode == 0
    codes = json.loads(done.stdout)["files"][0]["codes"]
    assert [c["text"] for c in codes] == ["TK.00001"]
