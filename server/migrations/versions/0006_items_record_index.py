"""the copies' record index leads with the record (record_uuid, library_id)

PostgreSQL plans the push's batch statement (server/push_pg.py) once per connection as a
generic plan after a few runs, from the statistics of that moment, and keeps it until they
change. On a new district's empty tables that plan found a copy's stored row through
``lib_items_record`` (library_id, record_uuid), which shares its first column with the
primary key (library_id, uuid) and looked as cheap: every copy of a batch then read all of
the library's copies (one library pushing batches of 50: 38 ms of PostgreSQL per batch for
the statement after 15 000 changes; 2.1 ms with this index). Led by ``record_uuid`` the index no longer serves a
lookup by library and uuid, so the primary key is the only choice; the holdings join
(library_id and record_uuid both equal) uses it as before.

Revision ID: 0006
Revises: 0005
"""
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('lib_items') as batch_op:
        batch_op.drop_index('lib_items_record')
        batch_op.create_index('lib_items_record', ['record_uuid', 'library_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('lib_items') as batch_op:
        batch_op.drop_index('lib_items_record')
        batch_op.create_index('lib_items_record', ['library_id', 'record_uuid'], unique=False)
