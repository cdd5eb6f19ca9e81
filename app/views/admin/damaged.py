"""The screen shown at start when the database file is damaged: what happened, and the latest
good backup to restore (never a traceback)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from app.core import backup
from app.views import i18n
from app.views.widgets import ERROR_STYLE, checked_password, error_label
from app.views.worker import run_busy


class DamagedDatabaseDialog(QDialog):
    """``exec()`` returns 1 after a successful restore (go on starting), 0 to quit."""

    def __init__(self, check, live_path, parent: QWidget | None = None):
        super().__init__(parent)
        self.check = check
        self.live_path = live_path
        self.setWindowTitle(self.tr("The database is damaged — PMI Desk"))
        self.setStyleSheet(ERROR_STYLE)
        heading = QLabel(self.tr("<b>The database file is damaged and cannot be used safely.</b>"))
        heading.setStyleSheet("font-size: 15px;")
        heading.setWordWrap(True)
        detail = QLabel(i18n.message(check))
        detail.setWordWrap(True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        latest = check.latest_good
        if latest is not None:
            from app.core.backup import list_backups

            when = next((b.at for b in list_backups(latest.path.parent) if b.path == latest.path), None)
            offer = QLabel(self.tr("The latest good backup is from %1 WIB (%2 applicants). Restoring it "
                                   "keeps the damaged file as a copy; data entered after the backup must be "
                                   "entered again.")
                           .replace("%1", i18n.datetime_text(when) if when else "?")
                           .replace("%2", i18n.number_text(latest.applicants)))
        else:
            offer = QLabel(self.tr("No good backup was found. Call the administrator; do not delete the file."))
        offer.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore the latest good backup"))
        self.restore_button.setEnabled(latest is not None)
        self.restore_button.clicked.connect(self.restore)
        sign = QLabel(self.tr("An administrator restores it, with the username and password as they are "
                              "in the backup."))
        sign.setWordWrap(True)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username)
        form.addRow(self.tr("&Password"), self.password)
        for w in (sign, self.username, self.password):
            w.setVisible(latest is not None)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.clicked.connect(self.reject)
        buttons = QDialogButtonBox()
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(detail)
        layout.addWidget(offer)
        layout.addWidget(sign)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def restore(self) -> bool:
        """An administrator of the backup (``backup.administrator_of``) restores it through
        ``backup.restore_database`` (permission, audit entry in the restored file)."""
        path = self.check.latest_good.path
        actor = checked_password(lambda: backup.administrator_of(path, self.username.text(), self.password.text()),
                                 self.message, self.password)
        if actor is None:
            return False
        result, error = run_busy(self, self.tr("Restore"), self.tr("Restoring and checking the backup…"),
                                 lambda: backup.restore_database(actor, path, self.live_path))
        if error is not None:
            QMessageBox.warning(self, self.tr("Restore"), self.tr("The restore failed: %1").replace(
                "%1", i18n.message(error) if hasattr(error, "message_en") else str(error)))
            return False
        QMessageBox.information(self, self.tr("Restore"), self.tr("The backup was restored (%1 applicants).")
                                .replace("%1", str(result.verification.applicants)))
        self.accept()
        return True
