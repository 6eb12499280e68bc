"""Test harness for sync: a real district server process on loopback, a fault-injecting
proxy, a generator of realistic outbox changes, and the checker that compares what the
server stored with the client's outbox. Used by tests/server and benchmarks/bench_sync*.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid as uuidlib
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import create_engine, select, text

from app.catalog.isbn import ean13_check_digit
from app.db.connection import Database, open_database
from app.db.outbox import record_change
from app.sync import privacy, state
from server import received
from server.models import lib_items, lib_loans, lib_records, libraries

REPO_ROOT = Path(__file__).resolve().parents[2]
PG_ENV = "THUVIEN_TEST_PG"


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# -- databases ----------------------------------------------------------------------------
@contextmanager
def pg_database(base_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database for one test run (dropped afterwards); FAILS if the
    server named by *base_url* cannot be reached."""
    name = f"thuvien_test_{uuidlib.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = base_url.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"))
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


# -- the server process -------------------------------------------------------------------
class ServerProcess:
    """``uvicorn server.api:app_from_env`` in a subprocess on loopback (fault hook on)."""

    def __init__(self, db_url: str, *, idempotency: bool = True, workdir: Path | None = None,
                 workers: int = 1, env: dict[str, str] | None = None) -> None:
        self.db_url = db_url
        self.env = dict(env or {})  # more THUVIEN_DISTRICT_* settings (read at each start)
        self.workers = workers
        self.port = free_port()
        self.idempotency = idempotency
        self.workdir = workdir
        self.proc: subprocess.Popen[bytes] | None = None
        self.restarts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        env = {**os.environ, "THUVIEN_DISTRICT_DB": self.db_url,
               "THUVIEN_DISTRICT_FAULT_HOOK": "1", "PYTHONPATH": str(REPO_ROOT), **self.env}
        if not self.idempotency:
            env["THUVIEN_DISTRICT_TEST_NO_IDEMPOTENCY"] = "1"
        log = (open(self.workdir / "server.log", "ab")  # noqa: SIM115 - the child keeps it
               if self.workdir else subprocess.DEVNULL)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "server.api:app_from_env",
             "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning",
             "--no-access-log", "--timeout-keep-alive", "30",
             *(["--workers", str(self.workers)] if self.workers > 1 else [])],
            env=env, cwd=REPO_ROOT, stdout=log, stderr=log,
            start_new_session=True)  # its own process group: kill() takes its workers too
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}")
            try:
                if requests.get(self.url + "/v1/health", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.05)  # readiness poll, not synchronisation of the test itself
        raise RuntimeError("server did not start")

    def kill(self) -> None:
        if self.proc is not None:
            with suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
            self.proc = None

    def ensure_running(self) -> None:
        """Restart the process if a fault killed it."""
        if self.proc is None or self.proc.poll() is not None:
            if self.proc is not None:
                self.proc.wait()
            self.restarts += 1
            self.start()

    def arm(self, point: str) -> None:
        requests.post(self.url + "/v1/_test/faults", params={"point": point},
                      timeout=5).raise_for_status()


def new_admin_token(db_url: str) -> str:
    from server import registry
    from server.db import make_engine, write
    from server.settings import load_settings

    engine = make_engine(load_settings(db_url))
    try:
        with write(engine) as conn:
            return registry.create_admin_token(conn, "tests")
    finally:
        engine.dispose()


# -- fault proxy --------------------------------------------------------------------------
def _read_message(sock: socket.socket, buf: bytearray) -> bytes | None:
    while b"\r\n\r\n" not in buf:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
    head_end = buf.index(b"\r\n\r\n") + 4
    length = 0
    for line in bytes(buf[:head_end]).split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    while len(buf) < head_end + length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        buf += chunk
    message = bytes(buf[:head_end + length])
    del buf[:head_end + length]
    return message


def _close_header(request: bytes) -> bytes:
    head, _, body = request.partition(b"\r\n\r\n")
    lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


