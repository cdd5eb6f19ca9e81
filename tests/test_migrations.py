"""Alembic owns the schema: a migrated database has exactly the models' schema."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import app.models  # noqa: F401  (registers every table)
from app import db as app_db
from app.core.errors import StorageError
from app.models import metadata

FTS_TRIGGERS = {"applicant_fts_ai", "applicant_fts_ad", "applicant_fts_au"}


def _not_fts(name, type_, *_args) -> bool:
    # The FTS5 virtual table and its shadow tables (applicant_fts_data, _idx, _content, _docsize,
    # _config) are made by the migration by hand and are not models.
    # On PostgreSQL the name search index (trigram, over an expression) is made by hand too.
    return not ((type_ == "table" and name and name.startswith("applicant_fts"))
                or (type_ == "index" and name == "ix_applicant_name_words"))


def _include_object(obj, name, type_, reflected, compare_to):
    return _not_fts(name, type_)


def _include_name(name, type_, parent_names):
    return _not_fts(name, type_)


def schema_diff(engine) -> list:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={
            "compare_type": True, "compare_server_default": True, "target_metadata": metadata,
            "include_object": _include_object, "include_name": _include_name, "render_as_batch": True})
        return compare_metadata(ctx, metadata)


def sqlite_objects(engine, kind: str) -> set[str]:
    with engine.connect() as conn:
        return set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = ?", (kind,)).scalars())


@pytest.fixture
def engine(tmp_path):
    engine = app_db.create_engine(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    yield engine
    engine.dispose()


def test_fresh_upgrade_has_exactly_the_models_schema(engine):
    app_db.upgrade(engine)
    assert app_db.current_revision(engine) == app_db.head_revision()
    assert schema_diff(engine) == []
    tables = sqlite_objects(engine, "table")
    assert set(metadata.tables) <= tables
    assert "applicant_fts" in tables
    assert FTS_TRIGGERS <= sqlite_objects(engine, "trigger")


def test_diff_helper_does_see_a_difference(engine):
    """The comparison is not vacuous: a column the models lack shows up."""
    app_db.upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE applicant ADD COLUMN stray TEXT")
    diff = schema_diff(engine)
    assert [d[0] for d in diff] == ["remove_column"]


def test_fts_triggers_keep_the_index_current(engine):
    app_db.upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("""INSERT INTO applicant (id, created_at, updated_at, origin_office, version,
            registration_number, office_code, registered_on, nik, kk_number, full_name, sex, birth_place,
            birth_date, marital_status, address, rt, rw, kelurahan_code, kecamatan_code, phone,
            education_level, preferred_countries, preferred_sectors, consent_on, status)
            VALUES ('00000000000000000000000000000001', '2026-11-25 00:00:00', '2026-11-25 00:00:00',
            'SRG-0001', 1, 'SRG-0001-2026-000001', 'SRG-0001', '2026-11-25', '3673015703010001',
            '3673010101010001', 'Siti Nurhaliza', 'P', 'Serang', '2001-03-17', 'belum_kawin', 'Jl. A',
            '', '', '36.73.01.1002', '36.73.01', '+6281234567890', 'SMK', '', '', '2026-11-25',
            'registered')""")

    def match(word):
        with engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM applicant_fts WHERE applicant_fts MATCH ?",
                                        (word,)).scalar_one()

    assert match("nurh*") == 1
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE applicant SET full_name = 'Dewi Lestari'")
    assert (match("nurh*"), match("lestari")) == (0, 1)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM applicant")
    assert match("lestari") == 0


def test_downgrade_to_base_and_upgrade_again(engine):
    app_db.upgrade(engine)
    command.downgrade(app_db.alembic_config(engine), "base")
    assert app_db.current_revision(engine) is None
    left = {t for t in sqlite_objects(engine, "table") if t != "alembic_version"}
    assert left == set()
    assert sqlite_objects(engine, "trigger") == set()
    app_db.upgrade(engine)
    assert app_db.current_revision(engine) == app_db.head_revision()
    assert schema_diff(engine) == []
    assert FTS_TRIGGERS <= sqlite_objects(engine, "trigger")


def test_upgrade_twice_is_a_no_op(engine):
    app_db.upgrade(engine)
    app_db.upgrade(engine)
    assert app_db.current_revision(engine) == app_db.head_revision()


def test_database_from_a_newer_version_is_refused(engine, tmp_path):
    app_db.upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffff9999'")
    with pytest.raises(StorageError) as err:
        app_db.upgrade(engine)
    assert err.value.code == "db_newer"
    assert err.value.params == {"revision": "ffff9999"}
    assert "ffff9999" in err.value.message and "ffff9999" in err.value.message_en
    with pytest.raises(StorageError) as err:
        app_db.Database.open(str(engine.url))
    assert err.value.code == "db_newer"
    # nothing was touched
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one() == "ffff9999"


def test_models_have_named_constraints():
    """The naming convention gives batch migrations on SQLite stable names to find."""
    for table in metadata.tables.values():
        for constraint in table.constraints:
            assert constraint.name, (table.name, constraint)
        for index in table.indexes:
            assert index.name and index.name.startswith("ix_"), (table.name, index)


def test_sqlite_connection_settings(engine):
    app_db.upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL


def test_write_sessions_take_the_write_lock_at_begin(tmp_path):
    """BEGIN IMMEDIATE: a second writer waits (here: fails fast) before reading anything."""
    url = f"sqlite:///{tmp_path / 'lock.sqlite3'}"
    db = app_db.Database.open(url)
    other = app_db.Database(sa.create_engine(url, connect_args={"timeout": 0.1}))
    try:
        with db.session() as session:
            session.execute(sa.text("SELECT 1"))
            raw = other.engine.raw_connection()
            try:
                with pytest.raises(sqlite3.OperationalError) as err:
                    raw.execute("BEGIN IMMEDIATE")
                assert err.value.sqlite_errorcode == sqlite3.SQLITE_BUSY
            finally:
                raw.close()
    finally:
        other.dispose()
        db.dispose()


REBUILD = '''
"""test only: a table rebuild of applicant, as a batch migration does for most ALTERs on SQLite"""
from alembic import op
import sqlalchemy as sa

revision = "9002"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applicant", recreate="always") as batch_op:
        batch_op.alter_column("notes", existing_type=sa.String(length=2000), nullable=True)


def downgrade() -> None:
    pass
'''


def test_a_table_rebuild_in_a_later_migration_keeps_child_rows(tmp_path, monkeypatch):
    """Batch migrations rebuild a table (create, copy, DROP, rename). With foreign keys on, the
    DROP would cascade to the applicant's languages and experience: they must survive."""
    import shutil

    from app.core import registration, setup
    from app.core.actor import Actor
    from tests.conftest import TODAY, applicant_input

    db = app_db.Database.open(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    actor = Actor("petugas1", setup.ensure_office(db).code)
    d = registration.register_applicant(db, applicant_input(), actor, today=TODAY)
    db.dispose()

    migrations = tmp_path / "migrations"
    shutil.copytree(app_db.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9002_rebuild.py").write_text(REBUILD.replace("{head}", app_db.head_revision()))
    monkeypatch.setattr(app_db, "MIGRATIONS_DIR", migrations)

    db = app_db.Database.open(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        assert app_db.current_revision(db.engine) == "9002"
        again = registration.get_applicant(db, d.id, actor)
        assert [x.language_code for x in again.languages] == ["ja"]
        assert len(again.experience) == 1
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1  # on again afterwards
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    finally:
        db.dispose()


def test_seeded_rows_have_the_same_ids_in_every_installation(tmp_path):
    """Document types, checklist rules and holidays seeded by migrations carry ids derived from
    their natural keys: two offices' databases agree on them (sync exchanges them by id)."""
    ids = []
    for name in ("a", "b"):
        db = app_db.Database.open(f"sqlite:///{tmp_path / name}.sqlite3")
        with db.engine.connect() as conn:
            ids.append({t: sorted(conn.exec_driver_sql(f"SELECT id FROM {t}").scalars())
                        for t in ("document_type", "checklist_rule", "holiday")})
        db.dispose()
    assert all(ids[0][t] for t in ids[0]) and ids[0] == ids[1]
