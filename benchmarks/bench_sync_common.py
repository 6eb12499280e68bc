"""Shared by the sync benchmarks: a library database with many outbox changes, a server."""

from __future__ import annotations

import os
import random
import sys
import uuid as uuidlib
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "server")]

from sync_harness import AUTHORS, ISBN_POOL, TITLES  # noqa: E402,F401

from app.db.connection import open_database  # noqa: E402
from app.db.outbox import record_changes  # noqa: E402


def make_library(path: Path, n_changes: int, seed: int = 1, isbn_pool: int = 5000) -> None:
    """A library DB whose outbox holds *n_changes* changes: records, their copies, loans."""
    rng = random.Random(seed)
    db = open_database(path)
    rows = []
    records: list[str] = []
    items: list[str] = []
    while len(rows) < n_changes:
        roll = rng.random()
        if roll < 0.4 or not records:
            u = str(uuidlib.uuid4())
            isbn_body = f"978604{rng.randrange(isbn_pool):06d}"
            from app.catalog.isbn import ean13_check_digit

            rows.append(("record", u, "insert", {
                "uuid": u, "title": f"{rng.choice(TITLES)} {rng.randrange(10**6)}",
                "authors": [rng.choice(AUTHORS)], "year": rng.choice([2018, 2020, 2022]),
                "isbns": [isbn_body + ean13_check_digit(isbn_body)] if rng.random() < 0.7 else [],
                "publisher": "NXB Giáo dục Việt Nam", "place": "Hà Nội",
                "classification": "895.9223", "subjects": ["Văn học thiếu nhi"],
                "language": "vie", "marc": "{}", "updated_at": "2025-10-01", "deleted": False}))
            records.append(u)
        elif roll < 0.9 or not items:
            u = str(uuidlib.uuid4())
            rows.append(("item", u, "insert", {
                "uuid": u, "record_uuid": rng.choice(records), "barcode": f"TK.{len(rows):06d}",
                "collection": rng.choice(["TK", "GK", "TN"]), "item_type": "book",
                "status": "available", "price": 45000, "acquired_on": "2025-09-01",
                "updated_at": "2025-10-01", "deleted": False}))
            items.append(u)
        else:
            u = str(uuidlib.uuid4())
            rows.append(("loan", u, "insert", {
                "uuid": u, "item_uuid": rng.choice(items), "patron_uuid": str(uuidlib.uuid4()),
                "loaned_at": "2025-10-02T01:00:00Z", "due_on": "2025-10-16", "returned_at": None,
                "renewals": 0, "patron_category": "student", "patron_grade": 6,
                "updated_at": "2025-10-02", "deleted": False}))
    with db.transaction() as conn:
        record_changes(conn, rows)
    db.close()


def _processes() -> Iterator[tuple[Path, list[str]]]:
    """Every live process's /proc folder and its stat fields after the command name."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                yield entry, (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:  # it ended meanwhile
                continue


def _cpu(fields: list[str]) -> float:
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int, children: bool = True) -> float:
    """User + system CPU seconds of a process and (by default) its live child processes
    (uvicorn workers), from Linux /proc."""
    return sum(_cpu(fields) for entry, fields in _processes()
               if int(entry.name) == pid or (children and int(fields[1]) == pid))


def pg_backend_cpu(database: str) -> float:
    """CPU seconds used so far by the live PostgreSQL backends connected to *database*
    (their process title names it). Backends that already exited are not counted."""
    total = 0.0
    for entry, fields in _processes():
        try:
            title = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if f" {database} " in title:
            total += _cpu(fields)
    return total


def applier_cpu(server_pid: int) -> float:
    """CPU seconds of the live applier processes (``python -m server.applier``) started by
    the server process *server_pid* or by its workers."""
    parents = {server_pid} | {int(e.name) for e, f in _processes() if int(f[1]) == server_pid}
    total = 0.0
    for entry, fields in _processes():
        if int(fields[1]) not in parents:
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"server.applier" in cmdline:
            total += _cpu(fields)
    return total
