"""Lower bounds for the MARC import: what the writing and the reading half cost at the least.

    .venv/bin/python benchmarks/bench_import_floor.py                 # 100,000 records
    .venv/bin/python benchmarks/bench_import_floor.py --records 20000 --only full,no_fts

**Writer's floor.** The generated file (``vn_records``, as ``bench_catalog.py`` makes it) is
imported once to learn the exact rows the import writes. Those rows are then held in memory as
tuples and written again into fresh libraries (the real schema: every index, FTS5 with
``prefix='2 3'``, the outbox), 2,000 records per transaction, ``synchronous=FULL``, with the
import's own statements (``executemany``; the outbox's multi-row INSERT; the full-text index
read from the new search rows; merging paused and the index merged at the end, as a large
import does) and no other Python work. Printed: CPU and wall µs per record for the whole, and
for the same with one piece left out or moved to the end (FTS, each secondary index, the
outbox, the completion words...), so the difference is what that piece costs. The variants
named ``…_4k``, ``…_8k``, ``…_16k`` make the library with that page size; the others with
``app.db.connection.PAGE_SIZE``, as a new library is made.

**Reader's floor.** The cheapest parse of the same file that still decodes every field to
``str`` (records cut at 0x1D, the base address read, the data decoded as UTF-8 and cut at
0x1E, the tags taken from the directory), then the steps up to what the import's reader does,
each timed over the whole file in this process, beside pymarc's raw parse.

CPU is this process's (the commits run in this thread here, unlike the import's helper
thread); the load average is printed at the start and end because the machine is shared.
"""

from __future__ import annotations

import argparse
import marshal
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import vn_records  # noqa: E402

BATCH = 2000
SECONDARY = ("records_control", "records_title_fold", "records_year", "record_isbns_record",
             "items_record", "items_acquired")
#: The indexes a large import leaves to its end (app.db.index_merge.DEFERRABLE).
DEFERRED = ("records_title_fold", "records_year", "record_isbns_record", "items_acquired")


# -- the rows --------------------------------------------------------------------------------
Batch = dict[str, Any]


def make_file(path: Path, count: int) -> None:
    from app.catalog.marc import write_iso2709

    with path.open("wb") as out:
        write_iso2709(vn_records.records(count, seed=1, first_number=1), out)


def import_rows(marc: Path, work: Path) -> list[Batch]:
    """Import *marc* once and read back what the import wrote, cut into its batches."""
    from app.catalog import store
    from app.catalog.importer import BATCH as IMPORT_BATCH
    from app.library import Library

    assert IMPORT_BATCH == BATCH
    db_path = work / "source.sqlite3"
    lib = Library.open(db_path)
    lib.catalog.import_marc(marc)
    conn = lib.db.conn

    def tail(columns: tuple[str, ...], nullable: frozenset[str]) -> str:
        return ", ".join(f"coalesce({c}, '')" if c in nullable else c for c in columns)

    records = conn.execute(f"SELECT {tail(store.RECORD_COLUMNS, store._RECORD_NULLABLE)} "
                           f"FROM records ORDER BY id").fetchall()
    items: dict[int, list[tuple[Any, ...]]] = {}
    for row in conn.execute(f"SELECT {tail(store.ITEM_COLUMNS, store._ITEM_NULLABLE)} "
                            f"FROM items ORDER BY id"):
        items.setdefault(row[4], []).append(tuple(row))
    isbns: dict[int, list[tuple[str, int]]] = {}
    for isbn, rid in conn.execute("SELECT isbn, record_id FROM record_isbns"):
        isbns.setdefault(rid, []).append((isbn, rid))
    search = {row[0]: tuple(row) for row in conn.execute(
        "SELECT rowid, title, author, subject, other, callno FROM record_search")}
    lib.close()
    batches: list[Batch] = []
    known: set[str] = set()
    for start in range(0, len(records), BATCH):
        part = [tuple(r) for r in records[start:start + BATCH]]
        b_items = [i for r in part for i in items.get(r[0], [])]
        b_search = [search[r[0]] for r in part]
        words = store.indexed_terms(b_search) - known
        known |= words
        changes: list[tuple[str, str]] = []
        for r in part:
            changes.append(("record", r[1]))
            changes.extend(("item", i[0]) for i in items.get(r[0], []))
        batches.append({"records": part, "isbns": sorted(i for r in part
                                                         for i in isbns.get(r[0], [])),
                        "items": b_items, "search": b_search, "first": part[0][0],
                        "terms": [(w,) for w in words], "changes": changes})
    return batches


