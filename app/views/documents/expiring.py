"""The "expiring soon" page: held documents of all applicants that expire within N days (and
passports short of their required validity), filterable by kecamatan and destination."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget)

from app.core import documents, office_settings, reference
from app.core.errors import AppError
from app.views import i18n
from app.views.documents.model import ExpiringModel, RowObjectRole

LIMIT = 1000


class ExpiringDocumentsPage(QWidget):
    openApplicant = Signal(object)  # applicant id

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        title = QLabel(self.tr("Documents expiring soon"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.days = QSpinBox()
        self.days.setRange(0, 3650)
        self.days.setValue(office_settings.get(db, "documents.expiry_window_days"))
        self.days.setSuffix(self.tr(" days"))
        self.kecamatan = QComboBox()
        self.kecamatan.addItem(self.tr("All sub-districts"), None)
        for code, name in reference.kecamatan().items():
            self.kecamatan.addItem(name, code)
        self.country = QComboBox()
        self.country.addItem(self.tr("All destinations"), None)
        for code, c in reference.countries().items():
            self.country.addItem(i18n.choice_name(c), code)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.days.valueChanged.connect(lambda _v: self.refresh())
        self.kecamatan.currentIndexChanged.connect(lambda _i: self.refresh())
        self.country.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count_label = QLabel()
        self.hint = QLabel(self.tr("Passports are listed too when less validity is left than the office requires. "
                                   "Double-click a row to open the applicant."))
        self.hint.setStyleSheet("color: #6b7280;")
        self.hint.setWordWrap(True)

        self.model = ExpiringModel(self)
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
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open)

        filters = QHBoxLayout()
        for label, widget in ((self.tr("Within"), self.days), (self.tr("Sub-district"), self.kecamatan),
                              (self.tr("Destination"), self.country)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.refresh_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.loaded = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if not self.loaded:
            self.refresh()

    def refresh(self):
        refusal = None
        try:
            page = documents.expiring(self.db, self.actor, days=self.days.value(),
                                      kecamatan=self.kecamatan.currentData(), country=self.country.currentData(),
                                      limit=LIMIT)
        except AppError as exc:
            refusal = exc
        if refusal is not None:
            QMessageBox.warning(self, self.tr("Documents expiring soon"), i18n.message(refusal)
                                if hasattr(refusal, "message_en") else str(refusal))
            return None
        self.loaded = True
        self.model.set_rows(page.rows)
        text = self.tr("%1 documents").replace("%1", str(page.total))
        if page.total > len(page.rows):
            text = self.tr("%1 documents (the first %2 shown)").replace("%1", str(page.total)).replace(
                "%2", str(len(page.rows)))
        self.count_label.setText(text)
        return page

    def _open(self, index) -> None:
        row = index.data(RowObjectRole) if index.isValid() else None
        if row is not None:
            self.openApplicant.emit(row.applicant_id)
