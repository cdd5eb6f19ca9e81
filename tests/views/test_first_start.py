"""First start (office + first admin), the demo data offer off the GUI thread, the start-up actor,
the crash hook and the settings adapter."""

from __future__ import annotations

import logging
import sys
import threading
import time
import types

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from app.core import search, setup
from app.views import application, crash
from app.views.first_start import DemoOfferDialog, DemoRunner, FirstStartDialog
from app.views.settings import OPTIONS, Settings
from tests.views.helpers import when_modal

pytestmark = pytest.mark.gui


def _fill(qtbot, dialog, password2="rahasia123"):
    qtbot.keyClicks(dialog.full_name, "Admin Kantor")
    qtbot.keyClicks(dialog.password, "rahasia123")
    qtbot.keyClicks(dialog.password2, password2)


def test_first_start_creates_office_and_admin(qtbot, db):
    assert setup.needs_first_start(db)
    dialog = FirstStartDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.office_code.text() == "SRG-0001"
    assert dialog.office_name.text() == "Disnakertrans Kota Serang"
    _fill(qtbot, dialog)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not setup.needs_first_start(db)
    assert setup.local_office(db).code == "SRG-0001"
    assert [(u.username, u.role) for u in setup.users(db)] == [("admin", "admin")]
    assert setup.authenticate(db, "admin", "rahasia123") is not None
    assert dialog.user.actor().username == "admin"


def test_first_start_errors_on_fields(qtbot, db):
    dialog = FirstStartDialog(db)
    qtbot.addWidget(dialog)
    _fill(qtbot, dialog, password2="lain")
    dialog.ok_button.click()
    assert dialog.error_text("password2") != ""
    assert setup.needs_first_start(db)
    dialog.password2.clear()
    qtbot.keyClicks(dialog.password2, "rahasia123")
    dialog.username.setText("Bad Name!")
    dialog.ok_button.click()
    assert "Nama pengguna" in dialog.error_text("username")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert setup.needs_first_start(db)


def _fake_demo(monkeypatch, generate):
    try:
        from app.core import demo
    except ImportError:  # the colleague's module may not be there yet
        import app.core

        demo = types.ModuleType("app.core.demo")
        monkeypatch.setitem(sys.modules, "app.core.demo", demo)
        monkeypatch.setattr(app.core, "demo", demo, raising=False)
    monkeypatch.setattr(demo, "generate", generate, raising=False)


def test_demo_runs_off_the_gui_thread_with_progress(qtbot, db, actor, monkeypatch):
    seen = {}

    def generate(db_, actor_, *, applicants, seed, progress):
        seen["thread"] = threading.current_thread()
        seen["seed"] = seed
        for done in range(0, applicants + 1, 10):
            progress(done, applicants)
        return {"applicants": applicants}

    _fake_demo(monkeypatch, generate)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: seen.setdefault("told", a[2]))
    runner = DemoRunner(db, actor, 50).run(wait=True)
    assert runner.outcome == "done" and runner.result == {"applicants": 50}
    assert seen["thread"] is not threading.main_thread()
    assert seen["seed"] == 2026
    assert runner.last_progress == (50, 50)
    assert "50" in seen["told"]


def test_demo_can_be_cancelled(qtbot, db, actor, monkeypatch):
    def generate(db_, actor_, *, applicants, seed, progress):
        for done in range(applicants):
            progress(done, applicants)
            time.sleep(0.005)
        return {"applicants": applicants}

    _fake_demo(monkeypatch, generate)
    runner = DemoRunner(db, actor, 2000)
    from PySide6.QtWidgets import QPushButton

    cancel_button = runner.dialog.findChild(QPushButton)
    runner.worker.progress.connect(lambda done, total: done >= 20 and cancel_button.click())
    runner.run(wait=True)
    assert runner.outcome == "cancelled"


def test_real_demo_data_when_available(qtbot, db, actor, monkeypatch):
    pytest.importorskip("app.core.demo")
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    runner = DemoRunner(db, actor, 30).run(wait=True)
    assert runner.outcome == "done"
    assert search.count(db, actor=actor) == 30


def test_start_actor_first_start_then_demo_offer(qtbot, db, monkeypatch):
    calls = []
    monkeypatch.setattr(DemoRunner, "run", lambda self, wait=True: calls.append(self.applicants) or self)

    def first_start(dialog):
        dialog.full_name.setText("Admin Kantor")
        dialog.password.setText("rahasia123")
        dialog.password2.setText("rahasia123")
        dialog.ok_button.click()
        when_modal(offer)

    def offer(dialog):
        assert isinstance(dialog, DemoOfferDialog)
        dialog.count.setValue(500)
        dialog.accept()

    when_modal(first_start)
    actor = application.start_actor(db)
    assert actor.username == "admin" and actor.office_code == "SRG-0001"
    assert calls == [500]
    # Later starts: the sign-in dialog.
    def sign_in(dialog):
        dialog.username.setText("admin")
        dialog.password.setText("rahasia123")
        dialog.sign_in_button.click()

    when_modal(sign_in)
    assert application.start_actor(db).username == "admin"
    when_modal(lambda dialog: dialog.quit_button.click())
    assert application.start_actor(db) is None  # quitting the sign-in ends the start cleanly


@pytest.mark.allow_log_warnings
def test_excepthook_logs_and_shows_a_dialog(qtbot, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(crash, "show_crash_dialog", lambda *exc: shown.append(exc[1]))
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        crash.excepthook(*sys.exc_info())
    assert [str(e) for e in shown] == ["boom"]
    records = [r for r in caplog.records if r.name == "app.ui" and r.levelno == logging.ERROR]
    assert records and records[0].exc_info[0] is RuntimeError


def test_settings_defaults_and_language(qtbot):
    settings = Settings()
    assert settings.language == "id"
    assert settings.get("demo/applicants") == OPTIONS["demo/applicants"].default
    settings.language = "en"
    assert Settings().language == "en"
    with pytest.raises(ValueError):
        settings.language = "fr"


def test_settings_keep_window_geometry_as_bytes(qtbot):
    Settings().set("window/geometry", b"\x01\x02geometry")
    assert Settings().get("window/geometry") == b"\x01\x02geometry"
    assert Settings().get("window/page") == 1  # the applicant list by default


@pytest.mark.allow_log_warnings
def test_storage_error_at_start_is_a_clear_message(qtbot, monkeypatch):
    from app.core import startup
    from app.core.errors import StorageError

    def refuse(url=None):
        raise StorageError("db_readonly", "attempt to write a readonly database")

    shown = []
    monkeypatch.setattr(startup, "open_database", refuse)
    monkeypatch.setattr(application, "_storage_message", shown.append)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs the crash hook
    from PySide6.QtWidgets import QApplication

    from app.views import i18n

    app = QApplication.instance()
    try:
        assert application.run([]) == 1
        assert [e.code for e in shown] == ["db_readonly"]
        assert sys.excepthook is crash.excepthook
    finally:  # run() installed the Indonesian translator app-wide: take it out again
        if getattr(app, "_pmi_translator", None) is not None:
            app.removeTranslator(app._pmi_translator)
            app._pmi_translator = None
        i18n.install(app, "en")
