"""The union catalog: records merged across libraries, holdings, and the change feed.

A library record joins the union record that owns one of its ISBNs, else the one with the
same normalised title + first author + year (:func:`app.sync.protocol.title_key`), else a
new one. The union record shows the fields of one member (its *source*); when the source
leaves, another member takes over; with no member left the union record is deleted (and
stays in the feed so caches drop it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, and_, case, delete, func, insert, or_, select, update

from app.catalog.isbn import to_isbn13
from app.sync.protocol import RECORD_FIELDS, as_str_list, as_year, encode_cursor, title_key
from server.models import (
    lib_items,
    lib_records,
    libraries,
    union_clock,
    union_isbns,
    union_records,
)
from server.security import utc_now

CHUNK = 500


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    """*values* in slices of at most *size* (keeps IN lists short)."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def record_isbns(fields: dict[str, Any]) -> list[str]:
    """The valid ISBN-13s of a pushed record, in order, without repeats."""
    seen: dict[str, None] = {}
    for raw in as_str_list(fields.get("isbns")):
        isbn = to_isbn13(raw)
        if isbn:
            seen[isbn] = None
    return list(seen)


def union_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The part of a library record the union catalog shows."""
    out = {name: fields.get(name) for name in RECORD_FIELDS}
    out["authors"] = as_str_list(fields.get("authors"))
    out["subjects"] = as_str_list(fields.get("subjects"))
    out["isbns"] = record_isbns(fields)
    out["year"] = as_year(fields.get("year"))
    out["title"] = str(fields.get("title") or "")
    return out


def key_of(fields: dict[str, Any]) -> str:
    """The title key of a pushed record (see :func:`app.sync.protocol.title_key`)."""
    return title_key(str(fields.get("title") or ""), as_str_list(fields.get("authors")),
                     as_year(fields.get("year")))[:600]


class Linker:
    """Links the records of one batch to union records, with lookups done in bulk."""

    def __init__(self, conn: Connection, library_id: int) -> None:
        self.conn = conn
        self.library_id = library_id
        self.isbn_owner: dict[str, int] = {}
        self.key_owner: dict[str, int] = {}
        self.touched: set[int] = set()

    def prefetch(self, states: Iterable[dict[str, Any]]) -> None:
        """Load the union records that own the ISBNs / title keys of *states*."""
        isbns: set[str] = set()
        keys: set[str] = set()
        for fields in states:
            isbns.update(record_isbns(fields))
            keys.add(key_of(fields))
        for part in chunks(sorted(isbns)):
            for isbn, uid in self.conn.execute(
                    select(union_isbns.c.isbn, union_isbns.c.union_id)
                    .where(union_isbns.c.isbn.in_(part))):
                self.isbn_owner[isbn] = uid
        for part in chunks(sorted(keys)):
            for key, uid in self.conn.execute(
                    select(union_records.c.title_key, func.min(union_records.c.id))
                    .where(union_records.c.title_key.in_(part), union_records.c.deleted.is_(False))
                    .group_by(union_records.c.title_key)):
                self.key_owner[key] = uid

    def link(self, uuid: str, fields: dict[str, Any], current: int | None) -> int:
        """The union record the live library record *uuid* belongs to (created if needed)."""
        isbns = record_isbns(fields)
        key = key_of(fields)
        chosen: int | None = None
        if current is not None and (any(self.isbn_owner.get(i) == current for i in isbns)
                                    or self.key_owner.get(key) == current):
            chosen = current
        if chosen is None:
            chosen = next((self.isbn_owner[i] for i in isbns if i in self.isbn_owner), None)
        if chosen is None and fields.get("title") and key in self.key_owner:
            chosen = self.key_owner[key]
        if chosen is None:
            chosen = self._create(uuid, fields, key, isbns)
        else:
            self._claim(chosen, isbns)
            self._refresh_if_source(chosen, uuid, fields, key)
        self.key_owner.setdefault(key, chosen)
        self.touched.add(chosen)
        return chosen

    def _create(self, uuid: str, fields: dict[str, Any], key: str, isbns: list[str]) -> int:
        uid = int(self.conn.execute(insert(union_records).values(
            title_key=key, fields=json.dumps(union_fields(fields), ensure_ascii=False),
            source_library_id=self.library_id, source_uuid=uuid, change_seq=0,
            deleted=False, updated_at=utc_now()).returning(union_records.c.id)).scalar_one())
        owner = self._claim(uid, isbns)
        if owner != uid:
            # Another library claimed the ISBN concurrently: join its record instead.
            self.conn.execute(delete(union_records).where(union_records.c.id == uid))
            self._claim(owner, isbns)
            return owner
        return uid

    def _claim(self, uid: int, isbns: list[str]) -> int:
        """Give *uid* the ISBNs nobody owns; return the owner of the first ISBN (or uid)."""
        first_owner = uid
        for n, isbn in enumerate(isbns):
            owner = self.isbn_owner.get(isbn)
            if owner is None:
                inserted = self.conn.execute(
                    _insert_ignore(self.conn, union_isbns, isbn=isbn, union_id=uid)).rowcount
                if inserted:
                    owner = uid
                else:
                    owner = int(self.conn.execute(select(union_isbns.c.union_id).where(
                        union_isbns.c.isbn == isbn)).scalar_one())
                self.isbn_owner[isbn] = owner
            if n == 0:
                first_owner = owner
        return first_owner

    def _refresh_if_source(self, uid: int, uuid: str, fields: dict[str, Any], key: str) -> None:
        self.conn.execute(update(union_records).where(
            union_records.c.id == uid,
            or_(union_records.c.deleted.is_(True),
                and_(union_records.c.source_library_id == self.library_id,
                     union_records.c.source_uuid == uuid))).values(
            fields=json.dumps(union_fields(fields), ensure_ascii=False), title_key=key,
            source_library_id=self.library_id, source_uuid=uuid, deleted=False))


def _insert_ignore(conn: Connection, table: Any, **values: Any) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).values(**values).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).values(**values).on_conflict_do_nothing()


def reconcile(conn: Connection, union_ids: Iterable[int]) -> None:
    """After records moved: give each union record a live source, or mark it deleted."""
    for uid in sorted(union_ids):
        row = conn.execute(select(union_records.c.source_library_id, union_records.c.source_uuid)
                           .where(union_records.c.id == uid)).first()
        if row is None:
            continue
        source_live = conn.execute(select(lib_records.c.uuid).where(
            lib_records.c.library_id == row.source_library_id,
            lib_records.c.uuid == row.source_uuid, lib_records.c.union_id == uid,
            lib_records.c.deleted.is_(False))).first()
        if source_live is not None:
            continue
        member = conn.execute(select(lib_records.c.library_id, lib_records.c.uuid,
                                     lib_records.c.fields)
                              .where(lib_records.c.union_id == uid,
                                     lib_records.c.deleted.is_(False))
                              .order_by(lib_records.c.library_id, lib_records.c.uuid)
                              .limit(1)).first()
        if member is None:
            conn.execute(update(union_records).where(union_records.c.id == uid)
                         .values(deleted=True, updated_at=utc_now()))
        else:
            fields = json.loads(member.fields)
            conn.execute(update(union_records).where(union_records.c.id == uid).values(
                source_library_id=member.library_id, source_uuid=member.uuid,
                fields=json.dumps(union_fields(fields), ensure_ascii=False),
                title_key=key_of(fields), deleted=False, updated_at=utc_now()))


def bump(conn: Connection, union_ids: set[int]) -> None:
    """Mark *union_ids* changed: one tick of the union clock, taken last in the transaction."""
    ids = sorted(u for u in union_ids if u is not None)
    if not ids:
        return
    tick = int(conn.execute(update(union_clock).where(union_clock.c.id == 1)
                            .values(value=union_clock.c.value + 1)
                            .returning(union_clock.c.value)).scalar_one())
    now = utc_now()
    for part in chunks(ids):
        conn.execute(update(union_records).where(union_records.c.id.in_(part))
                     .values(change_seq=tick, updated_at=now))


def holdings(conn: Connection, union_ids: Sequence[int]) -> dict[int, list[dict[str, Any]]]:
    """Per union record, each library's copy count and how many are available."""
    out: dict[int, list[dict[str, Any]]] = {u: [] for u in union_ids}
    counted = lib_items.c.status.not_in(("withdrawn", "lost"))
    for part in chunks(list(union_ids)):
        rows = conn.execute(
            select(lib_records.c.union_id, libraries.c.code, libraries.c.name,
                   func.count(lib_items.c.uuid),
                   func.coalesce(func.sum(case((lib_items.c.status == "available", 1),
                                               else_=0)), 0))
            .select_from(lib_records)
            .join(libraries, libraries.c.id == lib_records.c.library_id)
            .join(lib_items, and_(lib_items.c.library_id == lib_records.c.library_id,
                                  lib_items.c.record_uuid == lib_records.c.uuid,
                                  lib_items.c.deleted.is_(False), counted), isouter=True)
            .where(lib_records.c.union_id.in_(part), lib_records.c.deleted.is_(False))
            .group_by(lib_records.c.union_id, libraries.c.code, libraries.c.name)
            .order_by(libraries.c.code))
        for uid, code, name, total, available in rows:
            out[uid].append({"library_code": code, "library_name": name, "total": int(total),
                             "available": int(available)})
    return out


