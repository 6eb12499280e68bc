"""The HTTP API (FastAPI). Build it with :func:`create_app`; run it with ``thuvien-district serve``.

Who may call what:

- ``POST /v1/enroll``: anyone holding a one-time enrollment code.
- ``/v1/libraries/{code}/...``: that library's token (push only) or a district admin token.
- ``/v1/union/...``: any library token or admin token (the shared union catalog).
- ``/v1/admin/...``: admin tokens only.
"""


import gc
import os
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from app.sync.protocol import DEFAULT_PAGE, MAX_PAGE, PROTOCOL_VERSION, decode_cursor
from server import applier, opac, push, registry, schemas, stats, union
from server.db import lookup, make_engine, read, write
from server.reuse import SeqReused
from server.settings import ServerSettings, load_settings

FAULT_POINTS = ("before_commit", "after_commit")
AUTH = HTTPBearer(auto_error=False)
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": schemas.ErrorOut, "description": "missing or unknown token"},
    403: {"model": schemas.ErrorOut, "description": "token not allowed here"},
    404: {"model": schemas.ErrorOut, "description": "not found"},
}


@dataclass(frozen=True)
class Caller:
    """Who is calling: a district admin, or one library (with its row)."""

    is_admin: bool
    library: Any = None


class Faults:
    """TEST ONLY: make the process die at a chosen point of the next push."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.armed: set[str] = set()

    def hit(self, point: str) -> None:
        """Die now (no cleanup, like a power cut) when *point* is armed."""
        if self.enabled and point in self.armed:
            os._exit(70)


def create_app(settings: ServerSettings | None = None, engine: Engine | None = None) -> FastAPI:
    """The district server application for *settings* (defaults: from the environment)."""
    settings = settings or load_settings()
    engine = engine or make_engine(settings)
    faults = Faults(settings.fault_hook)
    # Pushes beyond this many wait their turn instead of all running at once: dozens of
    # threads fighting over the GIL (and, on SQLite, polling its write lock) made every
    # batch slow. SQLite writes one at a time anyway.
    push_slots = threading.BoundedSemaphore(settings.push_concurrency
                                            or (1 if settings.is_sqlite else 4))
    running: list[Any] = []  # the applier, while the application runs (its lifespan)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if settings.applier == "process" and not getattr(sys, "frozen", False):
            running.append(applier.ApplierProcess(settings.database_url,
                                                  settings.applier_count))
        elif settings.applier != "off":  # "thread", or a frozen build (no python -m)
            running.append(applier.Applier(engine))
        for a in running:
            a.start()
        try:
            yield
        finally:
            for a in running:
                await run_in_threadpool(a.stop)
            running.clear()

    app = FastAPI(title="ThuVien district server", version=str(PROTOCOL_VERSION),
                  description="Union catalog and statistics for school and commune libraries.",
                  lifespan=lifespan)
    app.state.engine = engine
    app.state.settings = settings

    def caller(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(AUTH)]) -> Caller:
        if creds is None or not creds.credentials:
            raise HTTPException(401, "token required", headers={"WWW-Authenticate": "Bearer"})
        token = creds.credentials
        with lookup(engine) as conn:
            if token.startswith("tva_") and registry.is_admin_token(conn, token):
                return Caller(True)
            row = registry.library_for_token(conn, token) if token.startswith("tvl_") else None
        if row is None:
            raise HTTPException(401, "unknown token", headers={"WWW-Authenticate": "Bearer"})
        return Caller(False, row)

    def admin(who: Annotated[Caller, Depends(caller)]) -> Caller:
        if not who.is_admin:
            raise HTTPException(403, "district admin token required")
        return who

    def own_or_admin(code: str, who: Caller) -> Any:
        if not who.is_admin and who.library.code != code:
            raise HTTPException(403, "a library may only use its own data")
        with lookup(engine) as conn:
            row = registry.library_by_code(conn, code)
        if row is None:
            raise HTTPException(404, "no such library")
        return row

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        """The server answers; its protocol version."""
        return {"status": "ok", "protocol": PROTOCOL_VERSION}

    @app.post("/v1/enroll", response_model=schemas.EnrollOut,
              responses={403: ERRORS[403], 409: ERRORS[403]})
    def enroll(body: schemas.EnrollIn) -> dict[str, Any]:
        """Exchange a one-time enrollment code for the library's token."""
        try:
            with write(engine) as conn:
                token, lib = registry.enroll(conn, body.enrollment_code, body.library_uuid)
        except registry.RegistryError as exc:
            raise HTTPException(403 if exc.code == "enroll.invalid" else 409, str(exc)) from exc
        return {"token": token, "library": lib}

    @app.get("/v1/libraries/{code}", response_model=schemas.LibraryOut, responses=ERRORS)
    def library(code: str, who: Annotated[Caller, Depends(caller)]) -> dict[str, Any]:
        """A library's sync state (its own token or an admin's)."""
        return registry.public(own_or_admin(code, who))

    def push_now(code: str, raw: bytes, token: str) -> Any:
        """The push, in one transaction that starts by locking the caller's library row
        (found by its token: no separate token lookup, one connection per push)."""
        for attempt in range(4):
            try:
                with push_slots, write(engine) as conn:
                    lib = registry.lock_library_for_token(conn, token)
                    if lib is None and not (token.startswith("tva_")
                                            and registry.is_admin_token(conn, token)):
                        raise HTTPException(401, "unknown token",
                                            headers={"WWW-Authenticate": "Bearer"})
                    body, text = _push_body(raw)
                    if lib is None or lib.code != code:
                        raise HTTPException(403, "only the library itself may push its changes")
                    if body.library_uuid != lib.library_uuid:
                        raise HTTPException(409, "this token belongs to another library database")
                    # Plain dicts without model_dump(): it copied every payload again.
                    changes = [{"seq": c.seq, "entity": c.entity, "uuid": c.uuid, "op": c.op,
                                "payload": c.payload, "at": c.at, "digest": c.digest}
                               for c in body.changes]
                    withheld = [{"seq": w.seq, "digest": w.digest} for w in body.withheld]
                    result = push.store_batch(
                        conn, lib.id, body.from_seq, body.to_seq, changes,
                        withheld=withheld, idempotency=settings.idempotency, body=text,
                        before_commit=lambda: faults.hit("before_commit"),
                        locked=(int(lib.acked_seq), int(lib.digest_floor)))
                break
            except push.PushConflict as exc:
                return JSONResponse({"detail": "resume from acked_seq",
                                     "acked_seq": exc.acked_seq}, status_code=409)
            except SeqReused as exc:
                return JSONResponse({"detail": str(exc), "acked_seq": exc.acked_seq,
                                     "reused_seq": exc.seq}, status_code=409)
            except (push.BadBatch, push.Unstorable) as exc:
                raise HTTPException(422, str(exc)) from exc
            except (DataError, UnicodeError) as exc:  # e.g. a NUL character in a text
                raise HTTPException(422, "the batch holds a value the database cannot store: "
                                    + str(getattr(exc, "orig", exc)).split("\n")[0]) from exc
            except (IntegrityError, DBAPIError) as exc:  # concurrent union claims, deadlocks
                if attempt == 3 or not _retryable(exc):
                    raise
        faults.hit("after_commit")
        if result.applied:
            for a in running:
                a.wake()
        return {"acked_seq": result.acked_seq, "applied": result.applied}

    @app.post("/v1/libraries/{code}/push", response_model=schemas.PushOut,
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": schemas.PUSH_IN_SCHEMA}}},
                  "security": [{"HTTPBearer": []}]},
              responses={**ERRORS, 409: {
                  "model": schemas.ReusedOut,
                  "description": "resume from acked_seq; with reused_seq: the batch re-sends "
                                 "that sequence number with another change (renumber)"},
                  422: {"description": "malformed batch"}})
    async def push_batch(code: str, request: Request) -> Any:
        """Store a batch of outbox changes once; answer the highest sequence stored
        (``applied``: how many changes of this batch were new). The union catalog and
        statistics take them in shortly after (``applied_seq`` of the library)."""
        # The token is checked in the push's own transaction (its library row is locked
        # there anyway); the body is validated straight from its bytes (pydantic's JSON
        # parser, in the worker thread) and its text handed on: PostgreSQL reads the changes
        # from it.
        token = _bearer_token(request)
        raw = await request.body()
        return await run_in_threadpool(push_now, code, raw, token)

    @app.get("/v1/libraries/{code}/stats", response_model=schemas.MonthStats,
             responses={**ERRORS, 422: {"description": "bad month"}})
    def library_stats(code: str, who: Annotated[Caller, Depends(caller)],
                      month: Annotated[str, Query(pattern=r"^\d{4}-(0[1-9]|1[0-2])$")]
                      ) -> dict[str, Any]:
        """One month's statistics of a library (anonymised counts)."""
        row = own_or_admin(code, who)
        with read(engine) as conn:
            return {"library_code": code, **stats.month_stats(conn, row.id, month)}

    @app.get("/v1/union/changes", response_model=schemas.UnionPage,
             responses={**ERRORS, 422: {"description": "malformed cursor"}})
    def union_changes(who: Annotated[Caller, Depends(caller)],
                      cursor: Annotated[str, Query(max_length=40, pattern=r"^(\d+\.\d+)?$")] = "",
                      limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE
                      ) -> dict[str, Any]:
        """Union-catalog records changed after *cursor*, oldest first, with holdings."""
        try:
            after = decode_cursor(cursor)
        except ValueError as exc:
            raise HTTPException(422, str(exc)) from exc
        if who.library is not None and running and settings.pull_wait > 0:
            # A school pulls right after pushing: its own changes first reach the union
            # catalog (bounded: under a burst it gets them on its next pull).
            applier.wait_applied(engine, int(who.library.id), settings.pull_wait)
        with read(engine) as conn:
            records, next_cursor, more = union.changes_after(conn, after, limit)
        if who.library is not None:
            with write(engine) as conn:
                registry.touch_pull(conn, who.library.id)
        return {"records": records, "next_cursor": next_cursor, "more": more}

    @app.get("/v1/union/records/{union_id}", response_model=schemas.UnionRecordOut,
             responses=ERRORS)
    def union_record(union_id: int, who: Annotated[Caller, Depends(caller)]) -> dict[str, Any]:
        """One union-catalog record with its holdings."""
        with read(engine) as conn:
            found = union.union_record(conn, union_id) if 0 < union_id < 2**31 else None
        if found is None:
            raise HTTPException(404, "no such union record")
        return found

    @app.post("/v1/admin/libraries", response_model=schemas.EnrollmentOut,
              responses={**ERRORS, 409: {"description": "code exists"}})
    def add_library(body: schemas.LibraryIn, who: Annotated[Caller, Depends(admin)]
                    ) -> dict[str, Any]:
        """Register a library; the answer holds its one-time enrollment code."""
        try:
            with write(engine) as conn:
                lib, code, expires = registry.add_library(conn, hours=settings.enrollment_hours,
                                                          **body.model_dump())
        except registry.RegistryError as exc:
            raise HTTPException(409, str(exc)) from exc
        return {"code": lib["code"], "enrollment_code": code, "expires_at": expires}

    @app.get("/v1/admin/libraries", response_model=list[schemas.LibraryOut], responses=ERRORS)
    def libraries(who: Annotated[Caller, Depends(admin)]) -> list[dict[str, Any]]:
        """Every library with its last sync times."""
        with read(engine) as conn:
            return registry.list_libraries(conn)

    @app.post("/v1/admin/libraries/{code}/enrollment", response_model=schemas.EnrollmentOut,
              responses=ERRORS)
    def re_enroll(code: str, who: Annotated[Caller, Depends(admin)]) -> dict[str, Any]:
        """A new one-time enrollment code for a library (its old token stops working)."""
        try:
            with write(engine) as conn:
                enrollment, expires = registry.new_enrollment(conn, code,
                                                              settings.enrollment_hours)
        except registry.RegistryError as exc:
            raise HTTPException(404, str(exc)) from exc
        return {"code": code, "enrollment_code": enrollment, "expires_at": expires}

    if settings.opac:
        opac.install(app, engine)

    if settings.fault_hook:
        @app.post("/v1/_test/faults", include_in_schema=False)
        def arm_fault(request: Request, point: str) -> dict[str, Any]:
            """TEST ONLY: arm (or with ``point=none`` clear) a fault point."""
            if point == "none":
                faults.armed.clear()
            elif point in FAULT_POINTS:
                faults.armed.add(point)
            else:
                raise HTTPException(422, "unknown fault point")
            return {"armed": sorted(faults.armed)}

    return app