class FaultProxy:
    """An HTTP forwarder between client and server that can, for the next push, drop the
    connection after the server answered (the client never sees the answer) or deliver
    the request to the server twice at once."""

    def __init__(self, upstream: ServerProcess) -> None:
        self.upstream = upstream
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = int(self.sock.getsockname()[1])
        self.fault: str | None = None
        self.fired = 0
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def arm(self, fault: str | None) -> None:
        with self._lock:
            self.fault = fault

    def _take(self, request: bytes) -> str | None:
        if b"/push " not in request.split(b"\r\n", 1)[0]:
            return None
        with self._lock:
            fault, self.fault = self.fault, None
        if fault:
            self.fired += 1
        return fault

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", self.upstream.port), timeout=60) as up:
            up.sendall(_close_header(request))
            chunks = []
            while True:
                chunk = up.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        return b"".join(chunks)

    def _serve(self, conn: socket.socket) -> None:
        buf = bytearray()
        try:
            while True:
                request = _read_message(conn, buf)
                if request is None:
                    return
                fault = self._take(request)
                try:
                    if fault == "duplicate":
                        twin = threading.Thread(target=self._forward, args=(request,))
                        twin.start()
                        response = self._forward(request)
                        twin.join()
                    else:
                        response = self._forward(request)
                except OSError:
                    return
                if fault == "drop_response" or not response:
                    return
                conn.sendall(response)
                if b"connection: close" in response[:2000].lower():
                    return
        except OSError:
            return
        finally:
            conn.close()


# -- a client library with generated changes ---------------------------------------------
TITLES = ["Tiếng Việt 1", "Toán 1", "Dế Mèn phiêu lưu ký", "Kỹ thuật điện", "Lịch sử Việt Nam",
          "Truyện Kiều", "Hoá học 10", "Địa lí 6", "Tin học 3", "Khoa học tự nhiên 7"]
AUTHORS = ["Bùi Mạnh Hùng", "Hà Huy Khoái", "Tô Hoài", "Nguyễn Du", "Trần Văn Thuỷ"]
ISBN_POOL = [f"978604{n:06d}" for n in range(0, 40)]
ISBN_POOL = [p + ean13_check_digit(p) for p in ISBN_POOL]


