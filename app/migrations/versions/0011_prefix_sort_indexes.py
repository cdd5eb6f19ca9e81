"""NIK and phone prefix searches newest first read their sort keys from an index

``ix_applicant_nik_registered_on_registration_number`` and
``ix_applicant_phone_registered_on_registration_number`` (the latter replaces the plain phone
index, which its first column still serves): the applicant list's default order for a typed NIK
or phone prefix sorts the matches' keys straight from the index instead of reading every
matching row (app/core/search.py, plan "range keys").

Revision ID: 0011
Revises: 0008
"""
from alembic import op

revision = '0011'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('applicant', schema=None) as batch_op:
        batch_op.create_index('ix_applicant_nik_registered_on_registration_number',
                              ['nik', 'registered_on', 'registration_number'], unique=False)
        batch_op.create_index('ix_applicant_phone_registered_on_registration_number',
                              ['phone', 'registered_on', 'registration_number'], unique=False)
        batch_op.drop_index('ix_applicant_phone')


def downgrade() -> None:
    with op.batch_alter_table('applicant', schema=None) as batch_op:
        batch_op.create_index('ix_applicant_phone', ['phone'], unique=False)
        batch_op.drop_index('ix_applicant_phone_registered_on_registration_number')
        batch_op.drop_index('ix_applicant_nik_registered_on_registration_number')
