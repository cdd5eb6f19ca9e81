"""One applicant: the same form as registration (prefilled, NIK read-only) and the audit history."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QFileDialog, QFrame, QHBoxLayout, QHeaderView,
                               QInputDialog, QLabel, QMessageBox, QPushButton, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from app.core import registration
from app.core.errors import AppError
from app.core.permissions import allowed
from app.views import i18n, labels
from app.views.widgets import build_reason_dialog
from app.views.applicants.history import HistoryModel
from app.views.registration.editor import ApplicantEditor


class ApplicantDetailDialog(QDialog):
    saved = Signal(object)
    openApplicantRequested = Signal(str)

    def __init__(self, db, actor, applicant_id, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        detail = registration.get_applicant(db, applicant_id, actor)
        self.applicant_id = detail.id
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.editor = ApplicantEditor(db, actor, detail=detail)
        self.editor.saved.connect(self._saved)
        self.editor.openApplicantRequested.connect(self.openApplicantRequested)
        self.history_model = HistoryModel(parent=self)
        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setWordWrap(False)
        self.history.verticalHeader().hide()
        self.history.setAlternatingRowColors(True)
        self.history.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.editor, self.tr("&Data"))
        self.tabs.addTab(self.history, self.tr("&History of changes"))
        from app.views.documents.checklist import ChecklistWidget

        self.documents = ChecklistWidget(db, actor, detail.id)
        self.documents.changed.connect(lambda _cl: self.history_model.set_entries(
            registration.history(self.db, self.applicant_id, self.actor)))
        self.tabs.insertTab(1, self.documents, self.tr("D&ocuments"))
        if allowed(actor.role, "match.applicant"):  # what this applicant can apply for now
            from app.views.orders.applicant_panel import ApplicantOrdersPanel

            self.orders_panel = ApplicantOrdersPanel(db, actor, detail.id)
            self.tabs.addTab(self.orders_panel, self.tr("&Job orders"))
        self.export_button = QPushButton(self.tr("Export personal data…"))
        self.export_button.clicked.connect(lambda: self.export_personal_data())
        self.anonymise_button = QPushButton(self.tr("Anonymise…"))
        self.anonymise_button.clicked.connect(lambda: self.anonymise())
        self.export_button.setVisible(allowed(actor.role, "applicant.export"))
        self.anonymise_button.setVisible(allowed(actor.role, "applicant.anonymise"))
        # the candidate dossier (PDF, Indonesian or English) and the photo it carries
        self.dossier_button = QPushButton(self.tr("Print dossier…"))
        self.dossier_button.setToolTip(self.tr("The candidate dossier as a PDF: Indonesian (complete) or English "
                                               "(for employers abroad)"))
        self.dossier_button.clicked.connect(lambda: self.print_dossier())
        self.dossier_button.setVisible(allowed(actor.role, "dossier.print"))
        self.photo = QLabel()
        self.photo.setObjectName("applicantPhoto")
        self.photo.setFixedSize(72, 96)  # 3 × 4
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setFrameShape(QFrame.Shape.Box)
        self.photo.setWordWrap(True)
        self.photo_button = QPushButton(self.tr("Photo…"))
        self.photo_button.setToolTip(self.tr("Choose the applicant's photo (JPEG or PNG, at most 5 MB)"))
        self.photo_button.clicked.connect(lambda: self.choose_photo())
        self.remove_photo_button = QPushButton(self.tr("Remove photo"))
        self.remove_photo_button.clicked.connect(lambda: self.remove_photo())
        for b in (self.photo_button, self.remove_photo_button):
            b.setVisible(allowed(actor.role, "applicant.edit"))
        # replaced in tests: the photo file dialog, the language question and the print preview
        self.ask_photo_path = self._ask_photo_path
        self.ask_dossier_language = self._ask_dossier_language
        from app.views.widgets import show_pdf

        self.show_pdf = show_pdf
        self.last_dossier: Path | None = None
        photo_buttons = QVBoxLayout()
        photo_buttons.addStretch(1)
        photo_buttons.addWidget(self.photo_button)
        photo_buttons.addWidget(self.remove_photo_button)
        top = QHBoxLayout()
        top.addWidget(self.photo)
        top.addLayout(photo_buttons)
        top.addWidget(self.heading, 1)
        top.addWidget(self.dossier_button)
        top.addWidget(self.export_button)
        top.addWidget(self.anonymise_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._show(detail)
        self.resize(1180, 720)

    def _show(self, detail) -> None:
        self.registration_number = detail.registration_number
        self.setWindowTitle(self.tr("Applicant %1").replace("%1", detail.registration_number))
        status, registered, age = self.tr("Status"), self.tr("Registered on"), self.tr("Age")
        self.heading.setText(
            f"<span style='font-size:15px'><b>{detail.registration_number}</b> — {_esc(detail.full_name)}</span>"
            f"&nbsp;&nbsp; {status}: {labels.status(detail.status)}"
            f"&nbsp;&nbsp; {registered}: {i18n.date_text(detail.registered_on)}"
            f"&nbsp;&nbsp; {age}: {detail.age}")
        self.history_model.set_entries(registration.history(self.db, detail.id, self.actor))
        self._show_photo(detail)

    def _show_photo(self, detail) -> None:
        from app.core import dossier
        from app.core.registration import is_anonymised

        path = dossier.photo_for_print(detail.photo_sha256)  # upright and small
        pixmap = QPixmap(str(path)) if path is not None else QPixmap()
        if pixmap.isNull():
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("No photo"))
        else:
            self.photo.setPixmap(pixmap.scaled(self.photo.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                               Qt.TransformationMode.SmoothTransformation))
        editable = not is_anonymised(detail.nik)
        self.photo_button.setEnabled(editable)
        self.remove_photo_button.setEnabled(editable and detail.photo_sha256 is not None)
        self.photo_sha256 = detail.photo_sha256

    def _ask_photo_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose photo"), str(Path.home()),
                                              self.tr("Photos (*.jpg *.jpeg *.png)"))
        return path

    def _ask_dossier_language(self) -> str | None:
        choices = [self.tr("Indonesian (complete, for the office and the agency)"),
                   self.tr("English (for employers abroad: without religion, NIK, KK, street address, phone)")]
        item, ok = QInputDialog.getItem(self, self.tr("Print dossier"), self.tr("Language of the dossier:"),
                                        choices, 0, False)
        if not ok:
            return None
        return "id" if choices.index(item) == 0 else "en"

    def _photo_changed(self) -> None:
        """Show the new photo; the editor keeps its unsaved edits but takes the record's new version
        (the photo is not one of the form's fields, so saving the form cannot undo it)."""
        detail = registration.get_applicant(self.db, self.applicant_id, self.actor)
        self.editor.detail = dataclasses.replace(self.editor.detail, version=detail.version,
                                                 photo_sha256=detail.photo_sha256)
        self._show(detail)
        self.saved.emit(detail)

    def choose_photo(self, path: str | None = None) -> bool:
        from app.core import dossier

        path = path if path is not None else self.ask_photo_path()
        if not path:
            return False
        try:
            dossier.set_photo(self.db, self.actor, self.applicant_id, path,
                              expected_version=self.editor.detail.version)
        except AppError as exc:
            self._refusal(self.tr("Photo"), exc)
            return False
        self._photo_changed()
        return True

    def remove_photo(self, *, confirm: bool = True) -> bool:
        from app.core import dossier

        if self.photo_sha256 is None:
            return False
        if confirm and QMessageBox.question(
                self, self.tr("Remove photo"), self.tr("Remove the photo of %1? The file stays in the backups.")
                .replace("%1", self.registration_number),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return False
        try:
            dossier.remove_photo(self.db, self.actor, self.applicant_id, expected_version=self.editor.detail.version)
        except AppError as exc:
            self._refusal(self.tr("Remove photo"), exc)
            return False
        self._photo_changed()
        return True

    def print_dossier(self, lang: str | None = None) -> Path | None:
        """Ask the language, write the dossier off the GUI thread into a temporary PDF and show it
        in the print preview (save or print from there). The PDF's path, or None."""
        from app.views.reports import preview
        from app.views.worker import run_busy

        lang = lang or self.ask_dossier_language()
        if lang is None:
            return None
        suffix = "" if lang == "id" else "-en"
        chosen = preview.temp_pdf(f"dosir-{self.registration_number}{suffix}.pdf")

        def work():
            from app.reports import dossier as dossier_report

            return dossier_report.print_dossier(self.db, self.actor, self.applicant_id, chosen, lang=lang)

        path, error = run_busy(self, self.tr("Print dossier"), self.tr("Writing the dossier…"), work)
        if error is not None:
            preview.remove_temporary(chosen)
            if isinstance(error, AppError):
                self._refusal(self.tr("Print dossier"), error)
            else:
                QMessageBox.warning(self, self.tr("Print dossier"),
                                    self.tr("The file could not be written: %1").replace("%1", str(error)))
            return None
        self.last_dossier = path
        self.history_model.set_entries(registration.history(self.db, self.applicant_id, self.actor))
        self.show_pdf(self, path, path.name, temporary=True)
        return path

    def _refusal(self, title: str, exc: AppError) -> None:
        from app.core.errors import ValidationError

        if isinstance(exc, ValidationError):
            text = "\n".join(i18n.message(e) for e in exc.errors)
        else:
            text = i18n.message(exc) if hasattr(exc, "message_en") else str(exc)
        QMessageBox.warning(self, title, text)

    def export_personal_data(self, path: str | None = None) -> str | None:
        """Everything held about the applicant as JSON (the service records the export)."""
        import json

        from app.core import personal_data

        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export personal data"), f"data-pribadi-{self.registration_number}.json",
                self.tr("JSON files (*.json)"))
            if not path:
                return None
        refusal = None
        try:
            report = personal_data.export_applicant_data(self.db, self.actor, self.applicant_id)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(report.to_dict(), f, ensure_ascii=False, indent=2, default=str)
        except AppError as exc:
            refusal = exc
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export personal data"),
                                self.tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc)))
            return None
        if refusal is not None:
            self._refusal(self.tr("Export personal data"), refusal)
            return None
        self.history_model.set_entries(registration.history(self.db, self.applicant_id, self.actor))
        QMessageBox.information(self, self.tr("Export personal data"),
                                self.tr("Saved to %1. The file holds personal data: keep it safe; "
                                        "the export is recorded.").replace("%1", path))
        return path

    def anonymise(self, reason: str | None = None, *, confirm: bool = True) -> bool:
        """Replace the personal data by placeholders: a reason, then a confirmation."""
        from app.core import personal_data

        if reason is None:
            dialog = AnonymiseDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            reason = dialog.reason.toPlainText()
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Anonymise"),
                self.tr("Replace the personal data of %1 for good? This cannot be undone.")
                .replace("%1", self.registration_number),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        refusal = None
        try:
            personal_data.anonymise_applicant(self.db, self.actor, self.applicant_id, reason)
            detail = registration.get_applicant(self.db, self.applicant_id, self.actor)
        except AppError as exc:
            refusal = exc
        if refusal is not None:
            self._refusal(self.tr("Anonymise"), refusal)
            return False
        self.editor.reload()
        self._saved(detail)
        self.anonymise_button.setEnabled(False)
        return True

    def _saved(self, detail) -> None:
        self._show(detail)
        self.saved.emit(detail)

    def reject(self) -> None:
        if self.editor.dirty:
            answer = QMessageBox.question(
                self, self.tr("Unsaved changes"), self.tr("Close without saving your changes?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()


class AnonymiseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        build_reason_dialog(
            self, title=self.tr("Anonymise"), ok_text=self.tr("Anonymise"), cancel_text=self.tr("Cancel"),
            prompt=self.tr("Name, NIK, address, phone and the other personal data are replaced; "
                           "what reports count (sex, birth year, sub-district, education, status) stays. "
                           "Why is the data anonymised?"),
            placeholder=self.tr("e.g. the applicant withdrew consent on …"), min_width=460)


def _esc(text: str) -> str:
    import html

    return html.escape(text)
