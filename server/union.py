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

from sqlalchemy import Connection, and_, bindparam, case, delete, func, or_, select, update

from app.catalog.isbn import to_isbn13
from app.sync import union_text
from app.sync.protocol import RECORD_FIELDS, as_str_list, as_year, encode_cursor, title_key
from app.sync.union_text import search_parts_of, union_year
from server import bulk
from server.models import (
    lib_items,
    lib_records,
    libraries,
    union_clock,
    union_feed,
    union_isbns,
    union_records,
    union_words,
)
from server.security import utc_now

CHUNK = 500

#: ``json.dumps(value, ensure_ascii=False)`` with one encoder for all calls (with a keyword
#: argument ``json.dumps`` builds a new encoder every time; a push makes ~200 of these calls).
to_json = json.JSONEncoder(ensure_ascii=False).encode


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


def union_fields(fields: dict[str, Any], isbns: list[str] | None = None) -> dict[str, Any]:
    """The part of a library record the union catalog shows."""
    out = {name: fields.get(name) for name in RECORD_FIELDS}
    out["authors"] = as_str_list(fields.get("authors"))
    out["subjects"] = as_str_list(fields.get("subjects"))
    out["isbns"] = record_isbns(fields) if isbns is None else isbns
    out["year"] = union_year(fields)
    out["title"] = str(fields.get("title") or "")
    return out


def search_text(fields: dict[str, Any]) -> str:
    """The union record's ``search`` column: its folded title, authors, subjects, other words
    and class number (:func:`app.sync.union_text.search_parts_of`, what the desktop indexes
    of its own records) joined by ``|`` (folding never leaves one; see
    :mod:`server.catalog_search`).

    >>> search_text({"title": "Tiếng Việt 1 /", "authors": ["Bùi Mạnh Hùng", "Đỗ Thuỷ"],
    ...              "subjects": ["Ngữ văn"], "publisher": "Giáo dục"})
    'tieng viet 1|bui manh hung do thuy|ngu van|giao duc|'
    """
    return "|".join(search_parts_of(fields))


#: Longest word kept in union_words (a longer query word is cut the same way).
MAX_WORD = union_text.MAX_WORD


def index_words(conn: Connection, texts: dict[int, str | None], fresh: bool = False) -> None:
    """SQLite: make ``union_words`` hold the words of *texts* (union id → its ``search``
    text as now stored) for those union records, in place of the ones there (none there
    when *fresh*: new union records). PostgreSQL needs nothing: its index is on the
    column itself."""
    if conn.dialect.name != "sqlite" or not texts:
        return
    ids = sorted(texts)
    if not fresh:
        for part in chunks(ids):
            conn.execute(delete(union_words).where(union_words.c.union_id.in_(part)))
    rows = [(w, uid) for uid in ids
            for w in sorted({w[:MAX_WORD] for w in (texts[uid] or "").replace("|", " ").split()})]
    bulk.insert_rows(conn, union_words, ("word", "union_id"), rows,
                     conflict=("word", "union_id"))


def _stored_search(conn: Connection, union_ids: Iterable[int]) -> dict[int, str | None]:
    """The ``search`` text stored now for *union_ids*."""
    out: dict[int, str | None] = {}
    for part in chunks(sorted(union_ids)):
        out.update((int(uid), text) for uid, text in conn.execute(
            select(union_records.c.id, union_records.c.search)
            .where(union_records.c.id.in_(part))))
    return out


def key_of(fields: dict[str, Any]) -> str:
    """The title key of a pushed record (see :func:`app.sync.protocol.title_key`)."""
    return title_key(str(fields.get("title") or ""), as_str_list(fields.get("authors")),
                     as_year(fields.get("year")))[:600]