def _bearer_token(request: Request) -> str:
    """The request's bearer token (what ``HTTPBearer`` reads), or 401."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise HTTPException(401, "token required", headers={"WWW-Authenticate": "Bearer"})
    return token


def _push_body(raw: bytes) -> tuple[schemas.PushIn, str]:
    """The push body validated from its bytes, and its text; 422 when malformed."""
    try:
        return schemas.PushIn.model_validate_json(raw), raw.decode("utf-8")
    except ValidationError as exc:
        raise RequestValidationError([{**e, "loc": ("body", *e["loc"])} for e in exc.errors(
            include_url=False, include_input=False, include_context=False)]) from exc
    except UnicodeDecodeError as exc:
        raise HTTPException(422, "the body is not UTF-8") from exc


def _retryable(exc: Exception) -> bool:
    text = str(exc).lower()
    return isinstance(exc, IntegrityError) or "deadlock" in text or "serializ" in text \
        or "locked" in text or bool(getattr(exc, "connection_invalidated", False))


def tune_gc() -> None:
    """For a server process: collect cycles less often. A push allocates thousands of small
    objects (the batch's changes), freed by reference counting; with the default threshold
    of 700 the cycle collector ran a few times per push and re-scanned the whole heap now and
    then (about 1 ms per push). The objects alive after start-up (modules, the app) are
    frozen out of its scans."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory server.api:app_from_env`` (settings from the environment)."""
    app = create_app(load_settings())
    tune_gc()
    return app
