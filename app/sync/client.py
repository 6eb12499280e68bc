"""The desktop side of sync: enroll, push the outbox, pull the union catalog.

:class:`SyncClient` opens its **own** SQLite connection (WAL: the desk keeps working while
it reads the outbox) and writes only in short transactions: one per acknowledged batch,
one per pulled page. It uses ``requests`` with TLS verification always on; a district
with its own CA sets the CA file (``sync_state.ca_file``).

    >>> client = SyncClient(Path("school.sqlite3"))          # doctest: +SKIP
    >>> client.sync_now()                                     # doctest: +SKIP
    SyncReport(pushed=120, acked_seq=5120, pulled=37)
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from app.circulation.clock_check import SERVER_TIME_KEY, ClockCheck, pc_clock, shown_day
from app.db.connection import Database, open_database, utc_now
from app.sync import batch, privacy, state, union_cache
from app.sync import messages as msg
from app.sync.batch import Batch
from app.sync.messages import SyncError
from app.sync.protocol import API_PREFIX, DEFAULT_BATCH, DEFAULT_PAGE, push_path
from app.sync.renumber import renumber_from
from app.sync.status import pending_changes
from app.sync.token_store import TokenStore

LOOPBACK = ("127.0.0.1", "localhost", "::1")
#: Seconds to connect, and to wait for each part of an answer (requests' timeouts).
TIMEOUTS = (5.0, 60.0)
#: The longest one request may take in all (an answer trickling in byte by byte resets the
#: read timeout at each byte; a name that never resolves is not covered by it).
REQUEST_LIMIT_S = 300.0
#: How often a request's wait looks whether the sync is being stopped.
STOP_POLL_S = 0.05
#: What OpenSSL says of a certificate whose validity starts after this PC's date.
NOT_YET_VALID = "certificate is not yet valid"


@dataclass(frozen=True)
class SyncReport:
    """What one sync did (``renumbered``: changes made after restoring an old backup that
    got new numbers, see :mod:`app.sync.renumber`; ``withheld``: changes the privacy filter
    kept at the school, acknowledged but not sent — with ``pushed`` they make up what the
    status counted as waiting)."""

    pushed: int
    acked_seq: int
    pulled: int
    renumbered: int = 0
    withheld: int = 0


@dataclass(frozen=True)
class PushTarget:
    """The push URL, token and TLS verification setting of one push, and the proxies the
    environment names for that URL (``None``: read them on every request)."""

    url: str
    token: str
    verify: str | bool
    proxies: dict[str, str] | None = field(default=None)


class SyncStopped(Exception):
    """The sync was stopped (the window closing, the library let go of before a restore)
    while it waited for the server: nothing more is done, nothing recorded as a failure."""


class NumbersReused(Exception):
    """The server knows outbox numbers from ``seq`` on as other changes (a restore here)."""

    def __init__(self, acked_seq: int, seq: int) -> None:
        super().__init__(f"numbers from {seq} reused; server acknowledged {acked_seq}")
        self.acked_seq = acked_seq
        self.seq = seq


def check_url(url: str) -> str:
    """The server base URL without a trailing slash; https unless on this computer.

    >>> check_url("https://thuvien.huyen.vn/")
    'https://thuvien.huyen.vn'
    """
    parts = urlsplit(url.strip())
    ok = parts.scheme == "https" or (parts.scheme == "http" and parts.hostname in LOOPBACK)
    if not ok or not parts.hostname:
        raise SyncError("sync.bad_url", msg.BAD_URL, retry=False, url=url)
    return url.strip().rstrip("/")


class SyncClient:
    """Sync one library database with its district server."""

    def __init__(self, db_path: Path, *, token_dir: Path | None = None,
                 batch_size: int = DEFAULT_BATCH, page_size: int = DEFAULT_PAGE,
                 timeout: tuple[float, float] = TIMEOUTS) -> None:
        self.db: Database = open_database(Path(db_path))
        self.batch_size = batch_size
        self.page_size = page_size
        self.timeout = timeout
        self.library_id = str(state.setting(self.db.conn, "library_id"))
        self.tokens = TokenStore(self.library_id, token_dir)
        self.session = requests.Session()
        # For the batches of a push: what requests would read from the environment (proxies,
        # CA bundle) is read once per push into its PushTarget instead of on every request
        # (two walks over the whole environment per request: a third of requests' CPU).
        self.push_session = requests.Session()
        self.push_session.trust_env = False
        self.renumbered = self.withheld = 0
        #: The server's date at its latest answer (its Date header), kept after a sync: the
        #: clock guard knows from it that a PC showing an earlier date is wrong for sure.
        self.server_time: datetime | None = None
        self._lock = threading.Lock()
        #: Set (by the runner stopping) to give up waiting for the server at once: the
        #: request goes on on its own thread, which holds no database connection.
        self.stopping = threading.Event()

    # -- configuration --------------------------------------------------------------------
    @property
    def server_url(self) -> str | None:
        """The enrolled server's base URL."""
        value = state.get(self.db.conn, "server_url")
        return None if value is None else str(value)

    @property
    def library_code(self) -> str | None:
        """This library's code at the district."""
        value = state.get(self.db.conn, "library_code")
        return None if value is None else str(value)

    def _verify(self) -> str | bool:
        ca_file = state.get(self.db.conn, "ca_file")
        return str(ca_file) if ca_file else True

    def _request(self, method: str, path: str, *, token: str | None = None,
                 body: Any = None, params: dict[str, Any] | None = None,
                 base: str | None = None, raw: bytes | None = None,
                 verify: str | bool | None = None,
                 proxies: dict[str, str] | None = None) -> requests.Response:
        """*proxies* given: the environment was read for this URL already (a push target)."""
        url = (base or self.server_url or "") + path
        session = self.session if proxies is None else self.push_session
        if verify is None:
            verify = self._verify()
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        data = raw
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        if data is not None:
            headers["Content-Type"] = "application/json"

        def send() -> requests.Response:
            try:
                return session.request(method, url, headers=headers, params=params,
                                       data=data, timeout=self.timeout, verify=verify,
                                       proxies=proxies)
            except requests.exceptions.ConnectionError as exc:
                # A kept-alive connection the server had just closed: try once on a fresh one
                # (safe: push and pull are idempotent; enroll is not retried).
                if path.endswith("/enroll") or isinstance(exc, requests.exceptions.SSLError):
                    raise
                return session.request(method, url, headers=headers, params=params,
                                       data=data, timeout=self.timeout, verify=verify,
                                       proxies=proxies)

        try:
            resp = self._answer_of(send)
        except requests.exceptions.SSLError as exc:
            raise self._tls_refusal(exc) from exc
        except requests.exceptions.Timeout as exc:
            raise SyncError("sync.timeout", msg.TIMEOUT, detail=type(exc).__name__) from exc
        except requests.RequestException as exc:
            raise SyncError("sync.offline", msg.OFFLINE, detail=type(exc).__name__) from exc
        self.server_time = server_date(resp) or self.server_time
        return resp

    def _answer_of(self, send: Callable[[], requests.Response]) -> requests.Response:
        """*send*'s response, the request made on a thread of its own while this one waits
        (at most :data:`REQUEST_LIMIT_S`). Raises :class:`SyncStopped` as soon as
        :attr:`stopping` is set: the thread holding this client's database connection is
        never kept waiting for a server that accepted the connection and never answers."""
        if self.stopping.is_set():
            raise SyncStopped()
        answers: list[requests.Response] = []
        errors: list[BaseException] = []
        done = threading.Event()

        def run() -> None:
            try:
                answers.append(send())
            except BaseException as exc:  # noqa: BLE001 - raised again on the waiting thread
                errors.append(exc)
            finally:
                done.set()

        threading.Thread(target=run, name="thuvien-sync-request", daemon=True).start()
        limit = time.monotonic() + REQUEST_LIMIT_S
        while not done.wait(STOP_POLL_S):
            if self.stopping.is_set():
                raise SyncStopped()
            if time.monotonic() > limit:
                raise requests.exceptions.ReadTimeout(f"no answer in {REQUEST_LIMIT_S:.0f} s")
        if errors:
            raise errors[0]
        return answers[0]

    def _tls_refusal(self, exc: requests.exceptions.SSLError) -> SyncError:
        """The server's certificate refused, in words. A PC whose date is before the day the
        certificate starts ("not yet valid": a clock back in 2009), or wrong for sure by the
        clock guard, is told to set its date: the address and the CA file are not at fault."""
        try:
            verdict = ClockCheck(self.db).verdict()
            wrong = verdict.behind and verdict.wrong_for_sure
        except sqlite3.Error:  # the file locked just now: judge by OpenSSL's words alone
            wrong = False
        if wrong or NOT_YET_VALID in str(exc):
            return SyncError("sync.tls_clock", msg.TLS_CLOCK, now=shown_day(pc_clock()))
        return SyncError("sync.tls", msg.TLS, detail=type(exc).__name__)

    def _server_time_kept(self) -> dict[str, str]:
        """The server's date to keep in ``sync_state`` (nothing when it gave none)."""
        if self.server_time is None:
            return {}
        return {SERVER_TIME_KEY: self.server_time.isoformat()}

    def _token(self) -> str:
        token = self.tokens.load()
        if not token or not self.server_url or not self.library_code:
            raise SyncError("sync.not_enrolled", msg.NOT_ENROLLED, retry=False)
        return token

    @staticmethod
    def _json(resp: requests.Response) -> dict[str, Any]:
        if resp.status_code == 401:
            raise SyncError("sync.token_refused", msg.TOKEN_REFUSED, retry=False)
        if resp.status_code >= 500:
            raise SyncError("sync.server_error", msg.SERVER_ERROR, status=resp.status_code)
        try:
            data = resp.json()
        except ValueError as exc:
            raise SyncError("sync.bad_answer", msg.BAD_ANSWER,
                            detail=f"HTTP {resp.status_code}") from exc
        if not isinstance(data, dict):
            raise SyncError("sync.bad_answer", msg.BAD_ANSWER, detail="not an object")
        return data

    # -- enrollment -----------------------------------------------------------------------
    def enroll(self, url: str, code: str, ca_file: str | None = None) -> dict[str, Any]:
        """Exchange a one-time enrollment code for this library's token and keep it."""
        base = check_url(url)
        if ca_file is not None:
            state.put(self.db, ca_file=ca_file)
        try:
            resp = self._request("POST", f"{API_PREFIX}/enroll", base=base,
                                 body={"enrollment_code": code, "library_uuid": self.library_id})
        except SyncError as exc:
            if exc.code not in ("sync.offline", "sync.timeout"):
                raise
            # nothing retries an enrollment: say what to check instead of "will try again"
            raise SyncError("sync.enroll_offline", msg.ENROLL_OFFLINE, retry=False,
                            url=base) from exc
        if resp.status_code in (403, 409, 422):
            detail = resp.json().get("detail") if resp.headers.get("content-type", "").startswith(
                "application/json") else resp.text
            raise _enroll_refusal(resp.status_code, str(detail))
        data = self._json(resp)
        self.tokens.save(str(data["token"]))
        library = data["library"]
        state.put(self.db, server_url=base, library_code=library["code"],
                  library_name=library["name"], cursor="", **self._server_time_kept())
        if state.setting(self.db.conn, privacy.SECRET_SETTING) is None:
            state.put_setting(self.db, privacy.SECRET_SETTING, privacy.new_secret())
        return dict(library)

    # -- push -----------------------------------------------------------------------------
    def pending(self) -> int:
        """Outbox changes the server has not acknowledged."""
        return pending_changes(self.db.conn)

    def next_batch(self, acked: int) -> Batch | None:
        """The next batch after *acked* (privacy filter applied), or None when all is sent."""
        rows = self.db.conn.execute(
            "SELECT seq, entity, uuid, op, payload, at FROM changes WHERE seq > ? "
            "ORDER BY seq LIMIT ?", (acked, self.batch_size)).fetchall()
        if not rows:
            return None
        policy = str(state.setting(self.db.conn, privacy.SETTING, "none"))
        secret = state.setting(self.db.conn, privacy.SECRET_SETTING)
        if secret is None:
            secret = privacy.new_secret()
            state.put_setting(self.db, privacy.SECRET_SETTING, secret)
        return batch.build(acked, rows, policy, str(secret), self.db.conn)

    def push_target(self) -> PushTarget:
        """Where and how batches go (read from this library's database once per push)."""
        token = self._token()
        url = str(self.server_url) + push_path(quote(self.library_code or "", safe=""))
        env = self.session.merge_environment_settings(url, {}, None, self._verify(), None)
        return PushTarget(url, token, env["verify"], dict(env["proxies"]))

    def send_batch(self, acked: int, sending: Batch, target: PushTarget | None = None) -> int:
        """POST one batch; return the server's acknowledged sequence (no local write).

        Raises :class:`NumbersReused` when the server knows some of its numbers as other
        changes (this database was restored from a backup). With *target* given it does
        not touch the database (it may run on another thread).
        """
        target = target or self.push_target()
        resp = self._request("POST", "", base=target.url, token=target.token,
                             raw=sending.body(self.library_id), verify=target.verify,
                             proxies=target.proxies)
        if resp.status_code == 409:
            data = self._json(resp)
            if "reused_seq" in data and "acked_seq" in data:
                raise NumbersReused(int(data["acked_seq"]), int(data["reused_seq"]))
            if "acked_seq" in data:
                return int(data["acked_seq"])
            raise SyncError("sync.wrong_database", msg.WRONG_DATABASE, retry=False)
        if resp.status_code == 403:
            raise SyncError("sync.token_refused", msg.TOKEN_REFUSED, retry=False)
        data = self._json(resp)
        if resp.status_code != 200 or "acked_seq" not in data:
            raise SyncError("sync.bad_answer", msg.BAD_ANSWER, detail=f"HTTP {resp.status_code}")
        return int(data["acked_seq"])

    def push(self) -> tuple[int, int]:
        """Push the whole outbox in order, batch by batch; return ``(changes sent, acked)``.

        While the server works on one batch, the next one is read and encoded here (it
        usually starts where the sent one ends), so the two sides work at the same time.
        """
        acked = state.acked_seq(self.db.conn)
        sent = 0
        sending = self.next_batch(acked)
        target = self.push_target() if sending is not None else None
        with ThreadPoolExecutor(1, thread_name_prefix="thuvien-push") as network:
            while sending is not None:
                answer_of = network.submit(self.send_batch, acked, sending, target)
                upcoming = self.next_batch(sending.to_seq)
                try:
                    answer = answer_of.result()
                except NumbersReused as reused:
                    done = renumber_from(self.db, reused.seq, reused.acked_seq, acked)
                    self.renumbered += done.count
                    acked = state.acked_seq(self.db.conn)
                    sending = self.next_batch(acked)
                    continue
                if answer < acked:  # the server lost data (restored from a backup): resend
                    new_acked = answer
                else:
                    # Never past this batch: numbers beyond it are checked when they are sent
                    # (the server may know them as other changes, after a restore here).
                    new_acked = min(answer, sending.to_seq)
                    sent += len(sending.changes)
                    self.withheld += len(sending.withheld)
                state.set_acked_seq(self.db, new_acked)
                if new_acked == acked:
                    raise SyncError("sync.bad_answer", msg.BAD_ANSWER, detail="no progress")
                sending = upcoming if new_acked == sending.to_seq else self.next_batch(new_acked)
                acked = new_acked
        return sent, acked

    # -- pull -----------------------------------------------------------------------------
    def pull(self) -> int:
        """Fetch union-catalog changes after the stored cursor into the local cache."""
        token = self._token()
        cursor = str(state.get(self.db.conn, "cursor", ""))
        pulled = 0
        while True:
            data = self._json(self._request("GET", f"{API_PREFIX}/union/changes", token=token,
                                            params={"cursor": cursor,
                                                    "limit": self.page_size}))
            records = data.get("records")
            if not isinstance(records, list):
                raise SyncError("sync.bad_answer", msg.BAD_ANSWER, detail="records")
            with self.db.transaction() as conn:
                union_cache.store_page(conn, records)
                conn.execute("INSERT INTO sync_state(key, value) VALUES ('cursor', ?) "
                             "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                             (json.dumps(str(data.get("next_cursor", cursor))),))
            pulled += len(records)
            cursor = str(data.get("next_cursor", cursor))
            if not data.get("more") or not records:
                return pulled

    # -- both -----------------------------------------------------------------------------
    def sync_now(self) -> SyncReport:
        """Push then pull; remember the outcome (time, or the error in words) for the UI."""
        with self._lock:
            self.renumbered = self.withheld = 0
            state.put(self.db, last_attempt_at=utc_now())
            try:
                pushed, acked = self.push()
                pulled = self.pull()
            except SyncError as exc:
                state.put(self.db, last_error_code=exc.code,
                          last_error_params=json.dumps(exc.params, default=str),
                          last_error_at=utc_now(), **self._server_time_kept())
                raise
            state.put(self.db, last_sync_at=utc_now(), last_error_code=None,
                      last_error_params=None, last_error_at=None, **self._server_time_kept())
            return SyncReport(pushed, acked, pulled, self.renumbered, self.withheld)

    def close(self) -> None:
        """Close the connection and the HTTP session."""
        self.session.close()
        self.push_session.close()
        self.db.close()


def server_date(resp: requests.Response) -> datetime | None:
    """The server's clock when it answered: its ``Date`` header (None when absent or not a
    date).

    >>> answer = requests.Response()
    >>> answer.headers["Date"] = "Sun, 22 Nov 2026 07:30:00 GMT"
    >>> server_date(answer).isoformat()
    '2026-11-22T07:30:00+00:00'
    """
    value = resp.headers.get("Date")
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else None


_ALREADY_AS = re.compile(r"already enrolled as library (\S+)")


def _enroll_refusal(status: int, detail: str) -> SyncError:
    """The server's refusal of an enrollment in the user's words (the server answers in
    English for logs and scripts); an unknown refusal keeps the server's text."""
    if status == 403:
        return SyncError("sync.enroll_code_invalid", msg.ENROLL_CODE_INVALID, retry=False)
    if status == 409 and "another database" in detail:
        return SyncError("sync.enroll_other_database", msg.ENROLL_OTHER_DATABASE, retry=False)
    already = _ALREADY_AS.search(detail) if status == 409 else None
    if already is not None:
        return SyncError("sync.enroll_other_library", msg.ENROLL_OTHER_LIBRARY, retry=False,
                         library=already[1])
    return SyncError("sync.enroll_refused", msg.ENROLL_REFUSED, retry=False, detail=detail[:200])
