"""Dialogs of the training screens. Each one calls one service and shows its refusals on the
fields (validation) or in a line under the form (other refusals)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QPlainTextEdit,
                               QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget)

from app.core import clock, reference, training
from app.core.errors import AppError, ValidationError
from app.views import i18n
from app.views.training.grid import DAY_ABBR, error_text
from app.views.training.models import (KINDS, RESULTS, EnrolModel, HolidaysModel, RowObjectRole, SortRole,
                                       fit_columns, tl)
from app.views.widgets import ERROR_STYLE, DateField, error_label, mark_error


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("TrainingDialogs", "Cancel"))
    buttons.rejected.connect(dialog.reject)
    return buttons


class _FormDialog(QDialog):
    """Fields with an error label under each; ``show_errors`` puts a service's refusal there."""

    def _form(self, rows) -> QFormLayout:
        self.setStyleSheet(ERROR_STYLE)
        self.fields = {}
        self.errors = {}
        form = QFormLayout()
        for name, caption, widget in rows:
            self.fields[name] = widget
            self.errors[name] = error_label()
            form.addRow(caption, widget)
            form.addRow("", self.errors[name])
        self.general = error_label()
        return form

    def clear_errors(self) -> None:
        for name in self.errors:
            self.show_error(name, "")
        self.general.hide()

    ALIASES: dict[str, str] = {"end_time": "start_time"}  # errors of a field shown on its row

    def show_error(self, name: str, text: str) -> None:
        name = self.ALIASES.get(name, name)
        label = self.errors.get(name)
        if label is None:
            self.general.setText(text)
            self.general.setVisible(bool(text))
            return
        label.setText(text)
        label.setVisible(bool(text))
        mark_error(self.fields[name], bool(text))

    def show_refusal(self, exc: AppError) -> None:
        if isinstance(exc, ValidationError):
            for e in exc.errors:
                self.show_error(e.field, i18n.message(e))
        else:
            self.show_error("", error_text(exc))


