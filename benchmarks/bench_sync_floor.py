"""The floor of the CPU per push batch: what each side costs with the others taken away.

    .venv/bin/python benchmarks/bench_sync_floor.py --pg postgresql+psycopg://postgres@127.0.0.1:5432/postgres
        [--libraries 40] [--changes 1000] [--batch DEFAULT_BATCH]

Generates the libraries of ``bench_sync_many.py`` (records with ISBNs from a shared pool,
copies, loans), builds every batch with the real client, pushes them one at a time,
round robin (nothing runs concurrently, so each process's CPU is its own), and prints per
batch:

(a) **PostgreSQL alone.** The server's real push path runs in this process on database A
    (body validation, the library row locked by its token, ``push.store_batch`` + ``applier.apply_library``, commit)
    while every statement it sends is recorded with its parameters. The recorded
    statements are then replayed on a fresh database B, batch after batch, through a bare
    psycopg connection (the same automatic preparing; statements the server runs unprepared
    stay unprepared): the CPU of the PostgreSQL backend per batch, split by statement, and
    the replayer's own CPU (psycopg handing over the recorded parameters: the least Python
    any server needs to drive these statements). Also which of them PostgreSQL runs on
    generic plans (``pg_prepared_statements``).
(b) **The server's Python with no database work**, over HTTP on loopback with the real client:
    ``bare`` is uvicorn + FastAPI reading the body and answering (no parsing);
    ``validate`` adds what the push route does before touching the database (pydantic
    validates the body from its bytes, the change dicts are built) in the thread pool;
    ``no-apply`` is the real application with ``push.store_batch`` replaced by an answer
    (token check and the library row lock in a transaction on database A: one statement
    and a commit). The push's own Python (union linking, statement arguments) is
    the in-process run on A less the replayer's CPU.
(c) **The client**: reading and building a batch from the outbox (``next_batch`` and the
    body), sending it with ``requests`` and reading the answer, and storing the
    acknowledged position in the library's SQLite database.

CPU is read from ``/proc`` (server process, PostgreSQL backend) and ``time.process_time``
(this process, which is the client and the in-process server). The run prints the load
average; other work on the machine inflates CPU times a little (shared caches), not much.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench_sync_common import REPO, cpu_seconds, make_library
from fastapi import Request  # noqa: TC002 - the floor app's route reads it at run time
from sync_harness import free_port, pg_database

from app.sync.protocol import DEFAULT_BATCH

MODE_ENV = "THUVIEN_FLOOR_MODE"
_TO_SEQ = re.compile(rb'"to_seq":\s*(\d+)')


# -- the server processes of (b) ----------------------------------------------------------
def floor_app() -> Any:
    """``uvicorn --factory bench_sync_floor:floor_app``: the server of mode $THUVIEN_FLOOR_MODE."""
    mode = os.environ[MODE_ENV]
    if mode == "no-apply":
        from server import api, push

        def answer_only(conn: Any, library_id: int, from_seq: int, to_seq: int,
                        changes: list[dict[str, Any]], **_: Any) -> push.PushResult:
            return push.PushResult(to_seq, len(changes))

        push.store_batch = answer_only  # type: ignore[assignment]
        return api.app_from_env()

    from fastapi import FastAPI
    from fastapi.concurrency import run_in_threadpool

    from server import api

    app = FastAPI()

    def validate(raw: bytes) -> dict[str, Any]:
        body, _text = api._push_body(raw)
        changes = [{"seq": c.seq, "entity": c.entity, "uuid": c.uuid, "op": c.op,
                    "payload": c.payload, "at": c.at, "digest": c.digest} for c in body.changes]
        return {"acked_seq": body.to_seq, "applied": len(changes)}

    @app.post("/v1/libraries/{code}/push")
    async def push_batch(code: str, request: Request) -> Any:
        api._bearer_token(request)
        raw = await request.body()
        if mode == "bare":
            found = _TO_SEQ.search(raw, 0, 400)
            return {"acked_seq": int(found.group(1)) if found else 0, "applied": 0}
        return await run_in_threadpool(validate, raw)

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    api.tune_gc()
    return app


def _serve(mode: str, db_url: str) -> tuple[subprocess.Popen[bytes], str]:
    import requests

    port = free_port()
    env = {**os.environ, MODE_ENV: mode, "THUVIEN_DISTRICT_DB": db_url,
           "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "benchmarks"),
                                          str(REPO / "tests" / "server")])}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory",
                             "bench_sync_floor:floor_app", "--host", "127.0.0.1", "--port",
                             str(port), "--log-level", "warning", "--no-access-log"],
                            env=env, cwd=REPO, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if requests.get(url + "/v1/health", timeout=1).ok:
                return proc, url
        except requests.RequestException:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError(f"floor server {mode} did not start")


# -- (a): the real push path, recorded, then replayed ---------------------------------------
def _backend_ns(pid: int) -> int:
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])


def _label(statement: str) -> str:
    text = " ".join(statement.split())
    if "received_batches" in text and "jsonb_to_recordset" in text:
        return "batch statement (log, records, copies, loans)"
    if "FOR UPDATE" in text and "token_hash" in text:
        return "lock the library row by token"
    if text.startswith("UPDATE libraries"):
        return "acked position"
    if "union_isbns n WHERE" in text:
        return "union prefetch"
    if text.startswith("INSERT INTO union_records"):
        return "new union records"
    if text.startswith("INSERT INTO union_isbns"):
        return "ISBN claims"
    if "union_clock" in text:
        return "union clock + feed"
    if "FROM lib_records" in text or "lib_records t" in text:
        return "stored records"
    return text[:60]


def run_real(engine: Any, batches: list[tuple[str, bytes]]
             ) -> tuple[list[list[tuple[str, Any, bool]]], float, float, dict[str, float]]:
    """Push *batches* ``(token, body)`` through the server's path on *engine*, recording the
    statements; ``(recorded per batch, server CPU s, PostgreSQL CPU s, PG s by label)``."""
    from sqlalchemy import event

    from server import api, applier, push, registry

    recorded: list[list[tuple[str, Any, bool]]] = []
    by_label: defaultdict[str, float] = defaultdict(float)
    current: list[tuple[str, Any, bool]] = []
    pg_total = 0.0
    started: dict[int, int] = {}

    hooks = 0.0  # the CPU of these hooks (reading /proc), left out of the server's

    def before(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        nonlocal hooks
        c0 = time.process_time()
        driver = conn.connection.driver_connection
        current.append((statement, parameters, driver.prepare_threshold is not None))
        started[id(cursor)] = _backend_ns(driver.info.backend_pid)
        hooks += time.process_time() - c0

    def after(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        nonlocal pg_total, hooks
        c0 = time.process_time()
        used = (_backend_ns(conn.connection.driver_connection.info.backend_pid)
                - started.pop(id(cursor))) / 1e9
        by_label[_label(statement)] += used
        pg_total += used
        hooks += time.process_time() - c0

    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "after_cursor_execute", after)
    cpu = 0.0
    try:
        for token, raw in batches:
            current = []
            c0 = time.process_time()
            with engine.connect() as conn:
                pid = conn.connection.driver_connection.info.backend_pid
                with conn.begin():
                    lib = registry.lock_library_for_token(conn, token)
                    body, text = api._push_body(raw)
                    changes = [{"seq": c.seq, "entity": c.entity, "uuid": c.uuid, "op": c.op,
                                "payload": c.payload, "at": c.at, "digest": c.digest}
                               for c in body.changes]
                    withheld = [{"seq": w.seq, "digest": w.digest} for w in body.withheld]
                    push.store_batch(conn, lib.id, body.from_seq, body.to_seq, changes,
                                     withheld=withheld, body=text,
                                     locked=(int(lib.acked_seq), int(lib.digest_floor)))
                    applier.apply_library(conn, lib.id)  # what the push did before
                    h0 = time.process_time()
                    ns = _backend_ns(pid)
                    hooks += time.process_time() - h0
                h0 = time.process_time()
                used = (_backend_ns(pid) - ns) / 1e9
                hooks += time.process_time() - h0
                by_label["commit"] += used
                pg_total += used
            cpu += time.process_time() - c0
            recorded.append(current)
    finally:
        event.remove(engine, "before_cursor_execute", before)
        event.remove(engine, "after_cursor_execute", after)
    return recorded, cpu - hooks, pg_total, dict(by_label)


def replay(url: str, recorded: list[list[tuple[str, Any, bool]]]
           ) -> tuple[float, float, dict[str, float], list[float]]:
    """Run the recorded statements on *url* through one bare psycopg connection, one
    transaction per batch; ``(PostgreSQL CPU s, replayer CPU s, PG s by label, PG s per
    batch)``."""
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        pid = conn.info.backend_pid
        by_label: defaultdict[str, float] = defaultdict(float)
        per_batch = []
        cpu = 0.0
        for statements in recorded:
            b0 = _backend_ns(pid)
            for statement, params, prepare in statements:
                s0 = _backend_ns(pid)
                c0 = time.process_time()
                conn.execute(statement, params, prepare=None if prepare else False)
                cpu += time.process_time() - c0
                by_label[_label(statement)] += (_backend_ns(pid) - s0) / 1e9
            s0 = _backend_ns(pid)
            c0 = time.process_time()
            conn.commit()
            cpu += time.process_time() - c0
            by_label["commit"] += (_backend_ns(pid) - s0) / 1e9
            per_batch.append((_backend_ns(pid) - b0) / 1e9)
        for name, generic, custom, statement in conn.execute(
                "SELECT name, generic_plans, custom_plans, statement "
                "FROM pg_prepared_statements ORDER BY custom_plans DESC"):
            print(f"    prepared {name}: {generic} generic, {custom} custom plans: "
                  f"{_label(statement)}")
    return sum(per_batch), cpu, dict(by_label), per_batch


# -- the benchmark --------------------------------------------------------------------------
def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", default=os.environ.get("THUVIEN_TEST_PG"))
    parser.add_argument("--libraries", type=int, default=40)
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH)
    args = parser.parse_args()
    if not args.pg:
        parser.error("--pg (or THUVIEN_TEST_PG) is required")
    os.environ.setdefault("THUVIEN_NO_KEYRING", "1")
    print(f"load average at start {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp, pg_database(args.pg) as url_a, \
            pg_database(args.pg) as url_b:
        run(Path(tmp), url_a, url_b, args.libraries, args.changes, args.batch)
    print(f"load average at end {os.getloadavg()[0]:.1f}")


def run(work: Path, url_a: str, url_b: str, n_libs: int, n_changes: int, batch: int) -> None:
    from sqlalchemy import text

    from app.sync import state
    from app.sync.client import PushTarget, SyncClient
    from app.sync.protocol import push_path
    from server import registry
    from server.db import make_engine, upgrade, write
    from server.security import hash_secret
    from server.settings import load_settings

    ms = 1000.0
    clients: list[tuple[SyncClient, str, str]] = []
    engines = {}
    for url in (url_a, url_b):
        upgrade(load_settings(url))
        engines[url] = make_engine(load_settings(url))
    for n in range(n_libs):
        path = work / f"lib{n:03d}.sqlite3"
        make_library(path, n_changes, seed=n, isbn_pool=2000)
        client = SyncClient(path, token_dir=work / "tokens", batch_size=batch)
        tokens = []
        for url in (url_a, url_b):
            with write(engines[url]) as conn:
                _, code, _ = registry.add_library(conn, code=f"L{n:03d}", name=f"L{n}",
                                                  type="school")
                token, _ = registry.enroll(conn, code, client.library_id)
                tokens.append(token)
        with write(engines[url_b]) as conn:  # B's rows as A's, so the replayed lock finds them
            conn.execute(text("UPDATE libraries SET token_hash = :h WHERE id = :id"),
                         {"h": hash_secret(tokens[0]), "id": n + 1})
        clients.append((client, f"L{n:03d}", tokens[0]))

    # (c1) every batch built by the clients, round robin, as the 100-library run sends them.
    order: list[tuple[int, Any]] = []
    acked = [0] * n_libs
    build_cpu = 0.0
    while True:
        row = []
        for i, (client, _, _) in enumerate(clients):
            c0 = time.process_time()
            found = client.next_batch(acked[i])
            body = None if found is None else found.body(client.library_id)
            build_cpu += time.process_time() - c0
            if found is not None and body is not None:
                row.append((i, found))
                acked[i] = found.to_seq
        if not row:
            break
        order.extend(row)
    count = len(order)
    print(f"{count} batches of <= {batch} changes from {n_libs} libraries; per batch:")
    print(f"(c) client, read and build a batch: {ms * build_cpu / count:.2f} ms")

    # (a) the real push path on A, recorded; then replayed on B.
    bodies = [(clients[i][2], b.body(clients[i][0].library_id)) for i, b in order]
    recorded, server_cpu, pg_a, labels_a = run_real(engines[url_a], bodies)
    engines[url_b].dispose()
    pg_b, replay_cpu, labels_b, per_batch = replay(url_b, recorded)
    statements = sum(len(s) for s in recorded) / count
    per_batch.sort()
    print(f"(a) PostgreSQL alone (replayed through psycopg): {ms * pg_b / count:.2f} ms "
          f"(p50 {ms * per_batch[count // 2]:.2f}, p95 {ms * per_batch[int(0.95 * (count - 1))]:.2f}); "
          f"{statements:.1f} statements + commit; in the server's run {ms * pg_a / count:.2f} ms")
    for label, used in sorted(labels_b.items(), key=lambda kv: -kv[1])[:9]:
        print(f"      {ms * used / count:6.2f} ms  {label}  (server's run "
              f"{ms * labels_a.get(label, 0.0) / count:.2f})")
    print(f"    replayer's Python (psycopg sending the recorded statements): "
          f"{ms * replay_cpu / count:.2f} ms")
    print(f"(b) server's push path in-process (validation, token, store_batch + apply_library, commit; no "
          f"HTTP): {ms * server_cpu / count:.2f} ms, of which driving the statements ~"
          f"{ms * replay_cpu / count:.2f} ms")

    # (b) and (c) over HTTP: the server processes with no database work.
    server_of: dict[str, float] = {}
    send_of: dict[str, float] = {}
    for mode in ("bare", "validate", "no-apply"):
        proc, url = _serve(mode, url_a)
        try:
            targets = [PushTarget(url + push_path(code), token, True, {})
                       for _, code, token in clients]
            for i, b in order[:n_libs]:  # warm up: one connection per client, imports
                clients[i][0].send_batch(b.from_seq, b, targets[i])
            s0 = cpu_seconds(proc.pid)
            c0 = time.process_time()
            w0 = time.perf_counter()
            for i, b in order:
                clients[i][0].send_batch(b.from_seq, b, targets[i])
            wall = time.perf_counter() - w0
            send_cpu = time.process_time() - c0
            server = cpu_seconds(proc.pid) - s0
            server_of[mode], send_of[mode] = server / count, send_cpu / count
            print(f"(b) server {mode:8s}: {ms * server / count:.2f} ms   (c) client sending "
                  f"and reading the answer: {ms * send_cpu / count:.2f} ms   wall "
                  f"{ms * wall / count:.2f} ms")
        finally:
            proc.kill()
            proc.wait()
    engines[url_a].dispose()
    c0 = time.process_time()
    for i, b in order:
        state.set_acked_seq(clients[i][0].db, b.to_seq)
    store = (time.process_time() - c0) / count
    print(f"(c) client, storing the acknowledged position: {ms * store:.2f} ms")
    client = build_cpu / count + send_of["validate"] + store
    print(f"floor: (a) {ms * pg_b / count:.1f} + (b) validate {ms * server_of['validate']:.1f} "
          f"+ (c) {ms * client:.1f} = {ms * (pg_b / count + server_of['validate'] + client):.1f} "
          f"ms per batch")
    for client, _, _ in clients:
        client.close()


if __name__ == "__main__":
    main()
