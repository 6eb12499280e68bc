"""digests of pushed changes, to notice sequence numbers reused after a restore

A library restored from an old backup numbers its new changes with sequence numbers the
server has already acknowledged. The server now keeps a digest per (library, seq), also for
the changes the privacy filter kept at the school, and refuses a resend whose digest differs.
Changes acknowledged before this migration have no digest: digest_floor marks them.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('received_changes') as batch_op:
        batch_op.add_column(sa.Column('digest', sa.String(length=64), nullable=True))
    with op.batch_alter_table('libraries') as batch_op:
        batch_op.add_column(sa.Column('digest_floor', sa.BigInteger(), nullable=False,
                                      server_default='0'))
    op.execute("UPDATE libraries SET digest_floor = acked_seq")
    op.create_table('withheld_changes',
                    sa.Column('library_id', sa.Integer(), nullable=False),
                    sa.Column('seq', sa.BigInteger(), nullable=False),
                    sa.Column('digest', sa.String(length=64), nullable=False),
                    sa.ForeignKeyConstraint(['library_id'], ['libraries.id']),
                    sa.PrimaryKeyConstraint('library_id', 'seq'))


def downgrade() -> None:
    op.drop_table('withheld_changes')
    with op.batch_alter_table('libraries') as batch_op:
        batch_op.drop_column('digest_floor')
    with op.batch_alter_table('received_changes') as batch_op:
        batch_op.drop_column('digest')