class Linker:
    """Links the records of one batch to union records, with lookups and writes in bulk.

    :meth:`link` decides in memory (new union records get temporary negative ids);
    :meth:`finish` writes them and returns the function that maps a temporary id to the
    real one.
    """

    def __init__(self, conn: Connection, library_id: int) -> None:
        self.conn = conn
        self.library_id = library_id
        self.isbn_owner: dict[str, int] = {}
        self.key_owner: dict[str, int] = {}
        self.info: dict[int, tuple[int | None, str | None, bool]] = {}
        self.pending: list[dict[str, Any]] = []
        self.claims: dict[str, int] = {}
        self.refresh: dict[int, dict[str, Any]] = {}
        self.touched: set[int] = set()
        self._meta: dict[int, tuple[list[str], str]] = {}
        self._now: str | None = None

    def meta(self, fields: dict[str, Any]) -> tuple[list[str], str]:
        """``(ISBN-13s, title key)`` of a record state, computed once per state."""
        found = self._meta.get(id(fields))
        if found is None:
            found = self._meta[id(fields)] = (record_isbns(fields), key_of(fields))
        return found

    def prefetch(self, states: Iterable[dict[str, Any]], current: Iterable[int]) -> None:
        """Load the union records owning the ISBNs / title keys of *states*, and *current*."""
        isbns: set[str] = set()
        keys: set[str] = set()
        for fields in states:
            found_isbns, found_key = self.meta(fields)
            isbns.update(found_isbns)
            keys.add(found_key)
        if self.conn.dialect.name == "postgresql":
            self._prefetch_pg(sorted(isbns), sorted(keys), sorted(set(current)))
            return
        for part in chunks(sorted(isbns)):
            for isbn, uid in self.conn.execute(
                    select(union_isbns.c.isbn, union_isbns.c.union_id)
                    .where(bulk.among(self.conn, union_isbns.c.isbn, part))):
                self.isbn_owner[isbn] = uid
        for part in chunks(sorted(keys)):
            for key, uid in self.conn.execute(
                    select(union_records.c.title_key, func.min(union_records.c.id))
                    .where(bulk.among(self.conn, union_records.c.title_key, part),
                           union_records.c.deleted.is_(False))
                    .group_by(union_records.c.title_key)):
                self.key_owner[key] = uid
        ids = sorted(set(self.isbn_owner.values()) | set(self.key_owner.values()) | set(current))
        for part in chunks(ids):
            for row in self.conn.execute(
                    select(union_records.c.id, union_records.c.source_library_id,
                           union_records.c.source_uuid, union_records.c.deleted)
                    .where(bulk.among(self.conn, union_records.c.id, part))):
                self.info[row.id] = (row.source_library_id, row.source_uuid, bool(row.deleted))

    def _prefetch_pg(self, isbns: list[str], keys: list[str], current: list[int]) -> None:
        # .all(): one fetch of the ~200 rows (iterating fetches them one by one, ~2x the CPU)
        for kind, name, uid, src_lib, src_uuid, deleted in self.conn.exec_driver_sql(
                _PREFETCH_PG, (isbns, keys, current)).all():
            if kind == "i":
                self.isbn_owner[name] = uid
            elif kind == "k":
                self.key_owner[name] = uid
            else:
                self.info[uid] = (src_lib, src_uuid, bool(deleted))

    def link(self, uuid: str, fields: dict[str, Any], current: int | None) -> int:
        """The union record (maybe a temporary id) the live library record *uuid* joins."""
        isbns, key = self.meta(fields)

        def values() -> dict[str, Any]:  # only for a new or refreshed union record
            shown = union_fields(fields, isbns)
            return {"title_key": key, "fields": to_json(shown),
                    "source_library_id": self.library_id, "source_uuid": uuid,
                    "deleted": False, "search": search_text(shown), "year": shown["year"]}

        chosen: int | None = None
        if current is not None and (any(self.isbn_owner.get(i) == current for i in isbns)
                                    or self.key_owner.get(key) == current):
            chosen = current
        if chosen is None:
            chosen = next((self.isbn_owner[i] for i in isbns if i in self.isbn_owner), None)
        if chosen is None and fields.get("title") and key in self.key_owner:
            chosen = self.key_owner[key]
        if chosen is None:
            if self._now is None:  # one time for the batch's new union records
                self._now = utc_now()
            self.pending.append({**values(), "updated_at": self._now})
            chosen = -len(self.pending)
        elif chosen > 0:
            src_lib, src_uuid, deleted = self.info.get(chosen, (None, None, True))
            if deleted or (src_lib, src_uuid) == (self.library_id, uuid):
                self.refresh[chosen] = values()
                self.info[chosen] = (self.library_id, uuid, False)
        for isbn in isbns:
            if isbn not in self.isbn_owner:
                self.isbn_owner[isbn] = chosen
                self.claims[isbn] = chosen
        self.key_owner.setdefault(key, chosen)
        self.touched.add(chosen)
        return chosen

    def finish(self) -> dict[int, int]:
        """Write new union records, ISBN claims and source refreshes; temporary → real ids."""
        real: dict[int, int] = {}
        if self.pending:
            temp_of = {p["source_uuid"]: -(n + 1) for n, p in enumerate(self.pending)}
            made = bulk.insert_rows(self.conn, union_records, NEW_UNION_COLUMNS,
                                    [tuple(p[c] for c in NEW_UNION_COLUMNS) for p in self.pending],
                                    returning=("id", "source_uuid"))
            real = {temp_of[str(source)]: int(uid) for uid, source in made}
        if self.claims:
            # Sorted: concurrent pushes claim shared ISBNs in one order, so they never deadlock.
            wanted = {isbn: real.get(u, u) for isbn, u in sorted(self.claims.items())}
            claimed = {str(isbn) for (isbn,) in bulk.insert_rows(
                self.conn, union_isbns, ("isbn", "union_id"), list(wanted.items()),
                conflict=("isbn",), returning=("isbn",))}
            # Another library may have claimed an ISBN at the same moment (PostgreSQL):
            # a union record made here for it joins that library's record instead. (Read in
            # a statement of its own: the insert's snapshot does not show that claim.)
            for part in chunks(sorted(set(wanted) - claimed)):
                for isbn, owner in self.conn.execute(
                        select(union_isbns.c.isbn, union_isbns.c.union_id)
                        .where(bulk.among(self.conn, union_isbns.c.isbn, part))):
                    temp = self.claims[isbn]
                    if owner != wanted[isbn] and temp < 0 and real.get(temp) != owner:
                        mine = real[temp]
                        real[temp] = owner
                        self.conn.execute(update(union_isbns).where(
                            union_isbns.c.union_id == mine).values(union_id=owner))
                        self.conn.execute(_DELETE_UNION, {"b_id": mine})
                        index_words(self.conn, {mine: None})
        if self.conn.dialect.name == "sqlite":  # SQLite's word index (see index_words)
            made_texts = {real[-(n + 1)]: p["search"] for n, p in enumerate(self.pending)
                          if -(n + 1) in real}
            index_words(self.conn, made_texts, fresh=True)
            if self.refresh:  # one writer: every refresh lands; only changed texts
                stored = _stored_search(self.conn, self.refresh)
                index_words(self.conn, {uid: v["search"] for uid, v in self.refresh.items()
                                        if stored.get(uid) != v["search"]})
        if self.refresh:
            _refresh(self.conn, self.library_id, self.refresh)
        self.touched = {real.get(u, u) for u in self.touched}
        return real


