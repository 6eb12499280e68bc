"""A pushed batch: stored once (the push), applied later in order (the applier).

:func:`store_batch` is what the push does in its transaction: it locks the library's row
first, so two deliveries of the same batch (a retry racing the original) store it once; a
resent part is checked against the digests kept (:mod:`server.reuse`) before it is
acknowledged. :func:`apply_stored` is what :mod:`server.applier` does with stored batches:
the library's rows, the union catalog and holdings.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, select, update

from server import bulk, push_pg, received, reuse, union
from server.models import (
    lib_items,
    lib_loans,
    lib_patrons,
    lib_records,
    lib_visits,
    libraries,
    withheld_changes,
)
from server.security import utc_now


class PushConflict(Exception):
    """The batch starts after what the server has: the client must resume from ``acked_seq``."""

    def __init__(self, acked_seq: int) -> None:
        super().__init__(f"batch starts after acked_seq {acked_seq}")
        self.acked_seq = acked_seq


class BadBatch(ValueError):
    """The batch is malformed (sequence numbers out of its range or not increasing)."""


@dataclass(frozen=True)
class PushResult:
    """What the server answers."""

    acked_seq: int
    applied: int


def _check(from_seq: int, to_seq: int, changes: list[dict[str, Any]],
           withheld: list[dict[str, Any]]) -> None:
    if to_seq < from_seq:
        raise BadBatch("to_seq is before from_seq")
    for what, items in (("change", changes), ("withheld change", withheld)):
        prev = from_seq
        for item in items:
            if not prev < item["seq"] <= to_seq:
                raise BadBatch(f"{what} {item['seq']} is out of order or outside "
                               f"({from_seq}, {to_seq}]")
            prev = item["seq"]
    if withheld and {c["seq"] for c in changes} & {w["seq"] for w in withheld}:
        raise BadBatch("a sequence number is both sent and withheld")


def store_batch(conn: Connection, library_id: int, from_seq: int, to_seq: int,
                changes: list[dict[str, Any]], *, withheld: list[dict[str, Any]] | None = None,
                idempotency: bool = True, body: str | None = None,
                before_commit: Callable[[], None] | None = None,
                locked: tuple[int, int] | None = None) -> PushResult:
    """Store the changes of one batch not seen before and answer the acked sequence: what
    a school waits for. The library's rows and the union catalog are written afterwards by
    :mod:`server.applier` from the stored batch (the received log is its queue).

    *withheld* lists ``{"seq", "digest"}`` of the outbox rows in the range that the privacy
    filter kept at the school. *body* is the request's JSON text (stored as it is; without
    it a body is made of *changes*). Raises :class:`PushConflict` when the batch starts after
    what the server has, :class:`server.reuse.SeqReused` when it re-sends a number with
    another change, :class:`BadBatch` when it is malformed. *locked*: ``(acked_seq,
    digest_floor)`` of the library's row when the caller has already locked it in this
    transaction.

    >>> store_batch(conn, 1, 0, 2, [{"seq": 1, ...}, {"seq": 2, ...}])  # doctest: +SKIP
    PushResult(acked_seq=2, applied=2)
    """
    withheld = withheld or []
    _check(from_seq, to_seq, changes, withheld)
    if locked is None:
        lib = conn.execute(select(libraries.c.acked_seq, libraries.c.digest_floor)
                           .where(libraries.c.id == library_id).with_for_update()).one()
        locked = int(lib.acked_seq), int(lib.digest_floor)
    acked, floor = locked
    if idempotency:
        if from_seq > acked:
            raise PushConflict(acked)
        reuse.verify(conn, library_id, acked, floor, [
            *((c["seq"], c.get("digest")) for c in changes if c["seq"] <= acked),
            *((w["seq"], w["digest"]) for w in withheld if w["seq"] <= acked)])
        if to_seq <= acked:
            return PushResult(acked, 0)
        todo = [c for c in changes if c["seq"] > acked]
        kept = [w for w in withheld if w["seq"] > acked]
    else:  # test-only: shows the fault harness catches double application
        todo, kept = list(changes), list(withheld)
    if body is not None:
        refuse_unstorable(body, todo, nul=conn.dialect.name == "postgresql")
    now = utc_now()
    new_acked = max(acked, to_seq)
    if any(c.get("digest") is None for c in todo):
        floor = new_acked  # an older client: these numbers cannot be checked later
    conn.execute(update(libraries).where(libraries.c.id == library_id)
                 .values(acked_seq=new_acked, last_push_at=now, digest_floor=floor))
    if kept:
        bulk.insert_rows(conn, withheld_changes, ("library_id", "seq", "digest"),
                         [(library_id, w["seq"], w["digest"]) for w in kept],
                         conflict=("library_id", "seq"))
    if todo:
        # Without idempotency (tests only) every change of the batch is logged again.
        after = acked if idempotency else -1
        received.store(conn, library_id, after, to_seq, now,
                       received.body_of(todo) if body is None else body)
    if before_commit is not None:
        before_commit()
    return PushResult(new_acked, len(todo))


class Unstorable(ValueError):
    """A change holds a value the database cannot store: a number no double can hold
    (``1e400``, ``NaN``, ``Infinity``; pydantic's parser reads them as infinities), or on
    PostgreSQL a NUL character."""


def _finite(value: Any) -> bool:
    """False when *value* holds a float that is not finite (pydantic reads ``1e400``,
    ``NaN`` and ``Infinity`` as such), anywhere inside it."""
    kind = type(value)
    if kind is float:
        return math.isfinite(value)
    if kind is dict:
        return all(_finite(v) for v in value.values())
    if kind is list:
        return all(_finite(v) for v in value)
    return True


def refuse_unstorable(body: str, changes: list[dict[str, Any]], *, nul: bool) -> None:
    """Raise :class:`Unstorable` when a change of *body* holds what the applier could never
    apply, so that the push refuses it (422) instead of acknowledging it: a number that is
    not finite once read, and, when *nul* (PostgreSQL's jsonb), a NUL character. Numbers are
    checked on the parsed changes (0.3 ms for 200 changes; a regular expression over the
    body's text took 1.2 ms); NUL only when the text holds ``\\u0000``, how JSON writes it."""
    for c in changes:
        if not _finite(c["payload"]):
            raise Unstorable(f"change {c['seq']} holds a number it cannot store")
    if not (nul and "\\u0000" in body):
        return

    def has_nul(value: Any) -> bool:
        if isinstance(value, str):
            return "\x00" in value
        if isinstance(value, dict):
            return any(has_nul(k) or has_nul(v) for k, v in value.items())
        if isinstance(value, list):
            return any(has_nul(v) for v in value)
        return False

    for c in changes:
        if has_nul(c):
            raise Unstorable(f"change {c['seq']} holds a NUL character")


def apply_stored(conn: Connection, library_id: int,
                 batches: list[tuple[int, int, str]]) -> int:
    """Apply stored batches ``(after, to_seq, body)`` of one library, in order: the changes
    of each body numbered in ``(after, to_seq]`` (the ranges must not overlap). Writes the
    library's rows, links records to the union catalog, updates holdings and ticks the
    union clock once. Answers the number of changes applied. The caller holds the
    transaction and records how far the library is applied (:mod:`server.applier`)."""
    todo: list[dict[str, Any]] = []
    on_pg = conn.dialect.name == "postgresql"
    for after, to_seq, body in batches:
        for c in json.loads(body).get("changes") or ():
            if after < c["seq"] <= to_seq:
                if not on_pg:
                    c["text"] = union.to_json(c["payload"])
                todo.append(c)
    if not todo:
        return 0
    touched = _apply(conn, library_id, todo, batches if on_pg else None)
    union.bump(conn, touched)
    return len(todo)


def _fold(changes: list[dict[str, Any]], entity: str, existing: dict[str, dict[str, Any]]
          ) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """The state of each uuid after the batch's changes of *entity*, applied in order, and
    for the states that are exactly one change's payload, that payload's JSON text."""
    states: dict[str, dict[str, Any]] = {}
    texts: dict[str, str] = {}
    for c in changes:
        if c["entity"] != entity:
            continue
        uuid = c["uuid"]
        base = states.get(uuid)
        if base is None:
            base = existing.get(uuid, {})
        payload = c["payload"]
        merged = {**base, **payload, "uuid": uuid}
        if c["op"] == "delete":
            merged["deleted"] = True
        states[uuid] = merged
        texts.pop(uuid, None)
        # Same keys in the same order and equal values that all came from the payload: its
        # text is this state's JSON (``deleted`` checked apart: 1 == True).
        if ("text" in c and payload.get("deleted") is merged.get("deleted")
                and list(merged) == list(payload) and merged == payload):
            texts[uuid] = c["text"]
    return states, texts


def _json(state: dict[str, Any], text: str | None) -> str:
    return union.to_json(state) if text is None else text


def _existing(conn: Connection, table: Table, library_id: int, uuids: Iterable[str],
              *columns: str) -> dict[str, Any]:
    """The rows of *table* among *uuids* (``row.uuid``, ``row.<column>``), by uuid."""
    found: dict[str, Any] = {}
    for part in union.chunks(sorted(uuids)):
        for row in bulk.by_uuid(conn, table, library_id, part, columns):
            found[row[0]] = _Row(zip(("uuid", *columns), row, strict=True))
    return found


class _Row(dict[str, Any]):
    """A fetched row whose columns read as attributes."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def _upsert(conn: Connection, table: Table, library_id: int, rows: dict[str, dict[str, Any]],
            existing: set[str] | None = None) -> None:
    """Insert or replace the rows ``uuid -> values`` of one library. With the uuids that
    *existing* rows have (known from a lookup), new rows are plain inserts (PostgreSQL: COPY)
    and the others updates; without, one upsert statement."""
    if not rows:
        return
    names = list(next(iter(rows.values())))
    if existing is None:
        bulk.insert_rows(conn, table, ["library_id", "uuid", *names],
                         [(library_id, u, *(v[n] for n in names)) for u, v in rows.items()],
                         conflict=["library_id", "uuid"], update=names)
        return
    bulk.insert_rows(conn, table, ["library_id", "uuid", *names],
                     [(library_id, u, *(v[n] for n in names)) for u, v in rows.items()
                      if u not in existing])
    bulk.update_by_uuid(conn, table, library_id, names,
                        [(u, *(v[n] for n in names)) for u, v in rows.items() if u in existing])


def _deleted(state: dict[str, Any]) -> bool:
    return bool(state.get("deleted"))


def _text(value: Any, limit: int = 64) -> str | None:
    """A state's value for a text column: strings as they are, other values as JSON
    (as PostgreSQL's ``->>`` gives them, see :mod:`server.push_pg`), cut to *limit*."""
    if value is None:
        return None
    text = value if isinstance(value, str) else union.to_json(value)
    return text[:limit]


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and -2**31 < value < 2**31:
        return value
    if isinstance(value, str) and len(value) < 10:
        text = value.strip(" ")
        digits = text[1:] if text.startswith("-") else text
        if digits.isascii() and digits.isdigit():
            return int(text)
    return None


def _apply(conn: Connection, library_id: int, todo: list[dict[str, Any]],
           in_db: list[tuple[int, int, str]] | None) -> set[int]:
    """Apply *todo*; the union records whose holdings or links changed. With *in_db*, the
    stored batches ``(after, to_seq, body)`` *todo* comes from (PostgreSQL), Python links
    the records to the union catalog and the database stores records, copies and loans
    from the bodies' JSON (:mod:`server.push_pg`)."""
    entities = {c["entity"] for c in todo}
    touched: set[int] = set()
    linked: dict[str, int | None] = {}
    left: set[int] = set()
    if "record" in entities:
        touched |= _apply_records(conn, library_id, todo, linked, left, in_db is None)
    if in_db is not None:
        touched |= push_pg.apply(conn, library_id, in_db, linked)
        union.reconcile(conn, left)
    else:
        if "item" in entities:
            touched |= _apply_items(conn, library_id, todo)
        if "loan" in entities:
            _apply_simple(conn, library_id, todo, "loan", lib_loans, _loan_row)
    if "patron" in entities:
        _apply_simple(conn, library_id, todo, "patron", lib_patrons, _patron_row)
    if "visit" in entities:
        _apply_simple(conn, library_id, todo, "visit", lib_visits, _visit_row)
    return touched


def _apply_records(conn: Connection, library_id: int, todo: list[dict[str, Any]],
                   linked: dict[str, int | None], left: set[int], write: bool) -> set[int]:
    """Link the batch's records to the union catalog: *linked* gets each record's union
    record, *left* the union records some of them left. With *write* the records are stored
    and the union records they left reconciled here; else :mod:`server.push_pg` stores them
    from the batch's JSON and the caller reconciles afterwards."""
    uuids = list({c["uuid"] for c in todo if c["entity"] == "record"})
    old = _existing(conn, lib_records, library_id, uuids, "fields", "union_id")
    states, texts = _fold(todo, "record", {u: json.loads(r.fields) for u, r in old.items()})
    linker = union.Linker(conn, library_id)
    linker.prefetch((s for s in states.values() if not _deleted(s)),
                    (r.union_id for r in old.values() if r.union_id is not None))
    for uuid in sorted(states, key=lambda u: (linker.meta(states[u])[0][:1], u)):
        state = states[uuid]
        current = old[uuid].union_id if uuid in old else None
        target = None if _deleted(state) else linker.link(uuid, state, current)
        if current is not None and current != target:
            left.add(current)
        linked[uuid] = target
    real = linker.finish()
    for uuid, target in linked.items():
        if target is not None:
            linked[uuid] = real.get(target, target)
    if write:
        _upsert(conn, lib_records, library_id, {
            uuid: {"union_id": linked[uuid], "fields": _json(state, texts.get(uuid)),
                   "updated_at": _text(state.get("updated_at"), 40),
                   "deleted": _deleted(state)} for uuid, state in states.items()}, set(old))
        union.reconcile(conn, left)
    return linker.touched | left


def _item_row(state: dict[str, Any], text: str | None) -> dict[str, Any]:
    return {"record_uuid": _text(state.get("record_uuid")), "barcode": _text(state.get("barcode")),
            "collection": _text(state.get("collection"), 32),
            "item_type": _text(state.get("item_type"), 32),
            "status": _text(state.get("status"), 32),
            "acquired_on": _text(state.get("acquired_on"), 32),
            "fields": _json(state, text), "deleted": _deleted(state)}


def _apply_items(conn: Connection, library_id: int, todo: list[dict[str, Any]]) -> set[int]:
    uuids = list({c["uuid"] for c in todo if c["entity"] == "item"})
    old = _existing(conn, lib_items, library_id, uuids, "fields", "record_uuid")
    states, texts = _fold(todo, "item", {u: json.loads(r.fields) for u, r in old.items()})
    record_uuids = {str(s.get("record_uuid")) for s in states.values() if s.get("record_uuid")}
    record_uuids |= {r.record_uuid for r in old.values() if r.record_uuid}
    linked = _existing(conn, lib_records, library_id, list(record_uuids), "union_id")
    _upsert(conn, lib_items, library_id, {u: _item_row(s, texts.get(u))
                                          for u, s in states.items()}, set(old))
    return {r.union_id for r in linked.values() if r.union_id is not None}


def _loan_row(state: dict[str, Any]) -> dict[str, Any]:
    return {"item_uuid": _text(state.get("item_uuid")),
            "loaned_at": _text(state.get("loaned_at"), 40),
            "due_on": _text(state.get("due_on"), 32),
            "returned_at": _text(state.get("returned_at"), 40),
            "renewals": _int(state.get("renewals")),
            "patron_category": _text(state.get("patron_category"), 32),
            "patron_grade": _int(state.get("patron_grade")),
            "reader_key": _text(state.get("reader_key")),
            "patron_uuid": _text(state.get("patron_uuid")),
            "deleted": _deleted(state)}


def _patron_row(state: dict[str, Any]) -> dict[str, Any]:
    safe = {k: v for k, v in state.items() if k != "photo"}
    return {"fields": union.to_json(safe), "deleted": _deleted(state)}


def _visit_row(state: dict[str, Any]) -> dict[str, Any]:
    count = _int(state.get("count"))
    return {"day": _text(state.get("day") or state.get("at"), 32),
            "count": 1 if count is None else count,
            "patron_category": _text(state.get("patron_category"), 32),
            "deleted": _deleted(state)}


def _apply_simple(conn: Connection, library_id: int, todo: list[dict[str, Any]], entity: str,
                  table: Table, to_row: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    # Loans, patrons and visits arrive as full states; older fields are not needed.
    states, _ = _fold(todo, entity, {})
    _upsert(conn, table, library_id, {u: to_row(s) for u, s in states.items()})

