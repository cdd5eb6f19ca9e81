"""Shared column types and the base of every synchronised record."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.orm import declared_attr
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel

# Stable constraint names, so Alembic batch migrations on SQLite can find them again.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes; stored naive-UTC so SQLite and PostgreSQL agree."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where UTC is required")
        return value.astimezone(timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc)


class Record(SQLModel):
    """Columns every synchronised row carries (DESIGN.md §4)."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    origin_office: str = Field(max_length=16, nullable=False)
    version: int = Field(default=1, nullable=False)

    @declared_attr
    def __mapper_args__(cls) -> dict:
        # Optimistic versioning at the ORM's flush: every UPDATE/DELETE of a loaded row carries
        # ``WHERE version = <the version it was read at>`` (the services still set the new version
        # themselves: no generator). On SQLite the write lock makes that a formality; on PostgreSQL
        # (READ COMMITTED, several seats) a concurrent save that committed first makes the UPDATE
        # match no row, and ``app.db`` turns the StaleDataError into ``ConcurrentEdit``.
        return {"version_id_col": cls.__table__.c.version, "version_id_generator": False}


# Rows a migration seeds (document types, checklist rules, holidays) get the same id in every
# installation, derived from their natural key, so that offices exchanging them by sync agree.
SEED_NAMESPACE = uuid.UUID("5b0f2c7e-3a1d-4e8b-9f62-7c4d1e0a9b35")


def seed_id(table: str, *key: object) -> uuid.UUID:
    return uuid.uuid5(SEED_NAMESPACE, "|".join([table, *map(str, key)]))