class ClientLibrary:
    """A library database whose outbox is filled with realistic changes (records, items,
    patrons, loans, visits) and whose model of the current rows the generator keeps."""

    def __init__(self, path: Path, rng: random.Random) -> None:
        self.path = path
        self.rng = rng
        self.db: Database = open_database(path)
        self.records: list[str] = []
        self.items: list[str] = []
        self.patrons: list[str] = []
        self.open_loans: dict[str, dict[str, Any]] = {}
        self.payloads: dict[tuple[str, str], dict[str, Any]] = {}

    @property
    def library_id(self) -> str:
        return str(state.setting(self.db.conn, "library_id"))

    def _write(self, conn: Any, entity: str, uuid: str, op: str, payload: dict[str, Any]) -> None:
        payload = {**payload, "uuid": uuid, "updated_at": f"2025-10-{self.rng.randint(1, 28):02d}"}
        self.payloads[(entity, uuid)] = payload
        record_change(conn, entity, uuid, op, payload)

    def _one(self, conn: Any) -> None:
        rng = self.rng
        roll = rng.random()
        if not self.records or roll < 0.2:
            u = str(uuidlib.uuid4())
            isbns = [rng.choice(ISBN_POOL)] if rng.random() < 0.6 else []
            self._write(conn, "record", u, "insert", {
                "title": rng.choice(TITLES), "authors": [rng.choice(AUTHORS)], "isbns": isbns,
                "year": rng.choice([2018, 2020, 2022, None]), "marc": "{}", "deleted": False})
            self.records.append(u)
        elif roll < 0.3:
            u = rng.choice(self.records)
            old = self.payloads[("record", u)]
            self._write(conn, "record", u, "update", {**old, "title": rng.choice(TITLES),
                                                      "year": rng.choice([2019, 2021])})
        elif roll < 0.33 and len(self.records) > 3:
            u = self.records.pop(rng.randrange(len(self.records)))
            self._write(conn, "record", u, "delete", {**self.payloads[("record", u)],
                                                      "deleted": True})
        elif roll < 0.5 or not self.items:
            u = str(uuidlib.uuid4())
            self._write(conn, "item", u, "insert", {
                "record_uuid": rng.choice(self.records), "barcode": f"TK.{rng.randint(1, 10**9)}",
                "collection": rng.choice(["TK", "GK", "TN"]), "item_type": "book",
                "status": "available", "acquired_on": "2025-09-01", "note": "ghi chú",
                "deleted": False})
            self.items.append(u)
        elif roll < 0.6 or not self.patrons:
            u = str(uuidlib.uuid4())
            n = rng.randint(1, 10**6)
            self._write(conn, "patron", u, "insert", {
                "full_name": f"Nguyễn Văn Học Sinh {n}", "card": f"HS{n:07d}",
                "category": "student", "class_name": "6A", "grade": 6, "deleted": False})
            self.patrons.append(u)
        elif roll < 0.8:
            item = rng.choice(self.items)
            if item in self.open_loans:
                return
            u = str(uuidlib.uuid4())
            loan = {"item_uuid": item, "patron_uuid": rng.choice(self.patrons),
                    "loaned_at": f"2025-10-{rng.randint(1, 28):02d}T02:00:00Z",
                    "due_on": "2025-11-15", "returned_at": None, "renewals": 0,
                    "patron_category": "student", "patron_class": "6A", "patron_grade": 6,
                    "deleted": False}
            self._write(conn, "loan", u, "insert", loan)
            self.open_loans[item] = {**loan, "uuid": u}
            self._write(conn, "item", item, "update", {**self.payloads[("item", item)],
                                                       "status": "on_loan"})
        elif roll < 0.92 and self.open_loans:
            item = rng.choice(list(self.open_loans))
            loan = self.open_loans.pop(item)
            self._write(conn, "loan", loan["uuid"], "update",
                        {**loan, "returned_at": "2025-10-29T03:00:00Z"})
            self._write(conn, "item", item, "update", {**self.payloads[("item", item)],
                                                       "status": "available"})
        else:
            u = str(uuidlib.uuid4())
            self._write(conn, "usage", u, "insert", {
                "kind": "visit", "day": f"2025-10-{rng.randint(1, 28):02d}", "count": 1,
                "patron_category": "student", "patron_class": "6A", "deleted": False})

    def add_changes(self, n: int) -> None:
        """Append about *n* changes, in transactions of random size, like a busy desk."""
        done = 0
        while done < n:
            size = min(n - done, self.rng.randint(1, 12))
            with self.db.transaction() as conn:
                for _ in range(size):
                    self._one(conn)
            done += size

    def close(self) -> None:
        self.db.close()


# -- the checker --------------------------------------------------------------------------
def expected_changes(db: Database) -> list[dict[str, Any]]:
    """What the server must hold: the client's whole outbox through the privacy filter."""
    conn = db.conn
    rows = conn.execute("SELECT seq, entity, uuid, op, payload, at FROM changes ORDER BY seq"
                        ).fetchall()
    policy = str(state.setting(conn, privacy.SETTING, "none"))
    secret = str(state.setting(conn, privacy.SECRET_SETTING, ""))
    return privacy.transform(rows, policy, secret)


