"""The GUI's quick start end to end (``application.run`` with a ``quickstart.LazyDatabase``): the
clerk signs in, the list shows before SQLAlchemy is needed, the stack loads after the first paint
and the sign-in is audited once the start-up check passed; a damaged file closes the window for
the damaged-database screen with nothing written."""

from __future__ import annotations

import gc
import os
import sys
from concurrent.futures import Future
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.core import audit, backup, demo, quickstart, setup
from app.db import Database
from app.views import application, crash
from app.views.main_window import PAGE_REGISTRATION, MainWindow
from tests.views.helpers import change_password_to, when_modal

PASSWORD = "rahasia123"


@pytest.fixture
def live(tmp_path, _home, monkeypatch) -> Path:
    """A set-up database file with 60 demo applicants, as the GUI finds it on a normal day."""
    path = tmp_path / "live.sqlite3"
    db = Database.open(f"sqlite:///{path}")
    admin = setup.first_start(db, office_code="SRG-0001", office_name="Disnakertrans Kota Serang", office_kind="city",
                              admin_username="admin", admin_full_name="Admin", admin_password=PASSWORD).actor()
    demo.generate(db, admin, applicants=60, seed=5)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    monkeypatch.setenv("PMI_DESK_DB_URL", f"sqlite:///{path}")
    return path


def sign_ins(path: Path) -> list[str]:
    db = Database(__import__("app.db", fromlist=["create_engine"]).create_engine(f"sqlite:///{path}"))
    try:
        with db.session(write=False) as s:
            return [r.action for r in audit.history(s, "user", "admin")]
    finally:
        db.dispose()


def _sign_in(dialog):
    dialog.username.setText("admin")
    dialog.password.setText(PASSWORD)
    dialog.sign_in_button.click()


@pytest.fixture
def run_app(qtbot, monkeypatch):
    """``application.run`` with the event loop replaced by ``on_window(window)`` (which waits for
    what it needs and closes the window); the crash hook and translator are put back after."""
    app = QApplication.instance()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen = {}

    def run(on_window, **kwargs):
        def exec_():
            window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
            seen["window"] = window
            return on_window(window)

        monkeypatch.setattr(app, "exec", exec_)
        try:
            return application.run([], **kwargs)
        finally:
            gc.unfreeze()  # the other tests' objects collectable again
            if getattr(app, "_pmi_translator", None) is not None:
                app.removeTranslator(app._pmi_translator)
                app._pmi_translator = None
            from app.views import i18n

            i18n.install(app, "en")
            assert sys.excepthook is crash.excepthook

    run.seen = seen
    return run


def test_signed_in_list_first_then_the_stack_and_the_audit_entry(qtbot, live, run_app):
    check: Future = Future()  # the start-up check answers only after the window shows
    quick = quickstart.open_quick(os.environ["PMI_DESK_DB_URL"], quickstart.StartGate(check))
    assert quick is not None
    before = sign_ins(live)

    def on_window(window):
        assert window.db is quick and window.applicants.model.rowCount() == 60
        assert window.stack.currentIndex() != PAGE_REGISTRATION and window._registration is None
        qtbot.waitUntil(lambda: quick._loader is not None, timeout=5000)  # started by the list's first paint
        qtbot.wait(100)
        assert window.quick_start.outcome is None and sign_ins(live) == before  # the check is still running
        check.set_result(backup.check_at_start(live, live.parent / "backups", backup=False))
        qtbot.waitUntil(lambda: window.quick_start.outcome is not None, timeout=15000)
        assert window.quick_start.outcome == "ok"
        assert window._registration is not None  # built once the stack loaded, before anyone asks
        assert gc.get_freeze_count() > 10_000  # the start's objects out of the collector's walks
        assert sign_ins(live) == before + ["sign_in"]
        window.close()
        return 0

    when_modal(_sign_in)
    assert run_app(on_window, pending=check, quick=quick) == 0


def test_run_finds_the_quick_start_by_itself(qtbot, live, run_app):
    """Without ``cmd_gui``: ``run`` starts the check and takes the quick path on its own."""
    def on_window(window):
        assert isinstance(window.db, quickstart.LazyDatabase)
        qtbot.waitUntil(lambda: window.quick_start.outcome is not None, timeout=20000)
        assert window.quick_start.outcome == "ok"
        window.close()
        return 0

    when_modal(_sign_in)
    assert run_app(on_window) == 0
    assert sign_ins(live)[-1] == "sign_in"


@pytest.mark.allow_log_warnings
def test_a_damaged_file_closes_the_window_for_the_restore_offer(qtbot, live, run_app, monkeypatch):
    """A real damaged file: the probe can still read it (its first pages are sound), so the window
    shows; the quick check then finds the damage: the window closes, the damaged-database screen
    comes up, and nothing was written (the sign-in's audit entry is dropped)."""
    before = sign_ins(live)
    size = live.stat().st_size
    with open(live, "r+b") as f:  # the last pages (applicants, indexes) overwritten with garbage
        f.seek(size - 30 * 4096)
        f.write(bytes(range(256)) * 16 * 20)
    shown = []
    from app.views.admin import damaged

    def offer(dialog):
        shown.append(dialog.check)
        return 0  # Quit

    monkeypatch.setattr(damaged.DamagedDatabaseDialog, "exec", offer)

    def on_window(window):
        qtbot.waitUntil(lambda: window.quick_start.outcome is not None, timeout=20000)
        assert window.quick_start.outcome == "damaged" and window.damaged and not window.isVisible()
        return 0

    when_modal(_sign_in)
    assert run_app(on_window) == 0
    assert len(shown) == 1 and not shown[0].ok and shown[0].path == live
    assert run_app.seen["window"].db.gate.damaged()
    assert sign_ins(live) == before  # (the audit pages are still readable) no sign-in written


