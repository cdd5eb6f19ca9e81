"""One applicant: the same form as registration (prefilled, NIK read-only) and the audit history."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHeaderView, QLabel, QMessageBox,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from app.core import registration
from app.views import labels
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self._show(detail)
        self.resize(1180, 720)

    def _show(self, detail) -> None:
        self.setWindowTitle(self.tr("Applicant %1").replace("%1", detail.registration_number))
        status, registered, age = self.tr("Status"), self.tr("Registered on"), self.tr("Age")
        self.heading.setText(
            f"<span style='font-size:15px'><b>{detail.registration_number}</b> — {_esc(detail.full_name)}</span>"
            f"&nbsp;&nbsp; {status}: {labels.status(detail.status)}"
            f"&nbsp;&nbsp; {registered}: {detail.registered_on:%d/%m/%Y}"
            f"&nbsp;&nbsp; {age}: {detail.age}")
        self.history_model.set_entries(registration.history(self.db, detail.id, self.actor))

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


def _esc(text: str) -> str:
    import html

    return html.escape(text)
