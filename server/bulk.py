"""Writing many rows with one statement: the hot path of a push.

SQLAlchemy's executemany builds the parameters of every row in Python and, on PostgreSQL,
sends one statement per row (psycopg's pipeline); for a batch of 1000 changes that was
most of the push. Here SQLite gets the driver's own executemany (a loop in C) and
PostgreSQL a single ``INSERT ... SELECT * FROM unnest(array, array, ...)``, so a batch
costs a handful of round trips whatever its size. Both take ``ON CONFLICT`` clauses, so an
upsert is one statement too. Table and column names come from :mod:`server.models`, never
from a request.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    ColumnElement,
    Connection,
    Integer,
    Table,
    any_,
    bindparam,
)

Row = Sequence[Any]


def _pg_array_type(table: Table, column: str) -> str:
    kind = table.c[column].type
    if isinstance(kind, Boolean):
        return "boolean[]"
    if isinstance(kind, (Integer, BigInteger)):
        return "bigint[]"
    return "text[]"


def _conflict(keys: Sequence[str] | None, update: Sequence[str] | None) -> str:
    if keys is None:
        return ""
    target = ", ".join(keys)
    if not update:
        return f" ON CONFLICT ({target}) DO NOTHING"
    sets = ", ".join(f"{name} = excluded.{name}" for name in update)
    return f" ON CONFLICT ({target}) DO UPDATE SET {sets}"


def insert_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Row], *,
                conflict: Sequence[str] | None = None, update: Sequence[str] | None = None,
                returning: Sequence[str] | None = None) -> list[Row]:
    """Insert *rows* (tuples in the order of *columns*) with one statement.

    ``conflict`` names the unique key for ``ON CONFLICT``: with ``update`` the existing row
    takes those columns of the new one, without it the new row is skipped. A key must not
    repeat within *rows*. ``returning`` columns come back, one tuple per inserted row
    (order not guaranteed).
    """
    if not rows:
        return []
    for name in (*columns, *(conflict or ()), *(update or ()), *(returning or ())):
        table.c[name]  # noqa: B018 - raises KeyError for a name not in the table
    names = ", ".join(columns)
    tail = _conflict(conflict, update)
    back = f" RETURNING {', '.join(returning)}" if returning else ""
    if conn.dialect.name == "postgresql" and conflict is None and not returning:
        _copy_rows(conn, table, columns, rows)
        return []
    if conn.dialect.name == "postgresql":
        arrays = ", ".join(f"%b::{_pg_array_type(table, c)}" for c in columns)
        sql = f"INSERT INTO {table.name} ({names}) SELECT * FROM unnest({arrays}){tail}{back}"
        params = tuple(list(column) for column in zip(*rows, strict=True))
        result = conn.exec_driver_sql(sql, params)
        return [tuple(r) for r in result.all()] if returning else []
    marks = ", ".join("?" for _ in columns)
    sql = f"INSERT INTO {table.name} ({names}) VALUES ({marks}){tail}"
    if returning:  # the sqlite3 driver cannot fetch RETURNING rows of an executemany
        out: list[Row] = []
        size = max(1, 30000 // len(columns))  # SQLite allows 32766 parameters
        for start in range(0, len(rows), size):
            part = rows[start:start + size]
            many = f"INSERT INTO {table.name} ({names}) VALUES " + ", ".join(
                f"({marks})" for _ in part) + tail + back
            out.extend(tuple(r) for r in conn.exec_driver_sql(
                many, tuple(v for row in part for v in row)))
        return out
    conn.exec_driver_sql(sql, [tuple(row) for row in rows])
    return []


def update_by_uuid(conn: Connection, table: Table, library_id: int, columns: Sequence[str],
                   rows: Sequence[Row]) -> None:
    """Set *columns* of one library's rows: *rows* are ``(uuid, *values)`` (one statement)."""
    if not rows:
        return
    for name in columns:
        table.c[name]  # noqa: B018 - raises KeyError for a name not in the table
    if conn.dialect.name == "postgresql":
        arrays = ", ".join(f"%b::{_pg_array_type(table, c)}" for c in ("uuid", *columns))
        sets = ", ".join(f"{name} = v.{name}" for name in columns)
        sql = (f"UPDATE {table.name} AS t SET {sets} FROM unnest({arrays}) "
               f"AS v(uuid, {', '.join(columns)}) WHERE t.library_id = %s AND t.uuid = v.uuid")
        conn.exec_driver_sql(sql, (*(list(c) for c in zip(*rows, strict=True)), library_id))
        return
    sets = ", ".join(f"{name} = ?" for name in columns)
    sql = f"UPDATE {table.name} SET {sets} WHERE library_id = ? AND uuid = ?"
    conn.exec_driver_sql(sql, [(*row[1:], library_id, row[0]) for row in rows])


def _copy_rows(conn: Connection, table: Table, columns: Sequence[str], rows: Sequence[Row]
               ) -> None:
    """PostgreSQL ``COPY ... FROM STDIN``: plain inserts at half the cost of ``unnest``."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def among(conn: Connection, column: ColumnElement[Any], values: Sequence[Any]
          ) -> ColumnElement[bool]:
    """``column IN (values)``; on PostgreSQL ``column = ANY(array)``: one parameter whatever
    the count, so the statement text (and its plan) stays the same from batch to batch."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    return column.in_(list(values))


def by_uuid(conn: Connection, table: Table, library_id: int, uuids: Sequence[str],
            columns: Sequence[str]) -> list[Row]:
    """``(uuid, *columns)`` of the rows of one library among *uuids*.

    On PostgreSQL one primary-key probe per value (``LATERAL ... LIMIT 1``) whatever the
    planner's statistics say: with ``uuid = ANY(...)`` a freshly filled table was read
    through another index and filtered, 100 times slower, and a plain join may become a hash
    join over all of the library's rows.
    """
    if not uuids:
        return []
    for name in columns:
        table.c[name]  # noqa: B018 - raises KeyError for a name not in the table
    wanted = ", ".join(f"t.{name}" for name in ("uuid", *columns))
    if conn.dialect.name == "postgresql":
        sql = (f"SELECT {wanted} FROM unnest(%b::text[]) AS v(uuid) JOIN LATERAL "
               f"(SELECT * FROM {table.name} t WHERE t.library_id = %s AND t.uuid = v.uuid "
               f"LIMIT 1) AS t ON true")
        return [tuple(r) for r in conn.exec_driver_sql(sql, (list(uuids), library_id)).all()]
    marks = ", ".join("?" for _ in uuids)
    sql = f"SELECT {wanted} FROM {table.name} t WHERE t.library_id = ? AND t.uuid IN ({marks})"
    return [tuple(r) for r in conn.exec_driver_sql(sql, (library_id, *uuids))]


@contextmanager
def unprepared(conn: Connection) -> Iterator[None]:
    """PostgreSQL: statements run in the block are planned for their own parameters each
    time. psycopg makes a prepared statement of a query from its sixth run on a connection,
    and PostgreSQL then keeps a generic plan made from the statistics of that moment until
    they change (``ANALYZE``): one made while a table was small may scan it whole forever."""
    driver: Any = conn.connection.driver_connection
    saved = driver.prepare_threshold
    driver.prepare_threshold = None
    try:
        yield
    finally:
        driver.prepare_threshold = saved
