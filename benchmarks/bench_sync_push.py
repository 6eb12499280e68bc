"""Push 100k outbox changes to a real district server over loopback; print the figures.

    .venv/bin/python benchmarks/bench_sync_push.py [--changes 100000] [--batch DEFAULT_BATCH]
        [--pg URL]

Pushes with the real client in batches of the desktop's own size by default
(``app.sync.protocol.DEFAULT_BATCH``). Goal: 100k changes in <= 20 s.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from bench_sync_common import applier_cpu, cpu_seconds, make_library, pg_backend_cpu
from sync_harness import FaultEnv, pg_database

from app.sync.protocol import DEFAULT_BATCH


def run(db_url: str, work: Path, changes: int, batch: int, applier_mode: str) -> None:
    from app.sync.client import SyncClient
    from server import applier

    env = FaultEnv(db_url, work, env={"THUVIEN_DISTRICT_APPLIER": applier_mode})
    try:
        path = work / "school.sqlite3"
        t0 = time.perf_counter()
        make_library(path, changes)
        print(f"generated {changes} changes in {time.perf_counter() - t0:.1f} s")
        client = SyncClient(path, token_dir=work / "tokens", batch_size=batch)
        client.enroll(env.server.url, env.add_library("BENCH"))
        database = db_url.rsplit("/", 1)[-1]
        on_pg = db_url.startswith("postgresql")
        pg_cpu0 = pg_backend_cpu(database) if on_pg else 0.0
        pid = env.server.proc.pid
        server_cpu0, applier_cpu0 = cpu_seconds(pid), applier_cpu(pid)
        client_cpu0 = time.process_time()
        t0 = time.perf_counter()
        sent, acked = client.push()
        elapsed = time.perf_counter() - t0
        server_cpu = cpu_seconds(pid) - server_cpu0
        apply_cpu = applier_cpu(pid) - applier_cpu0
        pg_cpu = pg_backend_cpu(database) - pg_cpu0 if on_pg else 0.0
        client_cpu = time.process_time() - client_cpu0
        client.close()
        caught_up = applier.wait_applied(env.engine, timeout=600)
        applied_after = time.perf_counter() - t0
        server_all = cpu_seconds(pid) - server_cpu0
        apply_all = applier_cpu(pid) - applier_cpu0
        pg_all = pg_backend_cpu(database) - pg_cpu0 if on_pg else 0.0
        print(f"backend={db_url.split(':')[0]} batch={batch} applier={applier_mode}: pushed "
              f"{sent} changes (acked {acked}) in {elapsed:.1f} s wall = "
              f"{sent / elapsed:,.0f} changes/s (goal <= 20 s for 100k); CPU while pushing: "
              f"server {server_cpu - apply_cpu:.1f} s, applier {apply_cpu:.1f} s, client "
              f"{client_cpu:.1f} s" + (f", PostgreSQL {pg_cpu:.1f} s" if on_pg else "")
              + f"; load average {os.getloadavg()[0]:.1f}")
        total = server_all + client_cpu + pg_all
        print(f"everything applied (union catalog caught up) {applied_after:.1f} s after the "
              f"first batch{'' if caught_up else ' (NOT caught up: gave up waiting)'}; CPU "
              f"until then: server {server_all - apply_all:.1f} s, applier {apply_all:.1f} s, "
              f"PostgreSQL {pg_all:.1f} s; per change {1e6 * total / max(sent, 1):.0f} us")
    finally:
        env.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH,
                        help="changes per batch (default: the desktop's, %(default)s)")
    parser.add_argument("--pg", help="PostgreSQL URL of a server to create a scratch DB on")
    parser.add_argument("--applier", default="process", choices=["process", "thread"],
                        help="where the server applies stored batches")
    args = parser.parse_args()
    os.environ.setdefault("THUVIEN_NO_KEYRING", "1")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.pg:
            with pg_database(args.pg) as url:
                run(url, work, args.changes, args.batch, args.applier)
        else:
            run(f"sqlite:///{work / 'district.sqlite3'}", work, args.changes, args.batch,
                args.applier)


if __name__ == "__main__":
    main()
