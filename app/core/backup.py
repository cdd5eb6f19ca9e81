"""Backups, verification, restore and the check at start (no Qt).

- Copies are made with SQLite's online backup API (consistent while the app is in use), written to
  a ``.partial`` file, checked, and only then renamed to ``pmi-desk-<UTC time>-<reason>.sqlite3``.
- Scans (``<data dir>/scans``, files named by their SHA-256) are copied into ``scans/`` beside the
  backups; they never change, so each backup copies only the new ones.
- Rotation keeps the newest backup of each of the last 7 days with a backup, then of each of the
  4 weeks before those (the rules of ``borg prune --keep-daily 7 --keep-weekly 4``). Safety copies
  (``before-migration``, ``before-restore``) are not rotated.
- A restore verifies the backup (integrity check, the tables of a PMI Desk database, row counts)
  before the live file is touched, keeps the replaced file as a ``before-restore`` safety copy, and
  puts the new file in place with one atomic rename. PMI Desk must not be running meanwhile.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from app.core.errors import StorageError

log = logging.getLogger("app.backup")

WIB = timezone(timedelta(hours=7), "WIB")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
ROTATED_REASONS = ("daily", "manual", "start")
REQUIRED_TABLES = ("alembic_version", "applicant", "audit_entry", "user")
_NAME = re.compile(r"^pmi-desk-(\d{8}T\d{6}\d{6})Z-([a-z-]+)\.sqlite3$")
BACKUP_DIR_SETTING = "backup.folder"  # declared in app.core.office_settings
_LEGACY_BACKUP_DIR_SETTING = "backup_dir"  # databases set up before the office settings


def sqlite_path(url: str) -> Path | None:
    """The file behind a ``sqlite:///`` URL, or None for other databases and in-memory ones."""
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    path = url[len(prefix):].split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path)


# --- checks ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Verification:
    """What a check of one database file found."""

    path: Path
    ok: bool
    integrity: str  # "ok", or SQLite's first complaint, or why the file could not be read
    tables: dict[str, int] = field(default_factory=dict)  # row counts
    revision: str | None = None  # the schema revision (alembic_version)

    @property
    def applicants(self) -> int:
        return self.tables.get("applicant", 0)


def verify(path: Path, *, quick: bool = False) -> Verification:
    """Open ``path`` read-only and check it: ``PRAGMA integrity_check`` (``quick_check`` with
    ``quick``), the tables every PMI Desk database has, and the row count of every table."""
    path = Path(path)
    if not path.is_file():
        return Verification(path, False, "missing")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=15)
    except sqlite3.Error as exc:
        return Verification(path, False, str(exc))
    try:
        rows = con.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
        integrity = "ok" if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:5])
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
        tables = {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.Error as exc:  # "file is not a database", "database disk image is malformed"
        return Verification(path, False, str(exc))
    finally:
        con.close()
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if integrity == "ok" and missing:
        integrity = "not a PMI Desk database (no " + ", ".join(missing) + ")"
    return Verification(path, integrity == "ok", integrity, tables, revision)


def verify_backup(path: Path) -> Verification:
    """The full check a backup passes before it may replace the live database."""
    return verify(path, quick=False)


# --- making backups ----------------------------------------------------------------------------

def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")


def backup_name(reason: str, now: datetime | None = None) -> str:
    return f"pmi-desk-{_stamp(now)}-{reason}.sqlite3"


def _storage_error(exc: BaseException, target: Path) -> StorageError:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return StorageError("disk_full", str(exc))
    if isinstance(code, int) and code & 0xFF == sqlite3.SQLITE_FULL:
        return StorageError("disk_full", str(exc))
    return StorageError("backup_failed", str(exc), reason=f"{target}: {exc}")


def backup_file(source: Path, dest_dir: Path, reason: str, *, now: datetime | None = None) -> Path:
    """Copy ``source`` into ``dest_dir`` as ``pmi-desk-<UTC time>-<reason>.sqlite3`` and check it.

    The copy is written under a ``.partial`` name and renamed only once it passed ``quick_check``,
    so a backup folder never holds a half-written file under a backup's name."""
    dest_dir = Path(dest_dir)
    target = dest_dir / backup_name(reason, now)
    partial = target.with_name(target.name + ".partial")
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(source, timeout=15)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst, pages=1024)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
                ok = dst.execute("PRAGMA quick_check").fetchone()[0]
            finally:
                dst.close()
        finally:
            src.close()
        if ok != "ok":
            raise sqlite3.DatabaseError(f"backup of {source} failed its check: {ok}")
        _fsync(partial)
        os.replace(partial, target)
        _fsync_dir(dest_dir)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise _storage_error(exc, target) from exc
    log.info("backup of %s written to %s (%s)", source, target, reason)
    return target


