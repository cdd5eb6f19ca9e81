"""The sign-in dialog (username, password, Enter) and the change-password dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from app.core.credentials import MAX_PASSWORD_LENGTH
from app.core.errors import UserError, ValidationError
from app.views import i18n
from app.views.widgets import ERROR_STYLE, error_label, mark_error, ok_cancel


class SignInDialog(QDialog):
    """Asks username and password until ``auth.sign_in`` accepts them; ``user`` is the ``UserInfo``.

    A user whose password was set by an administrator changes it here before going on."""

    def __init__(self, db, office_name: str = "", parent: QWidget | None = None, *, username: str = ""):
        super().__init__(parent)
        self.db = db
        self.user = None
        self.pending_write = None  # quick start: the future of the sign-in's audit entry (see sign_in)
        self.setWindowTitle(self.tr("Sign in — PMI Desk"))
        self.setStyleSheet(ERROR_STYLE)
        heading = QLabel(self.tr("<b>PMI Desk</b><br>%1").replace("%1", office_name) if office_name
                         else self.tr("<b>PMI Desk</b>"))
        heading.setStyleSheet("font-size: 15px;")
        self.username = QLineEdit(username)
        self.username.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(MAX_PASSWORD_LENGTH)
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.try_sign_in)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        (self.password if username else self.username).setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def try_sign_in(self) -> bool:
        password = self.password.text()
        refusal = None
        try:
            user, self.pending_write = sign_in(self.db, self.username.text(), password)
        except UserError as exc:
            refusal = exc
        if refusal is not None:
            self.show_message(i18n.message(refusal))
            self.password.clear()
            self.password.setFocus()
            return False
        if user.must_change_password:
            change = ChangePasswordDialog(self.db, user.actor(), old_password=password, parent=self)
            if change.exec() != QDialog.DialogCode.Accepted:
                self.show_message(self.tr("Choose a new password to go on."))
                self.password.clear()
                return False
            user = change.user
        self.user = user
        self.accept()
        return True


def sign_in(db, username, password):
    """``(UserInfo, future)``: ``auth.sign_in``, or on the GUI's quick start (a
    ``quickstart.LazyDatabase``) ``quickstart.sign_in``, whose successful sign-in is written once
    the database stack has loaded (the future; None when written already)."""
    if hasattr(db, "defer"):
        from app.core import quickstart

        return quickstart.sign_in(db, username, password)
    from app.core import auth

    return auth.sign_in(db, username, password), None


class ChangePasswordDialog(QDialog):
    """A user sets their own new password (``auth.change_password``). When ``old_password`` is
    given (right after signing in) it is not asked again."""

    def __init__(self, db, actor, *, old_password: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.user = None
        self._given_old = old_password
        self.setWindowTitle(self.tr("Change password"))
        self.setStyleSheet(ERROR_STYLE)
        intro = QLabel(self.tr("Your password was set by an administrator. Choose your own password "
                               "(at least 8 characters).") if old_password is not None
                       else self.tr("Choose a new password (at least 8 characters)."))
        intro.setWordWrap(True)
        self.old_password = QLineEdit()
        self.new_password = QLineEdit()
        self.repeat = QLineEdit()
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        for name, widget, caption in (("old_password", self.old_password, self.tr("&Current password")),
                                      ("new_password", self.new_password, self.tr("&New password")),
                                      ("repeat", self.repeat, self.tr("&Repeat new password"))):
            widget.setEchoMode(QLineEdit.EchoMode.Password)
            self.errors[name] = error_label()
            if name == "old_password" and old_password is not None:
                continue
            form.addRow(caption, widget)
            form.addRow("", self.errors[name])
        buttons, self.ok_button = ok_cancel(self, self.tr("Save password"), self.tr("Cancel"), self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        (self.new_password if old_password is not None else self.old_password).setFocus()

    def _widget(self, name: str) -> QLineEdit:
        return {"old_password": self.old_password, "new_password": self.new_password,
                "repeat": self.repeat}[name]

    def show_error(self, name: str, text: str) -> None:
        label = self.errors[name]
        label.setText(text)
        label.setVisible(bool(text))
        mark_error(self._widget(name), bool(text))

    def error_text(self, name: str) -> str:
        return self.errors[name].text() if self.errors[name].isVisibleTo(self) else ""

    def save(self) -> bool:
        for name in self.errors:
            self.show_error(name, "")
        if self.repeat.text() != self.new_password.text():
            self.show_error("repeat", self.tr("The two passwords differ."))
            return False
        old = self._given_old if self._given_old is not None else self.old_password.text()
        problem = None
        from app.core import auth

        try:
            self.user = auth.change_password(self.db, self.actor, old, self.new_password.text())
        except ValidationError as exc:
            problem = exc
        if problem is not None:
            for error in problem.errors:
                self.show_error(error.field if error.field in self.errors else "new_password", i18n.message(error))
            return False
        self.accept()
        return True
