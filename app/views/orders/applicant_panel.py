"""Orders for one applicant (in the applicant detail): what they qualify for now, and what is
missing for the other open orders."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.core import matching
from app.core.errors import AppError
from app.views import i18n
from app.views.orders import labels as order_labels
from app.views.orders.models import FitsModel
from app.views.worker import run_busy


class ApplicantOrdersPanel(QWidget):
    def __init__(self, db, actor, applicant_id, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.applicant_id = db, actor, applicant_id
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = FitsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.loaded = False

    def refresh(self) -> bool:
        def work():
            return matching.orders_for_applicant(self.db, self.actor, self.applicant_id)

        if matching.pool_for(self.db).loaded:
            try:
                result, error = work(), None
            except AppError as exc:
                result, error = None, exc
        else:
            result, error = run_busy(self, self.tr("Job orders"), self.tr("Loading the candidates…"), work)
        if error is not None:
            self.summary.setText(order_labels.error_text(error))
            return False
        self.model.set_fits(result.qualifies, result.missing)
        self.summary.setText(self.tr("Meets the requirements of %1 open job orders; %2 more need something.")
                             .replace("%1", str(len(result.qualifies))).replace("%2", str(len(result.missing))))
        self.loaded = True
        return True

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if not self.loaded:
            self.refresh()