def _fsync(path: Path) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_scans(scans_dir: Path | None, dest_dir: Path) -> int:
    """Copy the scans not yet in ``dest_dir/scans``; the number copied. A scan whose name is its
    SHA-256 is checked against its content after the copy."""
    if scans_dir is None or not Path(scans_dir).is_dir():
        return 0
    target_dir = Path(dest_dir) / "scans"
    copied = 0
    for src in sorted(Path(scans_dir).rglob("*")):
        if not src.is_file() or src.name.endswith(".partial"):
            continue
        target = target_dir / src.relative_to(scans_dir)
        if target.exists() and target.stat().st_size == src.stat().st_size:
            continue
        partial = target.with_name(target.name + ".partial")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, partial)
            if re.fullmatch(r"[0-9a-f]{64}", target.stem) and _sha256(partial) != target.stem:
                raise OSError(errno.EIO, f"copy of {src} does not match its SHA-256")
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise _storage_error(exc, target) from exc
        copied += 1
    return copied


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class BackupResult:
    path: Path
    verification: Verification
    scans_copied: int
    removed: list[Path]  # older backups rotated away


def run_backup(db_path: Path, dest_dir: Path, scans_dir: Path | None = None, *, reason: str = "manual",
               now: datetime | None = None, rotate_backups: bool = True) -> BackupResult:
    """One backup: the database (backup API), the new scans, a full check of the copy, rotation."""
    path = backup_file(Path(db_path), Path(dest_dir), reason, now=now)
    check = verify_backup(path)
    if not check.ok:
        path.unlink(missing_ok=True)
        raise StorageError("backup_invalid", check.integrity, reason=check.integrity)
    copied = backup_scans(scans_dir, Path(dest_dir))
    removed = rotate(Path(dest_dir)) if rotate_backups else []
    return BackupResult(path, check, copied, removed)


# --- rotation ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class BackupFile:
    path: Path
    at: datetime  # UTC
    reason: str

    @property
    def day(self) -> date:
        return self.at.astimezone(WIB).date()


def list_backups(dest_dir: Path) -> list[BackupFile]:
    """Backups in ``dest_dir``, newest first (by the time in their names)."""
    out = []
    if not Path(dest_dir).is_dir():
        return out
    for path in Path(dest_dir).iterdir():
        m = _NAME.match(path.name)
        if not m or not path.is_file():
            continue
        at = datetime.strptime(m[1], "%Y%m%dT%H%M%S%f").replace(tzinfo=timezone.utc)
        out.append(BackupFile(path, at, m[2]))
    out.sort(key=lambda b: (b.at, b.path.name), reverse=True)
    return out


def to_keep(backups: list[BackupFile], *, daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY) -> set[Path]:
    """Which rotated backups stay: newest of each of the last ``daily`` days, then newest of each
    of ``weekly`` weeks among those not kept already (WIB days, ISO weeks); the newest always."""
    rotated = [b for b in backups if b.reason in ROTATED_REASONS]
    keep: set[Path] = {rotated[0].path} if rotated and not daily else set()
    for n, period in ((daily, lambda b: b.day), (weekly, lambda b: b.day.isocalendar()[:2])):
        last, count = None, 0
        for b in rotated:
            if count >= n:
                break
            p = period(b)
            if p != last:
                last = p
                if b.path not in keep:
                    keep.add(b.path)
                    count += 1
    return keep


def rotate(dest_dir: Path) -> list[Path]:
    """Delete the rotated backups ``to_keep`` does not keep; the deleted paths."""
    backups = list_backups(dest_dir)
    keep = to_keep(backups)
    removed = []
    for b in backups:
        if b.reason in ROTATED_REASONS and b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    if removed:
        log.info("rotated away %d old backups in %s", len(removed), dest_dir)
    return removed


