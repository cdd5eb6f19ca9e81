"""Opening the database quickly at GUI start (no Qt here).

``Database.open()`` always asks Alembic whether the schema is at head, which costs about a third of
a second of imports and script parsing on every start. ``open_database()`` first compares the
stored revision with the head named in the migration scripts (a plain read of their
``revision`` / ``down_revision`` lines); only when they differ, or anything is unclear, does it
fall back to ``Database.open()`` (backup, migration, refusal of a newer database).
"""

from __future__ import annotations

import re

import sqlalchemy as sa

from app.db import MIGRATIONS_DIR, Database, create_engine

_REVISION = re.compile(r"""^revision\s*(?::\s*\w+\s*)?=\s*['"]([^'"]+)['"]""", re.M)
_DOWN = re.compile(r"""^down_revision\s*(?::[^=]+)?=\s*(.+)$""", re.M)


def head_from_scripts() -> str | None:
    """The single head revision of the migration scripts, or None when unsure (branches, odd files)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev = _REVISION.search(text)
        down = _DOWN.search(text)
        if rev is None or down is None:
            return None
        revisions.add(rev[1])
        parents.update(re.findall(r"""['"]([^'"]+)['"]""", down[1]))
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


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
