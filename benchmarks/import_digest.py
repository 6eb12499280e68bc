"""A digest of everything a MARC import stores, to prove that import work changed nothing.

    .venv/bin/python benchmarks/import_digest.py              # the 369 real files + 20k generated
    .venv/bin/python benchmarks/import_digest.py --records 0  # the real files only

Imports every file under ../shared/data/marc (all but READMEs and licences, in name order,
each chosen by size to be read in-process or in the worker as an import would) into one new
library, then a generated file of Vietnamese records (``vn_records``, read in the worker),
and prints a SHA-256 per part of the database and one for all: the catalog rows, ISBN rows,
copies, search rows, every entry of the full-text index (``fts5vocab`` 'instance'), the
completion words, the outbox (UUIDs replaced by the row ids they name), the accession
counters, the full-text index's settings and every import report (counts, problems with
their numbers, offsets and reasons; a refused file's error code). UUIDs, times and the
library's id are left out, and a report's ``imported_before`` is reduced to whether it is set:
they differ on every run. Run it before and after a change to
the import path: the lines must be identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import vn_records  # noqa: E402

from app.catalog.marc import write_iso2709  # noqa: E402
from app.errors import ImportFormatError  # noqa: E402
from app.i18n import set_language  # noqa: E402
from app.library import Library  # noqa: E402

MARC_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "marc"



def _stable(report: Any) -> dict[str, Any]:
    """*report* as JSON with ``imported_before`` (a time when the same bytes were imported
    before: it differs on every run) reduced to whether it is set."""
    found: dict[str, Any] = report.as_json()
    found["imported_before"] = found["imported_before"] is not None
    return found


def real_files() -> list[Path]:
    """The real MARC files: every file under ../shared/data/marc but READMEs and licences."""
    return [p for p in sorted(MARC_DATA.rglob("*")) if p.is_file()
            and not any(word in p.name.lower() for word in ("license", "readme"))]


def _parts(lib: Library) -> dict[str, Any]:
    conn = lib.db.conn
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.digest_vocab "
                 "USING fts5vocab(main, records_fts, instance)")
    uuids = {u: f"r{i}" for i, u in conn.execute("SELECT id, uuid FROM records")}
    uuids.update({u: f"i{i}" for i, u in conn.execute("SELECT id, uuid FROM items")})
    return {
        "records": conn.execute(
            "SELECT id, deleted, control_number, control_org, title, title_fold, "
            "responsibility, authors, isbns, publisher, place, year, edition, classification, "
            "subjects, language, series, volume, notes, marc FROM records ORDER BY id"
        ).fetchall(),
        "isbns": conn.execute("SELECT * FROM record_isbns ORDER BY 1, 2").fetchall(),
        "items": conn.execute(
            "SELECT id, record_id, barcode, collection, item_type, call_number, "
            "location, status, price, acquired_on, source, note, deleted FROM items ORDER BY id"
        ).fetchall(),
        "search": conn.execute("SELECT rowid, * FROM record_search ORDER BY rowid").fetchall(),
        "index": conn.execute("SELECT term, doc, col, offset FROM temp.digest_vocab "
                              "ORDER BY term, doc, col, offset").fetchall(),
        "index_config": conn.execute("SELECT k, v FROM records_fts_config ORDER BY k"
                                     ).fetchall(),
        "terms": conn.execute("SELECT term FROM search_terms ORDER BY term").fetchall(),
        "outbox": [(seq, entity, uuids.get(uuid, uuid), op, payload) for seq, entity, uuid, op,
                   payload in conn.execute("SELECT seq, entity, uuid, op, payload FROM changes "
                                           "ORDER BY seq")],
        "counters": conn.execute("SELECT * FROM accession_counters ORDER BY 1").fetchall(),
    }


def _digest(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, default=repr, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=20_000,
                        help="generated records imported after the real files (0: none)")
    parser.add_argument("--parallel", choices=("size", "yes", "no"), default="size",
                        help="read the real files in the worker by size (as an import does), "
                             "always or never")
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    set_language("en")
    if args.dir is not None:
        args.dir.mkdir(parents=True, exist_ok=True)
        run(args, args.dir)
    else:
        with tempfile.TemporaryDirectory(prefix="thuvien-digest-") as work:
            run(args, Path(work))


def run(args: argparse.Namespace, work: Path) -> None:
    """Import the files into a new library in *work* and print the digests."""
    parallel = {"size": None, "yes": True, "no": False}[args.parallel]
    reports: list[Any] = []
    files = real_files()
    with Library.open(work / "digest.sqlite3") as lib:
        for path in files:
            try:
                report = lib.catalog.import_marc(path, parallel=parallel)
            except ImportFormatError as refused:
                reports.append([path.relative_to(MARC_DATA).as_posix(), refused.code])
            else:
                reports.append([path.relative_to(MARC_DATA).as_posix(), _stable(report)])
        if args.records:
            generated = work / "generated.mrc"
            with generated.open("wb") as out:
                write_iso2709(vn_records.records(args.records, seed=7, first_number=1), out)
            reports.append(["generated", _stable(lib.catalog.import_marc(generated))])
        parts = _parts(lib)
    parts["reports"] = reports
    counts = {name: len(value) for name, value in parts.items()}
    print(f"{len(files)} real files, {args.records} generated records; rows: {counts}")
    for name, value in parts.items():
        print(f"  {name:<13} {_digest(value)}")
    print(f"  {'all':<13} {_digest(parts)}")


if __name__ == "__main__":
    main()
