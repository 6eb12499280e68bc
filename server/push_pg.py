"""PostgreSQL: the per-change work of applying stored batches done by the database, from their JSON.

Records, copies and loans of one or more stored batches are written by one statement that
reads the batches' JSON text (the request bodies as the push stored them in the received
log, validated then by :mod:`server.schemas`);
Python no longer loops over those changes, serialises their payloads again or builds
parameter arrays for them (about half of a push's Python work before). Linking records to
the union catalog stays in Python (:mod:`server.push`: it needs the Vietnamese folding of
:mod:`app.text`), which hands the statement each record's union record; the statement
stores the records' merged states with them. The push itself only stores the body
(:mod:`server.push`, :mod:`server.applier`).

What the statements store matches :mod:`server.push` on SQLite: a row's state is the
stored state merged with each change's payload in sequence order, ``uuid`` set, and
``deleted`` true after a delete (``jsonb ||`` keeps the last value of a key);
columns are cut to their width, integers outside the column's range become NULL. Only
the text of a stored state differs (jsonb orders keys its own way). The received log keeps
the request body as sent, on both backends (:mod:`server.received`).
"""

from __future__ import annotations

from sqlalchemy import Connection

#: The changes of the stored batches, each body's numbered in its ``(after, to_seq]``,
#: parsed once (jsonb: a third of the cost of ``json_to_recordset`` on the same text).
#: The bodies come as one JSON array text joined in Python: a ``text[]`` parameter made
#: psycopg escape every quote of every body with a regular expression (80 ms of Python
#: for a batch of 200 changes).
_CHANGES = """
c AS MATERIALIZED (
    SELECT c.seq, c.entity, c.uuid, c.op, c.payload, c.at, c.digest
    FROM jsonb_array_elements(%(bodies)s::text::jsonb) WITH ORDINALITY AS b(body, n)
    JOIN unnest(%(afters)s::bigint[], %(tos)s::bigint[]) WITH ORDINALITY
         AS r(after_seq, to_seq, n) ON r.n = b.n
    CROSS JOIN LATERAL jsonb_to_recordset(b.body -> 'changes')
         AS c(seq bigint, entity text, uuid text, op text, payload jsonb, at text, digest text)
    WHERE c.seq > r.after_seq AND c.seq <= r.to_seq)"""


def _state(name: str, entity: str, old: str | None) -> str:
    """CTE *name* ``(uuid, state)``: each uuid's state after the batch's changes of *entity*,
    starting from the stored ``fields`` of the rows in the CTE *old* (when given).
    ``thuvien_jsonb_merge`` (migration 0004) is ``'{}' || a || b ...`` in order."""
    start = f"SELECT o.uuid, 0::bigint, o.fields::jsonb FROM {old} AS o UNION ALL " if old else ""
    return f"""
{name} AS (
    SELECT kv.uuid, thuvien_jsonb_merge(kv.v ORDER BY kv.seq) AS state FROM (
        {start}SELECT c.uuid, c.seq, c.payload || jsonb_build_object('uuid', c.uuid)
                      || CASE WHEN c.op = 'delete' THEN '{{"deleted": true}}'::jsonb
                              ELSE '{{}}'::jsonb END
        FROM c WHERE c.entity = '{entity}'
    ) AS kv(uuid, seq, v)
    GROUP BY kv.uuid)"""


def _text(key: str, width: int = 64) -> str:
    """A JSON value as text cut to *width* (strings as themselves, others as JSON)."""
    return f"left(s.state ->> '{key}', {width})"


def _int(key: str) -> str:
    """A JSON value as a 32-bit integer: booleans 0/1, whole numbers and digit strings in
    range; anything else NULL (like ``server.push._int``)."""
    v = f"(s.state -> '{key}')"
    return f"""(CASE jsonb_typeof({v})
        WHEN 'boolean' THEN ({v})::boolean::int
        WHEN 'number' THEN CASE WHEN ({v})::text ~ '^-?[0-9]{{1,10}}$'
                                 AND abs(({v})::text::numeric) < 2147483648
                            THEN ({v})::text::int END
        WHEN 'string' THEN CASE WHEN btrim({v} #>> '{{}}') ~ '^-?[0-9]{{1,9}}$'
                                 AND length({v} #>> '{{}}') < 10
                            THEN btrim({v} #>> '{{}}')::int END END)"""


#: Python's truth of the state's ``deleted`` value.
_DELETED = """(CASE jsonb_typeof(s.state -> 'deleted')
    WHEN 'boolean' THEN (s.state -> 'deleted')::boolean
    WHEN 'number' THEN (s.state -> 'deleted')::text::numeric <> 0
    WHEN 'string' THEN s.state -> 'deleted' <> '""'::jsonb
    WHEN 'array' THEN s.state -> 'deleted' <> '[]'::jsonb
    WHEN 'object' THEN s.state -> 'deleted' <> '{}'::jsonb
    ELSE false END)"""

