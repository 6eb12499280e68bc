"""the push only stores batches; apply_positions says how far each library is applied

Until now a push applied its batch (library rows, union catalog, holdings) in its own
transaction. From here the push stores the batch in received_batches (already the log of
every batch's body) and acknowledges it; server.applier applies the stored batches in
order afterwards and records the position here. Every batch stored before this migration
was applied by its push: the position of each existing library starts at its acknowledged
sequence.

Revision ID: 0007
Revises: 0006
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('apply_positions',
                    sa.Column('library_id', sa.Integer(), nullable=False),
                    sa.Column('applied_seq', sa.BigInteger(), server_default='0',
                              nullable=False),
                    sa.Column('applied_at', sa.String(length=32), nullable=True),
                    sa.Column('last_error', sa.Text(), nullable=True),
                    sa.ForeignKeyConstraint(['library_id'], ['libraries.id']),
                    sa.PrimaryKeyConstraint('library_id'))
    op.execute("INSERT INTO apply_positions (library_id, applied_seq) "
               "SELECT id, acked_seq FROM libraries")


def downgrade() -> None:
    # The code before this revision applies each batch in its push: whatever is stored and
    # not applied yet is applied now (server.applier on this connection), else the union
    # catalog and statistics would never get it.
    from server import applier

    bind = op.get_bind()
    for library_id in applier.waiting(bind):
        while applier.apply_library(bind, library_id, max_changes=10**9):
            pass
    op.drop_table('apply_positions')
