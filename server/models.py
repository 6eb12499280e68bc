"""The district database schema (SQLAlchemy Core). Alembic migrations create it.

JSON values are stored as text so that SQLite and PostgreSQL behave the same.
A library's own rows are keyed by ``(library_id, uuid)``; nothing keyed by a library is
ever read or written for another library.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

libraries = Table(
    "libraries", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(32), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("type", String(16), nullable=False),
    Column("commune", String(200)),
    Column("district", String(200)),
    Column("library_uuid", String(64), unique=True),
    Column("token_hash", String(64), unique=True),
    Column("enroll_code_hash", String(64), unique=True),
    Column("enroll_expires_at", String(32)),
    Column("created_at", String(32), nullable=False),
    Column("enrolled_at", String(32)),
    Column("last_push_at", String(32)),
    Column("last_pull_at", String(32)),
    Column("acked_seq", BigInteger, nullable=False, server_default="0"),
    # Sequences up to here were acknowledged without digests (before migration 0003, or from
    # a client that sent none): a resend of them cannot be checked for reused numbers.
    Column("digest_floor", BigInteger, nullable=False, server_default="0"),
)

admin_tokens = Table(
    "admin_tokens", metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("label", String(200), nullable=False),
    Column("created_at", String(32), nullable=False),
)

# Every change a library pushed, as received (the audit log): one row per stored batch, its
# request body as the library sent it. The row logs the body's changes numbered after
# ``after_seq`` (a resent part was logged before); ``server.received`` reads them back,
# with each change's digest (app.sync.protocol.change_digest of the outbox row), which tells
# a resend of a change from a different change that reuses its sequence number (a library
# restored from a backup). One row and one index entry per batch instead of one per change
# (migration 0005): a third of PostgreSQL's work on a batch was the per-change rows.
received_batches = Table(
    "received_batches", metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True,
           autoincrement=True),
    Column("library_id", Integer, ForeignKey("libraries.id"), nullable=False),
    Column("after_seq", BigInteger, nullable=False),
    Column("to_seq", BigInteger, nullable=False),
    Column("received_at", String(32), nullable=False),
    Column("body", Text, nullable=False),
    Index("received_batches_library_seq", "library_id", "to_seq"),
)

# Outbox rows the privacy filter kept at the school: only their sequence number and digest,
# so that a reused number is noticed there too.
withheld_changes = Table(
    "withheld_changes", metadata,
    Column("library_id", Integer, ForeignKey("libraries.id"), primary_key=True),
    Column("seq", BigInteger, primary_key=True),
    Column("digest", String(64), nullable=False),
)

# How far each library's received batches have been applied (server.applier): the push
# only stores a batch in received_batches and acknowledges it; the applier writes the
# library's rows, the union catalog and holdings from the batches numbered above
# ``applied_seq``, in order, and moves it in the same transaction. Apart from ``libraries``
# so that applying never waits for (or holds up) a push's lock on the library's row.
apply_positions = Table(
    "apply_positions", metadata,
    Column("library_id", Integer, ForeignKey("libraries.id"), primary_key=True),
    Column("applied_seq", BigInteger, nullable=False, server_default="0"),
    Column("applied_at", String(32)),
    # The last failure to apply the next batch (the applier retries it), None when fine.
    Column("last_error", Text),
)

lib_records = Table(
    "lib_records", metadata,
    Column("library_id", Integer, ForeignKey("libraries.id"), primary_key=True),
    Column("uuid", String(64), primary_key=True),
    Column("union_id", Integer, ForeignKey("union_records.id")),
    Column("fields", Text, nullable=False),
    Column("updated_at", String(40)),
    Column("deleted", Boolean, nullable=False, server_default="0"),
    Index("lib_records_union", "union_id"),
)

lib_items = Table(
    "lib_items", metadata,
    Column("library_id", Integer, ForeignKey("libraries.id"), primary_key=True),
    Column("uuid", String(64), primary_key=True),
    Column("record_uuid", String(64)),
    Column("barcode", String(64)),
    Column("collection", String(32)),
    Column("item_type", String(32)),
    Column("status", String(32)),
    Column("acquired_on", String(32)),
    Column("fields", Text, nullable=False),
    Column("deleted", Boolean, nullable=False, server_default="0"),
    # Led by record_uuid: an index led by library_id looked as good as the primary key to a
    # plan made on empty tables, which then read all of a library's copies (migration 0006).
    Index("lib_items_record", "record_uuid", "library_id"),
)

# Anonymised loan events: no patron, only its category/grade and a per-month reader key.
lib_loans = Table(
    "lib_loans", metadata,
    Column("library_id", Integer, ForeignKey("libraries.id"), primary_key=True),
    Column("uuid", String(64), primary_key=True),
    Column("item_uuid", String(64)),
    Column("loaned_at", String(40)),
    Column("due_on", String(32)),
    Column("returned_at", String(40)),
    Column("renewals", Integer),
    Column("patron_category", String(32)),
    Column("patron_grade", Integer),
    Column("reader_key", String(64)),
    Column("patron_uuid", String(64)),
    Column("deleted", Boolean, nullable=False, server_default="0"),
    Index("lib_loans_month", "library_id", "loaned_at"),
)

# Only filled for a library whose setting shares personal data; never photos.
lib_patrons = Table(
    "lib_patrons", metadata,
    Column("library_id", Integer, ForeignKey("libraries.id"), primary_key=True),
    Column("uuid", String(64), primary_key=True),
    Column("fields", Text, nullable=False),
    Column("deleted", Boolean, nullable=False, server_default="0"),
)

lib_visits = Table(
    "lib_visits", metadata,
    Column("library_id", Integer, ForeignKey("libraries.id"), primary_key=True),
    Column("uuid", String(64), primary_key=True),
    Column("day", String(32)),
    Column("count", Integer, nullable=False, server_default="1"),
    Column("patron_category", String(32)),
    Column("deleted", Boolean, nullable=False, server_default="0"),
)

union_records = Table(
    "union_records", metadata,
    Column("id", Integer, primary_key=True),
    Column("title_key", String(600), nullable=False),
    Column("fields", Text, nullable=False),
    Column("source_library_id", Integer, ForeignKey("libraries.id")),
    Column("source_uuid", String(64)),
    Column("deleted", Boolean, nullable=False, server_default="0"),
    Column("updated_at", String(32), nullable=False),
    # The folded words of the title, authors, subjects, other words and class number,
    # "title|author|subject|other|callno" (server.union.search_text, migration 0009),
    # written with the record: the catalog search
    # (server.catalog_search) finds words through a GIN index on its tsvector on PostgreSQL
    # and through union_words on SQLite, titles by their beginning through an index on the
    # part before "|" (migration 0008; those indexes are on expressions, made there).
    Column("search", Text),
    # The publication year (app.sync.union_text.union_year: the pushed year, else the MARC
    # record's), for ``year:`` in the catalog search (migration 0009).
    Column("year", Integer),
    Index("union_records_title_key", "title_key"),
    Index("union_records_year", "year"),
)

# SQLite's word index of the union catalog: each distinct word of a union record's
# ``search`` text (server.union.index_words, written with the record). A word prefix is a
# range of this primary key. PostgreSQL searches through its GIN index instead and leaves
# this table empty.
union_words = Table(
    "union_words", metadata,
    Column("word", String(40), primary_key=True),
    Column("union_id", Integer, primary_key=True),
    Index("union_words_union", "union_id"),
    sqlite_with_rowid=False,
)

# The union catalog's change feed: when each union record last changed (a tick of
# union_clock). Apart from union_records so that marking a record changed is a small write
# that only the holder of the clock makes (no lock waits between concurrent pushes).
union_feed = Table(
    "union_feed", metadata,
    Column("union_id", Integer, primary_key=True),
    Column("change_seq", BigInteger, nullable=False),
    Index("union_feed_change", "change_seq", "union_id"),
)

union_isbns = Table(
    "union_isbns", metadata,
    Column("isbn", String(13), primary_key=True),
    Column("union_id", Integer, ForeignKey("union_records.id"), nullable=False),
    Index("union_isbns_union", "union_id"),
)

# One row (id=1): the union catalog's change counter; taken last in a push, so change
# sequences commit in order and a pull cursor never skips a change.
union_clock = Table(
    "union_clock", metadata,
    Column("id", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
)