# One round trip for the three lookups of a prefetch. Each value is probed through its index:
# with ``= ANY(array)`` a table without fresh statistics was scanned whole and the array
# searched for every row (10 ms of PostgreSQL CPU per batch at 15 000 records), and a plain
# LATERAL subquery is pulled up into a join that the planner may run as a hash join over the
# whole table (2 ms per batch at 4 000 union records, growing with the district); the
# ``LIMIT`` keeps each subquery a probe.
_PREFETCH_PG = """
WITH i AS (
    SELECT v.isbn, o.union_id FROM unnest(%b::text[]) AS v(isbn)
    JOIN LATERAL (SELECT n.union_id FROM union_isbns n WHERE n.isbn = v.isbn LIMIT 1) AS o
    ON true),
k AS (
    SELECT v.title_key, o.id FROM unnest(%b::text[]) AS v(title_key)
    JOIN LATERAL (SELECT min(u.id) AS id FROM union_records u
                  WHERE u.title_key = v.title_key AND NOT u.deleted) AS o ON o.id IS NOT NULL),
ids AS (SELECT union_id AS id FROM i UNION SELECT id FROM k UNION SELECT unnest(%b::bigint[]))
SELECT 'i', isbn, union_id, NULL::integer, NULL::text, NULL::boolean FROM i
UNION ALL SELECT 'k', title_key, id, NULL, NULL, NULL FROM k
UNION ALL SELECT 'r', NULL, r.id, r.source_library_id, r.source_uuid, r.deleted FROM ids
JOIN LATERAL (SELECT u.id, u.source_library_id, u.source_uuid, u.deleted FROM union_records u
              WHERE u.id = ids.id LIMIT 1) AS r ON true
"""

NEW_UNION_COLUMNS = ("title_key", "fields", "source_library_id", "source_uuid", "deleted",
                     "updated_at", "search", "year")

_DELETE_UNION = delete(union_records).where(union_records.c.id == bindparam("b_id"))

