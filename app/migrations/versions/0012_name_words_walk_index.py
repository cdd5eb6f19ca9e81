"""Name prefixes sorted by name test each name's words from an index, not from the name itself

SQLite only: ``ix_applicant_name_words`` on (full_name, registration_number, <the name's words>),
where the words are the name with a space in front and its usual separators (. , ' -) made spaces,
and NULL for a name holding anything else (accents, other scripts, other punctuation). A typed
word ``w`` starts a word of such a name exactly when the indexed text is ``LIKE '% w%'`` (ASCII
letters and digits, without case: FTS5's unicode61 tokens); the applicant list's "name prefix,
sorted by name" plan walks this index in name order and reads the words from it, instead of
computing a GLOB on every name it passes (app/core/search.py, ``_name_walk_sql``). Names with NULL
words are asked of the FTS index itself. On PostgreSQL the index of the same name is the trigram
index of migration 0001, untouched here.

Revision ID: 0012
Revises: 0011
"""
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

# The expression is repeated, character for character, by app/core/search.py (NAME_WORDS_SQL):
# SQLite reads an indexed expression from the index only when the query spells it the same way.
NAME_WORDS_SQL = ("CASE WHEN full_name GLOB '*[^A-Za-z0-9 .,''-]*' THEN NULL ELSE "
                  "' ' || replace(replace(replace(replace(full_name, '.', ' '), ',', ' '), '''', ' '), '-', ' ') END")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"CREATE INDEX ix_applicant_name_words ON applicant "
               f"(full_name, registration_number, ({NAME_WORDS_SQL}))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP INDEX IF EXISTS ix_applicant_name_words")
