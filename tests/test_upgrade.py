"""Upgrades: a database made by the first release (revision 0001, filled with raw SQL as that
release wrote it) is opened by today's code: backed up when its schema changes, migrated to head,
and every row is still there and readable through the services."""

from __future__ import annotations

import shutil
import sqlite3

import app.db as app_db
from app.core import registration, search
from app.core.actor import Actor
from app.db import Database, create_engine, current_revision, head_revision, upgrade

FIRST = "0001"
APPLICANT_ID = "00000000000000000000000000000a01"
NUMBER = "SRG-0001-2026-000001"

ROWS_0001 = [
    """INSERT INTO office (id, created_at, updated_at, origin_office, version, code, name, kind)
       VALUES ('00000000000000000000000000000f01', '2026-01-05 01:00:00', '2026-01-05 01:00:00',
               'SRG-0001', 1, 'SRG-0001', 'Disnakertrans Kota Serang', 'city')""",
    "INSERT INTO app_setting (key, value) VALUES ('local_office', 'SRG-0001')",
    f"""INSERT INTO applicant (id, created_at, updated_at, origin_office, version,
            registration_number, office_code, registered_on, nik, kk_number, full_name, sex, birth_place,
            birth_date, marital_status, address, rt, rw, kelurahan_code, kecamatan_code, phone,
            education_level, preferred_countries, preferred_sectors, consent_on, status)
       VALUES ('{APPLICANT_ID}', '2026-01-05 02:00:00', '2026-01-05 02:00:00', 'SRG-0001', 1,
               '{NUMBER}', 'SRG-0001', '2026-01-05', '3673015703010001', '3673010101010001',
               'Siti Nurhaliza', 'P', 'Serang', '2001-03-17', 'belum_kawin', 'Jl. Ahmad Yani No. 12',
               '003', '005', '36.73.01.1002', '36.73.01', '+6281234567890', 'SMK', 'JP', 'nursing',
               '2026-01-05', 'registered')""",
    f"""INSERT INTO applicant_language (id, created_at, updated_at, origin_office, version, applicant_id,
            language_code, level, certificate)
       VALUES ('00000000000000000000000000000b01', '2026-01-05 02:00:00', '2026-01-05 02:00:00',
               'SRG-0001', 1, '{APPLICANT_ID}', 'ja', 'N4', 'JLPT N4')""",
]


def _database_at_first_revision(path) -> None:
    engine = create_engine(f"sqlite:///{path}")
    try:
        upgrade(engine, FIRST)
        assert current_revision(engine) == FIRST
        with engine.begin() as conn:
            for sql in ROWS_0001:
                conn.exec_driver_sql(sql)
    finally:
        engine.dispose()


def _assert_data_intact(db: Database) -> None:
    admin = Actor("admin", "SRG-0001", "admin", "Admin")
    detail = registration.get_by_registration_number(db, NUMBER, admin)
    assert (detail.full_name, detail.nik, str(detail.birth_date)) == ("Siti Nurhaliza", "3673015703010001",
                                                                       "2001-03-17")
    assert [(x.language_code, x.level) for x in detail.languages] == [("ja", "N4")]
    assert [r.registration_number for r in search.search(db, "nurhaliza", actor=admin)] == [NUMBER]


def _backups(home):
    return sorted((home / "backups").glob("*-before-migration.sqlite3")) if (home / "backups").exists() else []


def test_the_first_release_database_opens_with_the_latest_code(tmp_path, _home):
    """The real migration chain, from 0001 to whatever head is today."""
    path = tmp_path / "pmi-desk.sqlite3"
    _database_at_first_revision(path)
    db = Database.open(f"sqlite:///{path}")
    try:
        assert current_revision(db.engine) == head_revision()
        _assert_data_intact(db)
    finally:
        db.dispose()
    backups = _backups(_home)
    if head_revision() == FIRST:
        assert backups == []  # nothing to migrate yet: nothing copied
    else:
        assert len(backups) == 1
        con = sqlite3.connect(backups[0])
        try:
            assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == FIRST
            assert con.execute("SELECT full_name FROM applicant").fetchall() == [("Siti Nurhaliza",)]
        finally:
            con.close()


NEXT_RELEASE = '''
"""test only: a later release that rebuilds the applicant table and adds a column with a default"""
from alembic import op
import sqlalchemy as sa

revision = "9100"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applicant", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("upgrade_probe", sa.Integer(), nullable=False, server_default="7"))


def downgrade() -> None:
    with op.batch_alter_table("applicant") as batch_op:
        batch_op.drop_column("upgrade_probe")
'''


def test_upgrade_from_the_first_release_backs_up_then_migrates(tmp_path, _home, monkeypatch):
    """Always a real upgrade, even while 0001 is the head: the chain plus a release on top of it."""
    path = tmp_path / "pmi-desk.sqlite3"
    _database_at_first_revision(path)
    migrations = tmp_path / "migrations"
    shutil.copytree(app_db.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "9100_next_release.py").write_text(NEXT_RELEASE.replace("{head}", head_revision()))
    monkeypatch.setattr(app_db, "MIGRATIONS_DIR", migrations)

    db = Database.open(f"sqlite:///{path}")
    try:
        assert current_revision(db.engine) == "9100"
        _assert_data_intact(db)
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT upgrade_probe FROM applicant").scalar_one() == 7
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    finally:
        db.dispose()
    backups = _backups(_home)
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == FIRST
        assert con.execute("SELECT count(*) FROM applicant_language").fetchone()[0] == 1
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    # opening again changes nothing and copies nothing
    Database.open(f"sqlite:///{path}").dispose()
    assert len(_backups(_home)) == 1


def test_the_first_revision_is_the_base_of_the_chain():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(app_db.alembic_config(None))
    chain = [s.revision for s in script.walk_revisions("base", "heads")]  # from head down to base
    assert chain[-1] == FIRST and chain[0] == head_revision()