# A refresh only lands when the union record is deleted or this library's record is still its
# source: another library may have taken it over since the prefetch. Planned for each run
# (bulk.unprepared): a generic plan made while union_records was small joined it by a
# sequential scan, and kept doing so (a library editing 40 records per batch: 0.9 ms of
# PostgreSQL per batch at 4 000 union records, 4.2 ms at 16 000).
_REFRESH_PG = """
UPDATE union_records AS u SET fields = v.fields, title_key = v.title_key,
       source_library_id = %s, source_uuid = v.uuid, deleted = false, search = v.search,
       year = v.year
FROM unnest(%b::bigint[], %b::text[], %b::text[], %b::text[], %b::text[], %b::integer[])
     AS v(id, fields, title_key, uuid, search, year)
WHERE u.id = v.id AND (u.deleted OR (u.source_library_id = %s AND u.source_uuid = v.uuid))
"""
_REFRESH_SQLITE = """
UPDATE union_records SET fields = ?, title_key = ?, source_library_id = ?, source_uuid = ?,
       deleted = 0, search = ?, year = ?
WHERE id = ? AND (deleted OR (source_library_id = ? AND source_uuid = ?))
"""


def _refresh(conn: Connection, library_id: int, refresh: dict[int, dict[str, Any]]) -> None:
    items = sorted(refresh.items())
    if conn.dialect.name == "postgresql":
        with bulk.unprepared(conn):
            conn.exec_driver_sql(_REFRESH_PG, (
                library_id, [uid for uid, _ in items], [v["fields"] for _, v in items],
                [v["title_key"] for _, v in items], [v["source_uuid"] for _, v in items],
                [v["search"] for _, v in items], [v["year"] for _, v in items], library_id))
    else:
        conn.exec_driver_sql(_REFRESH_SQLITE, [
            (v["fields"], v["title_key"], library_id, v["source_uuid"], v["search"], v["year"],
             uid, library_id, v["source_uuid"]) for uid, v in items])


def reconcile(conn: Connection, union_ids: Iterable[int]) -> None:
    """After records moved: give each union record a live source, or mark it deleted."""
    written: dict[int, str | None] = {}
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
            shown = union_fields(fields)
            written[uid] = search_text(shown)
            conn.execute(update(union_records).where(union_records.c.id == uid).values(
                source_library_id=member.library_id, source_uuid=member.uuid,
                fields=to_json(shown), search=written[uid], year=shown["year"],
                title_key=key_of(fields), deleted=False, updated_at=utc_now()))
    index_words(conn, written)


_BUMP_PG = """
WITH tick AS (UPDATE union_clock SET value = value + 1 WHERE id = 1 RETURNING value)
INSERT INTO union_feed (union_id, change_seq)
SELECT u.id, tick.value FROM unnest(%s::bigint[]) AS u(id), tick
ON CONFLICT (union_id) DO UPDATE SET change_seq = excluded.change_seq
"""


def bump(conn: Connection, union_ids: set[int]) -> None:
    """Mark *union_ids* changed: one tick of the union clock, taken last in the transaction."""
    ids = sorted(u for u in union_ids if u is not None)
    if not ids:
        return
    if conn.dialect.name == "postgresql":
        # One round trip; the ids go as one array literal (psycopg dumps list elements one
        # by one in Python).
        conn.exec_driver_sql(_BUMP_PG, ("{" + ",".join(str(int(u)) for u in ids) + "}",))
        return
    tick = int(conn.execute(update(union_clock).where(union_clock.c.id == 1)
                            .values(value=union_clock.c.value + 1)
                            .returning(union_clock.c.value)).scalar_one())
    bulk.insert_rows(conn, union_feed, ("union_id", "change_seq"), [(u, tick) for u in ids],
                     conflict=("union_id",), update=("change_seq",))


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
            .where(bulk.among(conn, lib_records.c.union_id, part),
                   lib_records.c.deleted.is_(False))
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
    feed = union_feed.c
    rows = conn.execute(
        select(union_records.c.id, feed.change_seq, union_records.c.deleted,
               union_records.c.fields)
        .select_from(union_feed.join(union_records, union_records.c.id == feed.union_id))
        .where(or_(feed.change_seq > seq, and_(feed.change_seq == seq, feed.union_id > uid)))
        .order_by(feed.change_seq, feed.union_id).limit(limit + 1)).all()
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
    r = conn.execute(select(union_records.c.id, union_records.c.deleted, union_records.c.fields,
                            func.coalesce(union_feed.c.change_seq, 0).label("change_seq"))
                     .select_from(union_records.outerjoin(
                         union_feed, union_feed.c.union_id == union_records.c.id))
                     .where(union_records.c.id == uid)).first()
    if r is None:
        return None
    return {"id": r.id, "deleted": bool(r.deleted), "cursor": encode_cursor(r.change_seq, r.id),
            "fields": json.loads(r.fields), "holdings": holdings(conn, [r.id])[r.id]}
