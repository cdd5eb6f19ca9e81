"""Shared fixtures: a fresh database per test (never one shared by the session), an actor, and a
guard that fails any test that logs an unexpected warning.

``PMI_DESK_TEST_PG=postgresql+psycopg://user@host:port/admin_db`` runs the ``db`` fixture on
PostgreSQL instead: each test gets its own database, made from a migrated template database
(``CREATE DATABASE … TEMPLATE …``) and dropped afterwards. The role needs CREATEDB. Tests that are
SQLite-only by nature say so with ``@pytest.mark.sqlite_only("reason")``; run the core suite on
PostgreSQL with ``scripts/test-pg`` (README "PostgreSQL for the city office").
"""

from __future__ import annotations

import itertools
import logging
import os
import shutil
from datetime import date

import pytest

from app.core.actor import Actor
from app.core.registration import ApplicantInput
from app.db import Database


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    """Every test gets its own data dir, so nothing touches the user's real database."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("PMI_DESK_HOME", str(home))
    monkeypatch.delenv("PMI_DESK_DB_URL", raising=False)
    return home


@pytest.fixture(autouse=True)
def _unfreeze_objects():
    """A start of the GUI freezes the objects alive then (``freeze_start_up_objects``): made
    collectable again after each test, as the next test is not that start."""
    yield
    import gc

    if gc.get_freeze_count():
        gc.unfreeze()


@pytest.fixture(autouse=True)
def _fail_on_warning_logs(caplog, request):
    """Fail a test that logs a warning or worse from the app's loggers, unless it says
    ``@pytest.mark.allow_log_warnings``."""
    caplog.set_level(logging.INFO, logger="app")
    yield
    if request.node.get_closest_marker("allow_log_warnings"):
        return
    bad = [r for r in caplog.get_records("call") if r.levelno >= logging.WARNING and r.name.startswith("app")]
    if bad:
        pytest.fail("unexpected log warnings: " + "; ".join(f"{r.name}: {r.getMessage()}" for r in bad))


PG_URL = os.environ.get("PMI_DESK_TEST_PG") or None


def on_postgres() -> bool:
    """The ``db`` fixture gives PostgreSQL databases in this run."""
    return PG_URL is not None


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(reason): the test is about SQLite itself "
                                       "(file copies, PRAGMAs, FTS5); skipped when the db fixture is PostgreSQL")


# Not yet passing on PostgreSQL, and not SQLite-only by nature: app/core/matching.py loads its arrays
# from SQLite's stored text forms (``coalesce(max(updated_at), '')``, ``replace(date, …)``); it is
# being rewritten to load portably. Placements go through matching.explain. Remove entries as
# they pass (``PMI_DESK_TEST_PG=… pytest tests/test_matching.py``).
# test file (or file::test) -> why it is skipped on PostgreSQL for now: the matching engine runs there;
# these tests' own helpers still speak SQLite (raw "?" SQL, ids as 32 hex digits)
_HEX_IDS = "the test's fakes key applicants by SQLite's 32-hex-digit ids; PostgreSQL returns UUIDs"
PG_PENDING: dict[str, str] = {
    "test_matching.py::test_a_restored_older_file_is_loaded_again": "a restored older SQLite file; raw '?' SQL",
    "test_matching_load.py::test_the_packed_columns_hold_the_values_of_the_rows": _HEX_IDS,
    "test_matching_reference.py::test_engine_agrees_with_reference": _HEX_IDS,
    "test_matching_reference.py::test_incremental_refresh_agrees_with_reference": _HEX_IDS,
}


def pytest_collection_modifyitems(config, items):
    if not on_postgres():
        return
    # The PostgreSQL pass runs the tests that use a database of the run (``db``, ``pg_server``);
    # the others open their own SQLite files or none, and ran already in the SQLite pass.
    engine_free = [i for i in items if not {"db", "pg_server"} & set(getattr(i, "fixturenames", ()))]
    if engine_free:
        config.hook.pytest_deselected(items=engine_free)
        items[:] = [i for i in items if i not in set(engine_free)]
    for item in items:
        pending = PG_PENDING.get(item.path.name) or PG_PENDING.get(f"{item.path.name}::{item.name}")
        if pending:
            item.add_marker(pytest.mark.skip(reason=f"PostgreSQL, pending: {pending}"))
            continue
        marker = item.get_closest_marker("sqlite_only")
        if marker is not None:
            reason = marker.args[0] if marker.args else marker.kwargs.get("reason", "SQLite only")
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {reason}"))


class PostgresServer:
    """Databases for tests on the server of ``PMI_DESK_TEST_PG`` (an autocommit admin engine)."""

    def __init__(self, url: str):
        import sqlalchemy as sa

        self.url = sa.make_url(url)
        self.admin = sa.create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool)
        tag = f"{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{os.getpid()}"
        self.prefix = f"pmi_test_{tag}"
        self.template = f"{self.prefix}_tpl"
        self._n = itertools.count(1)

    def url_of(self, name: str) -> str:
        return self.url.set(database=name).render_as_string(hide_password=False)

    def execute(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.exec_driver_sql(sql)

    def drop(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def make_template(self) -> None:
        self.drop(self.template)
        self.execute(f'CREATE DATABASE "{self.template}"')
        Database.open(self.url_of(self.template)).dispose()  # migrated, triggers made

    def new_database(self, template: str | None = None) -> str:
        name = f"{self.prefix}_{next(self._n)}"
        self.drop(name)
        self.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template or self.template}"')
        return name


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL test server (skips the test when ``PMI_DESK_TEST_PG`` is not set)."""
    if not on_postgres():
        pytest.skip("PMI_DESK_TEST_PG is not set")
    server = PostgresServer(PG_URL)
    server.make_template()
    yield server
    server.drop(server.template)
    server.admin.dispose()


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory):
    """One migrated file per test process; each test gets its own copy (still a fresh database
    per test, about ten times cheaper than migrating every time)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    Database.open(f"sqlite:///{path}").dispose()  # the last close checkpoints the WAL into the file
    return path


@pytest.fixture
def db(request, tmp_path) -> Database:
    if on_postgres():
        server = request.getfixturevalue("pg_server")
        name = server.new_database()
        database = Database.open(server.url_of(name))
        yield database
        database.dispose()
        server.drop(name)
        return
    path = tmp_path / "test.sqlite3"
    shutil.copyfile(request.getfixturevalue("_migrated_template"), path)
    database = Database.open(f"sqlite:///{path}")
    yield database
    database.dispose()


@pytest.fixture
def actor(db) -> Actor:
    from app.core import setup

    office = setup.ensure_office(db)
    return Actor("petugas1", office.code, "counter", "Petugas Satu")


TODAY = date(2026, 11, 25)


def applicant_input(**overrides) -> ApplicantInput:
    """A complete, valid walk-in applicant; override any field."""
    values = dict(
        nik="3673015703010001", kk_number="3673010101010001", full_name="Siti Nurhaliza", sex="P",
        birth_place="Serang", birth_date="2001-03-17", religion="islam", marital_status="belum_kawin",
        address="Jl. Ahmad Yani No. 12", rt="3", rw="5", kelurahan_code="36.73.01.1002",
        phone="0812-3456-7890", email="siti@example.co.id", education_level="SMK",
        education_major="Keperawatan", height_cm=158, weight_kg=52, consent=True,
        languages=[{"language_code": "ja", "level": "N4", "certificate": "JLPT N4"}],
        experience=[{"employer": "RS Sari Asih", "position": "Asisten perawat", "sector": "nursing",
                     "start_date": "2020-02-01", "end_date": "2023-06-30"}],
    )
    values.update(overrides)
    return ApplicantInput(**values)


def hold_documents(db, applicant_id, *, verify: bool = False, stages=("registration", "placement")) -> None:
    """Hand in (and with ``verify`` have a supervisor verify) every required document of the
    given checklist stages, valid for years: what the pipeline asks before `ready` (held) and
    before `departing` (all stages verified)."""
    from datetime import timedelta

    from app.core import documents

    clerk = Actor("petugas.dok", "SRG-0001", "counter")
    supervisor = Actor("penyelia.dok", "SRG-0001", "supervisor")
    for item in documents.checklist(db, applicant_id, supervisor, today=TODAY).items:
        if item.requirement != "required" or item.stage not in stages:
            continue
        if item.status not in ("submitted", "verified"):
            documents.submit(db, clerk, applicant_id, item.type_code, number=f"NO-{item.type_code}",
                             issued_on=TODAY, expires_on=TODAY + timedelta(days=1500) if item.expires else None,
                             today=TODAY)
        if verify and item.status != "verified":
            documents.verify(db, supervisor, applicant_id, item.type_code, today=TODAY)


@pytest.fixture
def pair(tmp_path, _migrated_template):
    """A city office and a kecamatan office (each its own database) that trust each other's keys
    (``tests/sync_offices.py``)."""
    from tests.sync_offices import introduce, make_office

    city = make_office(tmp_path, _migrated_template, "SRG-0001", "city")
    kec = make_office(tmp_path, _migrated_template, "KSA-0001", "kecamatan")
    introduce(city, kec)
    yield city, kec
    city.db.dispose()
    kec.db.dispose()
