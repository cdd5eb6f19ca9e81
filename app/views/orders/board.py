"""The placement board: one column per stage; move the selected placement on, or end it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QInputDialog, QLabel, QListView, QMessageBox,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from app.core import placements
from app.core.errors import AppError
from app.core.permissions import allowed
from app.models import PLACEMENT_ENDS, PLACEMENT_STAGES
from app.views import i18n
from app.views.orders import labels as order_labels
from app.views.orders.models import StageListModel


class PlacementBoard(QWidget):
    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.models: dict[str, StageListModel] = {}
        self.views: dict[str, QListView] = {}
        columns = QHBoxLayout()
        for stage in (*PLACEMENT_STAGES, *PLACEMENT_ENDS):
            model = StageListModel(stage, self)
            view = QListView()
            view.setModel(model)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setMinimumWidth(190)
            view.setAlternatingRowColors(True)
            view.selectionModel().currentChanged.connect(lambda cur, _p, s=stage: self._selected(s, cur.row()))
            self.models[stage], self.views[stage] = model, view
            box = QVBoxLayout()
            head = QLabel()
            head.setObjectName(f"head_{stage}")
            box.addWidget(head)
            box.addWidget(view, 1)
            columns.addLayout(box)
        inner = QWidget()
        inner.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.heads = {s: inner.findChild(QLabel, f"head_{s}") for s in self.models}
        self.selection = QLabel(self.tr("Select a placement."))
        manage = allowed(actor.role, "placement.manage")
        self.next_button = QPushButton(self.tr("Next stage"))
        self.reject_button = QPushButton(self.tr("Rejected…"))
        self.withdraw_button = QPushButton(self.tr("Withdrawn…"))
        self.funding_button = QPushButton(self.tr("Funding…"))
        self.funding_button.clicked.connect(lambda: self.edit_funding())
        self.refresh_button = QPushButton(self.tr("Refresh"))
        for b in (self.next_button, self.reject_button, self.withdraw_button, self.funding_button):
            b.setVisible(manage)
            b.setEnabled(False)
        self.next_button.clicked.connect(lambda: self.advance())
        self.reject_button.clicked.connect(lambda: self.end("rejected"))
        self.withdraw_button.clicked.connect(lambda: self.end("withdrawn"))
        self.refresh_button.clicked.connect(lambda: self.refresh())
        actions = QHBoxLayout()
        actions.addWidget(self.selection, 1)
        for b in (self.next_button, self.reject_button, self.withdraw_button, self.funding_button,
                  self.refresh_button):
            actions.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(actions)
        self.current = None

    def refresh(self) -> None:
        board = placements.board(self.db, self.actor)
        for stage, rows in board.items():
            self.models[stage].set_placements(rows)
            self.heads[stage].setText(f"<b>{order_labels.stage(stage)}</b> ({len(rows)})")
        self._selected(None, -1)

    def _selected(self, stage, row: int) -> None:
        p = self.models[stage].placement(row) if stage else None
        if p is not None:
            for other, view in self.views.items():
                if other != stage:
                    view.clearSelection()
        self.current = p
        if p is None:
            self.selection.setText(self.tr("Select a placement."))
        else:
            nxt = p.next_stage
            self.selection.setText(f"{p.full_name} — {p.order_number}: {order_labels.stage(p.stage)}"
                                   + (f" → {order_labels.stage(nxt)}" if nxt and p.active else ""))
        active = p is not None and p.active
        self.next_button.setEnabled(active)
        self.reject_button.setEnabled(active)
        self.withdraw_button.setEnabled(active)
        self.funding_button.setEnabled(p is not None and p.stage not in PLACEMENT_ENDS)

    def edit_funding(self, dialog=None):
        """The funding dialog of the selected placement (saves and shows the KUR PMI pre-check)."""
        from app.views.orders.funding import FundingDialog

        if self.current is None:
            return None
        dialog = dialog or FundingDialog(self.db, self.actor, self.current, self)
        dialog.exec()
        self.refresh()
        return dialog

    def advance(self) -> bool:
        p = self.current
        if p is None or p.next_stage is None:
            return False
        try:
            placements.advance(self.db, self.actor, p.id, p.next_stage, expected_version=p.version)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Next stage"), order_labels.error_text(exc))
            return False
        self.refresh()
        return True

    def end(self, outcome: str, reason: str | None = None) -> bool:
        p = self.current
        if p is None:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(self, order_labels.stage(outcome), self.tr("Reason:"))
            if not ok:
                return False
        try:
            placements.end(self.db, self.actor, p.id, outcome, reason, expected_version=p.version)
        except AppError as exc:
            QMessageBox.warning(self, order_labels.stage(outcome), order_labels.error_text(exc))
            return False
        self.refresh()
        return True