def test_a_sign_in_refused_after_all_signs_out(qtbot, live, monkeypatch):
    """The deferred write finds the account locked meanwhile (another window): the message, and
    the window closes for the sign-in again."""
    from app.core import auth
    from app.core.errors import UserError

    check: Future = Future()
    check.set_result(None)
    quick = quickstart.open_quick(os.environ["PMI_DESK_DB_URL"], quickstart.StartGate(check))
    user, written = quickstart.sign_in(quick, "admin", PASSWORD)
    monkeypatch.setattr(auth, "record_sign_in", lambda db, attempt: (_ for _ in ()).throw(
        UserError("account_locked", until="08:15")))
    window = MainWindow(quick, user.actor(), quick.office)
    qtbot.addWidget(window)
    window.show()
    messages = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.warning", lambda *a: messages.append(a[2]))
    from app.views.quick_start import QuickStartWatcher

    window.quick_start = QuickStartWatcher(window, quick)
    qtbot.waitUntil(lambda: window.quick_start.outcome is not None, timeout=15000)
    assert window.quick_start.outcome == "refused" and window.signed_out and not window.isVisible()
    assert messages and "08:15" in messages[0]
    quick.dispose()


def test_a_password_set_by_the_administrator_is_changed_first(qtbot, live):
    """On the quick start too: the sign-in dialog asks for a new password before anything else,
    and both the sign-in and the change are written at once (waiting for the check)."""
    from app.core import auth
    from app.views.session.sign_in import SignInDialog

    db = Database(__import__("app.db", fromlist=["create_engine"]).create_engine(f"sqlite:///{live}"))
    admin = setup.authenticate(db, "admin", PASSWORD).actor()
    setup.create_user(db, admin, username="petugas2", full_name="Petugas Dua", role="counter", password="pertama123")
    db.dispose()
    check: Future = Future()
    check.set_result(backup.check_at_start(live, live.parent / "backups", backup=False))
    quick = quickstart.open_quick(os.environ["PMI_DESK_DB_URL"], quickstart.StartGate(check))
    dialog = SignInDialog(quick, quick.office.name)
    qtbot.addWidget(dialog)

    when_modal(change_password_to("baru-sekali-123"))
    dialog.username.setText("petugas2")
    dialog.password.setText("pertama123")
    assert dialog.try_sign_in()
    assert dialog.user.username == "petugas2" and not dialog.user.must_change_password
    assert dialog.pending_write is None
    assert auth.sign_in(quick, "petugas2", "baru-sekali-123").username == "petugas2"
    with quick.session(write=False) as s:
        actions = [r.action for r in audit.history(s, "user", "petugas2")]
    assert actions[-3:] == ["sign_in", "password_change", "sign_in"]
    quick.dispose()


@pytest.mark.allow_log_warnings
def test_after_a_restore_from_the_damaged_screen_the_start_goes_on(qtbot, live, run_app, monkeypatch, tmp_path):
    """The damaged-database screen's restore (here: the good copy put back) continues the start
    on the full path: signed in again, the window on the restored file."""
    import shutil

    good = tmp_path / "good.sqlite3"
    shutil.copyfile(live, good)
    size = live.stat().st_size
    with open(live, "r+b") as f:
        f.seek(size - 30 * 4096)
        f.write(bytes(range(256)) * 16 * 20)
    from app.views.admin import damaged

    def restore(dialog):
        for suffix in ("-wal", "-shm"):
            Path(f"{live}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(good, live)
        return 1  # restored: go on starting

    monkeypatch.setattr(damaged.DamagedDatabaseDialog, "exec", restore)
    windows = []

    def on_window(window):
        windows.append(window)
        if len(windows) == 1:
            qtbot.waitUntil(lambda: window.quick_start.outcome is not None, timeout=20000)
            assert window.quick_start.outcome == "damaged"
            when_modal(_sign_in)  # the sign-in of the restarted start
            return 0
        assert window.quick_start is None and not isinstance(window.db, quickstart.LazyDatabase)
        assert window.applicants.model.rowCount() == 60
        window.close()
        return 0

    when_modal(_sign_in)
    assert run_app(on_window) == 0
    assert len(windows) == 2
    assert sign_ins(live)[-1] == "sign_in"


def test_work_after_the_list_shows_waits_for_its_first_paint(qtbot, db, actor):
    """What would hold the first paint up (the stack's loading, the start's garbage collection)
    runs once the applicant list painted, or at the next turn of the loop when another page shows."""
    from types import SimpleNamespace

    from PySide6.QtCore import QEvent, QObject

    from app.views.applicants.page import ApplicantListPage
    from app.views.quick_start import after_list_shows

    class Paints(QObject):
        count = 0

        def eventFilter(self, obj, event):  # noqa: N802 (Qt)
            if event.type() == QEvent.Type.Paint:
                Paints.count += 1
            return False

    page = ApplicantListPage(db, actor)
    qtbot.addWidget(page)
    paints = Paints()
    page.table.viewport().installEventFilter(paints)
    page.show()  # visible, not painted yet: no event handled since
    ran = []
    after_list_shows(SimpleNamespace(applicants=page), lambda: ran.append(Paints.count))
    assert ran == []
    qtbot.waitUntil(lambda: ran != [])
    assert ran[0] >= 1  # after a paint

    hidden = ApplicantListPage(db, actor)
    qtbot.addWidget(hidden)
    after_list_shows(SimpleNamespace(applicants=hidden), lambda: ran.append("other page"))
    assert ran[-1] != "other page"
    qtbot.waitUntil(lambda: ran[-1] == "other page")
