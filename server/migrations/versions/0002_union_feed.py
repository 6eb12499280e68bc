"""union change feed in its own table

Marking a union record changed used to rewrite the whole union_records row (its text and
every index) once per push that touched it, and made concurrent pushes wait on each other's
row locks while holding the union clock. The feed now lives in union_feed.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('union_feed',
                    sa.Column('union_id', sa.Integer(), nullable=False),
                    sa.Column('change_seq', sa.BigInteger(), nullable=False),
                    sa.PrimaryKeyConstraint('union_id'))
    op.create_index('union_feed_change', 'union_feed', ['change_seq', 'union_id'])
    op.execute("INSERT INTO union_feed (union_id, change_seq) "
               "SELECT id, change_seq FROM union_records")
    with op.batch_alter_table('union_records') as batch_op:
        batch_op.drop_index('union_records_change')
        batch_op.drop_column('change_seq')


def downgrade() -> None:
    with op.batch_alter_table('union_records') as batch_op:
        batch_op.add_column(sa.Column('change_seq', sa.BigInteger(), nullable=False,
                                      server_default='0'))
        batch_op.create_index('union_records_change', ['change_seq', 'id'])
    op.execute("UPDATE union_records SET change_seq = coalesce((SELECT f.change_seq FROM "
               "union_feed f WHERE f.union_id = union_records.id), 0)")
    op.drop_index('union_feed_change', table_name='union_feed')
    op.drop_table('union_feed')
