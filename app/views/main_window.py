"""The main window: side navigation over the areas that exist, a status bar with office and user."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QMainWindow,
                               QMessageBox, QStackedWidget, QWidget)

from app.core import office_settings
from app.core.permissions import allowed
from app.views.applicants.page import ApplicantListPage
from app.views.session.lock import IdleWatcher, LockDialog

PAGE_REGISTRATION, PAGE_APPLICANTS = 0, 1
MATCH_PRELOAD_AFTER_MS = 4000  # after sign-in, the list painted: matching's arrays load then


class MainWindow(QMainWindow):
    """``MainWindow(db, actor, office)``: everything comes in, nothing is opened here."""

    def __init__(self, db, actor, office, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.office = office
        self.settings = settings
        self.details: dict = {}
        self.signed_out = False  # closed by "Sign out": application.run shows the sign-in again
        self.restart_required = False  # closed after a restore
        self.locked = False
        self.damaged = False  # closed because the quick start's check found the file damaged
        self.quick_start = None  # the QuickStartWatcher after a quick start (application._session)
        self.match_preload = None  # the worker thread loading matching's arrays (supervisors, admins)
        self.lock_dialog: LockDialog | None = None
        self.setWindowTitle(f"PMI Desk — {office.name}")

        # The registration page is built when first shown or asked for (``registration``), or once
        # the database stack has loaded after a quick start: its module needs SQLAlchemy.
        self._registration = None
        self._registration_placeholder = QWidget()
        self.applicants = ApplicantListPage(db, actor)
        self.applicants.openApplicant.connect(self.open_applicant)

        self.nav = QListWidget()
        self.nav.addItem(self.tr("Registration"))
        self.nav.addItem(self.tr("Applicant list"))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 40)
        self.nav.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 8px 6px; }")
        self.stack = QStackedWidget()
        self.stack.addWidget(self._registration_placeholder)
        self.stack.addWidget(self.applicants)
        # Role pages are built when first shown (or first asked for): start-up builds two pages.
        self._built: dict[str, QWidget] = {}
        self._pending: dict[str, tuple[QWidget, object]] = {}
        self._add_role_pages()
        self.nav.setFixedWidth(max(self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 40,
                                   self.nav.width()))
        self.nav.currentRowChanged.connect(self._page_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        office_label = QLabel(self.tr("Office: %1").replace("%1", f"{office.code} — {office.name}"))
        user_label = QLabel(self.tr("User: %1").replace("%1", f"{actor.full_name or actor.username} ({actor.username})"))
        self.statusBar().addPermanentWidget(office_label)
        self.statusBar().addPermanentWidget(user_label)
        self._build_menu()
        self.idle = IdleWatcher(office_settings.get(db, "idle_lock_minutes"), self)
        self.idle.idle.connect(self.lock_screen)
        self._start_daily_backup()
        # A role without the applicant register (trainers) gets those pages greyed out.
        self.page_allowed = {PAGE_REGISTRATION: allowed(actor.role, "applicant.create"),
                             PAGE_APPLICANTS: allowed(actor.role, "applicant.list")}
        for page, ok in self.page_allowed.items():
            if not ok:
                self.nav.item(page).setFlags(Qt.ItemFlag.NoItemFlags)
        self.new_action.setEnabled(self.page_allowed[PAGE_REGISTRATION])
        self.find_action.setEnabled(self.page_allowed[PAGE_APPLICANTS])
        start = settings.get("window/page") if settings is not None else PAGE_REGISTRATION
        start = start if start in (PAGE_REGISTRATION, PAGE_APPLICANTS) else PAGE_REGISTRATION
        usable = [p for p in (start, PAGE_REGISTRATION, PAGE_APPLICANTS) if self.page_allowed[p]] + \
            list(range(PAGE_APPLICANTS + 1, self.nav.count()))
        if usable:
            self.nav.setCurrentRow(usable[0])
        else:  # nothing here for this role yet (its own screens come later)
            placeholder = QLabel(self.tr("Your role has no pages in this version yet."))
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.stack.addWidget(placeholder)
            self.stack.setCurrentWidget(placeholder)
        self.resize(1280, 760)

    @property
    def registration(self):
        """The registration page (``ApplicantEditor``), built on first use."""
        if self._registration is None:
            from app.views.registration.editor import ApplicantEditor

            editor = ApplicantEditor(self.db, self.actor)
            editor.statusMessage.connect(self._status)
            editor.saved.connect(self._applicant_saved)
            editor.openApplicantRequested.connect(self.open_applicant)
            placeholder = self._registration_placeholder
            showing = self.stack.currentWidget() is placeholder
            self.stack.insertWidget(PAGE_REGISTRATION, editor)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            if showing:
                self.stack.setCurrentIndex(PAGE_REGISTRATION)
            self._registration = editor
        return self._registration

    def _add_role_pages(self) -> None:
        """Pages only some roles see (the services refuse the others anyway), built on first use."""
        role = self.actor.role
        if allowed(role, "applicant.list"):
            self._lazy_page("expiring_page", self.tr("Expiring documents"), self._make_expiring_page)
        if allowed(role, "training.view"):
            self._lazy_page("training_page", self.tr("Language training"), self._make_training_page)
            self._lazy_page("at_risk_page", self.tr("At risk"), self._make_at_risk_page)
        if allowed(role, "order.view"):
            self._lazy_page("orders_page", self.tr("Job orders"), self._make_orders_page)
        if allowed(role, "match.run"):  # the candidate arrays load after the first paint
            from PySide6.QtCore import QTimer

            QTimer.singleShot(MATCH_PRELOAD_AFTER_MS, self, self._preload_matching)
        if allowed(role, "report.print"):
            self._lazy_page("reports_page", self.tr("Reports"), self._make_reports_page)
        if allowed(role, "audit.view"):
            self._lazy_page("audit_page", self.tr("Audit trail"), self._make_audit_page)
        if allowed(role, "user.manage"):
            self._lazy_page("users_page", self.tr("Users"), self._make_users_page)
        if allowed(role, "sync.run"):
            self._lazy_page("sync_page", self.tr("Sync"), self._make_sync_page)
        if allowed(role, "settings.manage"):
            self._lazy_page("templates_page", self.tr("Document templates"), self._make_templates_page)
        if allowed(role, "backup.run"):
            self._lazy_page("backups_page", self.tr("Backups"), self._make_backups_page)
        if allowed(role, "settings.manage"):
            self._lazy_page("settings_page", self.tr("Settings"), self._make_settings_page)

    def _preload_matching(self) -> None:
        """Load matching's candidate arrays on a worker thread (seconds on 200,000 applicants), so
        the first match of the session does not wait for them."""
        from app.core import matching
        from app.views.worker import Task

        if self.match_preload is not None or self.locked or not self.isVisible():
            return  # (a window closed by "Sign out" waits for its deletion: no thread for it)
        if matching.pool_for(self.db).loaded:
            return
        self.match_preload = Task(_call(matching.preload, self.db), self)
        self.match_preload.start()

    def _make_expiring_page(self):
        from app.views.documents.expiring import ExpiringDocumentsPage

        page = ExpiringDocumentsPage(self.db, self.actor)
        page.openApplicant.connect(self.open_applicant)
        return page

    def _make_training_page(self):
        from app.views.training.page import TrainingPage

        page = TrainingPage(self.db, self.actor)
        page.statusMessage.connect(self._status)
        return page

    def _make_at_risk_page(self):
        from app.views.training.page import AtRiskPage

        page = AtRiskPage(self.db, self.actor)
        page.openBatch.connect(self._open_batch)
        return page

    def _make_orders_page(self):
        from app.views.orders.page import OrdersPage

        return OrdersPage(self.db, self.actor)

    def _make_reports_page(self):
        from app.views.reports.page import ReportsPage

        page = ReportsPage(self.db, self.actor)
        page.statusMessage.connect(self._status)
        return page

    def _make_audit_page(self):
        from app.views.admin.audit import AuditPage

        return AuditPage(self.db, self.actor)

    def _make_users_page(self):
        from app.views.admin.users import UsersPage

        return UsersPage(self.db, self.actor)

    def _make_sync_page(self):
        from app.views.sync.page import SyncPage

        return SyncPage(self.db, self.actor)

    def _make_templates_page(self):
        from app.views.documents.admin import DocumentTemplatesPage

        return DocumentTemplatesPage(self.db, self.actor)

    def _make_backups_page(self):
        from app.views.admin.backups import BackupsPage

        page = BackupsPage(self.db, self.actor)
        page.restored.connect(self._restored)
        return page

    def _make_settings_page(self):
        from app.views.admin.settings_page import SettingsPage

        page = SettingsPage(self.db, self.actor, self.settings)
        page.officeSettingsSaved.connect(self._office_settings_saved)
        page.languageChanged.connect(self._language_changed)
        return page

    # --- pages built on first use ---------------------------------------------------------------

    def _lazy_page(self, name: str, title: str, factory) -> None:
        placeholder = QWidget()
        self.nav.addItem(title)
        self.stack.addWidget(placeholder)
        self._pending[name] = (placeholder, factory)

    def page(self, name: str) -> QWidget | None:
        """The page ``name`` (``"audit_page"``…), built now if it was not yet; None when this role
        has no such page."""
        if name in self._built:
            return self._built[name]
        pending = self._pending.pop(name, None)
        if pending is None:
            return None
        placeholder, factory = pending
        page = factory()
        index = self.stack.indexOf(placeholder)
        showing = self.stack.currentIndex() == index
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if showing:
            self.stack.setCurrentIndex(index)
        self._built[name] = page
        return page

    def built_page(self, name: str) -> QWidget | None:
        """The page ``name`` only if it has been built (never builds it)."""
        return self._built.get(name)

    expiring_page = property(lambda self: self.page("expiring_page"))
    training_page = property(lambda self: self.page("training_page"))
    at_risk_page = property(lambda self: self.page("at_risk_page"))
    orders_page = property(lambda self: self.page("orders_page"))
    audit_page = property(lambda self: self.page("audit_page"))
    users_page = property(lambda self: self.page("users_page"))
    templates_page = property(lambda self: self.page("templates_page"))
    backups_page = property(lambda self: self.page("backups_page"))
    settings_page = property(lambda self: self.page("settings_page"))
    sync_page = property(lambda self: self.page("sync_page"))
    reports_page = property(lambda self: self.page("reports_page"))

    def _open_batch(self, code: str) -> None:
        self.nav.setCurrentRow(self.page_index(self.training_page))
        self.training_page.select_batch(code)

    def page_index(self, page) -> int:
        return self.stack.indexOf(page) if page is not None else -1

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new = QAction(self.tr("&New registration"), self)
        new.setShortcut(QKeySequence("Ctrl+N"))
        new.triggered.connect(lambda: self.show_page(PAGE_REGISTRATION))
        find = QAction(self.tr("&Find applicant"), self)
        find.setShortcut(QKeySequence("Ctrl+F"))
        find.triggered.connect(self.find_applicant)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        self.lock_action = QAction(self.tr("&Lock screen"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(_call(self.lock_screen))
        self.sign_out_action = QAction(self.tr("&Sign out"), self)
        self.sign_out_action.triggered.connect(_call(self.sign_out))
        self.password_action = QAction(self.tr("Change &password…"), self)
        self.password_action.triggered.connect(_call(self.change_password))
        self.new_action, self.find_action = new, find
        for a in (new, find):
            file_menu.addAction(a)
        file_menu.addSeparator()
        for a in (self.lock_action, self.password_action, self.sign_out_action):
            file_menu.addAction(a)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        lang_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = self.settings.language if self.settings is not None else "id"
        self.language_actions = {}
        for code, text in (("id", "Bahasa Indonesia"), ("en", "English")):
            action = QAction(text, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(_call(self._set_language, code))
            group.addAction(action)
            lang_menu.addAction(action)
            self.language_actions[code] = action
        for i, (text, key) in enumerate(((self.tr("Registration"), "Ctrl+1"), (self.tr("Applicant list"), "Ctrl+2"))):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(_call(self.show_page, i))
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About PMI Desk"), self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(_call(self.show_about))
        help_menu.addAction(about)

    # --- screen lock, sign out --------------------------------------------------------------------

    def lock_screen(self) -> LockDialog | None:
        """Hide everything that shows personal data and ask for the password again (modal)."""
        if self.locked:
            return None
        self.locked = True
        self.idle.pause()
        hidden = [d for d in self.details.values() if d.isVisible()]
        for d in hidden:
            d.hide()
        self.centralWidget().hide()
        self.menuBar().setEnabled(False)
        self.lock_dialog = dialog = LockDialog(self.db, self.actor, self)
        dialog.exec()
        self.lock_dialog = None
        self.locked = False
        if dialog.signed_out:
            self.sign_out(discard=True)
            return dialog
        self.centralWidget().show()
        self.menuBar().setEnabled(True)
        for d in hidden:
            d.show()
        self.idle.resume()
        return dialog

    def sign_out(self, *, discard: bool = False) -> bool:
        """Close the window; application.run shows the sign-in dialog again. ``discard`` (from the
        lock screen) closes open applicant windows without asking about unsaved changes."""
        if discard:
            for dialog in list(self.details.values()):
                dialog.done(0)
                dialog.deleteLater()
            self.details.clear()
        self.signed_out = True
        if not self.close():
            self.signed_out = False
            self.centralWidget().show()
            self.menuBar().setEnabled(True)
            return False
        return True

    def close_for_damage(self) -> None:
        """The quick start's check found the file damaged: close without asking about unsaved
        changes (nothing could be saved: writes wait for the check, and it failed)."""
        self.damaged = True
        for dialog in list(self.details.values()):
            dialog.done(0)
            dialog.deleteLater()
        self.details.clear()
        self.close()

    def change_password(self):
        from PySide6.QtWidgets import QDialog

        from app.views.session.sign_in import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.db, self.actor, parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._status(self.tr("Password changed."))
        return dialog

    def release_database(self) -> None:
        """Before a restore: stop background readers and close the windows that read."""
        self.idle.pause()
        self.daily_backup.stop()
        self.applicants.pool.waitForDone(3000)
        if self.match_preload is not None:
            self.match_preload.wait()  # a thread still running must not outlive its window

    def _restored(self) -> None:
        self.restart_required = True
        for dialog in list(self.details.values()):
            dialog.done(0)
        self.details.clear()
        self.close()

    def show_about(self):
        """Help → About PMI Desk (modal); returns the dialog for tests when ``exec`` is patched."""
        from app import paths
        from app.views.about import AboutDialog

        dialog = AboutDialog(self.office, paths.database_url(), str(paths.data_dir()), self)
        dialog.exec()
        return dialog

    def _set_language(self, code: str) -> None:
        if self.settings is None:
            return
        self.settings.language = code
        QMessageBox.information(self, self.tr("Language"),
                                self.tr("The language changes the next time PMI Desk starts."))

    # --- office settings, the daily backup ----------------------------------------------------

    def _start_daily_backup(self) -> None:
        """The daily backup while the window stays open (worker thread, status-bar message); each
        check also picks up an idle-lock time changed on another PC."""
        from app.core.backup import sqlite_path
        from app.views.daily_backup import DailyBackup

        self.daily_backup = DailyBackup(sqlite_path(self.db.url), self)
        self.daily_backup.message.connect(self._status)
        self.daily_backup.ran.connect(self._daily_backup_ran)
        self.daily_backup.timer.timeout.connect(self._reload_idle_minutes)

    def _daily_backup_ran(self, report) -> None:
        page = self.built_page("backups_page")
        if report.made and page is not None and page.isVisible():
            page.refresh()  # the new backup appears in the open list

    def _reload_idle_minutes(self) -> None:
        from app.core.errors import AppError

        try:
            self.idle.set_minutes(office_settings.get(self.db, "idle_lock_minutes"))
        except AppError:  # the database is busy right now: the next check tries again
            pass

    def _office_settings_saved(self, values: dict) -> None:
        self.idle.set_minutes(values["idle_lock_minutes"])

    def _language_changed(self, code: str) -> None:
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)

    def _page_changed(self, row: int) -> None:
        if row < 0:
            return
        widget = self.stack.widget(row)
        for name, (placeholder, _factory) in list(self._pending.items()):
            if placeholder is widget:
                self.page(name)
        self.stack.setCurrentIndex(row)
        if row == PAGE_REGISTRATION:
            self.registration.form.nik.setFocus()
        elif row == PAGE_APPLICANTS:
            self.applicants.focus_search()

    def show_page(self, page: int) -> None:
        if not self.page_allowed.get(page, True):
            return
        self.nav.setCurrentRow(page)
        self._page_changed(page)

    def find_applicant(self) -> None:
        self.show_page(PAGE_APPLICANTS)

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def _applicant_saved(self, _detail) -> None:
        self.applicants.stale = True
        if self.applicants.isVisible():
            self.applicants.refresh()

    def open_applicant(self, applicant_id):
        """Open (or raise) the detail view of one applicant; modeless, one per applicant (its module
        loads on first use). None when it cannot open."""
        from app.core.errors import AppError
        from app.views.applicants.detail import ApplicantDetailDialog
        from app.views import i18n

        key = str(applicant_id)
        dialog = self.details.get(key)
        if dialog is None:
            refusal = None
            try:
                dialog = ApplicantDetailDialog(self.db, self.actor, applicant_id, self)
            except AppError as exc:  # not found any more, not allowed, database busy…
                refusal = exc
            if refusal is not None:
                QMessageBox.warning(self, self.tr("Cannot open"),
                                    i18n.message(refusal) if hasattr(refusal, "message_en") else str(refusal))
                return None
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.saved.connect(self._applicant_saved)
            dialog.editor.statusMessage.connect(self._status)
            dialog.openApplicantRequested.connect(self.open_applicant)
            dialog.destroyed.connect(_call(self.details.pop, key, None))
            self.details[key] = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt)
        for dialog in list(self.details.values()):  # each asks about its unsaved changes
            if not dialog.close():
                event.ignore()
                return
        self.idle.stop()
        self.daily_backup.stop()
        self.applicants.pool.waitForDone(3000)
        if self.match_preload is not None:
            self.match_preload.wait()  # a thread still running must not outlive its window
        if self.settings is not None:
            self.settings.set("window/geometry", bytes(self.saveGeometry().data()))
            self.settings.set("window/page", self.stack.currentIndex())
        super().closeEvent(event)


def _call(function, *args):
    """A slot that calls ``function(*args)`` and ignores the signal's arguments. (Not a lambda with
    default arguments: PySide 6.12 drops a reference to such defaults when the connection goes.)"""
    def slot(*_signal_args) -> None:
        function(*args)
    return slot