def daily_backup_if_due(db_path: Path, dest_dir: Path, scans_dir: Path | None = None, *,
                        now: datetime | None = None) -> BackupResult | None:
    """A ``daily`` backup unless ``dest_dir`` has one from today (WIB) already. Called at start
    (before migrations) and by the running GUI now and then."""
    now = now or datetime.now(timezone.utc)
    today = now.astimezone(WIB).date()
    if not Path(db_path).is_file():
        return None
    if any(b.day == today for b in list_backups(dest_dir) if b.reason in ROTATED_REASONS):
        return None
    return run_backup(db_path, dest_dir, scans_dir, reason="daily", now=now)


def latest_good_backup(*dirs: Path) -> Verification | None:
    """The newest backup in ``dirs`` that passes its check (damaged ones are skipped)."""
    candidates = sorted((b for d in dirs if d is not None for b in list_backups(d)),
                        key=lambda b: b.at, reverse=True)
    for b in candidates:
        check = verify(b.path, quick=True)
        if check.ok:
            return check
        log.warning("backup %s failed its check: %s", b.path, check.integrity)
    return None


# --- restore -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    verification: Verification
    safety_copy: Path | None  # the replaced live file, or None when there was none


def restore(backup: Path, live_path: Path, *, safety_dir: Path | None = None,
            now: datetime | None = None,
            before_swap: Callable[[Path, Verification, Path | None], None] | None = None) -> RestoreResult:
    """Replace the live database by ``backup`` once the backup passed ``verify_backup``.

    1. the backup is checked (integrity, tables, row counts): a bad one changes nothing;
    2. it is copied (backup API) beside the live file and the copy is checked again;
    3. the live file (with its WAL) is kept as ``pmi-desk-<time>-before-restore.sqlite3``;
    4. ``before_swap(copy, verification, safety_copy)`` may still write into the copy (the audit
       entry of the restore, see ``restore_database``);
    5. the live WAL/SHM files are removed (they belong to the old file) and the copy is renamed
       over the live file in one atomic step.

    This is the file operation only: people restore through ``restore_database`` (permission and
    audit).
    """
    backup, live_path = Path(backup), Path(live_path)
    if not backup.is_file():
        raise StorageError("backup_not_found", str(backup), value=str(backup))
    check = verify_backup(backup)
    if not check.ok:
        raise StorageError("backup_invalid", check.integrity, reason=check.integrity)
    incoming = live_path.with_name(live_path.name + ".restoring")
    try:
        live_path.parent.mkdir(parents=True, exist_ok=True)
        incoming.unlink(missing_ok=True)
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(incoming)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        again = verify_backup(incoming)
        if not again.ok or again.tables != check.tables:
            raise StorageError("backup_invalid", again.integrity, reason=again.integrity)
        _fsync(incoming)
        safety = _safety_copy(live_path, safety_dir or live_path.parent / "backups", now) \
            if live_path.exists() else None
        if before_swap is not None:
            before_swap(incoming, check, safety)
            _fsync(incoming)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(str(live_path) + suffix).unlink(missing_ok=True)
        os.replace(incoming, live_path)
        _fsync_dir(live_path.parent)
    except (OSError, sqlite3.Error) as exc:
        incoming.unlink(missing_ok=True)
        raise _storage_error(exc, live_path) from exc
    except BaseException:
        incoming.unlink(missing_ok=True)
        raise
    log.info("restored %s from %s (safety copy %s)", live_path, backup, safety)
    return RestoreResult(backup, check, safety)


def _safety_copy(live: Path, dest_dir: Path, now: datetime | None) -> Path:
    """The live file as it was, WAL included: through the backup API when it still opens, else
    the raw files (a damaged database is kept as it is, for a specialist)."""
    try:
        return backup_file(live, dest_dir, "before-restore", now=now)
    except StorageError as exc:
        if exc.code == "disk_full":
            raise
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / backup_name("before-restore", now)
    shutil.copyfile(live, target)
    for suffix in ("-wal", "-shm"):
        extra = Path(str(live) + suffix)
        if extra.exists():
            shutil.copyfile(extra, Path(str(target) + suffix))
    return target


# --- the check at start ------------------------------------------------------------------------

