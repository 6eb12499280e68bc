"""CPU per push batch, split between the server's Python, PostgreSQL and the client.

    .venv/bin/python benchmarks/bench_sync_cpu.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres
        [--libraries 20] [--changes 1000] [--batch 200] [--profile server.prof] [--http]

Pushes the libraries' outboxes one batch at a time, round robin (the union catalog grows
as in the 100-library run), with nothing running concurrently, so the CPU of each side
can be read exactly. Default: the server's push path in this process (body validation,
token lookup, ``push.apply_batch``; no HTTP) with the SQL statements counted and timed per
batch. ``--http``: a real server process on loopback and the real client instead; the
server's CPU is then read from /proc and includes HTTP and FastAPI.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from bench_sync_common import cpu_seconds, make_library, pg_backend_cpu
from sync_harness import FaultEnv, pg_database


def _libraries(work: Path, n_libs: int, n_changes: int) -> list[Path]:
    paths = []
    for n in range(n_libs):
        path = work / f"lib{n:03d}.sqlite3"
        make_library(path, n_changes, seed=n, isbn_pool=2000)
        paths.append(path)
    return paths


def run_http(db_url: str, work: Path, paths: list[Path], batch: int) -> None:
    from app.sync.client import SyncClient

    env = FaultEnv(db_url, work)
    database = db_url.rsplit("/", 1)[-1]
    try:
        clients = []
        for n, path in enumerate(paths):
            client = SyncClient(path, token_dir=work / "tokens", batch_size=batch)
            client.enroll(env.server.url, env.add_library(f"L{n:03d}"))
            clients.append(client)
        assert env.server.proc is not None
        acked = {id(c): 0 for c in clients}
        targets = {id(c): c.push_target() for c in clients}
        server0, pg0 = cpu_seconds(env.server.proc.pid), pg_backend_cpu(database)
        client0, wall0 = time.process_time(), time.perf_counter()
        batches = 0
        live = list(clients)
        while live:
            for c in list(live):
                sending = c.next_batch(acked[id(c)])
                if sending is None:
                    live.remove(c)
                    continue
                acked[id(c)] = c.send_batch(acked[id(c)], sending, targets[id(c)])
                batches += 1
        wall = time.perf_counter() - wall0
        server = cpu_seconds(env.server.proc.pid) - server0
        pg = pg_backend_cpu(database) - pg0
        mine = time.process_time() - client0
        print(f"http: {batches} batches; per batch CPU ms: server {1000 * server / batches:.1f}, "
              f"PostgreSQL {1000 * pg / batches:.1f}, client {1000 * mine / batches:.1f}; "
              f"wall {1000 * wall / batches:.1f} ms; load {os.getloadavg()[0]:.1f}")
        for c in clients:
            c.close()
    finally:
        env.close()


def run_inproc(db_url: str, work: Path, paths: list[Path], batch: int,
               profile: str | None) -> None:
    from sqlalchemy import event

    from app.sync.client import SyncClient
    from server import applier, push, registry, schemas
    from server.db import lookup, make_engine, upgrade, write
    from server.settings import load_settings

    settings = load_settings(db_url)
    upgrade(settings)
    engine = make_engine(settings)
    database = db_url.rsplit("/", 1)[-1]
    stmts: Counter[str] = Counter()
    stmt_time: defaultdict[str, float] = defaultdict(float)
    stmt_pg: defaultdict[str, float] = defaultdict(float)
    started: dict[int, tuple[float, int]] = {}

    def backend_ns(conn: Any) -> int:
        pid = conn.connection.dbapi_connection.info.backend_pid
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        started[id(cursor)] = (time.perf_counter(), backend_ns(conn))

    @event.listens_for(engine, "after_cursor_execute")
    def _after(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        key = " ".join(statement.split())[:90]
        wall, ns = started.pop(id(cursor))
        stmts[key] += 1
        stmt_time[key] += time.perf_counter() - wall
        stmt_pg[key] += (backend_ns(conn) - ns) / 1e9


    libs = []
    for n, path in enumerate(paths):
        with write(engine) as conn:
            _, code, _ = registry.add_library(conn, code=f"L{n:03d}", name=f"L{n}", type="school")
        client = SyncClient(path, token_dir=work / "tokens", batch_size=batch)
        with write(engine) as conn:
            token, _ = registry.enroll(conn, code, client.library_id)
        libs.append((client, token))
    # One connection per library in the pool first, as a long-running server has.
    stmts.clear()
    stmt_time.clear()
    stmt_pg.clear()
    bodies = []
    acked = [0] * len(libs)
    while True:
        row = []
        for i, (client, token) in enumerate(libs):
            b = client.next_batch(acked[i])
            if b is not None:
                row.append((token, b.body(client.library_id)))
                acked[i] = b.to_seq
        if not row:
            break
        bodies.extend(row)
    prof = cProfile.Profile(time.process_time) if profile else None
    pg0, cpu0, wall0 = pg_backend_cpu(database), time.process_time(), time.perf_counter()
    if prof:
        prof.enable()
    for token, raw in bodies:
        with lookup(engine) as conn:
            lib = registry.library_for_token(conn, token)
        assert lib is not None
        body = schemas.PushIn.model_validate_json(raw)
        changes = [{"seq": c.seq, "entity": c.entity, "uuid": c.uuid, "op": c.op,
                    "payload": c.payload, "at": c.at, "digest": c.digest} for c in body.changes]
        withheld = [{"seq": w.seq, "digest": w.digest} for w in body.withheld]
        with write(engine) as conn:
            push.store_batch(conn, lib.id, body.from_seq, body.to_seq, changes,
                             withheld=withheld, body=raw.decode())
            applier.apply_library(conn, lib.id)  # the push and its applying, one transaction
            before = (time.perf_counter(), backend_ns(conn))
            dbapi = conn.connection.dbapi_connection
        wall, ns = before
        stmts["COMMIT"] += 1
        stmt_time["COMMIT"] += time.perf_counter() - wall
        pid = dbapi.info.backend_pid  # type: ignore[union-attr]
        stmt_pg["COMMIT"] += (int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) - ns) / 1e9
    if prof and profile:
        prof.disable()
        prof.dump_stats(profile)
    n = len(bodies)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    pg = pg_backend_cpu(database) - pg0
    print(f"in-process: {n} batches; per batch CPU ms: server (no HTTP) {1000 * cpu / n:.1f}, "
          f"PostgreSQL {1000 * pg / n:.1f}; wall {1000 * wall / n:.1f} ms; "
          f"statements per batch {sum(stmts.values()) / n:.1f}; load {os.getloadavg()[0]:.1f}")
    print("  wall ms, PostgreSQL CPU ms, count per batch, statement")
    for key, count in sorted(stmt_time.items(), key=lambda kv: -kv[1])[:20]:
        print(f"  {1000 * count / n:6.2f} {1000 * stmt_pg[key] / n:6.2f}  x{stmts[key] / n:4.1f}  "
              f"{key}")
    for client, _ in libs:
        client.close()
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", default=os.environ.get("THUVIEN_TEST_PG"))
    parser.add_argument("--libraries", type=int, default=20)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--profile", help="write a cProfile (CPU clock) of the server part here")
    parser.add_argument("--http", action="store_true", help="real server process and client")
    args = parser.parse_args()
    os.environ.setdefault("THUVIEN_NO_KEYRING", "1")
    with tempfile.TemporaryDirectory() as tmp, pg_database(args.pg) as url:
        work = Path(tmp)
        paths = _libraries(work, args.libraries, args.changes)
        if args.http:
            run_http(url, work, paths, args.batch)
        else:
            run_inproc(url, work, paths, args.batch, args.profile)


if __name__ == "__main__":
    main()