def changes_after(conn: Connection, after: tuple[int, int], limit: int) -> tuple[
        list[dict[str, Any]], str, bool]:
    """Union records changed after the cursor position *after*, oldest first.

    Returns ``(records, next_cursor, more)``.
    """
    seq, uid = after
    rows = conn.execute(
        select(union_records.c.id, union_records.c.change_seq, union_records.c.deleted,
               union_records.c.fields)
        .where(or_(union_records.c.change_seq > seq,
                   and_(union_records.c.change_seq == seq, union_records.c.id > uid)))
        .order_by(union_records.c.change_seq, union_records.c.id).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    held = holdings(conn, [r.id for r in rows if not r.deleted])
    records = [{"id": r.id, "deleted": bool(r.deleted),
                "cursor": encode_cursor(r.change_seq, r.id),
                "fields": json.loads(r.fields), "holdings": held.get(r.id, [])} for r in rows]
    next_cursor = records[-1]["cursor"] if records else encode_cursor(seq, uid)
    return records, next_cursor, more


def union_record(conn: Connection, uid: int) -> dict[str, Any] | None:
    """One union record with its holdings, or None."""
    r = conn.execute(select(union_records).where(union_records.c.id == uid)).first()
    if r is None:
        return None
    return {"id": r.id, "deleted": bool(r.deleted), "cursor": encode_cursor(r.change_seq, r.id),
            "fields": json.loads(r.fields), "holdings": holdings(conn, [r.id])[r.id]}
