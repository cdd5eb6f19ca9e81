"""Sign-in, password change at first sign-in, lockout, roles in the main window, the screen lock
and signing out."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from app.core import audit, setup
from app.core.permissions import PermissionDenied
from app.views.main_window import MainWindow
from app.views.session.lock import LockDialog
from app.views.session.sign_in import ChangePasswordDialog, SignInDialog
from tests.views.helpers import change_password_to, when_modal

pytestmark = pytest.mark.gui
PASSWORD = "rahasia123"


@pytest.fixture
def admin(db):
    return setup.first_start(db, office_code="SRG-0001", office_name="Disnakertrans Kota Serang",
                             office_kind="city", admin_username="admin", admin_full_name="Admin Kantor",
                             admin_password=PASSWORD).actor()


@pytest.fixture
def counter(db, admin):
    """A counter clerk who has chosen their own password already."""
    from app.core import auth

    setup.create_user(db, admin, username="petugas1", full_name="Petugas Satu", role="counter",
                      password="pertama123")
    auth.change_password(db, setup.authenticate(db, "petugas1", "pertama123").actor(), "pertama123", PASSWORD)
    return setup.authenticate(db, "petugas1", PASSWORD).actor()


def _sign_in(qtbot, db, username, password) -> SignInDialog:
    dialog = SignInDialog(db, "Disnakertrans Kota Serang")
    qtbot.addWidget(dialog)
    dialog.username.setText(username)
    dialog.password.setText(password)
    return dialog


def test_counter_signs_in_and_sees_no_supervisor_pages(qtbot, db, counter, monkeypatch):
    dialog = _sign_in(qtbot, db, "petugas1", PASSWORD)
    assert dialog.try_sign_in()
    assert dialog.result() == QDialog.DialogCode.Accepted
    actor = dialog.user.actor()
    assert actor.role == "counter"
    window = MainWindow(db, actor, setup.local_office(db))
    qtbot.addWidget(window)
    assert window.audit_page is None and window.users_page is None and window.backups_page is None
    assert window.nav.count() == 4  # registration, list, expiring documents, job orders
    # The core refuses anyway; a screen built regardless shows the refusal in a message box.
    from app.views.admin.audit import AuditPage

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    page = AuditPage(db, actor)
    qtbot.addWidget(page)
    assert not page.search()
    assert shown == [PermissionDenied("counter", "audit.view").message]


def test_supervisor_and_admin_see_their_pages(qtbot, db, admin):
    setup.create_user(db, admin, username="penyelia", full_name="Penyelia", role="supervisor", password=PASSWORD)
    supervisor = setup.authenticate(db, "penyelia", PASSWORD).actor()
    window = MainWindow(db, supervisor, setup.local_office(db))
    qtbot.addWidget(window)
    assert window.audit_page is not None and window.backups_page is not None and window.users_page is None
    assert window.settings_page is None
    assert not window.backups_page.restore_button.isVisibleTo(window.backups_page)
    window = MainWindow(db, admin, setup.local_office(db))
    qtbot.addWidget(window)
    assert window.nav.count() == 13 and window.users_page is not None and window.settings_page is not None
    assert window.sync_page is not None and window.reports_page is not None


def test_enter_signs_in(qtbot, db, counter):
    from PySide6.QtCore import Qt

    dialog = _sign_in(qtbot, db, "petugas1", PASSWORD)
    dialog.show()
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.user.username == "petugas1"


def test_wrong_password_then_lockout_after_five_tries(qtbot, db, counter):
    dialog = _sign_in(qtbot, db, "petugas1", "salah")
    assert not dialog.try_sign_in()
    assert dialog.message.text() == "Nama pengguna atau kata sandi salah."
    assert dialog.password.text() == ""  # typed again
    dialog.username.setText("tidakada")
    dialog.password.setText(PASSWORD)
    assert not dialog.try_sign_in()
    assert dialog.message.text() == "Nama pengguna atau kata sandi salah."  # the same: names stay secret
    dialog.username.setText("petugas1")
    for _ in range(4):
        dialog.password.setText("salah")
        dialog.try_sign_in()
    assert dialog.message.text().startswith("Akun terkunci") and "WIB" in dialog.message.text()
    dialog.password.setText(PASSWORD)  # even the right password waits now
    assert not dialog.try_sign_in()
    assert dialog.message.text().startswith("Akun terkunci")
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_admin_adds_a_user_who_signs_in_and_changes_the_password(qtbot, db, admin):
    from app.views.admin.users import AddUserDialog, UsersPage

    page = UsersPage(db, admin)
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 1
    dialog = AddUserDialog(db, admin, page)
    qtbot.addWidget(dialog)
    dialog.username.setText("Bad Name")
    dialog.full_name.setText("Rina Wati")
    dialog.role.setCurrentIndex(dialog.role.findData("counter"))
    dialog.password.setText("awal12345")
    dialog.password2.setText("awal12345")
    assert not dialog.save()
    assert "Nama pengguna" in dialog.error_text("username")
    dialog.username.setText("rina")
    assert dialog.save()
    page.refresh(select="rina")
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == ["admin", "rina"]
    assert page.model.index(1, 4).data() == "Active, must change password"  # tests run untranslated

    sign_in = _sign_in(qtbot, db, "rina", "awal12345")

    when_modal(change_password_to("rina-baru-1"))
    assert sign_in.try_sign_in()
    assert sign_in.user.username == "rina" and not sign_in.user.must_change_password
    assert setup.authenticate(db, "rina", "rina-baru-1") is not None


def test_change_password_errors_are_on_the_fields(qtbot, db, counter):
    dialog = ChangePasswordDialog(db, counter)
    qtbot.addWidget(dialog)
    dialog.old_password.setText("salah-sekali")
    dialog.new_password.setText("baru12345")
    dialog.repeat.setText("baru12345")
    assert not dialog.save()
    assert dialog.error_text("old_password") == "Kata sandi lama salah."
    dialog.old_password.setText(PASSWORD)
    dialog.new_password.setText("pendek")
    dialog.repeat.setText("pendek")
    assert not dialog.save()
    assert dialog.error_text("new_password") == "Kata sandi minimal 8 karakter."
    dialog.repeat.setText("lain")
    assert not dialog.save() and dialog.error_text("repeat")


def test_lock_screen_hides_data_and_unlocks_with_the_password(qtbot, db, counter):
    window = MainWindow(db, counter, setup.local_office(db))
    qtbot.addWidget(window)
    window.show()
    seen = {}

    def answer(dialog):
        assert isinstance(dialog, LockDialog)
        seen["hidden"] = not window.centralWidget().isVisible()
        dialog.password.setText("salah")
        dialog.unlock_button.click()
        seen["message"] = dialog.message.text()
        dialog.password.setText(PASSWORD)
        dialog.unlock_button.click()

    when_modal(answer)
    window.lock_action.trigger()  # Ctrl+L
    assert seen == {"hidden": True, "message": "Nama pengguna atau kata sandi salah."}
    assert window.centralWidget().isVisible() and not window.locked and not window.signed_out
    entries = audit.search(db, setup.authenticate(db, "admin", PASSWORD).actor(), username="petugas1").rows
    assert [e.action for e in entries][:2] == ["sign_in", "sign_in_failed"]


def test_idle_time_locks_the_screen_and_sign_out_closes_the_window(qtbot, db, counter):
    window = MainWindow(db, counter, setup.local_office(db))
    qtbot.addWidget(window)
    window.show()
    when_modal(lambda dialog: dialog.sign_out_button.click())
    with qtbot.waitSignal(window.idle.idle, timeout=3000):
        window.idle.set_interval_ms(50)
    qtbot.waitUntil(lambda: window.signed_out)
    assert not window.isVisible()


def test_start_actor_signs_in_after_first_start(qtbot, db, counter):
    from app.views import application

    def sign_in(dialog):
        dialog.username.setText("petugas1")
        dialog.password.setText(PASSWORD)
        dialog.sign_in_button.click()

    when_modal(sign_in)
    assert application.start_actor(db).username == "petugas1"


def test_sign_out_returns_to_the_sign_in_and_quitting_it_ends(qtbot, db, counter, monkeypatch):
    """application._session: one signed-in session; None after "Sign out" (sign in again)."""
    from app.views import application
    from app.views.settings import Settings

    monkeypatch.setattr(application, "start_actor", lambda db, settings=None: counter)

    class App:  # the event loop of one session: the clerk signs out at once
        def exec(self):
            from PySide6.QtWidgets import QApplication

            window = next(w for w in QApplication.topLevelWidgets()
                          if isinstance(w, MainWindow) and w.isVisible() and w.actor is counter)
            assert window.sign_out()
            return 0

    settings = Settings()
    assert application._session(App(), db, settings) is None
    monkeypatch.setattr(application, "start_actor", lambda db, settings=None: None)
    assert application._session(App(), db, settings) == 0


def test_trainer_gets_no_applicant_register(qtbot, db, admin, monkeypatch):
    from PySide6.QtCore import Qt

    from app.views.main_window import PAGE_APPLICANTS

    setup.create_user(db, admin, username="instruktur", full_name="Instruktur", role="trainer", password=PASSWORD)
    trainer = setup.authenticate(db, "instruktur", PASSWORD).actor()
    from app.core import search

    asked = []  # the list would be refused anyway: it must not even ask
    for name in ("search_page", "count", "search", "status_counts"):
        original = getattr(search, name)
        monkeypatch.setattr(search, name, lambda *a, _o=original, _n=name, **k: (asked.append(_n), _o(*a, **k))[1])
    window = MainWindow(db, trainer, setup.local_office(db))
    qtbot.addWidget(window)
    window.show()
    assert not window.nav.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
    assert not window.nav.item(1).flags() & Qt.ItemFlag.ItemIsEnabled
    assert not window.new_action.isEnabled() and not window.find_action.isEnabled()
    window.show_page(PAGE_APPLICANTS)
    assert window.stack.currentWidget() not in (window.registration, window.applicants)
    window.applicants.refresh()
    window.applicants.search_box.setText("siti")
    window.applicants.apply_filter()
    window.applicants.pool.waitForDone(3000)
    assert asked == [] and window.applicants.model.rowCount() == 0
