"""Backups ("Cadangan"): back up now (to the data dir, or to a folder such as a USB disk), the list
of backups, and restore with a typed confirmation; backups and restores run off the GUI thread.
After a restore PMI Desk closes: the database is opened again at the next start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMessageBox, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from app.core import backup
from app.core.permissions import PermissionDenied, allowed
from app.views import i18n
from app.views.worker import run_busy
from app.views.widgets import ReadOnlyTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
RowObjectRole = Qt.ItemDataRole.UserRole + 2

COLUMNS = (
    QT_TRANSLATE_NOOP("BackupsModel", "When (WIB)"),
    QT_TRANSLATE_NOOP("BackupsModel", "Kind"),
    QT_TRANSLATE_NOOP("BackupsModel", "Size"),
    QT_TRANSLATE_NOOP("BackupsModel", "File"),
)
REASONS = {
    "manual": QT_TRANSLATE_NOOP("BackupsModel", "By hand"),
    "daily": QT_TRANSLATE_NOOP("BackupsModel", "Daily"),
    "start": QT_TRANSLATE_NOOP("BackupsModel", "At start"),
    "before-restore": QT_TRANSLATE_NOOP("BackupsModel", "Before a restore"),
    "before-migration": QT_TRANSLATE_NOOP("BackupsModel", "Before an update"),
}
CONFIRM_WORD = QT_TRANSLATE_NOOP("BackupsPage", "RESTORE")


def live_path(db) -> Path | None:
    """The SQLite file behind ``db`` (None for PostgreSQL)."""
    return backup.sqlite_path(db.engine.url.render_as_string(hide_password=False))


def _size(n: int) -> str:
    return i18n.size_text(n)


class BackupsModel(ReadOnlyTableModel):
    COLUMNS = COLUMNS
    CONTEXT = "BackupsModel"

    def __init__(self, backups=(), parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []
        self.set_backups(backups)

    def set_backups(self, backups) -> None:
        self.beginResetModel()
        rows = []
        for b in backups:
            try:
                size = b.path.stat().st_size
            except OSError:
                size = 0
            rows.append((b, size))
        self._rows = rows
        self.endResetModel()

    def backup_at(self, row: int):
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        b, size = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            reason = QCoreApplication.translate("BackupsModel", REASONS[b.reason]) if b.reason in REASONS else b.reason
            return (i18n.datetime_text(b.at), reason, _size(size), str(b.path))[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SortRole:
            return (b.at.isoformat(), b.reason, size, str(b.path))[col]
        if role == RowObjectRole:
            return b
        return None


class ConfirmRestoreDialog(QDialog):
    """Restoring replaces all current data: the person types the confirmation word."""

    def __init__(self, backup_file, parent: QWidget | None = None):
        super().__init__(parent)
        self.word = QCoreApplication.translate("BackupsPage", CONFIRM_WORD)
        self.setWindowTitle(self.tr("Restore from a backup"))
        when = i18n.datetime_text(backup_file.at)
        text = QLabel(self.tr("<b>All data entered after %1 WIB will be replaced</b> by the backup<br>%2<br><br>"
                              "The current database is kept as a safety copy first. PMI Desk closes after "
                              "the restore; start it again.<br><br>Type <b>%3</b> to confirm.")
                      .replace("%1", when).replace("%2", backup_file.path.name).replace("%3", self.word))
        text.setWordWrap(True)
        self.confirm = QLineEdit()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Restore"))
        self.ok_button.setEnabled(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.confirm.textChanged.connect(lambda t: self.ok_button.setEnabled(t.strip().upper() == self.word))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.confirm)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)


class BackupsPage(QWidget):
    """``restored`` is emitted after a restore: the main window closes the application."""

    restored = Signal()

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.model = BackupsModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.folder_button = QPushButton(self.tr("Back up to a folder…"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.backup_button.clicked.connect(lambda: self.back_up())
        self.folder_button.clicked.connect(self.back_up_to_folder)
        self.restore_button.clicked.connect(lambda: self.restore_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        may_restore = allowed(actor.role, "backup.restore")
        self.restore_button.setVisible(may_restore)
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.folder_button, self.restore_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        title = QLabel(self.tr("Backups"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._selection_changed()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self.refresh()

    def folders(self) -> list[Path]:
        live = live_path(self.db)
        return backup.backup_dirs(live) if live is not None else []

    def refresh(self) -> None:
        folders = self.folders()
        found = sorted((b for d in folders for b in backup.list_backups(d)), key=lambda b: b.at, reverse=True)
        self.model.set_backups(found)
        self.where.setText(self.tr("Backups are kept in: %1").replace("%1", "; ".join(str(d) for d in folders))
                           if folders else self.tr("Backups are made only for a database file (SQLite)."))
        self._selection_changed()

    def _selection_changed(self, *_args) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def back_up(self, dest_dir: Path | None = None):
        result, error = run_busy(self, self.tr("Backup"), self.tr("Making a backup…"),
                                 lambda: backup.backup_now(self.db, self.actor, dest_dir=dest_dir))
        if error is not None:
            QMessageBox.warning(self, self.tr("Backup"), self.tr("The backup failed: %1").replace(
                "%1", i18n.message(error) if hasattr(error, "message_en") else str(error)))
            return None
        self.refresh()
        QMessageBox.information(self, self.tr("Backup"), self.tr("Backup made and checked: %1 (%2 applicants).")
                                .replace("%1", str(result.path)).replace("%2", str(result.verification.applicants)))
        return result

    def back_up_to_folder(self):
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the backup"))
        if not folder:
            return None
        return self.back_up(Path(folder))

    def restore_selected(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        if not allowed(self.actor.role, "backup.restore"):
            QMessageBox.warning(self, self.tr("Restore"), i18n.message(PermissionDenied(self.actor.role, "backup.restore")))
            return False
        chosen = self.model.backup_at(rows[0].row())
        if ConfirmRestoreDialog(chosen, self).exec() != QDialog.DialogCode.Accepted:
            return False
        window = self.window()
        if hasattr(window, "release_database"):
            window.release_database()  # no connection may keep the old file open
        result, error = run_busy(self, self.tr("Restore"), self.tr("Restoring and checking the backup…"),
                                 lambda: backup.restore_now(self.db, self.actor, chosen.path))
        if error is not None:
            QMessageBox.warning(self, self.tr("Restore"), self.tr("The restore failed; nothing was changed: %1")
                                .replace("%1", i18n.message(error) if hasattr(error, "message_en") else str(error)))
            return False
        QMessageBox.information(self, self.tr("Restore"),
                                self.tr("The backup was restored (%1 applicants). PMI Desk closes now; "
                                        "start it again to work with the restored data.")
                                .replace("%1", str(result.verification.applicants)))
        self.restored.emit()
        return True