class BatchDialog(_FormDialog):
    """New batch or edit one (``batch`` given)."""

    def __init__(self, db, actor, batch: training.BatchInfo | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.batch, self.result_batch = db, actor, batch, None
        self.setWindowTitle(self.tr("Edit training batch") if batch else self.tr("New training batch"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("e.g. JP-2026-03"))
        self.language = QComboBox()
        for code, lang in reference.languages().items():
            self.language.addItem(i18n.choice_name(lang), code)
        self.level = QLineEdit()
        self.level.setPlaceholderText(self.tr("e.g. JFT-Basic A2 / JLPT N4, EPS-TOPIK, Goethe B1"))
        self.provider = QLineEdit()
        self.provider.setPlaceholderText(self.tr("e.g. BBPVP Serang, an LPK"))
        self.venue = QLineEdit()
        self.trainer = QComboBox()
        for username, name in training.trainers(db, actor):
            self.trainer.addItem(f"{name} ({username})", username)
        if batch and self.trainer.findData(batch.trainer_username) < 0:
            self.trainer.addItem(f"{batch.trainer_name or batch.trainer_username} ({batch.trainer_username})",
                                 batch.trainer_username)
        self.start = DateField()
        self.months = QSpinBox()
        self.months.setRange(1, 12)
        self.months.setValue(6)
        self.months.setSuffix(self.tr(" months"))
        days = QWidget()
        dl = QHBoxLayout(days)
        dl.setContentsMargins(0, 0, 0, 0)
        self.day_boxes = []
        from PySide6.QtCore import QCoreApplication

        for i, abbr in enumerate(DAY_ABBR):
            box = QCheckBox(QCoreApplication.translate("AttendanceModel", abbr))
            box.setProperty("weekday", i + 1)
            self.day_boxes.append(box)
            dl.addWidget(box)
        dl.addStretch(1)
        times = QWidget()
        tl_ = QHBoxLayout(times)
        tl_.setContentsMargins(0, 0, 0, 0)
        self.start_time = QLineEdit("08:00")
        self.end_time = QLineEdit("12:00")
        for t in (self.start_time, self.end_time):
            t.setInputMask("99:99")
            t.setFixedWidth(self.fontMetrics().horizontalAdvance("00:000") + 16)
        tl_.addWidget(self.start_time)
        tl_.addWidget(QLabel("–"))
        tl_.addWidget(self.end_time)
        tl_.addWidget(QLabel(self.tr("WIB")))
        tl_.addStretch(1)
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 200)
        self.capacity.setValue(30)
        self.min_attendance = QSpinBox()
        self.min_attendance.setRange(50, 100)
        self.min_attendance.setValue(training.DEFAULT_MIN_ATTENDANCE)
        self.min_attendance.setSuffix(" %")
        self.pass_mark = QSpinBox()
        self.pass_mark.setRange(1, 100)
        self.pass_mark.setValue(training.DEFAULT_PASS_MARK)
        self.funding = QComboBox()
        self.funding.addItem(self.tr("(not set)"), None)
        for code, choice in reference.funding_schemes().items():
            self.funding.addItem(i18n.choice_name(choice), code)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        form = self._form((
            ("code", self.tr("Batch &code"), self.code), ("language_code", self.tr("&Language"), self.language),
            ("target_level", self.tr("Target &level"), self.level), ("provider", self.tr("&Provider"), self.provider),
            ("venue", self.tr("&Venue"), self.venue), ("trainer_username", self.tr("&Trainer"), self.trainer),
            ("start_date", self.tr("&Start date"), self.start), ("duration_months", self.tr("&Duration"), self.months),
            ("schedule_days", self.tr("Meeting days"), days), ("start_time", self.tr("Hours"), times),
            ("capacity", self.tr("C&apacity"), self.capacity),
            ("min_attendance", self.tr("Minimum &attendance"), self.min_attendance),
            ("pass_mark", self.tr("Pass &mark"), self.pass_mark),
            ("funding_scheme", self.tr("&Funding scheme"), self.funding), ("notes", self.tr("&Notes"), self.notes)))
        hint = QLabel(self.tr("A batch lasts 3 to 8 months. Its meetings are made from the meeting days, "
                              "skipping the office's closed days."))
        hint.setWordWrap(True)
        buttons = _buttons(self, self.tr("Save"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        if batch:
            self._fill(batch)

    def _fill(self, b: training.BatchInfo) -> None:
        self.code.setText(b.code)
        self.language.setCurrentIndex(self.language.findData(b.language_code))
        self.level.setText(b.target_level)
        self.provider.setText(b.provider)
        self.venue.setText(b.venue)
        self.trainer.setCurrentIndex(self.trainer.findData(b.trainer_username))
        self.start.set_date(b.start_date)
        self.months.setValue(b.duration_months)
        for box in self.day_boxes:
            box.setChecked(box.property("weekday") in b.schedule_days)
        self.start_time.setText(b.start_time)
        self.end_time.setText(b.end_time)
        self.capacity.setValue(b.capacity)
        self.min_attendance.setValue(b.min_attendance)
        self.pass_mark.setValue(b.pass_mark)
        self.funding.setCurrentIndex(max(0, self.funding.findData(b.funding_scheme)))
        self.notes.setPlainText(b.notes or "")

    def input(self) -> training.BatchInput:
        return training.BatchInput(
            code=self.code.text(), language_code=self.language.currentData(), target_level=self.level.text(),
            provider=self.provider.text(), venue=self.venue.text(), trainer_username=self.trainer.currentData() or "",
            start_date=self.start.value_text(), duration_months=self.months.value(),
            schedule_days=[b.property("weekday") for b in self.day_boxes if b.isChecked()],
            start_time=self.start_time.text(), end_time=self.end_time.text(), capacity=self.capacity.value(),
            min_attendance=self.min_attendance.value(), pass_mark=self.pass_mark.value(),
            funding_scheme=self.funding.currentData(), notes=self.notes.toPlainText())

    def save(self) -> bool:
        self.clear_errors()
        try:
            if self.batch is None:
                self.result_batch = training.create_batch(self.db, self.actor, self.input())
            else:
                self.result_batch = training.update_batch(self.db, self.actor, self.batch.id, self.input(),
                                                          expected_version=self.batch.version)
        except AppError as exc:
            self.show_refusal(exc)
            return False
        self.accept()
        return True


class EnrolDialog(QDialog):
    """Search applicants who may join, tick them, enrol (all or none)."""

    def __init__(self, db, actor, batch: training.BatchInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.batch = db, actor, batch
        self.setWindowTitle(self.tr("Enrol in %1").replace("%1", batch.code))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name or registration number"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.model = EnrolModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        fit_columns(self.table, {0: "SRG-0001-2026-000000xx", 1: "M" * 18})
        self.table.horizontalHeader().setStretchLastSection(True)
        self.places = QLabel()
        self.error = error_label()
        buttons = _buttons(self, self.tr("Enrol"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Only applicants who are registered, collecting documents, ready or "
                                        "returned, and not in another active batch of this language.")))
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.places)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.model.dataChanged.connect(self._count)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(training.enrolment_candidates(self.db, self.actor, self.batch.id, self.search.text()))
        self._count()

    def _count(self, *args) -> None:
        free = self.batch.capacity - self.batch.enrolled
        self.places.setText(self.tr("%1 chosen, %2 places free").replace("%1", str(len(self.model.checked)))
                            .replace("%2", str(free)))

    def save(self) -> bool:
        self.error.hide()
        if not self.model.checked:
            return False
        try:
            training.enrol(self.db, self.actor, self.batch.id, sorted(self.model.checked, key=str))
        except AppError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return False
        self.accept()
        return True


class ScoreDialog(_FormDialog):
    def __init__(self, db, actor, batch_id, candidate, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.batch_id, self.candidate = db, actor, batch_id, candidate
        self.setWindowTitle(self.tr("Test score of %1").replace("%1", candidate.full_name))
        self.kind = QComboBox()
        for code, text in KINDS.items():
            self.kind.addItem(tl(text), code)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Monthly test 3"))
        self.day = DateField()
        self.day.set_date(clock.today())
        self.score = QSpinBox()
        self.score.setRange(0, 100)
        form = self._form((("kind", self.tr("&Kind"), self.kind), ("title", self.tr("&Title"), self.title),
                           ("test_date", self.tr("Test &date"), self.day), ("score", self.tr("&Score (0–100)"), self.score)))
        buttons = _buttons(self, self.tr("Save"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)

    def save(self) -> bool:
        self.clear_errors()
        try:
            training.record_score(self.db, self.actor, self.batch_id, self.candidate.applicant_id,
                                  kind=self.kind.currentData(), title=self.title.text(),
                                  test_date=self.day.value_text(), score=self.score.value())
        except AppError as exc:
            self.show_refusal(exc)
            return False
        self.accept()
        return True


class CompleteDialog(_FormDialog):
    """Close a candidate's enrolment: graduated (if the rules allow), failed or dropped out."""

    def __init__(self, db, actor, batch_id, check: training.CompletionCheck, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.batch_id, self.check = db, actor, batch_id, check
        self.outcome: training.CompletionResult | None = None
        self.setWindowTitle(self.tr("Completion of %1").replace("%1", check.full_name))
        self.result = QComboBox()
        for code in training.COMPLETION_RESULTS:
            self.result.addItem(tl(RESULTS[code]), code)
        if not check.eligible:
            self.result.setCurrentIndex(self.result.findData("failed"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Required for failed or dropped out"))
        state = QLabel(self.tr("May graduate: pass mark reached and attendance at or above the minimum.")
                       if check.eligible else
                       self.tr("Cannot graduate yet:") + "".join(f"\n• {i18n.message(r)}" for r in check.reasons))
        state.setWordWrap(True)
        form = self._form((("result", self.tr("&Result"), self.result), ("reason", self.tr("R&eason"), self.reason)))
        buttons = _buttons(self, self.tr("Save"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(state)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def save(self) -> bool:
        self.clear_errors()
        try:
            self.outcome = training.complete(self.db, self.actor, self.batch_id, self.check.applicant_id,
                                             self.result.currentData(), reason=self.reason.text())
        except AppError as exc:
            if isinstance(exc, ValidationError) and exc.errors[0].field in ("final_score", "attendance"):
                self.show_error("result", "\n".join(i18n.message(e) for e in exc.errors))
            else:
                self.show_refusal(exc)
            return False
        self.accept()
        return True


class SessionDialog(_FormDialog):
    """Add a meeting, move one, or cancel one; each with a reason."""

    def __init__(self, db, actor, batch_id, mode: str, session=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.actor, self.batch_id, self.mode, self.session = db, actor, batch_id, mode, session
        titles = {"add": self.tr("Add a meeting"), "move": self.tr("Move the meeting of %1"),
                  "cancel": self.tr("Cancel the meeting of %1")}
        self.setWindowTitle(titles[mode].replace("%1", f"{session.day:%d/%m/%Y}" if session else ""))
        self.day = DateField()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("e.g. the trainer is ill, make-up class"))
        rows = [("reason", self.tr("R&eason"), self.reason)]
        if mode != "cancel":
            rows.insert(0, ("day", self.tr("&Date") if mode == "add" else self.tr("&New date"), self.day))
        form = self._form(rows)
        buttons = _buttons(self, {"add": self.tr("Add"), "move": self.tr("Move"),
                                  "cancel": self.tr("Cancel the meeting")}[mode])
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def save(self) -> bool:
        self.clear_errors()
        try:
            if self.mode == "add":
                training.add_session(self.db, self.actor, self.batch_id, self.day.value_text(), self.reason.text())
            elif self.mode == "move":
                training.move_session(self.db, self.actor, self.session.id, self.day.value_text(), self.reason.text())
            else:
                training.cancel_session(self.db, self.actor, self.session.id, self.reason.text())
        except AppError as exc:
            self.show_refusal(exc)
            return False
        self.accept()
        return True


class HolidaysDialog(QDialog):
    """The office's closed days of a year: add, remove (confirmed)."""

    def __init__(self, db, actor, parent: QWidget | None = None, year: int | None = None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.setWindowTitle(self.tr("Closed days"))
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        self.year.setValue(year or clock.today().year)
        self.year.valueChanged.connect(self.refresh)
        self.model = HolidaysModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SortRole)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        fit_columns(self.table, {0: "00/00/0000", 1: "Sen", 2: "M" * 22, 3: "0"})
        self.table.horizontalHeader().setStretchLastSection(True)
        self.day = DateField()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Cuti bersama Idul Fitri"))
        self.add_button = QPushButton(self.tr("Add closed day"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.remove_button.clicked.connect(self.remove)
        self.error = error_label()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.remove_button)
        add = QHBoxLayout()
        add.addWidget(self.day)
        add.addWidget(self.name, 1)
        add.addWidget(self.add_button)
        note = QLabel(self.tr("New batches skip these days. Meetings already on a new closed day stay: move or "
                              "cancel them in the batch."))
        note.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(add)
        layout.addWidget(self.error)
        layout.addWidget(note)
        layout.addWidget(close)
        self.resize(900, 540)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(training.list_holidays(self.db, year=self.year.value()))
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def add(self) -> bool:
        self.error.hide()
        try:
            h = training.add_holiday(self.db, self.actor, self.day.value_text(), self.name.text())
        except AppError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return False
        self.day.clear()
        self.name.clear()
        if h.day.year != self.year.value():
            self.year.setValue(h.day.year)
        else:
            self.refresh()
        if h.sessions_on_day:
            self.error.setText(self.tr("%1 meeting(s) are scheduled on that day: move or cancel them.")
                               .replace("%1", str(h.sessions_on_day)))
            self.error.show()
        return True

    def remove(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        h = rows[0].data(RowObjectRole)
        answer = QMessageBox.question(self, self.tr("Closed days"),
                                      self.tr("Remove the closed day %1 (%2)?").replace("%1", f"{h.day:%d/%m/%Y}")
                                      .replace("%2", h.name))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            training.remove_holiday(self.db, self.actor, h.id)
        except AppError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return False
        self.refresh()
        return True


class ScoresDialog(QDialog):
    """One participant's test scores; a wrong one can be deleted (asked first, audited)."""

    def __init__(self, db, actor, batch_id, candidate, parent: QWidget | None = None, *, can_edit: bool = True):
        super().__init__(parent)
        self.db, self.actor, self.batch_id, self.candidate = db, actor, batch_id, candidate
        self.changed = False
        self.setWindowTitle(self.tr("Scores of %1").replace("%1", candidate.full_name))
        from app.views.training.models import ScoresModel

        self.model = ScoresModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_columns(self.table, {0: "00/00/0000", 1: "Ujian akhir", 2: "M" * 14, 3: "100"})
        self.table.horizontalHeader().setStretchLastSection(True)
        self.delete_button = QPushButton(self.tr("Delete score…"))
        self.delete_button.clicked.connect(self.delete)
        self.delete_button.setVisible(can_edit and candidate.result == "active")
        self.error = error_label()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)
        self.resize(560, 360)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows([x for x in training.list_scores(self.db, self.actor, self.batch_id)
                             if x.applicant_id == self.candidate.applicant_id])

    def delete(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        score = rows[0].data(RowObjectRole)
        answer = QMessageBox.question(self, self.tr("Delete score"), self.tr(
            "Delete the score %1 of “%2” (%3)?").replace("%1", str(score.score)).replace("%2", score.title)
            .replace("%3", f"{score.test_date:%d/%m/%Y}"))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            training.delete_score(self.db, self.actor, score.id)
        except AppError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return False
        self.changed = True
        self.refresh()
        return True