@dataclass(frozen=True)
class StartCheck:
    """What the GUI shows before opening the database: all well, or the damage and the latest
    good backup to offer (``message`` / ``message_en`` are ready to show)."""

    ok: bool
    path: Path
    integrity: str
    latest_good: Verification | None
    backup_made: Path | None = None

    @property
    def message(self) -> str:
        from app.core.messages import render

        if self.ok:
            return ""
        return render("db_damaged", "id", detail=self.integrity,
                      backup=str(self.latest_good.path) if self.latest_good else render("backup_none", "id"))

    @property
    def message_en(self) -> str:
        from app.core.messages import render

        if self.ok:
            return ""
        return render("db_damaged", "en", detail=self.integrity,
                      backup=str(self.latest_good.path) if self.latest_good else render("backup_none", "en"))


def check_at_start(db_path: Path, backup_dir: Path, scans_dir: Path | None = None, *,
                   extra_dirs: tuple[Path, ...] = (), backup: bool = True,
                   now: datetime | None = None) -> StartCheck:
    """``PRAGMA quick_check`` of the live file; when it is sound, the daily backup if due (this
    runs before migrations). A new installation (no file yet) is ok. When damaged or unreadable:
    not ok, with the latest good backup (for the GUI's restore offer, or ``pmi-desk check``)."""
    db_path = Path(db_path)
    if not db_path.exists():
        return StartCheck(True, db_path, "new", None)
    check = verify(db_path, quick=True)
    if not check.ok:
        return StartCheck(False, db_path, check.integrity, latest_good_backup(backup_dir, *extra_dirs))
    made = None
    if backup:
        try:
            result = daily_backup_if_due(db_path, backup_dir, scans_dir, now=now)
            made = result.path if result else None
        except StorageError as exc:  # a full backup disk must not keep the office from working
            log.warning("daily backup failed: %s", exc)
    return StartCheck(True, db_path, "ok", None, made)


