"""Sync between offices ("Sinkronisasi"): send a packet to another office, take in a packet or an
acknowledgement, and resolve conflicts side by side. The work is done by ``app.core.sync``; this
screen only chooses files and shows results."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox,
                               QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QScrollArea, QTableView, QVBoxLayout, QWidget)

from app.core import sync
from app.core.errors import UserError
from app.core.permissions import allowed
from app.views import i18n, labels
from app.views.applicants.history import wib
from app.views.widgets import ReadOnlyTableModel
from app.views.worker import run_busy

KINDS = {
    "edit": QT_TRANSLATE_NOOP("ConflictsModel", "Changed at both offices"),
    "unique": QT_TRANSLATE_NOOP("ConflictsModel", "Registered at both offices"),
    "deleted_here": QT_TRANSLATE_NOOP("ConflictsModel", "Deleted here, changed there"),
    "deleted_there": QT_TRANSLATE_NOOP("ConflictsModel", "Changed here, deleted there"),
}
TABLES = {
    "applicant": QT_TRANSLATE_NOOP("ConflictsModel", "Applicant"),
    "applicant_language": QT_TRANSLATE_NOOP("ConflictsModel", "Language"),
    "work_experience": QT_TRANSLATE_NOOP("ConflictsModel", "Work experience"),
    "office": QT_TRANSLATE_NOOP("ConflictsModel", "Office"),
}
HIDDEN_FIELDS = ("id", "created_at", "updated_at", "origin_office", "version")


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class ConflictsModel(ReadOnlyTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ConflictsModel", "No."),
        QT_TRANSLATE_NOOP("ConflictsModel", "Conflict"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Data"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Record"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Other office"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Differs in"),
        QT_TRANSLATE_NOOP("ConflictsModel", "Found (WIB)"),
    )
    CONTEXT = "ConflictsModel"

    def set_conflicts(self, conflicts) -> None:
        self.beginResetModel()
        self._rows = list(conflicts)
        self.endResetModel()

    def conflict_at(self, row: int):
        return self.row_at(row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        c = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            differs = labels.field(c.unique_field) if c.kind == "unique" and c.unique_field else ", ".join(
                labels.field(f) for f in c.differing if f not in HIDDEN_FIELDS)
            return (str(c.id), _tr("ConflictsModel", KINDS.get(c.kind, c.kind)),
                    _tr("ConflictsModel", TABLES[c.table_name]) if c.table_name in TABLES else c.table_name,
                    c.label, c.peer, differs or "—",
                    c.detected_at.astimezone(wib()).strftime("%d/%m/%Y %H:%M"))[index.column()]
        return None


class ResolveDialog(QDialog):
    """Both versions side by side; the supervisor keeps one, or ticks the fields to take from the
    other office (merge)."""

    def __init__(self, conflict, parent: QWidget | None = None):
        super().__init__(parent)
        self.conflict = conflict
        self.choice: str | None = None
        self.setWindowTitle(self.tr("Resolve conflict %1").replace("%1", str(conflict.id)))
        kind = _tr("ConflictsModel", KINDS.get(conflict.kind, conflict.kind))
        intro = QLabel(self.tr("<b>%1</b> — %2 with office %3. Choose the version to keep everywhere, or "
                               "tick the fields to take from the other office and merge.")
                       .replace("%1", kind).replace("%2", conflict.label).replace("%3", conflict.peer))
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(self._bold(self.tr("Field")), 0, 0)
        grid.addWidget(self._bold(self.tr("This office")), 0, 1)
        grid.addWidget(self._bold(self.tr("Office %1").replace("%1", conflict.peer)), 0, 2)
        grid.addWidget(self._bold(self.tr("Take theirs")), 0, 3)
        mine, theirs = conflict.mine or {}, conflict.theirs or {}
        self.checks: dict[str, QCheckBox] = {}
        fields = [f for f in (list(mine) or list(theirs)) if f not in HIDDEN_FIELDS]
        for row, name in enumerate(fields, 1):
            a, b = mine.get(name), theirs.get(name)
            differs = bool(mine) and bool(theirs) and a != b
            label = QLabel(labels.field(name))
            left = QLabel(self._show(a) if mine else self.tr("(deleted)"))
            right = QLabel(self._show(b) if theirs else self.tr("(deleted)"))
            for w in (left, right):
                w.setWordWrap(True)
                w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if differs:
                    w.setStyleSheet("background: #fff3cd;")
            grid.addWidget(label, row, 0)
            grid.addWidget(left, row, 1)
            grid.addWidget(right, row, 2)
            if name in conflict.mergeable:
                box = QCheckBox()
                box.setAccessibleName(name)
                self.checks[name] = box
                grid.addWidget(box, row, 3, Qt.AlignmentFlag.AlignCenter)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        inner = QWidget()
        inner.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        self.mine_button = QPushButton(self.tr("Keep this office's version"))
        self.theirs_button = QPushButton(self.tr("Keep office %1's version").replace("%1", conflict.peer))
        self.merge_button = QPushButton(self.tr("Merge the ticked fields"))
        self.merge_button.setEnabled(False)
        self.merge_button.setVisible(bool(self.checks))
        for box in self.checks.values():
            box.toggled.connect(lambda _on: self.merge_button.setEnabled(bool(self.fields())))
        self.mine_button.clicked.connect(lambda: self._choose("mine"))
        self.theirs_button.clicked.connect(lambda: self._choose("theirs"))
        self.merge_button.clicked.connect(lambda: self._choose("merge"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for b in (self.mine_button, self.theirs_button, self.merge_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        self.resize(900, 620)

    @staticmethod
    def _bold(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold;")
        return label

    @staticmethod
    def _show(value) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
            d = QDate.fromString(value, "yyyy-MM-dd")
            return d.toString("dd/MM/yyyy") if d.isValid() else value
        return str(value)

    def fields(self) -> list[str]:
        return [name for name, box in self.checks.items() if box.isChecked()]

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class SyncPage(QWidget):
    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.may_resolve = allowed(actor.role, "sync.resolve")
        title = QLabel(self.tr("Sync between offices"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.identity = QLabel()
        self.identity.setWordWrap(True)
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.save_key_button = QPushButton(self.tr("Save this office's key…"))
        self.trust_button = QPushButton(self.tr("Register another office's key…"))
        self.save_key_button.clicked.connect(lambda: self.save_key())
        self.trust_button.clicked.connect(lambda: self.trust())
        self.trust_button.setVisible(allowed(actor.role, "sync.trust"))
        keys_row = QHBoxLayout()
        keys_row.addWidget(self.identity, 1)
        keys_row.addWidget(self.save_key_button)
        keys_row.addWidget(self.trust_button)

        send = QGroupBox(self.tr("Send to another office"))
        self.office = QComboBox()
        self.office.setMinimumWidth(160)
        self.pending = QLabel()
        self.export_button = QPushButton(self.tr("Make a packet…"))
        self.export_button.clicked.connect(lambda: self.export())
        row = QHBoxLayout(send)
        row.addWidget(QLabel(self.tr("Office:")))
        row.addWidget(self.office)
        row.addWidget(self.export_button)
        row.addWidget(self.pending, 1)

        receive = QGroupBox(self.tr("Receive from another office"))
        self.import_button = QPushButton(self.tr("Import a packet…"))
        self.ack_button = QPushButton(self.tr("Read an acknowledgement…"))
        self.import_button.clicked.connect(lambda: self.import_packet())
        self.ack_button.clicked.connect(lambda: self.read_ack())
        self.last_result = QLabel()
        self.last_result.setWordWrap(True)
        self.last_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        col = QVBoxLayout(receive)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.ack_button)
        buttons.addStretch(1)
        col.addLayout(buttons)
        col.addWidget(self.last_result)

        self.conflicts_box = QGroupBox(self.tr("Conflicts to resolve"))
        self.model = ConflictsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the record's name
        self.table.doubleClicked.connect(lambda _i: self.resolve_selected())
        self.resolve_button = QPushButton(self.tr("Resolve…"))
        self.resolve_button.clicked.connect(lambda: self.resolve_selected())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.none_label = QLabel(self.tr("No open conflicts."))
        box = QVBoxLayout(self.conflicts_box)
        box.addWidget(self.none_label)
        box.addWidget(self.table, 1)
        line = QHBoxLayout()
        line.addWidget(self.resolve_button)
        line.addStretch(1)
        box.addLayout(line)
        self.conflicts_box.setVisible(self.may_resolve)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(keys_row)
        layout.addWidget(send)
        layout.addWidget(receive)
        layout.addWidget(self.conflicts_box, 1)
        if not self.may_resolve:
            layout.addStretch(1)
        self._selection_changed()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        try:
            key = sync.ensure_keys(self.db, self.actor)
            peers = sync.peers(self.db, self.actor)
        except Exception as exc:  # noqa: BLE001 (shown, not swallowed)
            self.identity.setText(i18n.message(exc) if hasattr(exc, "message_en") else str(exc))
            return
        self.identity.setText(self.tr("This office: %1 · key fingerprint %2").replace("%1", key.office_code)
                              .replace("%2", key.fingerprint))
        current = self.office.currentData()
        self.office.clear()
        for p in peers:
            self.office.addItem(p.office_code, p.office_code)
        if current is not None and self.office.findData(current) >= 0:
            self.office.setCurrentIndex(self.office.findData(current))
        self.export_button.setEnabled(bool(peers))
        self.pending.setText(self.tr("No other office is registered yet (an administrator registers its key).")
                             if not peers else "")
        if self.may_resolve:
            self.model.set_conflicts(sync.list_conflicts(self.db, self.actor))
            self.none_label.setVisible(self.model.rowCount() == 0)
            self.table.setVisible(self.model.rowCount() > 0)
        self._selection_changed()

    def _selection_changed(self, *_args) -> None:
        self.resolve_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _fail(self, title: str, error) -> None:
        QMessageBox.warning(self, title, i18n.message(error) if hasattr(error, "message_en") else str(error))

    def save_key(self, path: str | None = None):
        """This office's public key as a file to hand to another office."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save this office's key"),
                                                  f"{self.actor.office_code}.key", self.tr("Office keys (*.key)"))
        if not path:
            return None
        try:
            doc = sync.own_key_file(self.db, self.actor)
            Path(path).write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Sync"), str(exc))
            return None
        except Exception as exc:  # noqa: BLE001 (domain refusals are shown)
            if not hasattr(exc, "message_en"):
                raise
            self._fail(self.tr("Sync"), exc)
            return None
        QMessageBox.information(self, self.tr("Sync"), self.tr(
            "Key saved to %1. Fingerprint: %2").replace("%1", str(path)).replace("%2", doc["fingerprint"]))
        return doc

    def trust(self, path: str | None = None):
        """Register another office's public key, after the person compared its fingerprint."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an office's key"), "",
                                                  self.tr("Office keys (*.key)"))
        if not path:
            return None
        try:
            text = Path(path).read_text(encoding="utf-8")
            doc = json.loads(text)
            office, shown = str(doc["office"]), sync.fingerprint(str(doc["public_key"]))
        except (OSError, ValueError, KeyError, TypeError, UnicodeDecodeError):
            QMessageBox.warning(self, self.tr("Sync"), i18n.message(UserError("sync_bad_key")))
            return None
        answer = QMessageBox.question(self, self.tr("Register a key"), self.tr(
            "Register the key of office %1?\n\nFingerprint: %2\n\nCompare it with that office by phone first: "
            "a packet signed with this key will be accepted.").replace("%1", office).replace("%2", shown))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        try:
            info = sync.trust_office(self.db, self.actor, office, text)
        except Exception as exc:  # noqa: BLE001 (domain refusals are shown)
            if not hasattr(exc, "message_en"):
                raise
            self._fail(self.tr("Sync"), exc)
            return None
        self.refresh()
        return info

    def export(self):
        office = self.office.currentData()
        if not office:
            return None
        suggested = f"pmi-desk-{self.actor.office_code}-ke-{office}.zip"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the packet"), suggested,
                                              self.tr("Sync packets (*.zip)"))
        if not path:
            return None
        result, error = run_busy(self, self.tr("Sync"), self.tr("Making the packet…"),
                                 lambda: sync.export_packet(self.db, self.actor, office, Path(path)))
        if error is not None:
            self._fail(self.tr("Sync"), error)
            return None
        QMessageBox.information(self, self.tr("Sync"), self.tr(
            "Packet for %1 saved: %2 records, %3 deletions, %4 attachments.\n%5\n\nCarry it to the office, "
            "import it there, and bring the acknowledgement back.")
            .replace("%1", office).replace("%2", str(result.rows)).replace("%3", str(result.deletions))
            .replace("%4", str(result.attachments)).replace("%5", str(result.path)))
        self.refresh()
        return result

    def import_packet(self, path: str | None = None):
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a packet"), "",
                                                  self.tr("Sync packets (*.zip)"))
        if not path:
            return None
        result, error = run_busy(self, self.tr("Sync"), self.tr("Checking and applying the packet…"),
                                 lambda: sync.import_packet(self.db, self.actor, Path(path)))
        if error is not None:
            self.last_result.setText(i18n.message(error) if hasattr(error, "message_en") else str(error))
            self._fail(self.tr("Packet refused"), error)
            return None
        if result.already_imported:
            text = self.tr("Packet from %1 was imported before: nothing changed.").replace("%1", result.from_office)
        else:
            text = (self.tr("Packet from %1: %2 new, %3 updated, %4 deleted, %5 unchanged, %6 conflicts.")
                    .replace("%1", result.from_office).replace("%2", str(result.inserted))
                    .replace("%3", str(result.updated)).replace("%4", str(result.deleted))
                    .replace("%5", str(result.unchanged + result.stale)).replace("%6", str(result.conflicts)))
        text += "\n" + self.tr("Acknowledgement to carry back to %1: %2").replace(
            "%1", result.from_office).replace("%2", str(result.ack_path))
        self.last_result.setText(text)
        QMessageBox.information(self, self.tr("Sync"), text)
        self.refresh()
        return result

    def read_ack(self, path: str | None = None):
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose an acknowledgement"), "",
                                                  self.tr("Acknowledgements (*.ack)"))
        if not path:
            return None
        result, error = run_busy(self, self.tr("Sync"), self.tr("Reading the acknowledgement…"),
                                 lambda: sync.import_ack(self.db, self.actor, Path(path)))
        if error is not None:
            self._fail(self.tr("Sync"), error)
            return None
        text = (self.tr("This acknowledgement was read before.") if result.already else
                self.tr("Office %1 has received %2 records.").replace("%1", result.from_office)
                .replace("%2", str(result.acknowledged_rows)))
        self.last_result.setText(text)
        QMessageBox.information(self, self.tr("Sync"), text)
        self.refresh()
        return result

    def resolve_selected(self):
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        conflict = self.model.conflict_at(rows[0].row())
        dialog = ResolveDialog(conflict, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.choice is None:
            return None
        try:
            done = sync.resolve_conflict(self.db, self.actor, conflict.id, dialog.choice,
                                         fields=dialog.fields() if dialog.choice == "merge" else None)
        except Exception as exc:  # noqa: BLE001 (domain refusals are shown)
            if not hasattr(exc, "message_en"):
                raise
            self._fail(self.tr("Sync"), exc)
            return None
        self.refresh()
        return done

