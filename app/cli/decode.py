"""``thuvien decode IMAGE_OR_VIDEO...``: the barcodes in photos and videos, as the desk reads them.

Images are decoded thoroughly (every preprocessing step). Videos go frame by frame through the
desk's own pipeline (:class:`app.scanning.ScanStream`: two-frame confirmation, the same code
ignored for 3 s, on the video's timestamps), so each code is printed once, at the frame where
the desk would have accepted it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli._common import add_json_flag, phrase
from app.i18n import Text
from app.scanning import ScanStream, VideoFile, decode_image, describe_backends, load_image
from app.scanning.errors import ScanInputError

VIDEO_SUFFIXES = {".avi", ".mp4", ".mkv", ".mov", ".webm", ".mpg", ".mpeg", ".wmv", ".m4v", ".ogv"}
NO_BARCODE = Text("(không có mã vạch)", "(no barcode)")
FRAME = Text("khung {index} ({time:.2f} s)", "frame {index} ({time:.2f} s)")
HELP = Text("đọc mã vạch trong ảnh hoặc video", "read barcodes from images or videos")


def register(subparsers: Any) -> None:
    """Add the ``decode`` subcommand."""
    parser = subparsers.add_parser("decode", help=HELP())
    parser.add_argument("files", nargs="+", metavar=phrase("ẢNH_HOẶC_VIDEO", "IMAGE_OR_VIDEO"),
                        help=phrase("ảnh (.jpg, .png…) hoặc video (.mp4, .avi…)",
                                    "images (.jpg, .png…) or videos (.mp4, .avi…)"))
    parser.add_argument("--backend", choices=["auto", "zxing", "zbar"], default="auto",
                        help=phrase("bộ đọc mã vạch (mặc định auto: mọi bộ đọc có sẵn)",
                                    "barcode reader (default auto: every one available)"))
    add_json_flag(parser)
    parser.set_defaults(handler=run_decode)


def decode_file(path: Path, backend: str) -> dict[str, Any]:
    """The codes of one file: ``{"file", "kind": "image"|"video", "codes": [...]}``.

    Raises :class:`ScanInputError` for a missing or unreadable file.
    """
    if path.suffix.lower() not in VIDEO_SUFFIXES:
        try:
            image = load_image(path)
        except ScanInputError as exc:
            if exc.code != "scan.unreadable":  # missing, or a phone photo said as such
                raise
        else:
            codes = [d.to_dict() for d in decode_image(image, backend)]
            return {"file": str(path), "kind": "image", "codes": codes}
    return {"file": str(path), "kind": "video", "codes": _decode_video(path, backend)}


def _decode_video(path: Path, backend: str) -> list[dict[str, Any]]:
    stream = ScanStream(backend=backend)
    codes = []
    for accepted in stream.run(VideoFile(path)):
        entry = accepted.decoded.to_dict()
        entry["frame"] = accepted.frame_index
        entry["time"] = round(accepted.timestamp, 3)
        codes.append(entry)
    return codes


def run_decode(args: argparse.Namespace) -> int:
    """Handler of ``thuvien decode``: 0 when every file could be read, 2 otherwise."""
    results: list[dict[str, Any]] = []
    failed = False
    for name in args.files:
        try:
            result = decode_file(Path(name), args.backend)
        except ScanInputError as exc:
            failed = True
            print(exc.message, file=sys.stderr, flush=True)
            result = {"file": name, "error": exc.message}
        else:
            if not args.json:
                _print_text(result)
        results.append(result)
    if args.json:
        document = {"backends": describe_backends(), "files": results}
        sys.stdout.write(json.dumps(document, ensure_ascii=False) + "\n")
    return 2 if failed else 0


def _print_text(result: dict[str, Any]) -> None:
    name = result["file"]
    if not result["codes"]:
        print(f"{name}: {NO_BARCODE()}", flush=True)
    for code in result["codes"]:
        where = f" {FRAME(index=code['frame'], time=code['time'])}:" if "frame" in code else ""
        print(f"{name}:{where} {code['symbology']} {code['text']} [{code['backend']}]", flush=True)
