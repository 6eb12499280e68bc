"""Webcam figures: decode time per frame of the desk's live decoder, frames/s the camera pipeline
sustains with the window running, and the time from a frame to the desk's answer.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_camera.py [--write-docs] [--seconds S]

1. *Decode time per frame*: :class:`app.scanning.ScanStream` (the camera worker's decoder:
   look, zxing, zbar on candidate crops) on 640×480 and 1280×720 frames — labels on a desk,
   real book photos (ZXing's ean13-1), and frames with no barcode: real photos without one
   (ZXing's falsepositives-2), a bare desk with mild sensor noise (σ 5) and a dim-room worst
   case (σ 25). Wall time and CPU time of the decoding thread (the machine is shared: CPU time
   is what this code costs; wall time is what the desk saw).
2. *Pipeline*: the real main window (offscreen) with the desk, its camera panel and preview;
   frames from memory at a webcam's 30 frames/s and at 60 frames/s (more than the decoder
   takes: what it sustains), half of them empty, half with a label.
3. *Frame → desk result*: a patron is current; book labels (real copies) come into view one
   after another; from the capture of the frame that confirmed a code, and from the first frame
   that showed it, to the desk's answer on screen (loan written, banner and lists updated).

With ``--write-docs`` the tables replace the block between the markers in docs/decoding.md.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import cv2  # noqa: E402
import numpy as np  # noqa: E402
import numpy.typing as npt  # noqa: E402
import zxingcpp  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.scanning import Frame, ScanStream, describe_backends  # noqa: E402
from app.scanning.evaluation import labelled_images  # noqa: E402
from app.scanning.frames import load_image  # noqa: E402

PHOTOS = REPO.parent / "shared" / "data" / "barcodes" / "zxing"
DOC = REPO / "docs" / "decoding.md"
START, END = "<!-- camera-bench:start -->", "<!-- camera-bench:end -->"
Image = npt.NDArray[np.uint8]
SIZES = ((640, 480), (1280, 720))


def render(text: str, fmt: str = "Code128", scale: int = 2) -> Image:
    barcode = zxingcpp.create_barcode(text, zxingcpp.barcode_format_from_str(fmt))
    return np.ascontiguousarray(np.asarray(barcode.to_image(scale=scale)), dtype=np.uint8)


def label_frames(size: tuple[int, int], count: int = 40, texts: list[str] | None = None) -> list[Image]:
    """A label somewhere on a grey desk, a little turned, sometimes blurred, sensor noise σ 6."""
    w, h = size
    rng = np.random.default_rng(7)
    texts = texts or ["TK.00012", "978604000000"]
    symbols = [render(t, "EAN13" if t.isdigit() else "Code128", 2 if w <= 640 else 3) for t in texts]
    frames = []
    for i in range(count):
        canvas = np.full((h, w), 180, np.uint8)
        symbol = symbols[i % len(symbols)]
        sh, sw = symbol.shape
        x, y = int(rng.integers(0, w - sw)), int(rng.integers(0, h - sh))
        canvas[y : y + sh, x : x + sw] = symbol
        angle = float(rng.uniform(-12, 12))
        matrix = cv2.getRotationMatrix2D((x + sw / 2, y + sh / 2), angle, 1.0)
        canvas = cv2.warpAffine(canvas, matrix, (w, h), borderValue=180)
        if i % 4 == 3:
            canvas = cv2.GaussianBlur(canvas, (0, 0), 1.2)
        noisy = np.clip(canvas + rng.normal(0, 6, canvas.shape), 0, 255).astype(np.uint8)
        frames.append(cv2.cvtColor(noisy, cv2.COLOR_GRAY2BGR))
    return frames


def photo_frames(folder: str, size: tuple[int, int]) -> list[Image]:
    return [cv2.resize(load_image(s.path), size) for s in labelled_images(PHOTOS / folder)]


def noise_frames(size: tuple[int, int], sigma: float, count: int = 20) -> list[Image]:
    w, h = size
    rng = np.random.default_rng(int(sigma))
    return [np.clip(rng.normal(150, sigma, (h, w, 3)), 0, 255).astype(np.uint8) for _ in range(count)]


def frame_sets(size: tuple[int, int]) -> dict[str, list[Image]]:
    return {
        "label on a desk": label_frames(size),
        "book photos (ean13-1)": photo_frames("ean13-1", size),
        "no barcode: real photos (falsepositives-2)": photo_frames("falsepositives-2", size),
        "no barcode: bare desk, noise σ 5": noise_frames(size, 5),
        "no barcode: dim room, noise σ 25": noise_frames(size, 25),
    }


def pct(values: Iterable[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def decode_table(repeat: int) -> list[str]:
    lines = ["| frames | size | median ms | p95 ms | mean ms | mean CPU ms | what ran (per frame) |",
             "|---|---|---|---|---|---|---|"]
    for size in SIZES:
        for label, frames in frame_sets(size).items():
            wall: list[float] = []
            cpu: list[float] = []
            stream = ScanStream()
            n = 0
            for _ in range(repeat):
                for image in frames:
                    t, c = time.perf_counter(), time.thread_time()
                    stream.feed(Frame(n, image, n / 30))
                    cpu.append((time.thread_time() - c) * 1000)
                    wall.append((time.perf_counter() - t) * 1000)
                    n += 1
            counts = stream.decode.counts  # type: ignore[attr-defined]
            ran = ", ".join(f"{key} {counts[key] / counts['frames']:.2f}"
                            for key in ("primary", "fallback", "verify", "skipped") if counts[key])
            lines.append(f"| {label} | {size[0]}×{size[1]} | {statistics.median(wall):.1f} | "
                         f"{pct(wall, 0.95):.1f} | {statistics.mean(wall):.1f} | "
                         f"{statistics.mean(cpu):.1f} | {ran} |")
    return lines


class MemoryFrames:
    """Frames from memory, cycled for *seconds*; records when each frame was handed over."""

    def __init__(self, images: list[Image], seconds: float, fps: float) -> None:
        self.images, self.seconds, self.fps = images, seconds, fps
        self.handed: dict[int, float] = {}

    def __iter__(self) -> Iterator[Frame]:
        end = time.perf_counter() + self.seconds
        index = 0
        while time.perf_counter() < end:
            self.handed[index] = time.perf_counter()
            yield Frame(index, self.images[index % len(self.images)], index / self.fps)
            index += 1

    def close(self) -> None:
        pass


def _app_window() -> tuple[object, object, object]:
    from PySide6.QtWidgets import QApplication

    from app.library import Library
    from ui.desk.sound import DeskSounds
    from ui.i18n import install_translators
    from ui.mainwindow import MainWindow
    from ui.style import apply_style

    app = QApplication.instance() or QApplication([])
    install_translators(app, "vi")  # type: ignore[arg-type]
    apply_style(app)  # type: ignore[arg-type]
    lib = Library.open(Path(tempfile.mkdtemp(prefix="bench-camera-")) / "library.sqlite3")
    window = MainWindow(lib, sounds=DeskSounds(enabled=False))
    window.resize(1366, 740)
    window.show()
    _run_until(app, lambda: not window.operations.running(), 30)  # the status bar's first read
    return app, lib, window


def _run_until(app: object, done: object, limit: float) -> None:
    end = time.perf_counter() + limit
    while time.perf_counter() < end and not done():  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.002)


def pipeline_table(seconds: float) -> list[str]:
    app, lib, window = _app_window()
    desk = window.desk  # type: ignore[attr-defined]
    lines = ["| size | source | frames in | decoded/s | decoded | dropped | preview pictures/s | "
             "decode median / p95 ms |", "|---|---|---|---|---|---|---|---|"]
    for size in SIZES:
        empty = noise_frames(size, 5, 10) + photo_frames("falsepositives-2", size)[:10]
        labels = label_frames(size, 20, [f"XX.{i:05d}" for i in range(20)])
        mix = [f for pair in zip(empty, labels, strict=False) for f in pair]
        for fps in (30.0, 60.0):
            name = f"camera at {fps:.0f} frames/s"
            source = MemoryFrames(mix, seconds, fps)
            desk.camera.preview.pictures = 0
            desk.camera.start(lambda s=source: s, realtime=True, name="bench")
            worker = desk.camera.worker
            started = time.perf_counter()
            _run_until(app, lambda: desk.camera.worker is None, seconds + 30)
            span = time.perf_counter() - started
            stats = worker.stats
            lines.append(
                f"| {size[0]}×{size[1]} | {name} | {stats.captured} | {stats.fps():.1f} | "
                f"{stats.decoded} | {stats.dropped} | {desk.camera.preview.pictures / span:.0f} | "
                f"{statistics.median(stats.decode_ms):.1f} / {pct(stats.decode_ms, 0.95):.1f} |")
    window.close()  # type: ignore[attr-defined]
    lib.close()  # type: ignore[attr-defined]
    return lines


def latency_table(rounds: int) -> list[str]:
    app, lib, window = _app_window()
    desk = window.desk  # type: ignore[attr-defined]
    patron = lib.patrons.add("Trần Thị Hoa", category="teacher")  # type: ignore[attr-defined]
    record = lib.catalog.add_record("Dế Mèn phiêu lưu ký", authors=["Tô Hoài"])  # type: ignore[attr-defined]
    items = lib.catalog.add_copies(record, rounds, collection="TK")  # type: ignore[attr-defined]
    lib.circulation.desk.scan(patron.card)  # type: ignore[attr-defined]
    lines = ["| size | books | confirming frame → desk answer, median (max) | "
             "first frame showing it → desk answer, median (max) | loans written |",
             "|---|---|---|---|---|"]
    for size in SIZES:
        lib.circulation.desk.set_mode("auto")  # type: ignore[attr-defined]
        empty = noise_frames(size, 5, 15)
        frames: list[Image] = []
        first_index: dict[str, int] = {}
        for item in items:
            frames += empty
            first_index[item.barcode] = len(frames)
            frames += label_frames(size, 15, [item.barcode])
        frames += empty
        source = MemoryFrames(frames, len(frames) / 30 + 0.05, 30.0)
        desk.camera.deliveries.clear()
        desk.camera.start(lambda s=source: s, realtime=True, name="bench")
        _run_until(app, lambda: desk.camera.worker is None, len(frames) / 30 + 30)
        confirm = [(answered - captured) * 1000 for _c, captured, answered in desk.camera.deliveries]
        first = [(answered - source.handed[first_index[code]]) * 1000
                 for code, _captured, answered in desk.camera.deliveries if code in first_index]
        slip = lib.circulation.open_loans(patron.id)  # type: ignore[attr-defined]
        lent = len(slip.loans) if slip else 0
        lines.append(f"| {size[0]}×{size[1]} | {len(items)} | {statistics.median(confirm):.0f} ms "
                     f"({max(confirm):.0f}) | {statistics.median(first):.0f} ms ({max(first):.0f}) | "
                     f"{lent} of {len(items)} |")
        for item in items:  # return them for the next size
            lib.circulation.checkin(item.barcode)  # type: ignore[attr-defined]
    window.close()  # type: ignore[attr-defined]
    lib.close()  # type: ignore[attr-defined]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--books", type=int, default=8)
    args = parser.parse_args()
    print(describe_backends(), file=sys.stderr)
    load = os.getloadavg()[0]
    sections = [
        ("Decode time per frame (the camera worker's decoder)", decode_table(args.repeat)),
        ("Camera pipeline with the window running (offscreen; decoding, preview, desk)",
         pipeline_table(args.seconds)),
        ("Frame → desk result (patron current, each book shown for 0.5 s at 30 frames/s)",
         latency_table(args.books)),
    ]
    stamp = time.strftime("%Y-%m-%d")
    text = [f"_Measured {stamp} on the 2-core build machine, shared with other jobs "
            f"(load average {load:.1f} at the start)._", ""]
    for title, lines in sections:
        text += [f"#### {title}", "", *lines, ""]
    block = "\n".join(text)
    print(block)
    if args.write_docs:
        doc = DOC.read_text(encoding="utf-8")
        if START not in doc:
            doc = doc.rstrip() + f"\n\n{START}\n{END}\n"
        doc = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: f"{START}\n{block}\n{END}",
                     doc, flags=re.S)
        DOC.write_text(doc, encoding="utf-8")
        print(f"wrote {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main()