def compare(engine: Any, library_code: str, db: Database, wait: float = 60.0) -> list[str]:
    """Differences between the server's copy of a library and the client's outbox, once the
    server's applier has applied everything the library pushed (waiting up to *wait* s).

    Empty when every change is stored exactly once and every row's state matches.
    """
    from server import applier

    problems: list[str] = []
    with engine.connect() as conn:
        lib_id = conn.execute(select(libraries.c.id).where(libraries.c.code == library_code)
                              ).scalar_one()
    if not applier.wait_applied(engine, lib_id, wait):
        problems.append(f"not applied within {wait:.0f} s")
    expected = expected_changes(db)
    max_seq = int(db.conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0])
    with engine.connect() as conn:
        lib = conn.execute(select(libraries.c.id, libraries.c.acked_seq)
                           .where(libraries.c.code == library_code)).one()
        logged = received.changes(conn, lib.id)
        seen: dict[int, int] = {}
        for c in logged:
            seen[c.seq] = seen.get(c.seq, 0) + 1
        want = {c["seq"] for c in expected}
        twice = sorted(s for s, n in seen.items() if n > 1)
        if twice:
            problems.append(f"applied twice: {len(twice)} changes, e.g. seq {twice[:5]}")
        lost = sorted(want - set(seen))
        if lost:
            problems.append(f"lost: {len(lost)} changes, e.g. seq {lost[:5]}")
        extra = sorted(set(seen) - want)
        if extra:
            problems.append(f"unexpected: {extra[:5]}")
        if int(lib.acked_seq) != max_seq:
            problems.append(f"server acked {lib.acked_seq}, client outbox ends at {max_seq}")
        # The rows' final state: fold the expected changes in order, as the outbox says.
        final: dict[tuple[str, str], dict[str, Any]] = {}
        for c in expected:
            key = (c["entity"], c["uuid"])
            merged = {**final.get(key, {}), **c["payload"], "uuid": c["uuid"]}
            if c["op"] == "delete":
                merged["deleted"] = True
            final[key] = merged
        server_records = {r.uuid: json.loads(r.fields) for r in conn.execute(
            select(lib_records.c.uuid, lib_records.c.fields)
            .where(lib_records.c.library_id == lib.id))}
        server_items = {r.uuid: json.loads(r.fields) for r in conn.execute(
            select(lib_items.c.uuid, lib_items.c.fields).where(lib_items.c.library_id == lib.id))}
        server_loans = {r.uuid: (r.returned_at, r.reader_key) for r in conn.execute(
            select(lib_loans.c.uuid, lib_loans.c.returned_at, lib_loans.c.reader_key)
            .where(lib_loans.c.library_id == lib.id))}
        for (entity, uuid), value in final.items():
            if entity == "record" and server_records.get(uuid) != value:
                problems.append(f"record {uuid} differs")
            elif entity == "item" and server_items.get(uuid) != value:
                problems.append(f"item {uuid} differs")
            elif entity == "loan" and server_loans.get(uuid) != (value.get("returned_at"),
                                                                  value.get("reader_key")):
                problems.append(f"loan {uuid} differs")
        if len(logged) != len(want) and not twice:
            problems.append(f"server holds {len(logged)} changes, expected {len(want)}")
    return problems


# -- the randomized fault scenario --------------------------------------------------------
FAULTS = ("none", "drop_response", "duplicate", "replay", "kill_before_commit",
          "kill_after_commit", "client_killed")
CHEAP = ("none", "drop_response", "duplicate", "replay")

CLIENT_SCRIPT = """
import sys
from pathlib import Path
from app.sync.client import SyncClient
client = SyncClient(Path(sys.argv[1]), token_dir=Path(sys.argv[2]), batch_size=int(sys.argv[3]))
print("ready", flush=True)
client.sync_now()
"""


class FaultEnv:
    """One server process (restarted when a fault kills it), its proxy and a DB engine."""

    def __init__(self, db_url: str, workdir: Path, *, idempotency: bool = True,
                 workers: int = 1, env: dict[str, str] | None = None) -> None:
        from server.db import upgrade
        from server.settings import load_settings

        upgrade(load_settings(db_url))
        self.db_url = db_url
        self.admin = new_admin_token(db_url)
        self.server = ServerProcess(db_url, idempotency=idempotency, workdir=workdir,
                                    workers=workers, env=env)
        self.server.start()
        self.proxy = FaultProxy(self.server)
        self.engine = create_engine(db_url)
        self.fault_counts: dict[str, int] = {}

    def add_library(self, code: str) -> str:
        resp = requests.post(self.server.url + "/v1/admin/libraries",
                             headers={"Authorization": f"Bearer {self.admin}"},
                             json={"code": code, "name": f"Trường {code}", "type": "school"},
                             timeout=10)
        resp.raise_for_status()
        return str(resp.json()["enrollment_code"])

    def close(self) -> None:
        self.server.kill()
        self.engine.dispose()


def _push_ignoring_faults(client: Any) -> None:
    from app.sync.messages import SyncError

    with suppress(SyncError):
        client.push()


