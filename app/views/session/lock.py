"""The idle screen lock: an application-wide event filter restarts a timer on every key or mouse
input; when it runs out the main window hides personal data behind ``LockDialog``, which asks the
same user's password again (``auth.unlock_screen``) or signs out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from app.core.credentials import MAX_PASSWORD_LENGTH
from app.views.widgets import ERROR_STYLE, checked_password, error_label

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``minutes`` without keyboard or mouse input anywhere in the app."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(minutes)) * 60_000)
        self.timer.timeout.connect(self.idle)
        self.paused = False
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def set_minutes(self, minutes: int) -> bool:
        """Follow a changed office setting at once; the countdown restarts only when it changed."""
        ms = max(1, int(minutes)) * 60_000
        if ms == self.timer.interval():
            return False
        self.set_interval_ms(ms)
        return True

    def set_interval_ms(self, ms: int) -> None:
        self.timer.setInterval(ms)
        if not self.paused:
            self.timer.start()

    def pause(self) -> None:
        self.paused = True
        self.timer.stop()

    def resume(self) -> None:
        self.paused = False
        self.timer.start()

    def stop(self) -> None:
        self.pause()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt)
        if not self.paused and event.type() in _INPUT:
            self.timer.start()
        return False


class LockDialog(QDialog):
    """Modal: 'the screen is locked', the signed-in user's password, Unlock or Sign out.

    ``result()`` is Accepted after a right password; ``signed_out`` is True after Sign out."""

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.signed_out = False
        self.setWindowTitle(self.tr("Screen locked — PMI Desk"))
        self.setStyleSheet(ERROR_STYLE)
        heading = QLabel(self.tr("<b>The screen is locked.</b>"))
        heading.setStyleSheet("font-size: 15px;")
        who = QLabel(self.tr("Signed in: %1 (%2). Enter your password to go on, or sign out so "
                             "someone else can sign in.")
                     .replace("%1", actor.full_name or actor.username).replace("%2", actor.username))
        who.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(MAX_PASSWORD_LENGTH)
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Password"), self.password)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setAutoDefault(False)
        self.sign_out_button.clicked.connect(self.sign_out)
        buttons = QDialogButtonBox()
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.sign_out_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.password.setFocus()

    def try_unlock(self) -> bool:
        from app.core import auth

        if checked_password(lambda: auth.unlock_screen(self.db, self.actor, self.password.text()),
                            self.message, self.password) is None:
            return False
        self.accept()
        return True

    def sign_out(self) -> None:
        self.signed_out = True
        self.done(QDialog.DialogCode.Rejected)

    def reject(self) -> None:  # Escape does not unlock; the window stays hidden
        pass
