"""union records know their year and are searched by their subjects and other words too

``union_records.year`` (indexed): the publication year the library sent, else the one its
MARC record gives (app.sync.union_text.union_year), so that ``year:2019`` alone lists that
year's books and narrows an ISBN. ``search`` becomes "title|author|subject|other|callno"
(server.union.search_text: what the desktop indexes of its own records), so a subject
word, a publisher or a series finds the record; title and authors still rank above them.

Existing union records are filled here from their stored fields (their ``fields.year`` too
when only their MARC record gave it; those records are marked changed in the union feed so
the libraries' caches pull the year).

Revision ID: 0009
Revises: 0008
"""
import json
from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

CHUNK = 2000

_PG_FILL = sa.text("UPDATE union_records AS u SET search = v.search, year = v.year, "
                   "fields = v.fields FROM unnest(CAST(:ids AS integer[]), "
                   "CAST(:texts AS text[]), CAST(:years AS integer[]), CAST(:fields AS text[])) "
                   "AS v(id, search, year, fields) WHERE u.id = v.id")
_SQLITE_FILL = sa.text("UPDATE union_records SET search = :search, year = :year, "
                       "fields = :fields WHERE id = :id")


def _rows(bind: sa.Connection, columns: str) -> Iterator[list[tuple[Any, ...]]]:
    """The union records' ids and *columns*, a chunk at a time (each read after the
    previous one was written back)."""
    last = 0
    while True:
        rows = bind.execute(sa.text(f"SELECT id, {columns} FROM union_records WHERE id > :last "
                                    "ORDER BY id LIMIT :n"), {"last": last, "n": CHUNK}).all()
        if not rows:
            return
        yield [tuple(row) for row in rows]
        last = int(rows[-1][0])


def _fill(bind: sa.Connection) -> int:
    """Write ``search`` and ``year`` (and union_words on SQLite) of the existing union
    records; how many."""
    from app.sync.union_text import union_year
    from server.union import bump, index_words, search_text, to_json

    done, changed = 0, set()
    for rows in _rows(bind, "fields"):
        values = []
        for uid, stored in rows:
            try:
                fields = json.loads(stored)
            except ValueError:
                fields = {}
            if not isinstance(fields, dict):
                fields = {}
            year = union_year(fields)
            if fields and fields.get("year") != year:
                fields["year"] = year
                stored = to_json(fields)
                changed.add(int(uid))
            values.append((int(uid), search_text(fields), year, stored))
        done += len(values)
        if bind.dialect.name == "postgresql":
            bind.execute(_PG_FILL, {"ids": [v[0] for v in values],
                                    "texts": [v[1] for v in values],
                                    "years": [v[2] for v in values],
                                    "fields": [v[3] for v in values]})
        else:
            bind.execute(_SQLITE_FILL, [{"id": u, "search": t, "year": y, "fields": f}
                                        for u, t, y, f in values])
            index_words(bind, {u: t for u, t, _, _ in values})
    bump(bind, changed)
    return done


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column('union_records', sa.Column('year', sa.Integer(), nullable=True))
    op.create_index('union_records_year', 'union_records', ['year'], unique=False)
    if _fill(bind) and bind.dialect.name == "postgresql":
        op.execute("ANALYZE union_records")  # never on an empty table (see 0008)


def downgrade() -> None:
    # Batches stored and not applied yet are applied while the code that applies them (which
    # writes the year column) still finds the column (as 0008's downgrade does).
    from server import applier
    from server.union import index_words

    bind = op.get_bind()
    for library_id in applier.waiting(bind):
        while applier.apply_library(bind, library_id, max_changes=10**9):
            pass
    for rows in _rows(bind, "search"):  # back to 0008's "title|authors"
        values: list[dict[str, Any]] = [
            {"id": int(uid), "search": "|".join((text or "|").split("|")[:2])}
            for uid, text in rows]
        bind.execute(sa.text("UPDATE union_records SET search = :search WHERE id = :id"),
                     values)
        index_words(bind, {v["id"]: v["search"] for v in values})
    op.drop_index('union_records_year', table_name='union_records')
    op.execute("ALTER TABLE union_records DROP COLUMN year")
