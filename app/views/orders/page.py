"""The job orders page: the list of orders (new, edit, open, close), the match view of the
selected order, and the placement board."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QInputDialog,
                               QLineEdit, QMessageBox, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget)

from app.core import job_orders
from app.core.errors import AppError
from app.core.permissions import allowed
from app.views.orders import labels as order_labels
from app.views.orders.board import PlacementBoard
from app.views.orders.form import OrderDialog
from app.views.orders.match import MatchView
from app.views.orders.models import OrdersModel


class OrdersPage(QWidget):
    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        manage = allowed(actor.role, "order.manage")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, employer, position or agency"))
        self.search.returnPressed.connect(lambda: self.refresh())
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for code in order_labels.ORDER_STATUS:
            self.status.addItem(order_labels.order_status(code), code)
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button = QPushButton(self.tr("New job order…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.open_button = QPushButton(self.tr("Open"))
        self.close_button = QPushButton(self.tr("Close…"))
        self.match_button = QPushButton(self.tr("Match candidates"))
        for b in (self.new_button, self.edit_button, self.open_button, self.close_button):
            b.setVisible(manage)
        self.match_button.setVisible(allowed(actor.role, "match.run"))
        self.dossier_button = QPushButton(self.tr("Shortlist dossiers…"))
        self.dossier_button.setToolTip(self.tr("The dossiers of every candidate of the selected order (shortlist "
                                               "and later) in one PDF, with a cover page"))
        self.dossier_button.setVisible(allowed(actor.role, "dossier.print"))
        self.dossier_button.clicked.connect(lambda: self.print_dossiers())
        # replaced in tests: the language question, the print preview, and a look at the progress dialog
        self.ask_dossier_language = self._ask_dossier_language
        from app.views.widgets import show_pdf

        self.show_pdf = show_pdf
        self.on_progress_dialog = None
        self.new_button.clicked.connect(lambda: self.new_order())
        self.edit_button.clicked.connect(lambda: self.edit_order())
        self.open_button.clicked.connect(lambda: self.set_status("open"))
        self.close_button.clicked.connect(lambda: self.set_status("closed"))
        self.match_button.clicked.connect(lambda: self.match_selected())
        self.model = OrdersModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.match_selected() if self.match_button.isVisible()
                                         else None)
        tools = QHBoxLayout()  # finding an order above the list, acting on the chosen one below it
        tools.addWidget(self.search, 1)
        tools.addWidget(self.status)
        actions = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.open_button, self.close_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.match_button)
        actions.addWidget(self.dossier_button)
        list_tab = QWidget()
        list_layout = QVBoxLayout(list_tab)
        list_layout.addLayout(tools)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(actions)
        self.match = MatchView(db, actor)
        self.board = PlacementBoard(db, actor)
        self.match.shortlisted.connect(lambda _p: self.board.refresh())
        self.tabs = QTabWidget()
        self.tabs.addTab(list_tab, self.tr("Job orders"))
        if allowed(actor.role, "match.run"):
            self.tabs.addTab(self.match, self.tr("Matching"))
        if allowed(actor.role, "placement.view"):
            self.tabs.addTab(self.board, self.tr("Placements"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self.refresh()  # orders may have come in (another seat, the command line) meanwhile

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.board:
            self.board.refresh()

    def refresh(self) -> None:
        keep = self.selected()
        orders = job_orders.list_orders(self.db, self.actor, status=self.status.currentData(),
                                        text=self.search.text())
        self.model.set_orders(orders)
        if keep is not None:
            for r in range(self.model.rowCount()):
                if self.model.order(r).id == keep.id:
                    self.table.selectRow(r)

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.order(rows[0].row()) if rows else None

    def select_number(self, number: str) -> bool:
        for r in range(self.model.rowCount()):
            if self.model.order(r).order_number == number:
                self.table.selectRow(r)
                return True
        return False

    def new_order(self, dialog: OrderDialog | None = None):
        dialog = dialog or OrderDialog(self.db, self.actor, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.saved is None:
            return None
        self.refresh()
        self.select_number(dialog.saved.order_number)
        return dialog.saved

    def edit_order(self):
        order = self.selected()
        if order is None:
            return None
        try:
            detail = job_orders.get_order(self.db, order.id, self.actor)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Edit"), order_labels.error_text(exc))
            return None
        return self.new_order(OrderDialog(self.db, self.actor, detail, parent=self))

    def set_status(self, status: str, reason: str | None = None) -> bool:
        order = self.selected()
        if order is None:
            return False
        if status == "closed" and reason is None:
            reason, ok = QInputDialog.getText(self, self.tr("Close job order"),
                                              self.tr("Why is %1 closed?").replace("%1", order.order_number))
            if not ok:
                return False
        try:
            job_orders.set_order_status(self.db, order.id, status, self.actor, reason=reason or None)
        except AppError as exc:
            QMessageBox.warning(self, order.order_number, order_labels.error_text(exc))
            return False
        self.refresh()
        return True

    def match_selected(self) -> bool:
        order = self.selected()
        if order is None:
            return False
        self.tabs.setCurrentWidget(self.match)
        return self.match.show_order(order)

    def _ask_dossier_language(self) -> str | None:
        choices = [self.tr("Indonesian (complete, for the office and the agency)"),
                   self.tr("English (for employers abroad: without religion, NIK, KK, street address, phone)")]
        item, ok = QInputDialog.getItem(self, self.tr("Shortlist dossiers"), self.tr("Language of the dossiers:"),
                                        choices, 0, False)
        if not ok:
            return None
        return "id" if choices.index(item) == 0 else "en"

    def print_dossiers(self, lang: str | None = None):
        """The selected order's candidates (shortlist and later) in one PDF, written on a worker
        thread behind a progress dialog whose Cancel stops it without leaving a file."""
        from pathlib import Path

        from app.views.worker import run_with_progress

        order = self.selected()
        if order is None:
            QMessageBox.information(self, self.tr("Shortlist dossiers"), self.tr("Select a job order first."))
            return None
        lang = lang or self.ask_dossier_language()
        if lang is None:
            return None
        from app.views.reports import preview

        chosen = preview.temp_pdf(f"dosir-{order.order_number}{'' if lang == 'id' else '-en'}.pdf")

        def work(progress, cancelled):
            from app.reports import dossier as dossier_report

            return dossier_report.print_order_dossiers(self.db, self.actor, order.id, chosen, lang=lang,
                                                       progress=progress, cancelled=cancelled)

        path, error, cancelled = run_with_progress(
            self, self.tr("Shortlist dossiers"),
            self.tr("Writing the dossiers of %1…").replace("%1", order.order_number), work,
            cancel_text=self.tr("Cancel"), on_dialog=self.on_progress_dialog)
        from app.core.dossier import PrintCancelled

        if cancelled or isinstance(error, PrintCancelled) or error is not None:
            preview.remove_temporary(chosen)
        if cancelled or isinstance(error, PrintCancelled):
            return None  # the person asked for it: no file, nothing to report
        if error is not None:
            text = order_labels.error_text(error) if isinstance(error, AppError) else str(error)
            QMessageBox.warning(self, self.tr("Shortlist dossiers"), text)
            return None
        self.last_dossiers = Path(path)
        self.show_pdf(self, path, Path(path).name, temporary=True)
        return path
