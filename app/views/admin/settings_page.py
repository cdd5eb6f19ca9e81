"""Settings ("Pengaturan"): the office-wide values of ``app.core.office_settings`` (idle lock, the
extra backup folder, document windows) for roles with ``settings.manage``, and this PC's language.

Office values are declared once in the core (default, range, Indonesian and English label): every
declared value gets a row here without changes to this screen. They are saved together through
``office_settings.set_values`` (validated, audited, all or nothing); errors appear under their
fields. The language is this PC's choice (QSettings) and applies at the next start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from app.core import office_settings
from app.core.errors import AppError, ValidationError
from app.views import i18n
from app.views.widgets import ERROR_STYLE, error_label, mark_error

LANGUAGES = (("id", "Bahasa Indonesia"), ("en", "English"))


def setting_label(setting) -> str:
    """The declared label in the chosen language (declared in the core, like its messages)."""
    return setting.label_id if i18n.language() == "id" else setting.label_en


class FolderField(QWidget):
    """A folder path with a "Choose…" button and a note when the folder is not there right now."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("empty: backups only in the data folder"))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.edit.textChanged.connect(self._update_note)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.note)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:  # noqa: N802 (as QLineEdit)
        self.edit.setText(text)

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the extra backup folder"), self.edit.text())
        if folder:
            self.edit.setText(folder)

    def _update_note(self, text: str) -> None:
        path = Path(text.strip()).expanduser() if text.strip() else None
        missing = path is not None and path.is_absolute() and not path.is_dir()
        self.note.setText(self.tr("This folder is not available now (USB disk not plugged in?). Backups there "
                                  "are skipped, with a message, until it is; the data folder is always backed up.")
                          if missing else "")
        self.note.setVisible(missing)


class SettingsPage(QWidget):
    """``officeSettingsSaved(values)`` after a save (the main window applies the idle lock);
    ``languageChanged(code)`` after this PC's language was changed."""

    officeSettingsSaved = Signal(dict)
    languageChanged = Signal(str)

    def __init__(self, db, actor, settings=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.settings = db, actor, settings
        self.setStyleSheet(ERROR_STYLE)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.stored: dict = {}

        office = QGroupBox(self.tr("This office (all PCs, stored with the data)"))
        form = QFormLayout(office)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, setting in office_settings.SETTINGS.items():
            if setting.kind == "int":
                field = QSpinBox()
                field.setRange(setting.lo, setting.hi)
                field.setMinimumWidth(field.fontMetrics().horizontalAdvance("0000") + 60)
            elif setting.kind == "folder":
                field = FolderField()
            else:
                field = QLineEdit()
                field.setMaxLength(setting.max_len)
            field.setObjectName(key)
            self.fields[key] = field
            self.errors[key] = error_label()
            caption = QLabel(setting_label(setting))  # one line: a wrapped caption is clipped beside a spin box
            caption.setBuddy(field.edit if isinstance(field, FolderField) else field)
            form.addRow(caption, self._aligned(field, self.errors[key]))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(lambda: self.save())
        self.revert_button = QPushButton(self.tr("Undo changes"))
        self.revert_button.clicked.connect(self.load)
        self.saved_label = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.saved_label, 1)
        form.addRow(buttons)

        pc = QGroupBox(self.tr("This PC"))
        pc_form = QFormLayout(pc)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language_note = QLabel(self.tr("The language changes the next time PMI Desk starts."))
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        pc_form.addRow(self.tr("&Language"), self._aligned(self.language))
        pc_form.addRow("", self.language_note)
        pc.setVisible(settings is not None)

        title = QLabel(self.tr("Settings"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(office)
        layout.addWidget(pc)
        layout.addStretch(1)
        self.load()
        self.language.currentIndexChanged.connect(self._language_chosen)

    @staticmethod
    def _aligned(field: QWidget, error: QLabel | None = None) -> QWidget:
        """The field (a number or a choice stays small, left-aligned) with its error right under it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(field, (QSpinBox, QComboBox)):
            row = QHBoxLayout()
            row.addWidget(field)
            row.addStretch(1)
            column.addLayout(row)
        else:
            column.addWidget(field)
        if error is not None:
            column.addWidget(error)
        return box

    # --- office values ---------------------------------------------------------------------

    def load(self) -> None:
        """Show the stored values (also "Undo changes")."""
        refusal = None
        try:
            self.stored = office_settings.all_values(self.db)
        except AppError as exc:
            refusal = exc
        if refusal is not None:
            QMessageBox.warning(self, self.tr("Settings"), i18n.message(refusal))
            return
        for key, field in self.fields.items():
            value = self.stored.get(key)
            if isinstance(field, QSpinBox):
                field.setValue(int(value))
            else:
                field.setText(str(value or ""))
            self.show_error(key, "")
        self.saved_label.clear()
        if self.settings is not None:
            self.language.blockSignals(True)
            self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
            self.language.blockSignals(False)

    def values(self) -> dict:
        return {key: field.value() if isinstance(field, QSpinBox) else field.text()
                for key, field in self.fields.items()}

    def changed(self) -> dict:
        return {key: value for key, value in self.values().items() if str(value) != str(self.stored.get(key))}

    def show_error(self, key: str, text: str) -> None:
        label = self.errors[key]
        label.setText(text)
        label.setVisible(bool(text))
        field = self.fields[key]
        mark_error(field.edit if isinstance(field, FolderField) else field, bool(text))

    def error_text(self, key: str) -> str:
        return self.errors[key].text() if not self.errors[key].isHidden() else ""

    def save(self) -> bool:
        for key in self.fields:
            self.show_error(key, "")
        self.saved_label.clear()
        changes = self.changed()
        if not changes:
            self.saved_label.setText(self.tr("Nothing changed."))
            return True
        problem = None
        try:
            office_settings.set_values(self.db, self.actor, changes)
        except ValidationError as exc:
            problem = exc
        except AppError as exc:  # not allowed, database busy…
            QMessageBox.warning(self, self.tr("Settings"), i18n.message(exc))
            return False
        if problem is not None:
            for error in problem.errors:
                if error.field in self.fields:
                    self.show_error(error.field, i18n.message(error))
            first = next((e.field for e in problem.errors if e.field in self.fields), None)
            if first is not None:
                field = self.fields[first]
                (field.edit if isinstance(field, FolderField) else field).setFocus()
            return False
        self.load()
        self.saved_label.setText(self.tr("Saved; in effect now."))
        self.officeSettingsSaved.emit(dict(self.stored))
        return True

    # --- this PC ---------------------------------------------------------------------------

    def _language_chosen(self, _index: int) -> None:
        code = self.language.currentData()
        if self.settings is None:
            return
        self.language_note.setVisible(code != i18n.language())  # the running language stays until then
        if code != self.settings.language:
            self.settings.language = code
            self.languageChanged.emit(code)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if not self.changed():  # the View menu may have changed the language meanwhile
            self.load()
