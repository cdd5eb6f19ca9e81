"""The settings page (office values for settings.manage, this PC's language), the idle lock
following a changed value without a restart, and the daily backup while the window stays open."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QSettings, Qt

from app.core import audit, auth, backup, office_settings, setup
from app.core.actor import Actor
from app.core.permissions import PermissionDenied
from app.views.admin.settings_page import FolderField, SettingsPage
from app.views.daily_backup import DailyBackup
from app.views.main_window import MainWindow
from app.views.settings import Settings

from tests.views.test_admin_pages import admin  # noqa: F401 (the fixture: the first administrator)

LATE = datetime(2026, 11, 25, 16, 30, tzinfo=timezone.utc)  # 23:30 WIB


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, db, admin, settings):
    w = MainWindow(db, admin, setup.local_office(db), settings)
    qtbot.addWidget(w)
    w.show()
    return w


def test_only_roles_that_manage_settings_get_the_page(qtbot, db, admin):
    office = setup.local_office(db)
    for role, has_page in (("counter", False), ("supervisor", False), ("trainer", False), ("admin", True)):
        w = MainWindow(db, Actor(f"{role}1", office.code, role), office)
        qtbot.addWidget(w)
        assert (w.settings_page is not None) is has_page, role
        w.close()


def test_change_values_save_and_the_idle_lock_follows_at_once(qtbot, window, db, admin):
    page = window.settings_page
    window.show_page(window.page_index(page))
    assert page.fields["idle_lock_minutes"].value() == 10
    assert window.idle.timer.interval() == 10 * 60_000
    page.fields["idle_lock_minutes"].setValue(3)
    page.fields["documents.expiry_window_days"].setValue(30)
    assert page.changed() == {"idle_lock_minutes": 3, "documents.expiry_window_days": 30}
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert office_settings.get(db, "idle_lock_minutes") == 3
    assert office_settings.get(db, "documents.expiry_window_days") == 30
    assert window.idle.timer.interval() == 3 * 60_000 and window.idle.timer.isActive()
    assert page.saved_label.text() == "Saved; in effect now."
    changed = {r.entity_id for r in audit.search(db, admin, entity="setting").rows}
    assert changed == {"idle_lock_minutes", "documents.expiry_window_days"}
    assert page.save() and page.saved_label.text() == "Nothing changed."


def test_a_bad_folder_is_shown_on_its_field_in_indonesian_and_nothing_is_saved(qtbot, window, db):
    page = window.settings_page
    folder = page.fields["backup.folder"]
    assert isinstance(folder, FolderField)
    page.fields["idle_lock_minutes"].setValue(5)
    folder.setText("cadangan")  # not a full path
    assert not page.save()
    assert page.error_text("backup.folder").startswith("Tulis folder lengkap")
    assert folder.edit.property("error") is True  # the red border
    assert page.error_text("idle_lock_minutes") == ""
    assert office_settings.get(db, "idle_lock_minutes") == 10  # all or nothing
    assert window.idle.timer.interval() == 10 * 60_000
    page.load()  # "Undo changes"
    assert folder.text() == "" and page.error_text("backup.folder") == ""
    assert page.fields["idle_lock_minutes"].value() == 10


def test_a_folder_that_is_not_plugged_in_is_accepted_with_a_note(qtbot, window, db, tmp_path):
    page = window.settings_page
    folder = page.fields["backup.folder"]
    folder.setText(str(tmp_path / "usb"))
    assert not folder.note.isHidden() and "not plugged in" in folder.note.text()
    assert page.save()
    assert backup.configured_backup_dir(backup.sqlite_path(str(db.engine.url))) == tmp_path / "usb"
    (tmp_path / "usb").mkdir()
    folder.setText(str(tmp_path / "usb") + "/")
    assert folder.note.isHidden()


def test_this_pcs_language(qtbot, window, settings):
    page = window.settings_page
    assert page.language.currentData() == "id" and page.language_note.isHidden()
    page.language.setCurrentIndex(page.language.findData("en"))
    assert settings.language == "en"
    assert not page.language_note.isHidden()
    assert window.language_actions["en"].isChecked()


def test_a_value_changed_on_another_pc_reaches_the_idle_lock_at_the_next_check(qtbot, window, db, admin,
                                                                               monkeypatch):
    restarts = []
    original = window.idle.set_interval_ms
    monkeypatch.setattr(window.idle, "set_interval_ms", lambda ms: (restarts.append(ms), original(ms)))
    window.daily_backup.timer.timeout.emit()  # a check with nothing changed: the countdown goes on
    assert restarts == [] and window.idle.timer.interval() == 10 * 60_000
    office_settings.set_value(db, admin, "idle_lock_minutes", 25)  # as another PC would
    window.daily_backup.timer.timeout.emit()
    assert restarts == [25 * 60_000] and window.idle.timer.interval() == 25 * 60_000
    window.daily_backup.timer.timeout.emit()
    assert restarts == [25 * 60_000]


def test_the_daily_backup_runs_in_a_worker_thread_and_says_so_once(qtbot, db, admin, _home, tmp_path,
                                                                     monkeypatch):
    live = backup.sqlite_path(str(db.engine.url))
    office_settings.set_value(db, admin, "backup.folder", str(tmp_path / "usb-not-plugged"))
    clock = {"now": LATE}
    daily = DailyBackup(live, clock=lambda: clock["now"])
    threads, original = [], backup.run_daily

    def spy(*a, **k):
        threads.append(threading.get_ident())
        return original(*a, **k)

    monkeypatch.setattr(backup, "run_daily", spy)
    try:
        messages = []
        daily.message.connect(messages.append)
        with qtbot.waitSignal(daily.ran, timeout=20_000):
            assert daily.check()
        assert threads and threads[0] != threading.get_ident()  # not on the GUI thread
        assert len(messages) == 1 and "Cadangan harian dibuat" in messages[0] and "tidak terpasang" in messages[0]
        assert [b.reason for b in backup.list_backups(_home / "backups")] == ["daily"]
        with qtbot.waitSignal(daily.ran, timeout=20_000):
            daily.check()  # ten minutes later: nothing due, the missing USB disk is not said again
        assert len(messages) == 1
        clock["now"] = LATE + timedelta(hours=1)  # past midnight WIB
        with qtbot.waitSignal(daily.ran, timeout=20_000):
            daily.check()
        assert len(messages) == 2 and len(backup.list_backups(_home / "backups")) == 2
    finally:
        daily.stop()


def test_the_main_window_shows_the_daily_backup_in_the_status_bar(qtbot, window, _home):
    window.show_page(window.page_index(window.backups_page))
    assert window.backups_page.model.rowCount() == 0
    with qtbot.waitSignal(window.daily_backup.ran, timeout=20_000):
        assert window.daily_backup.check()
    assert window.statusBar().currentMessage().startswith("Cadangan harian dibuat")
    assert window.backups_page.model.rowCount() == 1  # the open list shows it
    assert window.daily_backup.check() and not window.daily_backup.check()  # one run at a time
    task = window.daily_backup.task
    window.close()  # waits for the running backup
    assert task.isFinished()


def test_settings_page_alone_without_pc_settings(qtbot, db, admin):
    page = SettingsPage(db, admin)
    qtbot.addWidget(page)
    assert not page.language.isVisibleTo(page)  # no QSettings: no per-PC part
    page.fields["documents.passport_months"].setValue(24)
    assert page.save() and office_settings.get(db, "documents.passport_months") == 24
    with pytest.raises(PermissionDenied):
        office_settings.set_value(db, Actor("sv", "SRG-0001", "supervisor"), "documents.passport_months", 1)
    assert auth.idle_lock_minutes(db) == 10
