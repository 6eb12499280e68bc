"""the union catalog is searchable: union_records.search, union_words and their indexes

``search`` holds the folded words of a union record's title and authors ("title|authors",
server.union.search_text), written by the applier with the record. The district's catalog
search (server.catalog_search: ``thuvien-district search``, the web page) finds:

- words (every query word a word prefix): on PostgreSQL through a GIN index on
  ``to_tsvector('simple', search)`` (built in, no extension: the text is folded already,
  and the 'simple' configuration only lower-cases; a query word becomes ``word:*``); on
  SQLite through ``union_words`` (word, union record), a word prefix being a range of its
  primary key (an FTS5 table would do too, but its shadow tables are not in the models);
- titles by their beginning (the best hits of a broad query): an index on the part of
  ``search`` before "|" (in the "C" collation on PostgreSQL, whatever the database's).

Existing union records are filled here from their stored fields.

Revision ID: 0008
Revises: 0007
"""
import json

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

CHUNK = 5000

_PG_FILL = sa.text("UPDATE union_records AS u SET search = v.search "
                   "FROM unnest(CAST(:ids AS integer[]), CAST(:texts AS text[])) "
                   "AS v(id, search) WHERE u.id = v.id")


def _backfill(bind: sa.Connection) -> int:
    """Fill ``search`` (and union_words on SQLite) of the existing union records; how many."""
    from server.union import MAX_WORD, search_text

    last, done = 0, 0
    while True:
        rows = bind.execute(sa.text("SELECT id, fields FROM union_records WHERE id > :last "
                                    "ORDER BY id LIMIT :n"), {"last": last, "n": CHUNK}).all()
        if not rows:
            return done
        done += len(rows)
        values = []
        for uid, fields in rows:
            try:
                parsed = json.loads(fields)
            except ValueError:
                parsed = {}
            values.append((int(uid), search_text(parsed if isinstance(parsed, dict) else {})))
        if bind.dialect.name == "postgresql":
            bind.execute(_PG_FILL, {"ids": [v[0] for v in values],
                                    "texts": [v[1] for v in values]})
        else:
            bind.execute(sa.text("UPDATE union_records SET search = :search WHERE id = :id"),
                         [{"id": uid, "search": text} for uid, text in values])
            words = [{"w": w, "id": uid} for uid, text in values
                     for w in sorted({w[:MAX_WORD] for w in text.replace("|", " ").split()})]
            if words:
                bind.execute(sa.text("INSERT OR IGNORE INTO union_words (word, union_id) "
                                     "VALUES (:w, :id)"), words)
        last = values[-1][0]


def upgrade() -> None:
    bind = op.get_bind()
    op.add_column('union_records', sa.Column('search', sa.Text(), nullable=True))
    op.create_table('union_words',
                    sa.Column('word', sa.String(length=40), nullable=False),
                    sa.Column('union_id', sa.Integer(), nullable=False),
                    sa.PrimaryKeyConstraint('word', 'union_id'),
                    sqlite_with_rowid=False)
    op.create_index('union_words_union', 'union_words', ['union_id'], unique=False)
    filled = _backfill(bind)
    if bind.dialect.name == "postgresql":
        op.execute("CREATE INDEX union_records_search ON union_records "
                   "USING gin (to_tsvector('simple'::regconfig, coalesce(search, '')))")
        op.execute("CREATE INDEX union_records_title ON union_records "
                   "((split_part(search, '|', 1)) COLLATE \"C\")")
        if filled:
            # Statistics for the new expressions. Never on an empty table: statistics
            # saying "empty" made the applier's plans scan union_records whole as it
            # grew (its PostgreSQL work 3-4x, until autovacuum analysed it again).
            op.execute("ANALYZE union_records")
    else:
        op.execute("CREATE INDEX union_records_title ON union_records "
                   "(substr(search, 1, instr(search, '|') - 1))")


def downgrade() -> None:
    # What is stored and not applied yet is applied now, while the code that applies it
    # (which writes the search column) still finds the column: 0007's downgrade would
    # otherwise apply it with that code after the column is gone.
    from server import applier

    bind = op.get_bind()
    for library_id in applier.waiting(bind):
        while applier.apply_library(bind, library_id, max_changes=10**9):
            pass
    if bind.dialect.name == "postgresql":
        op.execute("DROP INDEX union_records_search")
    op.execute("DROP INDEX union_records_title")
    op.drop_index('union_words_union', table_name='union_words')
    op.drop_table('union_words')
    op.execute("ALTER TABLE union_records DROP COLUMN search")
