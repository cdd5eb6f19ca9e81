"""Alembic environment over ``SQLModel.metadata``; the engine comes from ``app.db``."""

from __future__ import annotations

import warnings

from alembic import context

import app.models  # noqa: F401  (registers the tables)
from app.db import create_engine
from app.models import metadata

config = context.config


def include_name(name, type_, parent_names) -> bool:
    """The name search indexes (FTS5 on SQLite, a trigram index on PostgreSQL, created by hand in
    0001) are not in the models: leave them out of autogenerate comparisons."""
    return not ((type_ == "table" and name and name.startswith("applicant_fts"))
                or (type_ == "index" and name == "ix_applicant_name_words"))  # PostgreSQL, by hand too


# SQLite's ix_applicant_name_words (migration 0012) is over an expression, which SQLAlchemy cannot
# reflect: a later batch migration that rebuilds the applicant table leaves it out, and
# ``Database.open`` makes it again (``search.ensure_name_words_index``). The warning says nothing more.
warnings.filterwarnings("ignore", message="Skipped unsupported reflection of expression-based index "
                        "ix_applicant_name_words")


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or create_engine()
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=metadata,
            render_as_batch=True,  # SQLite needs batch mode for ALTER TABLE
            compare_type=True,
            include_name=include_name,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
run_migrations_online()
