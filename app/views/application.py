"""Start of the GUI: QApplication, translations, the crash hook, the database, first start, the
main window. Heavy modules (reportlab, faker, rapidfuzz…) are imported only when used."""

from __future__ import annotations

import logging
import os

log = logging.getLogger("app.ui")

ORGANIZATION = "Disnakertrans Kota Serang"
APPLICATION = "PMI Desk"


def _qapp(argv):
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    return app


def _storage_message(exc) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from app import paths
    from app.views import i18n

    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("Startup", "The database cannot be opened"),
                      i18n.message(exc))
    box.setInformativeText(QCoreApplication.translate(
        "Startup", "Database: %1").replace("%1", paths.database_url()))
    if getattr(exc, "detail", ""):
        box.setDetailedText(exc.detail)
    box.exec()


def start_actor(db, parent=None, *, offer_demo: bool = True, settings=None, office_name: str = ""):
    """The acting user: at first start the administrator just created (signed in directly), at
    every later start whoever signs in through ``SignInDialog`` (a password set by an
    administrator is changed there first). Returns None when the person quits the dialog.

    On the quick start (``quickstart.LazyDatabase``) the file was probed already: set up, with
    its office, so nothing here needs the database stack."""
    from PySide6.QtWidgets import QDialog

    quick = getattr(db, "office", None)
    if quick is None:
        from app.core import setup

        if setup.needs_first_start(db):
            from app.views.first_start import DemoOfferDialog, DemoRunner, FirstStartDialog

            dialog = FirstStartDialog(db, parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            actor = dialog.user.actor()
            if offer_demo:
                default = settings.get("demo/applicants") if settings is not None else 1000
                offer = DemoOfferDialog(default, parent=parent)
                if offer.exec() == QDialog.DialogCode.Accepted:
                    if settings is not None:
                        settings.set("demo/applicants", offer.count.value())
                    DemoRunner(db, actor, offer.count.value(), parent).run(wait=True)
            return actor
    from app.views.session.sign_in import SignInDialog

    if os.environ.get("PMI_DESK_STARTUP_REPORT") and os.environ.get("PMI_DESK_SIGN_IN_USER"):
        return _benchmark_sign_in(db)
    if not office_name:
        office_name = quick.name if quick is not None else setup.local_office(db).name
    dialog = SignInDialog(db, office_name, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.user.actor()


def _benchmark_sign_in(db):
    """The start-up benchmark (bench/bench_gui.py) signs in without a person: it names a user and
    the password in PMI_DESK_SIGN_IN_USER / PMI_DESK_SIGN_IN_PASSWORD. This is an ordinary
    ``auth.sign_in`` (lockout, audit), not a way around the password."""
    from app.core.errors import UserError
    from app.views.session.sign_in import sign_in

    try:
        user, _written = sign_in(db, os.environ["PMI_DESK_SIGN_IN_USER"], os.environ.get("PMI_DESK_SIGN_IN_PASSWORD", ""))
    except UserError as exc:
        log.error("benchmark sign-in refused: %s", exc.code)
        return None
    return user.actor()


def check_database_file(parent=None, pending=None) -> bool:
    """The start sequence before the database is opened: quick check and the daily backup
    (``backup.at_start``, or its ``pending`` future from ``backup.start_check_in_background``). A
    damaged file gets a clear screen offering the latest good backup. True to go on, False to
    quit."""
    from app import paths
    from app.core import backup

    live = backup.sqlite_path(paths.database_url())
    if live is None:  # PostgreSQL: its server keeps its own backups
        return True
    check = pending.result if pending is not None else (lambda: backup.at_start(live))
    from app.views.worker import run_busy
    from app.views.admin.damaged import DamagedDatabaseDialog

    from PySide6.QtCore import QCoreApplication

    result, error = run_busy(parent, "PMI Desk", QCoreApplication.translate("Startup", "Checking the database…"),
                             check)
    if error is not None or result.ok:
        return True  # an unreadable file is reported by open_database with its hint
    return DamagedDatabaseDialog(result, live, parent).exec() == 1


def run(argv: list[str], pending=None, quick=None) -> int:
    """The GUI. ``pending``: the start-up check already running (``cmd_gui`` starts it before Qt);
    ``quick``: the ``quickstart.LazyDatabase`` when ``cmd_gui`` found the quick start applies."""
    from app.marks import mark

    app = _qapp(argv)
    mark("qapplication")

    from app.views import crash, i18n
    from app.views.settings import Settings

    crash.install()
    settings = Settings()
    app._pmi_translator = i18n.install(app, settings.language)  # keep a reference

    if pending is None:
        from app.core.backup import start_check_in_background

        pending = start_check_in_background()
    mark("translations")
    db = quick if quick is not None else _open_quick(pending)
    if db is None:
        db = _open_full(pending)
        if isinstance(db, int):
            return db
    mark("database open")
    try:
        while True:
            code = _session(app, db, settings)
            if code is None:
                continue
            if code is not DAMAGED:
                return code
            # The quick start's check found the file damaged after the window showed (nothing
            # was written: writes wait for the check): the damaged-database screen, as at start.
            check = db.gate.wait()
            db.dispose()
            from app.views.admin.damaged import DamagedDatabaseDialog

            if DamagedDatabaseDialog(check, db.path).exec() != 1:
                return 0
            reopened = _open_full(None, checked=True)  # restored: open it as a start would
            if isinstance(reopened, int):
                return reopened
            db = reopened
    finally:
        db.dispose()


DAMAGED = object()  # _session's code when the quick start's check found the file damaged


def _open_quick(pending):
    """A ``quickstart.LazyDatabase`` when the quick start applies, else None."""
    from app import paths
    from app.core import quickstart

    return quickstart.open_quick(paths.database_url(), quickstart.StartGate(pending))


def _open_full(pending, *, checked: bool = False):
    """The full start: wait for the start-up check (damaged: the restore offer), then open and
    migrate (``startup.open_database``). The ``Database``, or the exit code."""
    from app.marks import mark

    if not checked:
        ok = check_database_file(pending=pending)
        mark("start check")
        if not ok:
            return 0
    from app.core.errors import StorageError
    from app.core.startup import open_database

    # Message boxes come after the except blocks (no modal event loop inside one).
    failure = None
    try:
        db = open_database()  # Database.open(), minus Alembic's import when nothing needs migrating
    except StorageError as exc:
        log.error("database cannot be opened: %s", exc)
        failure = exc
    if failure is not None:
        _storage_message(failure)
        return 1
    return db


def _session(app, db, settings):
    """One signed-in session: sign-in, the main window, the event loop. None after "Sign out"
    (sign in again), ``DAMAGED`` when the quick start's check found the file damaged, else the
    exit code."""
    from app.core.errors import StorageError
    from app.marks import mark

    failure = None
    window = None
    try:
        actor = start_actor(db, settings=settings)
        mark("signed in")
        if actor is not None:
            from app.views.main_window import MainWindow

            office = getattr(db, "office", None)
            if office is None:
                from app.core import setup

                office = setup.local_office(db)
            window = MainWindow(db, actor, office, settings)
            mark("main window")
    except StorageError as exc:
        log.error("database error at start: %s", exc)
        failure = exc
    if failure is not None:
        _storage_message(failure)
        return 1
    if window is None:
        return 0
    geometry = settings.get("window/geometry")
    if geometry:
        from PySide6.QtCore import QByteArray

        window.restoreGeometry(QByteArray(geometry))
        window.show()
    else:  # first run: the whole screen (also without a window manager, as under Xvfb)
        window.setGeometry(window.screen().availableGeometry())
        window.showMaximized()
    if hasattr(db, "start_loading"):
        from app.views.quick_start import QuickStartWatcher

        window.quick_start = QuickStartWatcher(window, db)  # freezes the start's objects when done
    else:
        from app.views.quick_start import after_list_shows, freeze_start_up_objects

        after_list_shows(window, freeze_start_up_objects)  # a collection takes ~60 ms: not before
    report = os.environ.get("PMI_DESK_STARTUP_REPORT")
    if report:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: _startup_report(app, window, report))
    code = app.exec()
    if window.damaged:
        window.deleteLater()
        return DAMAGED
    signed_out = window.signed_out and not window.restart_required
    window.deleteLater()
    return None if signed_out else code


def _rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _startup_report(app, window, path: str) -> None:
    """For the start-up benchmark (bench/bench_gui.py): once the window is up with the list's
    first page showing, write the figures as JSON, scroll through some pages, and quit."""
    import json
    import time

    from app.marks import MARKS

    model = window.applicants.model
    table = window.applicants.table
    app.processEvents()
    shown = time.perf_counter()
    first_rows = model.rowCount()
    rss_start = _rss_mb()
    pages = int(os.environ.get("PMI_DESK_STARTUP_SCROLL_PAGES", "50"))
    for _ in range(pages):
        if not model.canFetchMore():
            break
        table.scrollToBottom()
        app.processEvents()
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"list_shown_perf_counter": shown, "first_page_rows": first_rows,
                   "rss_mb_at_start": rss_start, "rows_after_scrolling": model.rowCount(),
                   "rss_mb_after_scrolling": _rss_mb(), "total_rows": model.total(),
                   "marks": MARKS}, f)
    app.quit()