_ITEM_COLUMNS = {"record_uuid": _text("record_uuid"), "barcode": _text("barcode"),
                 "collection": _text("collection", 32), "item_type": _text("item_type", 32),
                 "status": _text("status", 32), "acquired_on": _text("acquired_on", 32),
                 "fields": "s.state::text", "deleted": _DELETED}

_RECORD_COLUMNS = {"union_id": "linked.union_id", "fields": "s.state::text",
                   "updated_at": _text("updated_at", 40), "deleted": _DELETED}

_LOAN_COLUMNS = {"item_uuid": _text("item_uuid"), "loaned_at": _text("loaned_at", 40),
                 "due_on": _text("due_on", 32), "returned_at": _text("returned_at", 40),
                 "renewals": _int("renewals"), "patron_category": _text("patron_category", 32),
                 "patron_grade": _int("patron_grade"), "reader_key": _text("reader_key"),
                 "patron_uuid": _text("patron_uuid"), "deleted": _DELETED}


def _upsert(table: str, states: str, columns: dict[str, str], join: str = "") -> str:
    names = ", ".join(columns)
    values = ", ".join(columns.values()).replace("s.state", f"{states}.state")
    sets = ", ".join(f"{name} = excluded.{name}" for name in columns)
    return (f"INSERT INTO {table} (library_id, uuid, {names}) "
            f"SELECT %(lib)s, {states}.uuid, {values} FROM {states}{join} "
            f"ON CONFLICT (library_id, uuid) DO UPDATE SET {sets}")


# One statement: the JSON is parsed once. Rows are probed through their primary keys
# (LATERAL ... LIMIT 1 keeps the planner from scanning all of a library's rows instead).
# psycopg prepares it after 5 runs on a connection and PostgreSQL then keeps a generic plan
# made from the statistics of that moment: no other index may start with (library_id, uuid)'s
# first column and look as cheap on an empty table (migration 0006: a generic plan found
# copies through (library_id, record_uuid), reading all of a library's copies per copy).
# The answer: the union records whose holdings the copies changed (their records' before
# and after; a record of this batch is linked as ``linked`` says: the statement does not
# see its own writes to lib_records).
_APPLY = f"""
WITH {_CHANGES.strip()},
linked AS (
    SELECT * FROM unnest(%(rec_uuids)s::text[], %(rec_unions)s::bigint[]) AS l(uuid, union_id)),
rold AS (
    SELECT t.uuid, t.fields
    FROM (SELECT DISTINCT c.uuid FROM c WHERE c.entity = 'record') AS v
    JOIN LATERAL (SELECT r.uuid, r.fields FROM lib_records AS r
                  WHERE r.library_id = %(lib)s AND r.uuid = v.uuid LIMIT 1) AS t ON true),
{_state("records", "record", "rold").strip()},
records_written AS ({_upsert("lib_records", "records", _RECORD_COLUMNS,
                             " JOIN linked ON linked.uuid = records.uuid")}),
old AS (
    SELECT t.uuid, t.fields, t.record_uuid
    FROM (SELECT DISTINCT c.uuid FROM c WHERE c.entity = 'item') AS v
    JOIN LATERAL (SELECT i.uuid, i.fields, i.record_uuid FROM lib_items AS i
                  WHERE i.library_id = %(lib)s AND i.uuid = v.uuid LIMIT 1) AS t ON true),
{_state("items", "item", "old").strip()},
{_state("loans", "loan", None).strip()},
items_written AS ({_upsert("lib_items", "items", _ITEM_COLUMNS)}),
loans_written AS ({_upsert("lib_loans", "loans", _LOAN_COLUMNS)})
SELECT DISTINCT coalesce(l.union_id, r.union_id)
FROM (SELECT o.record_uuid FROM old AS o
      UNION SELECT {_text("record_uuid").replace("s.state", "items.state")} FROM items) AS x(u)
LEFT JOIN linked AS l ON l.uuid = x.u
LEFT JOIN LATERAL (SELECT lr.union_id FROM lib_records AS lr
                   WHERE l.uuid IS NULL AND lr.library_id = %(lib)s AND lr.uuid = x.u
                   LIMIT 1) AS r ON true
WHERE coalesce(l.union_id, r.union_id) IS NOT NULL
"""


def apply(conn: Connection, library_id: int, batches: list[tuple[int, int, str]],
          linked: dict[str, int | None]) -> set[int]:
    """Store the records of the stored *batches* ``(after, to_seq, body)`` (each linked to
    the union record *linked* names, None for none) and apply their copies and loans; the
    union records whose holdings changed. Runs after the records were linked (new union
    records exist)."""
    params = {"lib": library_id, "bodies": "[" + ",".join(b[2] for b in batches) + "]",
              "afters": [b[0] for b in batches], "tos": [b[1] for b in batches],
              "rec_uuids": list(linked), "rec_unions": list(linked.values())}
    return {int(uid) for (uid,) in conn.exec_driver_sql(_APPLY, params).all()}