def office_code_of(db_path: Path) -> str | None:
    """The local office code recorded in a database file (read-only), or None."""
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
        try:
            row = con.execute("SELECT value FROM app_setting WHERE key = 'local_office'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row and row[0] else None


def configured_backup_dir(db_path: Path) -> Path | None:
    """The chosen extra backup folder (a USB disk), read without migrating or locking anything;
    None when not set or unreadable."""
    try:
        con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1)
        try:
            rows = dict(con.execute("SELECT key, value FROM app_setting WHERE key IN (?, ?)",
                                    (BACKUP_DIR_SETTING, _LEGACY_BACKUP_DIR_SETTING)).fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return None
    value = rows.get(BACKUP_DIR_SETTING, rows.get(_LEGACY_BACKUP_DIR_SETTING))
    return Path(value) if value else None


# --- services for the GUI and the start sequence -------------------------------------------------

def default_backup_dir() -> Path:
    from app import paths

    return paths.data_dir() / "backups"


def scans_dir() -> Path:
    from app import paths

    return paths.data_dir() / "scans"


def backup_dirs(db_path: Path) -> list[Path]:
    """Where backups go and are looked for: ``<data dir>/backups``, and the chosen folder (a USB
    disk) when one is set."""
    dirs = [default_backup_dir()]
    extra = configured_backup_dir(db_path) if Path(db_path).exists() else None
    if extra is not None and extra not in dirs:
        dirs.append(extra)
    return dirs


def at_start(db_path: Path, *, now: datetime | None = None) -> StartCheck:
    """The start sequence before the database is opened (and migrated): quick check, then the
    daily backup to the data dir and to the chosen folder when it is plugged in."""
    dirs = backup_dirs(db_path)
    result = check_at_start(db_path, dirs[0], scans_dir(), extra_dirs=tuple(dirs[1:]), now=now)
    if result.ok:
        for extra in dirs[1:]:
            if extra.is_dir():
                try:
                    daily_backup_if_due(db_path, extra, scans_dir(), now=now)
                except StorageError as exc:
                    log.warning("daily backup to %s failed: %s", extra, exc)
    return result


def start_check_in_background():
    """Begin ``at_start`` (quick check, daily backup) on a worker thread, so that SQLite reading
    the file overlaps with Python importing the app (the check runs in C without the GIL: on
    200,000 applicants both take about 0.6 s). A future, or None for a database that is not a
    SQLite file."""
    from concurrent.futures import ThreadPoolExecutor

    from app import paths

    live = sqlite_path(paths.database_url())
    if live is None:
        return None
    pool = ThreadPoolExecutor(1, thread_name_prefix="start-check")
    future = pool.submit(at_start, live)
    pool.shutdown(wait=False)
    return future


def _live(db) -> Path:
    path = sqlite_path(db.engine.url.render_as_string(hide_password=False))
    if path is None:
        raise StorageError("db_on_server", "not a SQLite file")  # PostgreSQL: pg_dump on the server
    return path


def backup_now(db, actor, *, dest_dir: Path | None = None, reason: str = "manual") -> BackupResult:
    """A backup a person asked for (the GUI's button): to ``dest_dir``, or to the data dir and the
    chosen folder. Audited."""
    from app.core import audit
    from app.core.permissions import require

    require(actor, "backup.run")
    live = _live(db)
    targets = [Path(dest_dir)] if dest_dir is not None else [d for d in backup_dirs(live) if
                                                            d == default_backup_dir() or d.is_dir()]
    results = [run_backup(live, d, scans_dir(), reason=reason) for d in targets]
    with db.session() as session:
        audit.record(session, actor, "backup", "database", None, {
            "to": [None, [str(r.path) for r in results]], "applicants": [None, results[0].verification.applicants]})
    return results[0]


def set_backup_dir(db, actor, folder: str | Path | None) -> Path | None:
    """Choose the extra backup folder (a USB disk) that must be plugged in now; None or "" stops
    using one. (The settings screen goes through ``office_settings``, which also accepts a folder
    that is not plugged in at the moment.)"""
    from app.core import office_settings
    from app.core.errors import FieldError, ValidationError
    from app.core.permissions import require

    require(actor, "settings.manage")
    if folder not in (None, ""):
        if not isinstance(folder, (str, Path)) or "\x00" in str(folder):
            raise ValidationError(FieldError(BACKUP_DIR_SETTING, "not_text"))
        path = Path(folder).expanduser()
        if not path.is_absolute() or not path.is_dir() or not os.access(path, os.W_OK):
            raise ValidationError(FieldError(BACKUP_DIR_SETTING, "backup_not_found", {"value": str(folder)[:200]}))
    stored = office_settings.set_value(db, actor, BACKUP_DIR_SETTING, str(folder) if folder else "")
    return Path(stored) if stored else None


# --- the daily backup while the app stays open --------------------------------------------------

@dataclass(frozen=True)
class DailyReport:
    """What one daily run did: ``made`` the new backups (none when today's exist already); a
    problem with the local folder or the extra folder is a code for ``messages`` (the other
    folder is still backed up)."""

    made: list[Path]
    extra_folder: Path | None = None
    local_error: StorageError | None = None
    extra_error: StorageError | None = None

    @property
    def ok(self) -> bool:
        return self.local_error is None and self.extra_error is None

    def text(self, lang: str = "id") -> str:
        """One line for the status bar ("" when nothing was due and nothing failed)."""
        from app.core.messages import render

        parts = []
        if self.made:
            parts.append(render("daily_backup_done", lang, count=len(self.made),
                                path=", ".join(str(p.parent) for p in self.made)))
        for error in (self.local_error, self.extra_error):
            if error is not None:
                parts.append(error.message if lang == "id" else error.message_en)
        return " ".join(parts)


def daily_backup_due(db_path: Path, *, now: datetime | None = None) -> bool:
    """True when the local backup folder has no rotated backup from today (WIB): the app was left
    open past midnight, or the last automatic backup is older than a day. Cheap (a folder
    listing)."""
    now = now or datetime.now(timezone.utc)
    today = now.astimezone(WIB).date()
    return Path(db_path).is_file() and not any(
        b.day == today for b in list_backups(default_backup_dir()) if b.reason in ROTATED_REASONS)


def run_daily(db_path: Path, *, now: datetime | None = None) -> DailyReport:
    """The daily backup (with rotation) to ``<data dir>/backups`` and to the extra folder when one
    is set. Each folder on its own: a full local disk does not stop the USB copy, and a USB disk
    that is not plugged in gives ``backup_folder_missing`` while the local backup is made. No
    actor: the running application does it for whoever is signed in (like the backup at start).
    Runs off the GUI thread; reads through its own connection (WAL: never blocks the writers)."""
    db_path = Path(db_path)
    made: list[Path] = []
    local_error = extra_error = None
    try:
        result = daily_backup_if_due(db_path, default_backup_dir(), scans_dir(), now=now)
        if result is not None:
            made.append(result.path)
    except StorageError as exc:
        log.warning("daily backup failed: %s", exc)
        local_error = exc
    extra = configured_backup_dir(db_path)
    if extra is not None and extra != default_backup_dir():
        if not extra.is_dir():
            extra_error = StorageError("backup_folder_missing", str(extra), folder=str(extra))
            log.info("extra backup folder %s is not available", extra)
        else:
            try:
                result = daily_backup_if_due(db_path, extra, scans_dir(), now=now)
                if result is not None:
                    made.append(result.path)
            except StorageError as exc:
                log.warning("daily backup to %s failed: %s", extra, exc)
                extra_error = StorageError("backup_folder_failed", str(exc), folder=str(extra),
                                           reason_id=exc.message, reason_en=exc.message_en)
    return DailyReport(made, extra, local_error, extra_error)


# --- restore as a service (permission and audit) ----------------------------------------------

def restore_database(actor, backup_path: Path, live_path: Path, *, safety_dir: Path | None = None,
                     now: datetime | None = None) -> RestoreResult:
    """Restore ``live_path`` from ``backup_path`` for ``actor`` (``backup.restore``: admins).

    The audit entry (who, which file, the verification figures, where the replaced file was kept)
    is written into the restored copy itself before it is swapped in: it cannot be lost with the
    replaced database and it is there exactly when the restore happened (the swap is one rename).
    The replaced database, with the history up to the restore, stays as the safety copy. Every
    connection to the live file must be closed first (``db.dispose()``): PMI Desk restarts after.
    Works on a damaged live file too (nothing is read from it but its bytes)."""
    from app.core.permissions import require

    require(actor, "backup.restore")

    def record(copy: Path, check: Verification, safety: Path | None) -> None:
        import sqlalchemy as sa
        from sqlmodel import Session

        from app.core import audit

        engine = sa.create_engine(f"sqlite:///{copy}", poolclass=sa.pool.NullPool)
        try:
            with Session(engine) as session:
                audit.record(session, actor, "restore", "database", None, {
                    "from": [None, str(Path(backup_path))],
                    "integrity": [None, check.integrity],
                    "revision": [None, check.revision],
                    "applicants": [None, check.applicants],
                    "tables": [None, check.tables],
                    "safety_copy": [None, str(safety) if safety else None],
                })
                session.commit()
        except sa.exc.DBAPIError as exc:  # disk full, read-only folder: reported like the copy's errors
            raise exc.orig from exc
        finally:
            engine.dispose()

    return restore(Path(backup_path), Path(live_path), safety_dir=safety_dir, now=now, before_swap=record)


def restore_now(db, actor, backup_path: Path) -> RestoreResult:
    """``restore_database`` for the open database ``db`` (the GUI): its connections are closed
    first; the caller closes the application afterwards."""
    from app.core.permissions import require

    require(actor, "backup.restore")  # before anything is closed
    live = _live(db)
    db.dispose()
    return restore_database(actor, Path(backup_path), live)


def administrator_of(backup_path: Path, username, password):
    """The ``Actor`` of an active administrator whose username and password are right *in the
    backup* (the damaged-database screen at start: the live file cannot be signed in to). Read
    only: nothing is counted or written; a wrong username or password and an inactive account are
    the sign-in's ``wrong_credentials``, another role ``PermissionDenied`` (``backup.restore``)."""
    from app.core import credentials
    from app.core.actor import Actor
    from app.core.errors import UserError
    from app.core.permissions import require

    name = username.strip() if isinstance(username, str) else ""
    if not isinstance(password, str) or len(password) > credentials.MAX_PASSWORD_LENGTH:
        password = ""
    try:
        con = sqlite3.connect(f"file:{Path(backup_path)}?mode=ro", uri=True, timeout=5)
        try:
            row = con.execute('SELECT password_hash, role, active, office_code, full_name FROM "user" '
                              "WHERE username = ?", (name,)).fetchone() if name else None
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise StorageError("backup_invalid", str(exc), reason=str(exc)) from exc
    if row is None:
        credentials.verify(credentials.dummy_hash(), password)  # the same work as for a real user
        raise UserError("wrong_credentials")
    password_hash, role, active, office_code, full_name = row
    if not credentials.verify(password_hash, password) or not active:
        raise UserError("wrong_credentials")
    actor = Actor(name, office_code, role, full_name or "")
    require(actor, "backup.restore")
    return actor