# -- the writer's floor ----------------------------------------------------------------------
class Variant:
    def __init__(self, name: str, text: str, *, fts: str = "batch", drop: tuple[str, ...] = (),
                 late: tuple[str, ...] = (), outbox: bool = True, terms: bool = True,
                 paused: bool = True, setup: Callable[[sqlite3.Connection], None] | None = None,
                 page_size: int = 0) -> None:
        self.name, self.text, self.fts, self.drop, self.late = name, text, fts, drop, late
        self.outbox, self.terms, self.paused, self.setup = outbox, terms, paused, setup
        self.page_size = page_size


def _no_prefix(conn: sqlite3.Connection) -> None:
    conn.execute("DROP TABLE records_fts")
    conn.execute("CREATE VIRTUAL TABLE records_fts USING fts5(title, author, subject, other, "
                  "callno, content='record_search', content_rowid='rowid', "
                  "tokenize='unicode61 remove_diacritics 0')")


def _fk_off(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA foreign_keys=OFF")


VARIANTS = [
    Variant("full", "everything, as the import writes it (FTS per batch, merged at the end)"),
    Variant("no_fts", "no full-text index at all", fts="none"),
    Variant("fts_at_end", "FTS5 built at the end ('rebuild', then 'optimize')", fts="end"),
    Variant("fts_catch_up", "FTS5 filled at the end from the new search rows (INSERT ... "
            "SELECT, merging paused, 16 MB of terms in memory), then 'optimize'",
            fts="catch_up"),
    Variant("no_prefix", "FTS without prefix='2 3' (search needs it: cost only)",
            setup=_no_prefix),
    *[Variant(f"no_{ix}", f"without index {ix}", drop=(ix,)) for ix in SECONDARY],
    Variant("no_secondary", "without the six secondary indexes", drop=SECONDARY),
    Variant("secondary_at_end", "the six secondary indexes created at the end", late=SECONDARY),
    Variant("no_outbox", "no outbox rows", outbox=False),
    Variant("no_terms", "no completion words (search_terms)", terms=False),
    Variant("fk_off", "foreign keys off (not allowed: cost only)", setup=_fk_off),
    Variant("end_both", "FTS and the six secondary indexes built at the end", fts="end",
            late=SECONDARY),
    Variant("deferred", "what a large import deferred in the sixth round: FTS filled at the "
            "end from the new rows, then 'optimize'; four secondary indexes created at the end",
            fts="catch_up", late=DEFERRED),
    Variant("now", "what a large import does since the seventh round: FTS filled batch by "
            "batch (the import does it a batch behind, in the commit's thread), four secondary "
            "indexes created at the end", late=DEFERRED),
    Variant("bare", "tables only: no FTS, no secondary indexes, outbox, words", fts="none",
            drop=SECONDARY, outbox=False, terms=False),
    *[Variant(f"deferred_{size // 1024}k", f"'deferred' in a library made with {size:,}-byte "
              f"pages", fts="catch_up", late=DEFERRED, page_size=size)
      for size in (4096, 8192, 16384)],
    *[Variant(f"full_{size // 1024}k", f"'full' in a library made with {size:,}-byte pages",
              page_size=size) for size in (4096, 8192, 16384)],
]


def write_floor(batches: list[Batch], work: Path, variant: Variant
                ) -> tuple[float, float, int]:
    """Write *batches* into a fresh library as *variant* says: (CPU s, wall s, bytes of the
    database file after a checkpoint)."""
    from app.catalog import store
    from app.db.connection import PAGE_SIZE
    from app.db.index_merge import pause_merging, resume_merging
    from app.db.outbox import record_inserted
    from app.library import Library

    path = work / f"floor-{variant.name}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    if variant.page_size:  # set before the file has a table; WAL keeps it from then on
        made = sqlite3.connect(path)
        made.execute(f"PRAGMA page_size={variant.page_size}")
        made.execute("PRAGMA journal_mode=WAL")
        made.close()
    lib = Library.open(path)
    db = lib.db
    assert conn_page_size(lib.db.conn) == (variant.page_size or PAGE_SIZE)
    conn = db.conn
    sqls = {}
    for ix in variant.drop + variant.late:
        sqls[ix] = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (ix,)
                                ).fetchone()[0]
        conn.execute(f"DROP INDEX {ix}")
    if variant.setup is not None:
        variant.setup(conn)
    conn.execute("PRAGMA wal_autocheckpoint=8000")
    cpu, wall = time.process_time(), time.perf_counter()
    for n, batch in enumerate(batches):
        db.begin()
        conn.executemany(store.IMPORT_RECORD, batch["records"])
        conn.executemany("INSERT OR IGNORE INTO record_isbns(isbn, record_id) VALUES (?, ?)",
                         batch["isbns"])
        conn.executemany(store.IMPORT_ITEM, batch["items"])
        conn.executemany(store.INSERT_SEARCH, batch["search"])
        if variant.fts == "batch":
            conn.execute(store.INDEX_NEW_SEARCH_ROWS, (batch["first"],))
        if variant.terms:
            conn.executemany("INSERT OR IGNORE INTO search_terms(term) VALUES (?)",
                             batch["terms"])
        if variant.outbox:
            record_inserted(conn, batch["changes"])
        if n == 0 and variant.paused and variant.fts in ("batch", "catch_up"):
            pause_merging(conn)
        db.commit()
    if variant.fts == "catch_up":
        with db.transaction():
            conn.execute(store.INDEX_NEW_SEARCH_ROWS, (batches[0]["first"],))
    if variant.fts in ("batch", "catch_up"):
        resume_merging(db)
        with db.transaction():
            conn.execute("INSERT INTO records_fts(records_fts) VALUES ('optimize')")
    elif variant.fts == "end":
        with db.transaction():
            conn.executemany("INSERT INTO records_fts(records_fts, rank) VALUES (?, ?)",
                             [("hashsize", 64 << 20)])
            conn.execute("INSERT INTO records_fts(records_fts) VALUES ('rebuild')")
            conn.execute("INSERT INTO records_fts(records_fts) VALUES ('optimize')")
            conn.execute("DELETE FROM records_fts_config WHERE k = 'hashsize'")
    for ix in variant.late:
        with db.transaction():
            conn.execute(sqls[ix])
    conn.execute("PRAGMA wal_autocheckpoint=1000")
    used, elapsed = time.process_time() - cpu, time.perf_counter() - wall
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    lib.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return used, elapsed, size


