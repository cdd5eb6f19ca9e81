"""The applicant list: search-as-you-type, status filter, server-side sort, lazy loading."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QTableView, QVBoxLayout, QWidget)

from app.views import labels
from app.views.applicants.model import ApplicantTableModel, RowObjectRole

SEARCH_DELAY_MS = 150


class _CountSignals(QObject):
    counted = Signal(int, int)  # generation, total


class _CountTask(QRunnable):
    """``search.count`` off the GUI thread: on 200,000 rows a broad filter takes ~0.1 s."""

    def __init__(self, db, actor, text: str, status: str | None, generation: int, signals: _CountSignals):
        super().__init__()
        self.db, self.actor, self.text, self.status = db, actor, text, status
        self.generation, self.signals = generation, signals

    def run(self) -> None:
        from app.core import search

        try:
            total = search.count(self.db, self.text, actor=self.actor, status=self.status)
        except Exception:  # the list itself shows the real error; the count just stays blank
            import logging

            logging.getLogger("app.ui").exception("counting applicants failed")
            total = -1
        self.signals.counted.emit(self.generation, total)


class ApplicantListPage(QWidget):
    openApplicant = Signal(object)  # applicant id (uuid)

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.model = ApplicantTableModel(db, actor, self)

        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Search by name, NIK, registration number or phone"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), None)
        for code, text in labels.statuses():
            self.status_combo.addItem(text, code)
        self.count_label = QLabel()
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._count_generation = 0
        self._count_signals = _CountSignals(self)
        self._count_signals.counted.connect(self._show_count)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.apply_filter)
        self.search_box.textChanged.connect(self.timer.start)
        self.status_combo.currentIndexChanged.connect(self.apply_filter)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(self.model.sort_column(), Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setStretchLastSection(False)
        self._size_columns()
        self.table.activated.connect(self._activated)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Search:")))
        top.addWidget(self.search_box, 3)
        top.addWidget(QLabel(self.tr("Status:")))
        top.addWidget(self.status_combo, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._update_count()
        self.stale = False

    def _size_columns(self) -> None:
        """Columns as wide as their content needs; the name takes what is left."""
        fm = self.table.fontMetrics()
        longest_status = max((text for _code, text in labels.statuses()), key=fm.horizontalAdvance)
        samples = ["SRG-0001-2026-000001", "", "3673015703010001", "L", "17/03/2001",
                   "+62 812-3456-78901", "Cipocok Jaya", "SMK", longest_status, "25/11/2026"]
        header = self.table.horizontalHeader()
        for column, sample in enumerate(samples):
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            width = max(fm.horizontalAdvance(sample) + 12, header.fontMetrics().horizontalAdvance(title) + 24)
            header.resizeSection(column, width)
        header.setMinimumSectionSize(fm.horizontalAdvance("L/P") + 16)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the name is what a clerk reads: never narrower than a long name, whatever the screen
        # (a stretched section shrinks to nothing when the other columns fill a 1366 px screen);
        # wider when there is room (``_fit_name``, at each resize of the list)
        self.name_width = fm.horizontalAdvance("Muhammad Rizki Ramadhan Saputra") + 12
        header.resizeSection(1, self.name_width)
        self.table.viewport().installEventFilter(self)

    def _fit_name(self) -> None:
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != 1)
        header.resizeSection(1, max(self.name_width, self.table.viewport().width() - others))

    # --- filtering and sorting -------------------------------------------------------------

    def apply_filter(self) -> None:
        self.timer.stop()
        self.model.set_filter(self.search_box.text(), self.status_combo.currentData())
        self._update_count()

    def refresh(self) -> None:
        self.model.refresh()
        self._update_count()
        self.stale = False

    def _update_count(self) -> None:
        """Count in the background; only the answer to the latest filter is shown."""
        self._count_generation += 1
        if not self.model.enabled:  # a role without the list: nothing to count, nothing queried
            return
        self.count_label.setEnabled(False)  # greyed while the new count runs
        self.pool.start(_CountTask(self.db, self.actor, self.model.text, self.model.status, self._count_generation,
                                   self._count_signals))

    def _show_count(self, generation: int, total: int) -> None:
        if generation != self._count_generation:
            return
        self.count_label.setEnabled(True)
        self.count_label.setText(self.tr("%Ln applicant(s)", "", total) if total >= 0 else "")

    def _sort_changed(self, column: int, order) -> None:
        if not self.model.is_sortable(column):
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column(),
                                    Qt.SortOrder.DescendingOrder if self.model.descending
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            return
        self.model.sort(column, order)
        self.table.scrollToTop()

    # --- opening ---------------------------------------------------------------------------

    def _activated(self, index) -> None:
        row = index.data(RowObjectRole)
        if row is not None:
            self.openApplicant.emit(row.id)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt)
        """Down in the search box moves into the list; Enter opens the only/first match. The
        list's name column takes the room a resize leaves."""
        if obj is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_name()
            return False
        if obj is self.search_box and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                self.table.selectRow(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.timer.isActive():
                    self.apply_filter()
                if self.model.rowCount():
                    self.table.setFocus()
                    self.table.selectRow(0)
                    if self.model.rowCount() == 1:
                        self._activated(self.model.index(0, 0))
                return True
        return super().eventFilter(obj, event)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.stale:
            self.refresh()
        super().showEvent(event)
