"""User management for administrators: the list, add a user, reset a password, (de)activate,
change the role. Every change goes through ``app.core.auth`` / ``app.core.setup``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QFormLayout,
                               QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from app.core import auth, setup
from app.core.errors import AppError, ValidationError
from app.views import i18n
from app.views.widgets import ERROR_STYLE, ReadOnlyTableModel, error_label, mark_error, ok_cancel

SortRole = Qt.ItemDataRole.UserRole + 1
RowObjectRole = Qt.ItemDataRole.UserRole + 2

ROLES = (
    ("counter", QT_TRANSLATE_NOOP("Roles", "Counter staff")),
    ("trainer", QT_TRANSLATE_NOOP("Roles", "Trainer")),
    ("supervisor", QT_TRANSLATE_NOOP("Roles", "Supervisor")),
    ("admin", QT_TRANSLATE_NOOP("Roles", "Administrator")),
)
COLUMNS = (
    QT_TRANSLATE_NOOP("UsersModel", "Username"),
    QT_TRANSLATE_NOOP("UsersModel", "Full name"),
    QT_TRANSLATE_NOOP("UsersModel", "Role"),
    QT_TRANSLATE_NOOP("UsersModel", "Office"),
    QT_TRANSLATE_NOOP("UsersModel", "State"),
)


def role_label(code: str) -> str:
    for key, text in ROLES:
        if key == code:
            return QCoreApplication.translate("Roles", text)
    return code


def _state(account) -> str:
    if not account.active:
        return QCoreApplication.translate("UsersModel", "Deactivated")
    if account.locked():
        until = i18n.datetime_text(account.locked_until, time_only=True)
        return QCoreApplication.translate("UsersModel", "Locked until %1 WIB").replace("%1", until)
    if account.must_change_password:
        return QCoreApplication.translate("UsersModel", "Active, must change password")
    return QCoreApplication.translate("UsersModel", "Active")


class UsersModel(ReadOnlyTableModel):
    COLUMNS = COLUMNS
    CONTEXT = "UsersModel"

    def __init__(self, accounts=(), parent=None):
        super().__init__(parent)
        self._rows = list(accounts)

    def set_accounts(self, accounts) -> None:
        self.beginResetModel()
        self._rows = list(accounts)
        self.endResetModel()

    def account(self, row: int):
        return self.row_at(row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        a = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (a.username, a.full_name, role_label(a.role), a.office_code, _state(a))[col]
        if role == Qt.ItemDataRole.ForegroundRole and not a.active:
            from PySide6.QtGui import QColor

            return QColor("#888888")
        if role == SortRole:
            return (a.username, a.full_name.lower(), a.role, a.office_code, (a.active, a.username))[col]
        if role == RowObjectRole:
            return a
        return None


class PasswordPair(QObject):
    """A password typed twice (a new user's first password, a reset): the two hidden fields, their
    rows in a ``_FieldDialog`` form (errors under each), and the check that both are the same."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.first, self.second = QLineEdit(), QLineEdit()
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(auth.MAX_PASSWORD_LENGTH)

    def fields(self) -> tuple[tuple[str, QLineEdit], tuple[str, QLineEdit]]:
        return ("password", self.first), ("password2", self.second)

    def add_rows(self, dialog: "_FieldDialog", form: QFormLayout, first_caption: str) -> None:
        for (name, edit), caption in zip(self.fields(), (first_caption, self.tr("Repeat pass&word"))):
            form.addRow(caption, edit)
            form.addRow("", dialog.errors[name])

    def text(self) -> str:
        return self.first.text()

    def same(self, dialog: "_FieldDialog") -> bool:
        """False (with the message under the second field) when the two differ."""
        if self.first.text() == self.second.text():
            return True
        dialog.show_error("password2", self.tr("The two passwords differ."))
        return False


class _FieldDialog(QDialog):
    """A form whose service errors are shown under their fields, with OK/Cancel and a note."""

    def _setup(self, fields) -> QFormLayout:
        self.setStyleSheet(ERROR_STYLE)
        self.fields = dict(fields)
        self.errors = {name: error_label() for name in self.fields}
        return QFormLayout()

    def _finish(self, form: QFormLayout, note: str, ok_text: str, cancel_text: str, min_width: int) -> None:
        """The note under the form, the buttons (OK saves), the layout."""
        label = QLabel(note)
        label.setWordWrap(True)
        buttons, self.ok_button = ok_cancel(self, ok_text, cancel_text, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(label)
        layout.addWidget(buttons)
        self.setMinimumWidth(min_width)

    def save(self) -> bool:
        raise NotImplementedError

    def show_error(self, name: str, text: str) -> None:
        label = self.errors[name]
        label.setText(text)
        label.setVisible(bool(text))
        mark_error(self.fields[name], bool(text))

    def clear_errors(self) -> None:
        for name in self.errors:
            self.show_error(name, "")

    def error_text(self, name: str) -> str:
        return self.errors[name].text() if self.errors[name].isVisibleTo(self) else ""

    def show_errors(self, exc: ValidationError, fallback: str) -> None:
        for error in exc.errors:
            self.show_error(error.field if error.field in self.errors else fallback, i18n.message(error))


class AddUserDialog(_FieldDialog):
    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.user = db, actor, None
        self.setWindowTitle(self.tr("Add user"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("3–32 lowercase letters, digits, . or _"))
        self.full_name = QLineEdit()
        self.role = QComboBox()
        for code, _text in ROLES:
            self.role.addItem(role_label(code), code)
        self.passwords = PasswordPair(self)
        self.password, self.password2 = self.passwords.first, self.passwords.second
        form = self._setup((("username", self.username), ("full_name", self.full_name), ("role", self.role),
                            *self.passwords.fields()))
        for name, caption in (("username", self.tr("&Username")), ("full_name", self.tr("&Full name")),
                              ("role", self.tr("&Role"))):
            form.addRow(caption, self.fields[name])
            form.addRow("", self.errors[name])
        self.passwords.add_rows(self, form, self.tr("First &password"))
        self._finish(form, self.tr("The user must change this password at the first sign-in."),
                     self.tr("Add user"), self.tr("Cancel"), 460)

    def save(self) -> bool:
        self.clear_errors()
        if not self.passwords.same(self):
            return False
        problem = None
        try:
            self.user = setup.create_user(self.db, self.actor, username=self.username.text(),
                                          full_name=self.full_name.text(), role=self.role.currentData(),
                                          password=self.passwords.text())
        except ValidationError as exc:
            problem = exc
        if problem is not None:
            self.show_errors(problem, "username")
            return False
        self.accept()
        return True


class ResetPasswordDialog(_FieldDialog):
    def __init__(self, db, actor, username: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.username = db, actor, username
        self.setWindowTitle(self.tr("Reset password of %1").replace("%1", username))
        self.passwords = PasswordPair(self)
        self.password, self.password2 = self.passwords.first, self.passwords.second
        form = self._setup(self.passwords.fields())
        self.passwords.add_rows(self, form, self.tr("New first &password"))
        self._finish(form, self.tr("The user must change it at the next sign-in; a lockout is lifted."),
                     self.tr("Reset password"), self.tr("Cancel"), 420)

    def save(self) -> bool:
        self.clear_errors()
        if not self.passwords.same(self):
            return False
        problem = None
        try:
            auth.reset_password(self.db, self.actor, self.username, self.passwords.text())
        except ValidationError as exc:
            problem = exc
        if problem is not None:
            self.show_errors(problem, "password")
            return False
        self.accept()
        return True


class UsersPage(QWidget):
    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.model = UsersModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add user…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.role_button.clicked.connect(self.change_role)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.reset_button, self.active_button, self.role_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        title = QLabel(self.tr("Users"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._selection_changed()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        current = select or (self.selected().username if self.selected() else None)
        accounts = self._call(auth.list_users, self.db, self.actor)
        if accounts is None:
            return
        self.model.set_accounts(accounts)
        for row, account in enumerate(accounts):
            if account.username == current:
                self.table.selectRow(row)
        self._selection_changed()

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.account(rows[0].row()) if rows else None

    def _selection_changed(self, *_args) -> None:
        account = self.selected()
        for b in (self.reset_button, self.active_button, self.role_button):
            b.setEnabled(account is not None)
        self.active_button.setText(self.tr("Activate") if account is not None and not account.active
                                   else self.tr("Deactivate"))

    def _call(self, function, *args):
        """A service call; a refusal (last admin, not allowed…) becomes a message box."""
        refusal = None
        try:
            return function(*args)
        except AppError as exc:
            refusal = exc
        QMessageBox.warning(self, self.tr("Users"), i18n.message(refusal)
                            if hasattr(refusal, "message_en") else str(refusal))
        return None

    def add_user(self) -> AddUserDialog:
        dialog = AddUserDialog(self.db, self.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(select=dialog.user.username)
        return dialog

    def reset_password(self) -> None:
        account = self.selected()
        if account is None:
            return
        if ResetPasswordDialog(self.db, self.actor, account.username, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def toggle_active(self) -> None:
        account = self.selected()
        if account is None:
            return
        if account.active:
            answer = QMessageBox.question(
                self, self.tr("Deactivate user"),
                self.tr("Deactivate %1? They can no longer sign in.").replace("%1", account.username))
            if answer != QMessageBox.StandardButton.Yes:
                return
        if self._call(auth.set_active, self.db, self.actor, account.username, not account.active) is not None:
            self.refresh()

    def change_role(self) -> None:
        account = self.selected()
        if account is None:
            return
        names = [role_label(code) for code, _ in ROLES]
        current = [code for code, _ in ROLES].index(account.role) if account.role in dict(ROLES) else 0
        name, ok = QInputDialog.getItem(self, self.tr("Change role"),
                                        self.tr("New role of %1:").replace("%1", account.username),
                                        names, current, False)
        if not ok:
            return
        role = ROLES[names.index(name)][0]
        if self._call(auth.set_role, self.db, self.actor, account.username, role) is not None:
            self.refresh()
