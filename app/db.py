"""Engine factory, sessions and migrations. Nothing connects at import time."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session

from app import paths
from app.core.errors import ConcurrentEdit, StorageError

log = logging.getLogger("app.db")

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# sqlite3 (Python 3.11) binds None only after its adapter lookup failed (the adapter table, then
# the protocol's __adapt__ and the value's __conform__): about 0.45 us a value, against 0.07 us for
# a str. A sync import of 106,000 rows binds 411,000 of them (0.13 s more). Registered, the lookup
# ends at the table: ``{}.get`` gives None back for None at C speed, bound as NULL as before.
sqlite3.register_adapter(type(None), {}.get)


def create_engine(url: str | None = None, *, echo: bool = False, creator=None) -> Engine:
    """An engine for ``url`` (default: ``PMI_DESK_DB_URL`` or the SQLite file in the data dir).

    SQLite runs in WAL mode with foreign keys on and ``synchronous=FULL``; transactions are begun
    by us: ``BEGIN IMMEDIATE`` for writing sessions (so two windows saving at once queue up on the
    write lock instead of failing), plain ``BEGIN`` for reading ones.
    """
    url = url or paths.database_url()
    if url.startswith("sqlite"):
        # ``creator``: the quick start hands its sqlite3 connections (and their warm page caches)
        # over to the engine's pool (app/core/quickstart.py)
        extra = {"creator": creator} if creator is not None else {"connect_args": {"timeout": 15}}
        engine = sa.create_engine(url, echo=echo, **extra)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=15000")
            cur.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache: list pages of 200,000 applicants
            cur.close()

        @event.listens_for(engine, "checkin")
        def _on_checkin(dbapi_conn, record):
            # settings changed for one piece of work, set back as the connection returns to the
            # pool (``restore_on_checkin``): after the commit, which the setting was for
            undo = record.info.pop(_RESTORE_KEY, None) if record is not None else None
            if undo and dbapi_conn is not None:
                for sql in undo:
                    dbapi_conn.execute(sql)

        @event.listens_for(engine, "begin")
        def _on_begin(conn):
            write = conn.get_execution_options().get("pmi_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
    elif url.startswith("postgresql"):
        # Several seats on one server (the city office): READ COMMITTED, with optimistic versions
        # checked by every UPDATE (``Record.__mapper_args__``), registration numbers from a locked
        # counter row, and a lock wait as long as SQLite's busy timeout before "db_locked".
        engine = sa.create_engine(url, echo=echo, pool_pre_ping=True, connect_args={
            "connect_timeout": 10, "application_name": "pmi-desk",
            "options": f"-c lock_timeout={LOCK_TIMEOUT_MS} -c idle_in_transaction_session_timeout=600000"})
    else:
        engine = sa.create_engine(url, echo=echo, pool_pre_ping=True)
    return engine


LOCK_TIMEOUT_MS = 15000
_RESTORE_KEY = "pmi_desk_restore_on_checkin"


def restore_on_checkin(conn: sa.Connection, *sql: str) -> None:
    """SQLite: run ``sql`` on ``conn``'s driver connection when it goes back to the pool, after
    the session's commit or rollback (per-connection PRAGMAs that have to hold up to the commit)."""
    conn.connection.info.setdefault(_RESTORE_KEY, []).extend(sql)


class Database:
    """The engine plus the unit-of-work helper every service uses."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self._write_engine = engine.execution_options(pmi_write=True)

    @classmethod
    def open(cls, url: str | None = None, *, migrate: bool = True) -> "Database":
        db = cls(create_engine(url))
        if migrate:
            upgrade(db.engine)
            from app.core.search import ensure_name_words_index
            from app.core.sync_tracking import ensure_tracking

            with storage_errors():
                ensure_tracking(db.engine)  # change-log triggers of the tables that travel
                ensure_name_words_index(db.engine)  # lost if a later migration rebuilt the table
        return db

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=False)

    @contextmanager
    def session(self, *, write: bool = True) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        bind = self._write_engine if write else self.engine
        session = Session(bind=bind, expire_on_commit=False)
        try:
            with storage_errors():
                yield session
                if write:
                    session.commit()
                else:
                    session.rollback()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def reading(self) -> Iterator[sa.Connection]:
        """A read on a pooled connection without an ORM session (a keystroke's worth of overhead
        less); rolled back on exit; driver errors become ``StorageError`` as in ``session``."""
        with storage_errors(), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def driver_reading(self) -> Iterator[sa.Connection]:
        """A read whose statements are the driver's own SQL (``exec_driver_sql``): the same calls
        work on ``quickstart.LazyDatabase``'s plain ``sqlite3`` connections."""
        with self.reading() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def storage_errors() -> Iterator[None]:
    """Driver errors a person can act on (disk full, locked, damaged file...) become
    ``StorageError``; other database errors (integrity...) stay bugs and pass unchanged."""
    try:
        yield
    except StaleDataError as exc:  # an UPDATE/DELETE found the row at another version
        raise ConcurrentEdit("changed_by_other") from exc
    except OperationalError as exc:
        if _sqlstate(exc) in _CONCURRENT_STATES:
            raise ConcurrentEdit("changed_by_other") from exc
        raise storage_error(exc) from exc
    except DatabaseError as exc:  # e.g. "file is not a database"
        if not _damaged(exc):
            raise
        raise storage_error(exc) from exc


# PostgreSQL: a transaction that lost a race for a row it read (serialization failure)
_CONCURRENT_STATES = ("40001",)


def _sqlstate(exc: Exception) -> str | None:
    return getattr(getattr(exc, "orig", None), "sqlstate", None)


