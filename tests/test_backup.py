"""The automatic backup before a migration, with SQLite's online backup API."""

from __future__ import annotations

import sqlite3

import pytest

from app.core import registration
from app.core.backup import backup_file, sqlite_path
from app.db import Database, create_engine, current_revision, head_revision, upgrade
from tests.conftest import TODAY, applicant_input

pytestmark = pytest.mark.sqlite_only("backups and restores copy the SQLite file (PostgreSQL: pg_dump)")


def test_backup_file_is_a_consistent_copy(db, actor, tmp_path):
    registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    source = sqlite_path(str(db.engine.url))
    copy = backup_file(source, tmp_path / "backups", "manual")
    con = sqlite3.connect(copy)
    assert con.execute("SELECT count(*) FROM applicant").fetchone()[0] == 1
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_migrating_an_existing_database_backs_it_up_first(tmp_path, _home, monkeypatch):
    import shutil

    import app.db

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    database = Database.open(url)  # a new file: nothing to back up
    assert not (_home / "backups").exists()
    database.dispose()
    # A newer release with a second migration opens this database.
    scripts = tmp_path / "migrations"
    shutil.copytree(app.db.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    old_head = head_revision()
    (scripts / "versions" / "9001_extra.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n"
        f"revision = '9001'\ndown_revision = '{old_head}'\nbranch_labels = None\ndepends_on = None\n"
        "def upgrade():\n    op.create_table('extra', sa.Column('id', sa.Integer, primary_key=True))\n"
        "def downgrade():\n    op.drop_table('extra')\n")
    monkeypatch.setattr(app.db, "MIGRATIONS_DIR", scripts)
    engine = create_engine(url)
    upgrade(engine)
    assert current_revision(engine) == "9001"
    engine.dispose()
    backups = list((_home / "backups").glob("*-before-migration.sqlite3"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_head
    con.close()


def test_sqlite_path_of_urls(tmp_path):
    assert sqlite_path(f"sqlite:///{tmp_path}/x.sqlite3") == tmp_path / "x.sqlite3"
    assert sqlite_path("sqlite://") is None
    assert sqlite_path("postgresql+psycopg://u@h/db") is None
    from app.core.startup import head_from_scripts

    assert head_revision() == head_from_scripts()
