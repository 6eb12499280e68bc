"""Barcode decoding figures: time per frame, frames/s of the desk pipeline, and the per-folder
table on ZXing's real photos (each library alone, our pipeline per backend, combined).

    .venv/bin/python benchmarks/bench_decode.py [--write-docs] [--repeat N]

With ``--write-docs`` the tables replace the block between the markers in docs/decoding.md.
The machine is shared (2 cores): figures are noisy; medians are reported.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import zxingcpp
from pyzbar import pyzbar

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from app.scanning import ScanStream, available_backends, decode_image, describe_backends  # noqa: E402
from app.scanning.evaluation import labelled_images, rotate, zxing_thresholds  # noqa: E402
from app.scanning.frames import Frame, load_image  # noqa: E402

PHOTOS = REPO.parent / "shared" / "data" / "barcodes" / "zxing"
DOC = REPO / "docs" / "decoding.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
Image = npt.NDArray[np.uint8]


def render(text: str, fmt: str, scale: int) -> Image:
    barcode = zxingcpp.create_barcode(text, zxingcpp.barcode_format_from_str(fmt))
    return np.ascontiguousarray(np.asarray(barcode.to_image(scale=scale)), dtype=np.uint8)


def synthetic_frames(size: tuple[int, int], count: int = 40) -> list[Image]:
    """Webcam-like frames: a label somewhere on a grey desk, sensor noise, some blur."""
    w, h = size
    rng = np.random.default_rng(7)
    symbols = [render("GK.00012", "Code128", 2), render("978604000000", "EAN13", 2)]
    frames = []
    for i in range(count):
        canvas = np.full((h, w), 180, np.uint8)
        symbol = symbols[i % 2]
        sh, sw = symbol.shape
        x, y = int(rng.integers(0, w - sw)), int(rng.integers(0, h - sh))
        canvas[y : y + sh, x : x + sw] = symbol
        if i % 4 == 3:
            canvas = cv2.GaussianBlur(canvas, (0, 0), 1.2)
        noisy = np.clip(canvas + rng.normal(0, 8, canvas.shape), 0, 255).astype(np.uint8)
        frames.append(cv2.cvtColor(noisy, cv2.COLOR_GRAY2BGR))
    return frames


def photo_frames(size: tuple[int, int]) -> list[Image]:
    """The ean13-1 book photos resized to a webcam resolution."""
    return [cv2.resize(load_image(s.path), size) for s in labelled_images(PHOTOS / "ean13-1")]


def blank_frames(size: tuple[int, int], count: int = 20) -> list[Image]:
    """Nothing in view (the most common frame at a desk; zbar then runs too)."""
    w, h = size
    rng = np.random.default_rng(3)
    return [np.clip(rng.normal(150, 25, (h, w, 3)), 0, 255).astype(np.uint8) for _ in range(count)]


def time_per_frame(frames: list[Image], decode: Callable[[Image], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        for frame in frames:
            t = time.perf_counter()
            decode(frame)
            times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def timing_table(repeat: int) -> list[str]:
    lines = ["| frames | size | backend | median ms/frame | p95 ms/frame |", "|---|---|---|---|---|"]
    for size in ((640, 480), (1280, 720)):
        sets = {"synthetic label": synthetic_frames(size), "book photos": photo_frames(size), "empty desk": blank_frames(size)}
        for label, frames in sets.items():
            for backend in ("zxing", "zbar", "auto"):
                med, p95 = time_per_frame(frames, lambda f, b=backend: decode_image(f, b, thorough=False), repeat)
                lines.append(f"| {label} | {size[0]}×{size[1]} | {backend} | {med:.1f} | {p95:.1f} |")
    return lines


def pipeline_figures(repeat: int) -> list[str]:
    """Frames/s the full frame → accepted-code path sustains, and the latency to acceptance."""
    lines = ["| size | frames | frames/s sustained | frame → accepted code |", "|---|---|---|---|"]
    for size in ((640, 480), (1280, 720)):
        frames = synthetic_frames(size, 40) + blank_frames(size, 20)
        for label, seq in (("labels + empty desk", frames),):
            total = 0.0
            n = 0
            latencies = []
            for _ in range(repeat):
                stream = ScanStream(repeat_after=0.0)
                for i, image in enumerate(seq):
                    for _twice in range(2):  # each view held for two frames, as in front of a camera
                        t = time.perf_counter()
                        result = stream.feed(Frame(n, image, n * 0.05))
                        dt = time.perf_counter() - t
                        total += dt
                        n += 1
                        if result.accepted:
                            latencies.append(dt * 1000 + 50.0)  # + one frame interval at 20 fps
                    del i
            fps = n / total
            lat = statistics.median(latencies) if latencies else float("nan")
            lines.append(f"| {size[0]}×{size[1]} | {label} | {fps:.0f} | {lat:.0f} ms (second frame at 20 fps + its decode) |")
    return lines


def raw_reads(image: Image, library: str) -> list[str]:
    """The library called directly on the grayscale photo (formats restricted, no preprocessing)."""
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.ndim == 3 else image
    if library == "zxing":
        formats = zxingcpp.barcode_formats_from_str("Code128,EAN13,EAN8,UPCA,Code39,QRCode")
        texts = [r.text for r in zxingcpp.read_barcodes(gray, formats=formats)]
    else:
        texts = [r.data.decode("utf-8", "replace") for r in pyzbar.decode(gray)]
    # Only the UPC-A convention is applied, so the comparison is fair.
    return [t[1:] if len(t) == 13 and t.startswith("0") else t for t in texts]


def folder_table() -> list[str]:
    th = zxing_thresholds(PHOTOS / "_zxing_java_pass_thresholds.tsv")
    columns = [
        ("zxing-cpp call", lambda im: raw_reads(im, "zxing")),
        ("zbar call", lambda im: raw_reads(im, "zbar")),
        ("ours, zxing only", lambda im: [d.text for d in decode_image(im, "zxing")]),
        ("ours, zbar only", lambda im: [d.text for d in decode_image(im, "zbar")]),
        ("**ours, combined**", lambda im: [d.text for d in decode_image(im, "auto")]),
    ]
    second_labels = {"001EC947D49B", "001EC9476B0A"}
    head = "| folder | rot | images | ZXing must_pass | " + " | ".join(c for c, _ in columns) + " |"
    lines = [head, "|" + "---|" * (4 + len(columns))]
    totals = [[0, 0] for _ in columns]
    folders = sorted(p for p in PHOTOS.iterdir() if p.is_dir())
    for folder in folders:
        samples = labelled_images(folder)
        for rotation in (0, 180):
            cells = []
            for k, (_, decode) in enumerate(columns):
                good = wrong = 0
                for s in samples:
                    texts = decode(rotate(load_image(s.path), rotation))
                    good += s.expected is not None and s.expected in texts
                    wrong += any(t != s.expected and t not in second_labels for t in texts)
                totals[k][0] += good
                totals[k][1] += wrong
                cells.append(f"{good}" + (f" ({wrong} wrong)" if wrong else ""))
            must = th.get((folder.name, rotation), ("—",))[0]
            lines.append(f"| {folder.name} | {rotation} | {len(samples)} | {must} | " + " | ".join(cells) + " |")
    lines.append("| **total** | | | | " + " | ".join(f"{g}" + (f" ({w} wrong)" if w else "") for g, w in totals) + " |")
    return lines


def faded_table() -> list[str]:
    """The same photos degraded the way a webcam at a desk degrades them (cheap pass only)."""

    def low_contrast(im: Image) -> Image:
        g = cv2.cvtColor(im, cv2.COLOR_BGR2GRAY)
        return (128 + (g.astype(np.float32) - 128) * 0.15).astype(np.uint8)

    def noisy(im: Image) -> Image:
        g = cv2.cvtColor(im, cv2.COLOR_BGR2GRAY)
        return np.clip(g + np.random.default_rng(1).normal(0, 40, g.shape), 0, 255).astype(np.uint8)

    def small(im: Image) -> Image:
        return cv2.resize(im, None, fx=0.4, fy=0.4, interpolation=cv2.INTER_AREA)

    def dark(im: Image) -> Image:
        return (cv2.cvtColor(im, cv2.COLOR_BGR2GRAY).astype(np.float32) * 0.25).astype(np.uint8)

    folders = ["ean13-1", "ean13-3", "upca-1", "code128-1", "code39-3", "ean8-1"]
    samples = [s for f in folders for s in labelled_images(PHOTOS / f)]
    lines = [
        f"| degradation ({len(samples)} photos, video-frame pass) | zxing only | zbar only | combined |",
        "|---|---|---|---|",
    ]
    for name, fn in (("contrast ×0.15", low_contrast), ("noise σ=40", noisy), ("shrunk to 40 %", small), ("dark ×0.25", dark)):
        cells = []
        for backend in ("zxing", "zbar", "auto"):
            good = wrong = 0
            for s in samples:
                texts = [d.text for d in decode_image(fn(load_image(s.path)), backend, thorough=False)]
                good += s.expected in texts
                wrong += any(t != s.expected and t not in {"001EC947D49B", "001EC9476B0A"} for t in texts)
            cells.append(f"{good}" + (f" ({wrong} wrong)" if wrong else ""))
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write-docs", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(describe_backends(), file=sys.stderr)
    assert available_backends() == ("zxing", "zbar"), "both backends are needed for the full table"
    sections = [
        ("Time per frame (video-frame pass, BGR input incl. grayscale conversion)", timing_table(args.repeat)),
        ("Desk pipeline (ScanStream: live decoder + confirmation + suppression, no window; "
         "with the window: bench_camera.py)", pipeline_figures(1)),
        ("Real photos per folder (still-image mode)", folder_table()),
        ("Real photos degraded", faded_table()),
    ]
    stamp = time.strftime("%Y-%m-%d")
    text = [f"_Measured {stamp} on the 2-core build machine (shared with other jobs), zxing-cpp, pyzbar/libzbar0._", ""]
    for title, lines in sections:
        text += [f"#### {title}", "", *lines, ""]
    block = "\n".join(text)
    print(block)
    if args.write_docs:
        doc = DOC.read_text(encoding="utf-8")
        doc = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: f"{START}\n{block}\n{END}", doc, flags=re.S)
        DOC.write_text(doc, encoding="utf-8")
        print(f"wrote {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main()
