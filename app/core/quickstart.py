"""The GUI's quick start on a SQLite file: signed in and the applicant list showing before the
database stack (SQLAlchemy, SQLModel, pydantic, the models: about half a second of imports) is
loaded. No SQLAlchemy and no Qt here.

``open_quick`` says whether the quick start applies: an existing SQLite file whose schema is at
the head revision named in the migration scripts (read without Alembic), with this office and an
administrator set up. Anything else (a new file, a migration due, first start, PostgreSQL, an
unreadable file) takes the full path (``app.core.startup.open_database``).

``LazyDatabase`` stands in for ``app.db.Database``:
- ``driver_reading()`` reads through plain ``sqlite3`` connections (``PRAGMA query_only``): the
  sign-in, the list's pages and counts, office settings;
- everything else (``session()``, ``reading()``, ``engine``) goes to a real ``Database`` made on
  first use (``load()``, which the GUI calls on a worker thread once the window shows);
- **no write before the start-up check**: the quick check (and daily backup) runs on a worker
  thread from the first moment (``StartGate``); a writing ``session()`` waits for it and is
  refused with ``db_corrupt`` when the file is damaged, and the GUI, which polls the gate, then
  closes the window for the damaged-database screen. A successful sign-in's audit entry is
  written by ``defer``-ed work after the check has passed.
"""

from __future__ import annotations

import queue
import re
import sqlite3
import threading
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from app.core.actor import OfficeInfo
from app.core.errors import StorageError, sqlite_storage_error

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

_REVISION = re.compile(r"""^revision\s*(?::\s*\w+\s*)?=\s*['"]([^'"]+)['"]""", re.M)
_DOWN = re.compile(r"""^down_revision\s*(?::[^=]+)?=\s*(.+)$""", re.M)


def head_from_scripts(versions: Path | None = None) -> str | None:
    """The single head revision of the migration scripts, or None when unsure (branches, odd
    files). A test holds it equal to Alembic's own ``get_current_head``."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (versions or MIGRATIONS_DIR / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev = _REVISION.search(text)
        down = _DOWN.search(text)
        if rev is None or down is None:
            return None
        revisions.add(rev[1])
        parents.update(re.findall(r"""['"]([^'"]+)['"]""", down[1]))
    heads = revisions - parents
    return next(iter(heads)) if len(heads) == 1 else None


def connect(path: Path, *, reading: bool = True) -> sqlite3.Connection:
    """A connection with the pragmas of ``app.db.create_engine`` (no file is created); a
    ``reading`` one cannot write (``PRAGMA query_only``)."""
    con = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=15, isolation_level=None,
                          check_same_thread=False)
    if reading:
        con.execute("PRAGMA query_only=1")  # this path never writes
    con.execute("PRAGMA busy_timeout=15000")
    con.execute("PRAGMA cache_size=-65536")  # 64 MiB page cache, as app.db
    return con


class _Result:
    """The part of SQLAlchemy's ``CursorResult`` the raw readers use."""

    __slots__ = ("_cur",)

    def __init__(self, cur: sqlite3.Cursor):
        self._cur = cur

    def scalar(self) -> Any:
        row = self._cur.fetchone()
        return None if row is None else row[0]

    def first(self) -> tuple | None:
        return self._cur.fetchone()

    def fetchall(self) -> list[tuple]:
        return self._cur.fetchall()


class RawConnection:
    """``exec_driver_sql`` over a ``sqlite3`` connection, as SQLAlchemy's ``Connection`` offers it
    (``:name`` parameters from a dict, or ``?`` from a tuple)."""

    __slots__ = ("con",)

    def __init__(self, con: sqlite3.Connection):
        self.con = con

    def exec_driver_sql(self, sql: str, params: Any = ()) -> _Result:
        return _Result(self.con.execute(sql, params))


@dataclass(frozen=True)
class Probe:
    """What the quick start needs to know of a file, read in one go."""

    revision: str | None
    office: OfficeInfo | None
    has_admin: bool