def _postgres_error(exc: Exception) -> StorageError | None:
    """The StorageError of a PostgreSQL error (by SQLSTATE), or None when it is not one."""
    orig = getattr(exc, "orig", None)
    if type(orig).__module__.split(".")[0] != "psycopg":
        return None
    state = getattr(orig, "sqlstate", None) or ""
    detail = str(orig).strip()
    if state == "53100":
        return StorageError("disk_full", detail)
    if state in ("55P03", "57014", "40P01"):  # lock_timeout / statement timeout / deadlock victim
        return StorageError("db_locked", detail)
    if state == "25006":
        return StorageError("db_readonly", detail)
    if state in ("XX001", "XX002"):
        return StorageError("db_corrupt", detail)
    if state == "58030":
        return StorageError("disk_io", detail)
    if not state or state.startswith("08") or state in ("57P01", "57P02", "57P03", "28000", "28P01", "3D000"):
        return StorageError("db_unreachable", detail)  # no server, refused, wrong login, no database
    return StorageError("db_error", detail)


def storage_error(exc: OperationalError) -> StorageError:
    """Map a driver error to the StorageError a person can act on (by error code, not text)."""
    pg = _postgres_error(exc)
    if pg is not None:
        return pg
    from app.core.errors import sqlite_storage_error

    orig = getattr(exc, "orig", None)
    if getattr(orig, "sqlite_errorcode", None) is None:
        return StorageError("db_error", str(orig or exc))
    return sqlite_storage_error(orig)


def _damaged(exc: DatabaseError) -> bool:
    """A damaged file or something that is not a database at all (SQLITE_CORRUPT, SQLITE_NOTADB)."""
    if _sqlstate(exc) in ("XX001", "XX002"):  # PostgreSQL: data or index corrupted
        return True
    code = getattr(getattr(exc, "orig", None), "sqlite_errorcode", None)
    return isinstance(code, int) and (code & 0xFF) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


# --- migrations -----------------------------------------------------------------------------

def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(None)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; refuse a database made by a newer version.

    On SQLite the whole migration runs in one ``BEGIN IMMEDIATE`` transaction and the revision is
    read again once the write lock is held, so two windows opening a new file at the same moment
    migrate it once (the second waits, then finds it done) instead of failing on a locked table.
    """
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = alembic_config(engine)
    script = ScriptDirectory.from_config(cfg)

    def needed(current: str | None) -> bool:
        if current is not None and not _known(script, current):
            raise StorageError("db_newer", current, revision=current)
        return not (current == script.get_current_head() and revision == "head")

    with storage_errors():
        if not needed(current_revision(engine)):
            return
        if engine.dialect.name == "postgresql":
            _upgrade_postgres(engine, cfg, revision, needed)
            return
        if engine.dialect.name != "sqlite":
            current = current_revision(engine)
            if current is not None:
                _backup_before_migration(engine)
            log.info("migrating database from %s to %s", current, revision)
            command.upgrade(cfg, revision)
            return
        with engine.execution_options(pmi_write=True).connect() as conn:
            # Batch migrations rebuild tables (create, copy, DROP, rename); with foreign keys on,
            # the DROP would cascade to child rows. The pragma only works outside a transaction.
            raw = conn.connection.dbapi_connection
            raw.execute("PRAGMA foreign_keys=OFF")
            try:
                conn.begin()  # BEGIN IMMEDIATE (see create_engine): another window waits here
                current = MigrationContext.configure(conn).get_current_revision()
                if not needed(current):
                    conn.rollback()
                    return
                if current is not None:
                    _backup_before_migration(engine)
                log.info("migrating database from %s to %s", current, revision)
                cfg.attributes["engine"] = _HeldConnection(conn)  # env.py migrates on it and commits
                command.upgrade(cfg, revision)
                if conn.in_transaction():
                    conn.commit()
            finally:
                if conn.in_transaction():
                    conn.rollback()
                raw.execute("PRAGMA foreign_keys=ON")  # the pooled connection goes back as it came


MIGRATION_LOCK = 7_203_114  # pg_advisory lock key: one seat migrates, the others wait


def _upgrade_postgres(engine: Engine, cfg, revision: str, needed) -> None:
    """PostgreSQL: the whole migration in one transaction (DDL is transactional) under an advisory
    lock, the revision read again once it is held: seats starting at once migrate only once. The
    schema is not backed up here (that is pg_dump's job on the server, see README)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        conn.begin()
        try:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            current = MigrationContext.configure(conn).get_current_revision()
            if not needed(current):
                return
            log.info("migrating database from %s to %s", current, revision)
            cfg.attributes["engine"] = _HeldConnection(conn)
            command.upgrade(cfg, revision)
            if conn.in_transaction():
                conn.commit()
        finally:
            if conn.in_transaction():
                conn.rollback()


class _HeldConnection:
    """Stands in for the engine in ``migrations/env.py``: its ``connect()`` gives the connection
    that already holds the write lock (alembic then runs inside that transaction)."""

    def __init__(self, conn: sa.Connection):
        self._conn = conn

    @contextmanager
    def connect(self) -> Iterator[sa.Connection]:
        yield self._conn


def _backup_before_migration(engine: Engine) -> None:
    """An existing SQLite file is copied to ``<data dir>/backups`` before its schema changes."""
    from app.core.backup import backup_file, sqlite_path

    source = sqlite_path(engine.url.render_as_string(hide_password=False))
    if source is not None and source.exists():
        backup_file(source, paths.data_dir() / "backups", "before-migration")


def _known(script, rev: str) -> bool:
    try:
        return script.get_revision(rev) is not None
    except Exception:  # alembic raises its own error for an unknown revision id
        return False
