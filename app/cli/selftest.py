"""``thuvien selftest``: a hidden end-to-end smoke run used on the frozen bundle.

It proves a build carries everything a library needs: opens a fresh library, imports a MARC
file, adds a patron, lends a copy, renders a label PDF with the bundled Vietnamese font, takes
and checks a backup and, unless ``--no-gui``, builds the first-run window offscreen. It prints
one JSON line describing what it did and exits 0 only when every step worked.

    thuvien selftest --out /tmp/smoke [--marc FILE] [--no-gui]
"""

from __future__ import annotations

import argparse
import importlib
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from app.cli._common import print_json
from app.i18n import Text
from app.library import Library

STEP_FAILED = Text("Tự kiểm tra thất bại ở bước {step}: {detail}",
                   "Self-test failed at step {step}: {detail}")
SAMPLE_TITLES = (("Truyện Kiều", "Nguyễn Du"), ("Dế Mèn phiêu lưu ký", "Tô Hoài"),
                 ("Số đỏ", "Vũ Trọng Phụng"))


class SelfTestFailure(Exception):
    """One step of the self-test did not do what it should."""


def register(subparsers: Any) -> None:
    """Add the ``selftest`` subcommand (no help line: it is for builds, not librarians)."""
    p = subparsers.add_parser("selftest")
    p.add_argument("--out", type=Path, required=True, help="folder for the files it makes")
    p.add_argument("--marc", type=Path, help="MARC file to import (default: one it writes)")
    p.add_argument("--no-gui", action="store_true", help="skip the offscreen window check")
    p.set_defaults(handler=selftest)


def _check(condition: bool, step: str, detail: str) -> None:
    if not condition:
        raise SelfTestFailure(STEP_FAILED(step=step, detail=detail))


def write_sample_marc(target: Path, scratch: Path) -> Path:
    """Write a small UTF-8 ISO 2709 file of Vietnamese records with the app's own writer."""
    with Library.open(scratch) as source:
        for title, author in SAMPLE_TITLES:
            record_id = source.catalog.add_record(title, authors=[author], year=2020,
                                                  classification="895.922")
            source.catalog.add_copies(record_id, 2, collection="TK")
        with target.open("wb") as out:
            source.catalog.export_marc(out)
    return target


def run_core(out: Path, marc: Path | None) -> dict[str, Any]:
    """The Qt-free steps; returns figures for the report."""
    from app.labels import LabelItem, load_template, render_labels

    report: dict[str, Any] = {}
    if marc is None:
        marc = write_sample_marc(out / "sample.mrc", out / "scratch.sqlite3")
    lib = Library.open(out / "thuvien.sqlite3")
    try:
        lib.settings.set("library_name", "Thư viện Trường Tiểu học Lê Lợi")
        lib.settings.set("library_code", "TH-LELOI")
        imported = lib.catalog.import_marc(marc)
        report["imported"] = imported.imported + imported.merged
        _check(report["imported"] > 0, "import-marc", f"0 records from {marc}")
        # The same file read by a worker process (what large files get): a frozen build starts
        # that worker by running itself again, so this checks the bundle can.
        with Library.open(out / "parallel.sqlite3") as other:
            again = other.catalog.import_marc(marc, parallel=True)
            report["imported_by_worker"] = again.imported + again.merged
        _check(report["imported_by_worker"] == report["imported"], "import-marc (worker)",
               f"{report['imported_by_worker']} records instead of {report['imported']}")
        record_id = int(lib.db.conn.execute(
            "SELECT min(id) FROM records WHERE deleted = 0").fetchone()[0])
        item = lib.catalog.add_item(record_id, collection="TK")
        patron = lib.patrons.add("Nguyễn Thị Hoà", class_name="6A")
        result = lib.circulation.checkout(patron.card, item.barcode)
        _check(bool(result.ok), "checkout", f"{result.code}")
        report["checkout"] = {"patron": patron.card, "item": item.barcode}

        record = lib.catalog.record(record_id)
        labels = [LabelItem(barcode=i.barcode, title=record.title,
                            library_name="Thư viện Trường Tiểu học Lê Lợi",
                            spine=("895.922", "NG-D"))
                  for i in lib.catalog.items_of(record_id)]
        pdf = render_labels("combined", labels, load_template("avery-l7651"))
        (out / "labels.pdf").write_bytes(pdf)
        _check(pdf.startswith(b"%PDF") and b"FontFile2" in pdf, "labels",
               "no PDF with an embedded TrueType font")
        report["labels_pdf_bytes"] = len(pdf)

        outcome = lib.backups.take(out / "backups")
        report["backup"] = outcome.entry.path.name
    finally:
        lib.close()
    report["scanners"] = list(scanner_backends())
    _check("zxing" in report["scanners"], "scanning", "zxing-cpp did not load")
    return report


def scanner_backends() -> tuple[str, ...]:
    """The barcode decoders that load in this build (zxing-cpp must; zbar where installed)."""
    from app.scanning.backends import available_backends

    return available_backends()


def run_gui(out: Path) -> dict[str, Any]:
    """Build the first-run window offscreen and save a picture of it (Qt lives in ui/)."""
    smoke = importlib.import_module("ui.firstrun.smoke")
    return dict(smoke.render_offscreen(out / "thuvien.sqlite3", out / "firstrun.png"))


def selftest(args: argparse.Namespace) -> int:
    """``thuvien selftest --out DIR [--marc FILE] [--no-gui]``."""
    started = time.perf_counter()
    out: Path = args.out
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    report: dict[str, Any] = {"frozen": bool(getattr(sys, "frozen", False))}
    try:
        report.update(run_core(out, args.marc))
        if not args.no_gui:
            report.update(run_gui(out))
    except SelfTestFailure as failure:
        print(str(failure), file=sys.stderr)
        return 1
    report["seconds"] = round(time.perf_counter() - started, 2)
    report["ok"] = True
    print_json(report)
    return 0
