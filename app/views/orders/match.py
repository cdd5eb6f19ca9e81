"""The match view: candidates for one order, ranked, with the score's parts or the reasons in a
side panel, filters, and "add to shortlist"."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from app.core import matching, placements
from app.core.errors import AppError
from app.core.permissions import allowed
from app.views import i18n
from app.views.orders import labels as order_labels
from app.views.orders.models import CandidatesModel
from app.views.worker import run_busy

READY_ONLY = ("ready", "proposed")


def _num(value: float) -> str:
    """One decimal, with the decimal mark of the chosen language."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if i18n.language() == "id" else text


class MatchView(QWidget):
    shortlisted = Signal(object)

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.order, self.result = db, actor, None, None
        self.title = QLabel(self.tr("Choose a job order in the list and press “Match candidates”."))
        self.title.setWordWrap(True)
        self.ready_only = QCheckBox(self.tr("Only those ready for placement"))
        self.ready_only.toggled.connect(lambda _on: self.refresh())
        self.near = QCheckBox(self.tr("Also show who misses one requirement"))
        self.near.toggled.connect(lambda _on: self.refresh())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = CandidatesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._explain(cur.row()))
        self.panel = QLabel(self.tr("Select a candidate to see how the score is made up."))
        self.panel.setWordWrap(True)
        self.panel.setTextFormat(Qt.TextFormat.RichText)
        self.panel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.panel.setMinimumWidth(280)
        self.shortlist_button = QPushButton(self.tr("Add to shortlist"))
        self.shortlist_button.setEnabled(False)
        self.shortlist_button.setVisible(allowed(actor.role, "placement.manage"))
        self.shortlist_button.clicked.connect(lambda: self.add_to_shortlist())
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.panel, 1)
        side_layout.addWidget(self.shortlist_button)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        filters = QHBoxLayout()
        filters.addWidget(self.ready_only)
        filters.addWidget(self.near)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def show_order(self, order) -> bool:
        self.order = order
        self.title.setText(f"<b>{order.order_number}</b> — {html.escape(order.employer)}, "
                           f"{html.escape(order.position)} ({html.escape(order.country)})")
        return self.refresh()

    def refresh(self) -> bool:
        if self.order is None:
            return False
        statuses = READY_ONLY if self.ready_only.isChecked() else matching.CANDIDATE_STATUSES
        near = 50 if self.near.isChecked() else 0

        def work():
            result = matching.rank_candidates(self.db, self.actor, self.order.id, top=200, near=near,
                                              statuses=statuses)
            stages = {p.applicant_id: p.stage for p in placements.list_placements(self.db, self.actor,
                                                                                   order_ref=self.order.id)}
            return result, stages

        if matching.pool_for(self.db).loaded:
            try:
                out, error = work(), None
            except AppError as exc:
                out, error = None, exc
        else:  # the first match loads the candidate arrays: off the GUI thread
            out, error = run_busy(self, self.tr("Matching"), self.tr("Loading the candidates…"), work)
        if error is not None:
            self.model.set_result([], {})
            self.summary.setText(order_labels.error_text(error))
            if isinstance(error, AppError):
                QMessageBox.warning(self, self.tr("Matching"), order_labels.error_text(error))
            return False
        self.result, stages = out
        self.model.set_result(self.result.candidates + self.result.near_misses, stages)
        fails = [f"{order_labels.filter_name(k)} {v:,}".replace(",", ".") for k, v in self.result.failed_by.items() if v]
        text = self.tr("%1 of %2 applicants meet every requirement.").replace(
            "%1", f"{self.result.passed:,}".replace(",", ".")).replace("%2", f"{self.result.total:,}".replace(",", "."))
        if fails:
            text += " " + self.tr("Not met: %1.").replace("%1", ", ".join(fails))
        self.summary.setText(text)
        self.panel.setText(self.tr("Select a candidate to see how the score is made up."))
        self.shortlist_button.setEnabled(False)
        return True

    def _explain(self, row: int) -> None:
        c = self.model.candidate(row)
        if c is None:
            self.shortlist_button.setEnabled(False)
            return
        lines = [f"<b>{html.escape(c.full_name)}</b><br>{c.registration_number}"]
        if c.reasons:
            lines.append("<b>" + self.tr("Does not meet:") + "</b>")
            lines += [f"• {html.escape(i18n.message(r))}" for r in c.reasons]
        else:
            lines.append("<b>" + self.tr("Rank %1, score %2 of 100").replace("%1", str(c.rank)).replace(
                "%2", _num(c.score)) + "</b>")
            rows = "".join(f"<tr><td>{html.escape(order_labels.part(k))}</td><td align='right'>{_num(v)}</td>"
                           f"<td align='right' style='color:#777'>/ {matching.WEIGHTS[k]:.0f}</td></tr>"
                           for k, v in c.parts.items())
            lines.append(f"<table cellspacing='4'>{rows}</table>")
            lines.append("<span style='color:#777'>" + self.tr(
                "Unknown attendance, test scores or documents count half. Equal scores: registered earlier first.")
                + "</span>")
        self.panel.setText("<br>".join(lines))
        self.shortlist_button.setEnabled(not c.reasons and c.applicant_id not in self.model.stages)

    def add_to_shortlist(self) -> bool:
        row = self.table.currentIndex().row()
        c = self.model.candidate(row)
        if c is None or self.order is None:
            return False
        try:
            placement = placements.shortlist(self.db, self.actor, self.order.id, c.applicant_id)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Add to shortlist"), order_labels.error_text(exc))
            return False
        self.model.set_stage(c.applicant_id, placement.stage)
        self.shortlist_button.setEnabled(False)
        self.shortlisted.emit(placement)
        return True