def run_scenario(env: FaultEnv, seed: int, workdir: Path,
                 faults: tuple[str, ...] | None = None) -> list[str]:
    """One randomized run: a new library syncs its growing outbox through random faults;
    afterwards the server's copy is compared with the client's outbox."""
    from app.sync.client import SyncClient
    from app.sync.messages import SyncError

    rng = random.Random(seed)
    code = f"S{seed}-{uuidlib.uuid4().hex[:6]}"
    enrollment = env.add_library(code)
    lib = ClientLibrary(workdir / f"{code}.sqlite3", rng)
    token_dir = workdir / "tokens"
    batch = rng.choice([8, 25, 80, 200])
    client = SyncClient(lib.path, token_dir=token_dir, batch_size=batch, timeout=(2.0, 20.0))
    try:
        client.enroll(env.proxy.url, enrollment)
        if rng.random() < 0.25:
            state.put_setting(client.db, privacy.SETTING, "share")
        may_kill = faults is None and rng.random() < 0.12
        may_kill_client = faults is None and rng.random() < 0.10
        for _ in range(rng.randint(2, 3)):
            lib.add_changes(rng.randint(5, 70))
            choices = list(faults or CHEAP)
            if may_kill:
                choices = ["kill_before_commit", "kill_after_commit"]
                may_kill = False
            elif may_kill_client:
                choices = ["client_killed"]
                may_kill_client = False
            fault = rng.choice(choices)
            env.fault_counts[fault] = env.fault_counts.get(fault, 0) + 1
            if fault == "none":
                _push_ignoring_faults(client)
            elif fault in ("drop_response", "duplicate"):
                env.proxy.arm(fault)
                _push_ignoring_faults(client)
                env.proxy.arm(None)
            elif fault == "replay":
                acked = state.acked_seq(client.db.conn)
                first = client.next_batch(acked)
                _push_ignoring_faults(client)
                if first is not None:
                    client.send_batch(acked, first)  # the same batch, delivered again
            elif fault.startswith("kill_"):
                env.server.arm(fault.removeprefix("kill_"))
                _push_ignoring_faults(client)
                try:
                    env.server.arm("none")  # the fault may not have fired (nothing to push)
                except requests.RequestException:  # it fired: the process is dying
                    if env.server.proc is not None:
                        env.server.proc.wait(30)
                env.server.ensure_running()
            elif fault == "client_killed":
                proc = subprocess.Popen(
                    [sys.executable, "-c", CLIENT_SCRIPT, str(lib.path), str(token_dir),
                     str(batch)], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": str(REPO_ROOT)})
                assert proc.stdout is not None
                proc.stdout.readline()
                time.sleep(rng.uniform(0.0, 0.15))  # the moment of the kill, at random
                proc.kill()
                proc.wait()
        for _ in range(5):  # the final, clean sync
            env.server.ensure_running()
            try:
                client.push()
                break
            except SyncError:
                continue
        return compare(env.engine, code, lib.db)
    finally:
        client.close()
        lib.close()


# -- helpers for in-process API tests -----------------------------------------------------
def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def enrolled_library(district: Any, code: str) -> tuple[str, str]:
    """Register *code* with the admin token and enroll it; ``(token, library_uuid)``."""
    r = district.http.post("/v1/admin/libraries", headers=bearer(district.admin),
                           json={"code": code, "name": f"Trường {code}", "type": "school",
                                 "commune": "Xã Yên Bình", "district": "Huyện Yên Lập"})
    assert r.status_code == 200, r.text
    lib_uuid = str(uuidlib.uuid4())
    r = district.http.post("/v1/enroll", json={"enrollment_code": r.json()["enrollment_code"],
                                               "library_uuid": lib_uuid})
    assert r.status_code == 200, r.text
    return str(r.json()["token"]), lib_uuid


def change(seq: int, entity: str, uuid: str, payload: dict[str, Any], op: str = "insert"
           ) -> dict[str, Any]:
    return {"seq": seq, "entity": entity, "uuid": uuid, "op": op, "payload": payload,
            "at": "2025-10-01T00:00:00Z"}


def record_payload(title: str, *, isbns: list[str] | None = None, authors: list[str] | None = None,
                   year: int | None = 2020) -> dict[str, Any]:
    return {"title": title, "authors": authors or ["Bùi Mạnh Hùng"], "isbns": isbns or [],
            "year": year, "classification": "495.922", "marc": "{}", "deleted": False}
