"""Opening the database quickly at GUI start (no Qt here).

``Database.open()`` always asks Alembic whether the schema is at head, which costs about a third of
a second of imports and script parsing on every start. ``open_database()`` first compares the
stored revision with the head named in the migration scripts (a plain read of their
``revision`` / ``down_revision`` lines); only when they differ, or anything is unclear, does it
fall back to ``Database.open()`` (backup, migration, refusal of a newer database).
"""

from __future__ import annotations

import sqlalchemy as sa

from app.core.quickstart import head_from_scripts  # noqa: F401  (here before; used below)
from app.db import Database, create_engine


def stored_revision(db: Database) -> str | None:
    """The revision recorded in the database, or None (new file, no table, several rows)."""
    try:
        with db.engine.connect() as conn:
            if not sa.inspect(conn).has_table("alembic_version"):
                return None
            rows = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars().all()
    except sa.exc.SQLAlchemyError:
        return None  # the full path below reports it properly
    return rows[0] if len(rows) == 1 else None


def open_database(url: str | None = None) -> Database:
    """Like ``Database.open(url)``, without loading Alembic when nothing needs migrating."""
    db = Database(create_engine(url))
    head = head_from_scripts()
    if head is not None and stored_revision(db) == head:
        return db
    db.dispose()
    return Database.open(url)