def conn_page_size(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA page_size").fetchone()[0])


# -- the reader's floor ----------------------------------------------------------------------
def _records(data: bytes) -> list[bytes]:
    return [r for r in data.split(b"\x1d") if len(r) > 24]


def read_split(data: bytes) -> int:
    """Records cut at 0x1D, each's data decoded as UTF-8 and cut into fields at 0x1E, with
    the tags from the directory: the least that still gives every field as str."""
    n = 0
    for raw in data.split(b"\x1d"):
        if len(raw) < 25:
            continue
        base = int(raw[12:17])
        directory = raw[24:base - 1].decode("ascii")
        tags = [directory[i:i + 3] for i in range(0, len(directory), 12)]
        fields = dict(zip(tags, raw[base:].decode("utf-8").split("\x1e"), strict=False))
        n += len(fields) > 0
    return n


def read_subfields(data: bytes) -> int:
    """:func:`read_split`, each data field also cut into its subfields (0x1F)."""
    n = 0
    for raw in data.split(b"\x1d"):
        if len(raw) < 25:
            continue
        base = int(raw[12:17])
        directory = raw[24:base - 1].decode("ascii")
        fields = []
        for tag, body in zip([directory[i:i + 3] for i in range(0, len(directory), 12)],
                             raw[base:].decode("utf-8").split("\x1e"), strict=False):
            fields.append((tag, body if tag < "010" else body.split("\x1f")))
        n += len(fields) > 0
    return n


def read_direct_only(data: bytes) -> int:
    from app.catalog.marc.direct import read_direct

    n = 0
    for raw in _records(data):
        n += read_direct(raw) is not None
    return n


def prepare_in_process(path: Path) -> int:
    from app.catalog.reading import prepare_all

    n = 0
    for _ in prepare_all(path):
        n += 1
    return n


def prepare_and_marshal(path: Path) -> int:
    from app.catalog.reading import CHUNK, prepare_all

    n, chunk = 0, []
    for entry in prepare_all(path):
        chunk.append(entry)
        n += 1
        if len(chunk) >= CHUNK:
            marshal.dumps(chunk)
            chunk = []
    marshal.dumps(chunk)
    return n


def pymarc_parse(data: bytes) -> int:
    import io

    import pymarc

    return sum(r is not None for r in pymarc.MARCReader(io.BytesIO(data), to_unicode=True,
                                                        force_utf8=True))


def timed(work: Callable[[], int]) -> tuple[float, float, int]:
    cpu, wall = time.process_time(), time.perf_counter()
    n = work()
    return time.process_time() - cpu, time.perf_counter() - wall, n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--only", default="", help="comma-separated variant names")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each variant, alternated; the least time is printed")
    parser.add_argument("--no-reader", action="store_true")
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    work = args.dir or Path(tempfile.mkdtemp(prefix="thuvien-floor-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} CPUs, SQLite {sqlite3.sqlite_version}, "
          f"load average {os.getloadavg()[0]:.1f} at start")
    marc = work / "records.mrc"
    if not marc.exists():
        make_file(marc, args.records)
    data = marc.read_bytes()
    count = args.records
    if not args.no_reader:
        print(f"reader's floor, {count:,} records, {len(data) / 1e6:.1f} MB, in this process "
              f"(µs per record: CPU / wall):")
        steps: list[tuple[str, Callable[[], int]]] = [
            ("pymarc raw parse (to_unicode, force_utf8)", lambda: pymarc_parse(data)),
            ("cut, decode UTF-8, fields by tag (the floor)", lambda: read_split(data)),
            ("  + subfields cut", lambda: read_subfields(data)),
            ("read_direct (key fields, copies, storage form)", lambda: read_direct_only(data)),
            ("prepare_all (the import's whole reading half)", lambda: prepare_in_process(marc)),
            ("  + marshal of the chunks", lambda: prepare_and_marshal(marc)),
        ]
        for label, step in steps:
            best: tuple[float, float, int] | None = None
            for _ in range(args.repeat):
                got = timed(step)
                best = got if best is None or got[0] < best[0] else best
            assert best is not None
            cpu, wall, n = best
            print(f"  {label:48s} {cpu / n * 1e6:6.1f} / {wall / n * 1e6:6.1f}  ({n:,} records)")
    batches = import_rows(marc, work)
    records = sum(len(b["records"]) for b in batches)
    items = sum(len(b["items"]) for b in batches)
    print(f"writer's floor: {records:,} records, {items:,} copies, {len(batches)} transactions "
          f"of {BATCH:,}, synchronous=FULL, rows pre-built in memory (µs per record: CPU / "
          f"wall; Δ = CPU against 'full')")
    wanted = [v for v in VARIANTS if not args.only or v.name in args.only.split(",")]
    runs: dict[str, list[tuple[float, float, int]]] = {v.name: [] for v in wanted}
    for _ in range(args.repeat):  # alternated: the load moves from one minute to the next
        for variant in wanted:
            runs[variant.name].append(write_floor(batches, work, variant))
    full_cpu: float | None = None
    for variant in wanted:
        cpu = min(r[0] for r in runs[variant.name])
        wall = min(r[1] for r in runs[variant.name])
        per_cpu, per_wall = cpu / records * 1e6, wall / records * 1e6
        if variant.name == "full":
            full_cpu = per_cpu
        delta = "" if full_cpu is None or variant.name == "full" \
            else f"  Δ {per_cpu - full_cpu:+6.1f}"
        kib = runs[variant.name][-1][2] / records / 1024
        print(f"  {variant.name:26s} {per_cpu:6.1f} / {per_wall:6.1f}{delta}  {kib:.2f} KiB  "
              f"{variant.text}")
        if args.repeat > 1:
            each = ", ".join(f"{r[0] / records * 1e6:.1f}" for r in runs[variant.name])
            print(f"  {'':26s} (CPU of each run: {each})")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
