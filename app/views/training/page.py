"""The training page: batches on the left; the chosen batch's attendance grid and its
participants (figures, scores, completion) on the right. The at-risk page lists who falls behind.
A trainer sees only the batches they teach (the services decide; this page shows what it gets)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QSplitter, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from app.core import clock, training
from app.core.errors import AppError
from app.core.permissions import allowed
from app.views.training.grid import AttendanceModel, AttendanceView, error_text, percent
from app.views.training.models import (AtRiskModel, BatchesModel, CandidatesModel, RowObjectRole, SortRole,
                                       TRENDS, fit_columns, language_name, tl)


def _table(model, parent) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    table = QTableView()
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def _selected(table: QTableView):
    rows = table.selectionModel().selectedRows() if table.selectionModel() else []
    return rows[0].data(RowObjectRole) if rows else None



def _show_pdf(parent, path, suggested_name, **kw):
    from app.views.reports.preview import show_pdf

    return show_pdf(parent, path, suggested_name, **kw)

class TrainingPage(QWidget):
    statusMessage = Signal(str)

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.manage = allowed(actor.role, "training.manage")
        self.can_mark = allowed(actor.role, "training.mark")
        self.today = clock.today()
        self.batch: training.BatchInfo | None = None
        self.show_pdf = _show_pdf  # the print preview; replaced in tests

        # --- left: batches
        self.batches = BatchesModel(self)
        self.batch_table = _table(self.batches, self)
        self.batch_table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
        header = self.batch_table.horizontalHeader()
        fm = self.fontMetrics()
        for col, sample in ((0, "KO-2026-01"), (1, "Inggris"), (2, "JFT-Basic A2"),
                            (3, "00/00/00 – 00/00/00"), (4, "Peserta"), (5, "Direncanakan")):
            header.resizeSection(col, fm.horizontalAdvance(sample) + 18)
        header.setStretchLastSection(True)
        self.batch_table.setColumnHidden(2, True)  # the level is in the summary above the grid
        self._selecting = False  # a selection made by the code loads the batch once, itself
        self.batch_table.selectionModel().currentRowChanged.connect(
            lambda *_: None if self._selecting else self._batch_chosen())
        self.new_button = QPushButton(self.tr("New batch…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.enrol_button = QPushButton(self.tr("Enrol…"))
        self.holidays_button = QPushButton(self.tr("Closed days…"))
        self.new_button.clicked.connect(self.new_batch)
        self.edit_button.clicked.connect(self.edit_batch)
        self.enrol_button.clicked.connect(self.enrol)
        self.holidays_button.clicked.connect(self.holidays)
        for b in (self.new_button, self.edit_button, self.enrol_button, self.holidays_button):
            b.setVisible(self.manage)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Language training"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        ll.addWidget(title)
        ll.addWidget(self.batch_table, 1)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.edit_button, self.enrol_button, self.holidays_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        ll.addLayout(buttons)

        # --- right: the batch
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.grid_model = AttendanceModel(db, actor, self)
        self.grid = AttendanceView()
        self.grid.setModel(self.grid_model)
        self.grid.refused.connect(self._refused)
        self.grid.marked.connect(self._marked)
        self.grid_model.changed.connect(self._figures_changed)
        self.all_present_button = QPushButton(self.tr("All present (Shift+H)"))
        self.all_present_button.clicked.connect(lambda: (self.grid.all_present(), self.grid.setFocus()))
        self.undo_button = QPushButton(self.tr("Undo (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        from PySide6.QtWidgets import QMenu

        self.sessions_button = QPushButton(self.tr("Meetings"))
        menu = QMenu(self.sessions_button)
        self.add_session_action = menu.addAction(self.tr("Add meeting…"), lambda: self.session_dialog("add"))
        self.move_session_action = menu.addAction(self.tr("Move meeting…"), lambda: self.session_dialog("move"))
        self.cancel_session_action = menu.addAction(self.tr("Cancel meeting…"), lambda: self.session_dialog("cancel"))
        self.sessions_button.setMenu(menu)
        self.print_sheet_button = QPushButton(self.tr("Print attendance sheet"))
        menu = QMenu(self.print_sheet_button)
        self.print_session_action = menu.addAction(self.tr("Sheet: this meeting…"), lambda: self.print_pdf("sheet_session"))
        self.print_month_action = menu.addAction(self.tr("Sheet: this month…"), lambda: self.print_pdf("sheet_month"))
        self.print_sheet_button.setMenu(menu)
        for action in (self.add_session_action, self.move_session_action, self.cancel_session_action,
                       self.print_session_action, self.print_month_action):
            action.setToolTip(action.text())  # not Qt's default (the text without "…")
        for b in (self.all_present_button, self.undo_button, self.sessions_button):
            b.setVisible(self.can_mark)
        legend = QLabel(self.tr("Keys: H present · S sick · I excused · A absent · Delete clears · "
                                "Shift+H all present · Ctrl+Z undo"))
        legend.setStyleSheet("color: #555;")
        self.grid_status = QLabel()
        self.grid_status.setWordWrap(True)
        attendance = QWidget()
        al = QVBoxLayout(attendance)
        row1 = QHBoxLayout()
        for b in (self.all_present_button, self.undo_button, self.sessions_button):
            row1.addWidget(b)
        row1.addStretch(1)
        row1.addWidget(self.print_sheet_button)
        al.addLayout(row1)
        al.addWidget(self.grid, 1)
        al.addWidget(legend)
        al.addWidget(self.grid_status)

        self.people = CandidatesModel(self)
        self.people_table = _table(self.people, self)
        ph = self.people_table.horizontalHeader()
        fm = self.fontMetrics()
        samples = ("SRG-0001-2026-000000", "M" * 16, "000", "000", "000", "000", "100,0 %", "", "", "", "", "")
        for col, sample in enumerate(samples[:-1]):
            header_text = self.people.headerData(col, Qt.Orientation.Horizontal) or ""
            ph.resizeSection(col, max(fm.horizontalAdvance(sample), fm.horizontalAdvance(header_text)) + 22)
        ph.setStretchLastSection(True)
        self.people_table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.scores_button = QPushButton(self.tr("Scores…"))
        self.scores_button.clicked.connect(self.show_scores)
        self.people_table.doubleClicked.connect(lambda _idx: self.show_scores())
        self.score_button = QPushButton(self.tr("Record score…"))
        self.complete_button = QPushButton(self.tr("Completion…"))
        self.ready_button = QPushButton(self.tr("Graduates to “ready”"))
        self.ready_button.setToolTip(self.tr("Move graduates still waiting for their documents to “ready for "
                                             "placement” when their documents now allow it"))
        self.ready_button.clicked.connect(self.move_graduates)
        self.ready_button.setVisible(self.manage)
        self.certificate_button = QPushButton(self.tr("Certificate…"))
        self.recap_button = QPushButton(self.tr("Batch recap…"))
        self.score_button.clicked.connect(self.record_score)
        self.complete_button.clicked.connect(self.complete)
        self.certificate_button.clicked.connect(lambda: self.print_pdf("certificate"))
        self.recap_button.clicked.connect(lambda: self.print_pdf("recap"))
        self.score_button.setVisible(self.can_mark)
        self.complete_button.setVisible(self.manage)
        participants = QWidget()
        pl = QVBoxLayout(participants)
        pl.addWidget(self.people_table, 1)
        row2 = QHBoxLayout()
        for b in (self.scores_button, self.score_button, self.complete_button, self.ready_button):
            row2.addWidget(b)
        row2.addStretch(1)
        row2.addWidget(self.certificate_button)
        row2.addWidget(self.recap_button)
        pl.addLayout(row2)

        self.tabs = QTabWidget()
        self.tabs.addTab(attendance, self.tr("Attendance"))
        self.tabs.addTab(participants, self.tr("Participants and scores"))
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.summary)
        rl.addWidget(self.tabs, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 880])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.empty = QLabel(self.tr("No training batch yet."))
        layout.addWidget(self.empty)
        undo = QShortcut(QKeySequence.StandardKey.Undo, self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        self._loaded = False
        self._enable()

    # --- loading ---------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.refresh()

    def refresh(self, select_id=None) -> None:
        self.today = clock.today()
        keep = select_id or (self.batch.id if self.batch else None)
        try:
            rows = training.list_batches(self.db, self.actor)
        except AppError as exc:
            self._refused(error_text(exc))
            rows = []
        self.batches.set_rows(rows, self.today)
        self.empty.setVisible(not rows)
        proxy = self.batch_table.model()
        target = 0
        for r in range(proxy.rowCount()):
            b = proxy.index(r, 0).data(RowObjectRole)
            if keep is not None and b.id == keep:
                target = r
                break
            if keep is None and b.state(self.today) == "running":
                target = r
                break
        if rows:
            self._select_row(target)
            self._batch_chosen()
        else:
            self.batch = None
            self.grid_model.clear()
            self.people.set_rows([])
            self._enable()

    def select_batch(self, code: str) -> bool:
        proxy = self.batch_table.model()
        for r in range(proxy.rowCount()):
            if proxy.index(r, 0).data(RowObjectRole).code == code:
                self._select_row(r)
                self._batch_chosen()
                return True
        return False

    def _select_row(self, row: int) -> None:
        self._selecting = True
        try:
            self.batch_table.selectRow(row)
        finally:
            self._selecting = False

    def _batch_chosen(self) -> None:
        b = _selected(self.batch_table)
        if b is None:
            return
        self.batch = b
        try:
            self.grid_model.load(b.id, today=self.today)
        except AppError as exc:
            self._refused(error_text(exc))
            return
        self.batch = self.grid_model.data_.batch
        col = self.grid_model.last_held_column()
        if self.grid_model.rowCount():
            self.grid.setCurrentIndex(self.grid_model.index(0, col))
        self.grid.scrollTo(self.grid_model.index(0, col), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.people.set_rows(self.grid_model.candidates)
        self._summary()
        self.grid_status.clear()
        self._enable()

    def _summary(self) -> None:
        b = self.batch
        data = self.grid_model.data_
        held = sum(1 for s in data.sessions if s.state == "scheduled" and s.day <= self.today)
        total = sum(1 for s in data.sessions if s.state == "scheduled")
        self.summary.setText(
            f"<b>{b.code}</b> — {language_name(b.language_code)}, {b.target_level} · {b.provider}, {b.venue}<br>"
            + self.tr("Trainer: %1 · %2 · meetings held %3 of %4 · attendance %5 (minimum %6 %) · pass mark %7")
            .replace("%1", b.trainer_name or b.trainer_username).replace("%2", b.schedule_text)
            .replace("%3", str(held)).replace("%4", str(total)).replace("%5", percent(data.rate))
            .replace("%6", str(b.min_attendance)).replace("%7", str(b.pass_mark))
            + (" · " + self.tr("trend: %1").replace("%1", tl(TRENDS[data.trend])) if data.trend else "")
            + (" · " + self.tr("%1 at risk").replace("%1", str(data.at_risk)) if data.at_risk else ""))

    def _enable(self) -> None:
        has = self.batch is not None
        for b in (self.edit_button, self.enrol_button, self.all_present_button, self.sessions_button,
                  self.print_sheet_button, self.scores_button, self.score_button, self.complete_button,
                  self.ready_button, self.certificate_button,
                  self.recap_button):
            b.setEnabled(has)
        self.undo_button.setEnabled(has and self.grid_model.can_undo())

    # --- grid ----------------------------------------------------------------------------------
    def _refused(self, text: str) -> None:
        self.grid_status.setStyleSheet("color: #c62828;")
        self.grid_status.setText(text)

    def _marked(self, text: str) -> None:
        self.grid_status.setStyleSheet("color: #2e7d32;")
        self.grid_status.setText(text)

    def _figures_changed(self) -> None:
        self.people.set_rows(self.grid_model.candidates)
        self._summary()
        self._enable()

    def undo(self) -> None:
        try:
            done = self.grid_model.undo()
        except AppError as exc:
            self._refused(error_text(exc))
            return
        if done:
            self._marked(self.tr("Undone."))
        self._enable()

    def current_session(self):
        index = self.grid.currentIndex()
        if not index.isValid() or not self.grid_model.is_session_column(index.column()):
            return None
        return self.grid_model.sessions[index.column()]

    def session_dialog(self, mode: str) -> bool:
        from app.views.training.dialogs import SessionDialog

        session = self.current_session()
        if mode != "add" and session is None:
            self._refused(self.tr("Choose a meeting in the grid first."))
            return False
        dialog = SessionDialog(self.db, self.actor, self.batch.id, mode, session, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            return True
        return False

    # --- batches, enrolment, scores, completion --------------------------------------------------------
    def new_batch(self) -> bool:
        from app.views.training.dialogs import BatchDialog

        dialog = BatchDialog(self.db, self.actor, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(dialog.result_batch.id)
            return True
        return False

    def edit_batch(self) -> bool:
        from app.views.training.dialogs import BatchDialog

        if self.batch is None:
            return False
        dialog = BatchDialog(self.db, self.actor, self.batch, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(dialog.result_batch.id)
            return True
        return False

    def enrol(self) -> bool:
        from app.views.training.dialogs import EnrolDialog

        if self.batch is None:
            return False
        if EnrolDialog(self.db, self.actor, self.batch, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            return True
        return False

    def holidays(self) -> None:
        from app.views.training.dialogs import HolidaysDialog

        HolidaysDialog(self.db, self.actor, self).exec()

    def record_score(self) -> bool:
        from app.views.training.dialogs import ScoreDialog

        c = _selected(self.people_table)
        if c is None:
            QMessageBox.information(self, self.tr("Record score"), self.tr("Choose a participant first."))
            return False
        if ScoreDialog(self.db, self.actor, self.batch.id, c, self).exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            return True
        return False

    def show_scores(self) -> bool:
        from app.views.training.dialogs import ScoresDialog

        c = _selected(self.people_table)
        if c is None:
            QMessageBox.information(self, self.tr("Scores"), self.tr("Choose a participant first."))
            return False
        dialog = ScoresDialog(self.db, self.actor, self.batch.id, c, self, can_edit=self.can_mark)
        dialog.exec()
        if dialog.changed:
            self.refresh()
        return True

    def complete(self) -> bool:
        from app.views.training.dialogs import CompleteDialog

        c = _selected(self.people_table)
        if c is None:
            QMessageBox.information(self, self.tr("Completion"), self.tr("Choose a participant first."))
            return False
        check = next(x for x in training.completion_checks(self.db, self.actor, self.batch.id)
                     if x.applicant_id == c.applicant_id)
        dialog = CompleteDialog(self.db, self.actor, self.batch.id, check, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        out = dialog.outcome
        if out.blocked:
            from app.views import i18n

            QMessageBox.information(self, self.tr("Completion"), self.tr(
                "Graduated. The move to “ready for placement” has to wait:") +
                "".join(f"\n• {i18n.message(r)}" for r in out.blocked))
        self.refresh()
        return True

    def move_graduates(self) -> int:
        from app.views import i18n

        if self.batch is None:
            return 0
        try:
            moved, still = training.move_graduates_to_ready(self.db, self.actor, self.batch.id)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Completion"), error_text(exc))
            return 0
        text = self.tr("%1 graduate(s) moved to “ready for placement”.").replace("%1", str(moved))
        for w in still:
            text += "\n\n" + self.tr("%1 still waits:").replace("%1", w.full_name) + "".join(
                f"\n• {i18n.message(r)}" for r in w.reasons)
        QMessageBox.information(self, self.tr("Completion"), text)
        self.refresh()
        return moved

    # --- printing -------------------------------------------------------------------------------------
    def print_pdf(self, kind: str, path: str | None = None) -> str | None:
        """One of the printables: built into a temporary PDF and shown in the print preview (print or
        save from there), or written to ``path`` when one is given. The file's path, or None."""
        from app.reports import training as reports

        if self.batch is None:
            return None
        session = self.current_session()
        candidate = _selected(self.people_table)
        if kind == "sheet_session" and session is None:
            self._refused(self.tr("Choose a meeting in the grid first."))
            return None
        if kind == "certificate" and (candidate is None or candidate.result != "graduated"):
            QMessageBox.information(self, self.tr("Certificate"),
                                    self.tr("Choose a participant who has graduated."))
            return None
        day = session.day if session else self.today
        names = {"sheet_session": f"daftar-hadir-{self.batch.code}-{day:%Y%m%d}.pdf",
                 "sheet_month": f"daftar-hadir-{self.batch.code}-{day:%Y-%m}.pdf",
                 "recap": f"rekap-{self.batch.code}.pdf",
                 "certificate": f"sertifikat-{self.batch.code}-{candidate.registration_number if candidate else ''}.pdf"}
        from app.views.reports import preview

        temporary = path is None
        if temporary:
            path = str(preview.temp_pdf(names[kind]))
        try:
            if kind == "sheet_session":
                reports.print_pdf(self.db, self.actor, "sheet", self.batch.code, Path(path), session_day=day)
            elif kind == "sheet_month":
                reports.print_pdf(self.db, self.actor, "sheet", self.batch.code, Path(path), month=f"{day:%Y-%m}")
            elif kind == "recap":
                reports.print_pdf(self.db, self.actor, "recap", self.batch.code, Path(path))
            else:
                reports.print_pdf(self.db, self.actor, "certificate", self.batch.code, Path(path),
                                  registration_number=candidate.registration_number)
        except (AppError, OSError) as exc:
            if temporary:
                preview.remove_temporary(Path(path))
            QMessageBox.warning(self, self.tr("Save PDF"), error_text(exc) if isinstance(exc, AppError) else str(exc))
            return None
        if temporary:
            self.show_pdf(self, Path(path), names[kind], temporary=True)
        else:
            self.statusMessage.emit(self.tr("PDF saved: %1").replace("%1", path))
        return path


class AtRiskPage(QWidget):
    """Candidates under their batch's minimum or absent 3 meetings in a row."""

    openBatch = Signal(str)  # batch code

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.model = AtRiskModel(self)
        self.table = _table(self.model, self)
        self.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, {0: "KO-2026-01", 1: "SRG-0001-2026-000000", 2: "M" * 16, 3: "100,0 %",
                                 4: "100 %", 5: "00"})
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda idx: self.openBatch.emit(idx.data(RowObjectRole).batch_code))
        title = QLabel(self.tr("Participants at risk"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        note = QLabel(self.tr("Active participants under their batch's minimum attendance, or absent (sick, "
                              "excused or without notice) 3 meetings in a row. Double-click opens the batch."))
        note.setWordWrap(True)
        self.count = QLabel()
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count)
        bottom.addStretch(1)
        bottom.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> int:
        try:
            rows = training.at_risk(self.db, self.actor)
        except AppError as exc:
            QMessageBox.warning(self, self.tr("Participants at risk"), error_text(exc))
            rows = []
        self.model.set_rows(rows)
        self.count.setText(self.tr("%1 participants").replace("%1", str(len(rows))))
        return len(rows)