def probe(con: sqlite3.Connection) -> Probe | None:
    """The stored revision, this office and whether an administrator exists; None when the
    file does not look like a PMI Desk database (the full path then says what is wrong)."""
    try:
        tables = {r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
            "('alembic_version', 'app_setting', 'office', 'user')")}
        if len(tables) < 4:
            return None
        revisions = [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
        code = con.execute("SELECT value FROM app_setting WHERE key = 'local_office'").fetchone()
        office = None
        if code is not None:
            row = con.execute("SELECT code, name, kind FROM office WHERE code = ?", (code[0],)).fetchone()
            office = OfficeInfo(*row) if row is not None else None
        admin = con.execute("SELECT 1 FROM user WHERE role = 'admin' LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return None
    return Probe(revisions[0] if len(revisions) == 1 else None, office, admin)


def _utc(value: str | None) -> datetime | None:
    """A ``UTCDateTime`` column as SQLAlchemy reads it on SQLite (stored naive UTC)."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=timezone.utc)


def read_account(conn: RawConnection, username: str):
    """The ``credentials.AccountRow`` of ``username``, or None."""
    from app.core.credentials import AccountRow

    row = conn.exec_driver_sql(
        "SELECT username, full_name, role, office_code, password_hash, active, must_change_password, "
        "failed_attempts, locked_until FROM user WHERE username = ?", (username,)).first()
    if row is None:
        return None
    return AccountRow(row[0], row[1], row[2], row[3], row[4], bool(row[5]), bool(row[6]), row[7], _utc(row[8]))


class StartGate:
    """The start-up check (``backup.at_start``: quick check and daily backup) running on a worker
    thread. ``wait()`` gives its ``StartCheck``; a check that failed to run counts as passed (the
    database's own errors then tell what is wrong, as on the full path)."""

    def __init__(self, future: Future | None):
        self.future = future

    def done(self) -> bool:
        return self.future is None or self.future.done()

    def wait(self, timeout: float | None = None):
        """The check's result (None when there is nothing to check, or it raised)."""
        if self.future is None:
            return None
        try:
            return self.future.result(timeout)
        except TimeoutError:
            raise
        except Exception:  # noqa: BLE001 (reported by whatever reads the file next)
            return None

    def damaged(self) -> bool:
        """True when the check ran and found the file damaged (waits for it)."""
        check = self.wait()
        return check is not None and not check.ok

    def require(self) -> None:
        """Wait for the check; ``StorageError("db_corrupt")`` when the file is damaged."""
        check = self.wait()
        if check is not None and not check.ok:
            raise StorageError("db_corrupt", check.integrity)


class LazyDatabase:
    """``app.db.Database`` for the quick start (see the module docstring)."""

    dialect = "sqlite"

    def __init__(self, url: str, path: Path, gate: StartGate, office: OfficeInfo):
        self.url = url
        self.path = path
        self.gate = gate
        self.office = office  # read at the probe: no first start pending
        self._idle: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        self._all: list[sqlite3.Connection] = []
        self._full = None
        self._lock = threading.Lock()  # making the real Database
        self._pool_lock = threading.Lock()  # the list of raw connections
        self._deferred: list[tuple[Callable[[], Any], Future]] | None = []  # None once the loader took them
        self._loader: threading.Thread | None = None
        self.errors: list[BaseException] = []  # of deferred writes, for the GUI to show
        self.loaded = Future()  # the real Database, once loaded (or the error that stopped it)

    # --- the plain sqlite3 side ------------------------------------------------------------

    @contextmanager
    def driver_reading(self) -> Iterator[RawConnection]:
        """A read transaction on a pooled ``sqlite3`` connection; driver errors become
        ``StorageError`` as in ``Database.session``. Once the stack has loaded, the real
        Database's pool serves (one page cache per connection, not two)."""
        if self.loaded.done() and self._full is not None:
            with self._full.driver_reading() as conn:
                yield conn
            return
        try:
            con = self._idle.get_nowait()
        except queue.Empty:
            con = None
        try:
            if con is None:
                con = connect(self.path)
                with self._pool_lock:
                    self._all.append(con)
            con.execute("BEGIN")
        except sqlite3.Error as exc:
            raise sqlite_storage_error(exc) from exc
        try:
            yield RawConnection(con)
        except sqlite3.Error as exc:
            raise sqlite_storage_error(exc) from exc
        finally:
            try:
                if con.in_transaction:
                    con.execute("ROLLBACK")
            except sqlite3.Error:  # (a read that failed: the error above is the one to report)
                self._drop(con)
            else:
                self._idle.put(con)

    def _drop(self, con: sqlite3.Connection) -> None:
        with self._pool_lock:
            if con in self._all:
                self._all.remove(con)
        try:
            con.close()
        except sqlite3.Error:
            pass

    def _hand_over(self) -> sqlite3.Connection:
        """The real engine's ``creator``: an idle connection of ours with its warm page cache
        (one cache per connection, not two), else a new one; the engine's pool owns it from now
        on (its connect event sets the same pragmas, and writes are allowed again)."""
        try:
            con = self._idle.get_nowait()
        except queue.Empty:
            return connect(self.path, reading=False)
        with self._pool_lock:
            if con in self._all:
                self._all.remove(con)
        con.execute("PRAGMA query_only=0")
        return con

    # --- the database stack ------------------------------------------------------------------

    def full(self):
        """The real ``Database`` (imported and made now if not yet: about half a second)."""
        with self._lock:
            if self._full is None:
                from app.db import Database, create_engine

                self._full = Database(create_engine(self.url, creator=self._hand_over))
            return self._full

    @property
    def engine(self):
        return self.full().engine

    def session(self, *, write: bool = True):
        """``Database.session``; a writing one first waits for the start-up check."""
        if write:
            self.gate.require()
        return self.full().session(write=write)

    def reading(self):
        return self.full().reading()

    def defer(self, work: Callable[[], Any]) -> Future:
        """Run ``work`` (a write) on the loader thread once the stack is loaded and the start-up
        check has passed; dropped (the future gets ``StorageError``) when the file is damaged."""
        future: Future = Future()
        with self._pool_lock:
            if self._deferred is not None:
                self._deferred.append((work, future))
                return future
        try:  # the loader is past its deferred writes: this one runs now
            self.gate.require()
            future.set_result(work())
        except BaseException as exc:  # noqa: BLE001
            future.set_exception(exc)
        return future

    def start_loading(self) -> None:
        """Load the stack on a worker thread, wait for the check, run the deferred writes."""
        if self._loader is None:
            self._loader = threading.Thread(target=self._load, name="database-stack")
            self._loader.start()

    def _load(self) -> None:
        try:
            full = self.full()
            import app.core.auth  # noqa: F401  (the sign-in's write, the lock screen, settings)
        except BaseException as exc:  # noqa: BLE001 (handed to the GUI through the future)
            with self._pool_lock:
                deferred, self._deferred = self._deferred, None
            for _work, future in deferred:
                future.set_exception(exc)
            self.loaded.set_exception(exc)
            return
        damaged = None
        try:
            self.gate.require()
        except StorageError as exc:
            damaged = exc
        with self._pool_lock:
            deferred, self._deferred = self._deferred, None
        for work, future in deferred:
            if damaged is not None:
                future.set_exception(damaged)
                continue
            try:
                future.set_result(work())
            except BaseException as exc:  # noqa: BLE001
                self.errors.append(exc)
                future.set_exception(exc)
        self.loaded.set_result(full)  # the real Database serves reads from now on

    def finished(self) -> bool:
        """True once the stack is loaded, the check is known and the deferred writes are done."""
        return self.loaded.done()

    def dispose(self) -> None:
        if self._loader is not None:
            self._loader.join()
        with self._pool_lock:
            for con in self._all:
                try:
                    con.close()
                except sqlite3.Error:
                    pass
            self._all.clear()
            self._idle = queue.SimpleQueue()
        if self._full is not None:
            self._full.dispose()


def open_quick(url: str, gate: StartGate) -> LazyDatabase | None:
    """A ``LazyDatabase`` when the quick start applies (see the module docstring), else None."""
    from app.core.backup import sqlite_path

    path = sqlite_path(url)
    if path is None or not path.is_file():
        return None
    head = head_from_scripts()
    try:
        con = connect(path)
    except sqlite3.Error:
        return None
    try:
        found = probe(con)
    finally:
        con.close()
    if found is None or head is None or found.revision != head or found.office is None or not found.has_admin:
        return None
    return LazyDatabase(url, path, gate, found.office)


def sign_in(db: LazyDatabase, username, password, now: datetime | None = None):
    """``auth.sign_in`` on the quick start: the account is read through ``sqlite3`` and the
    password checked (argon2) at once; a refusal, or a password that must be changed, is written
    now (waiting for the stack and the start-up check, as any write); a success is written by the
    loader (``defer``), so the window can show first. Returns ``(UserInfo, future)``: the future
    of the deferred write (None when written already)."""
    from app.core import credentials

    now = now or datetime.now(timezone.utc)
    name = credentials.lookup_name(username)
    account = None
    if name is not None:
        with db.driver_reading() as conn:
            account = read_account(conn, name)
    attempt = credentials.check(account, username, password, now)
    if attempt.outcome != credentials.OK or attempt.account.must_change_password or db.loaded.done():
        from app.core import auth

        return auth.record_sign_in(db, attempt), None

    def record():
        from app.core import auth

        return auth.record_sign_in(db, attempt)

    return attempt.account.info(), db.defer(record)
