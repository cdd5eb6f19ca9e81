"""The Reports page: the MoU progress report for a period (PDF or Excel, computed and written on a
worker thread behind a progress dialog) and the vacancy board (PDF). A PDF is built into a temporary
file and shown in the print preview (``preview.show_pdf``: save a copy, print, or open it in the
system viewer); the Excel file is saved where the person chooses and may be opened after."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from app.core import clock, mou_report
from app.core.errors import AppError
from app.core.permissions import allowed
from app.views import i18n
from app.views.reports import preview
from app.views.worker import run_busy


def _open_with_system(path) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReportsPage(QWidget):
    statusMessage = Signal(str)

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        # replaced in tests: the save dialog, the viewer (Excel) and the print preview (PDF)
        self.ask_save_path = self._ask_save_path
        self.open_file = _open_with_system
        self.show_pdf = preview.show_pdf
        self.last_saved: Path | None = None

        mou_box = QGroupBox(self.tr("MoU progress report"))
        self.date_from = QDateEdit(_qdate(mou_report.MOU_SIGNED))
        self.date_to = QDateEdit(_qdate(clock.today()))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("From"), self.date_from)
        form.addRow(self.tr("To"), self.date_to)
        self.mou_pdf_button = QPushButton(self.tr("Preview and print…"))
        self.mou_pdf_button.setToolTip(self.tr("The report as PDF in the preview: save, print or open it from there"))
        self.mou_pdf_button.clicked.connect(lambda: self.save_mou("pdf"))
        self.mou_xlsx_button = QPushButton(self.tr("Save Excel…"))
        self.mou_xlsx_button.clicked.connect(lambda: self.save_mou("xlsx"))
        row = QHBoxLayout()
        row.addWidget(self.mou_pdf_button)
        row.addWidget(self.mou_xlsx_button)
        row.addStretch(1)
        self.mou_summary = QLabel()
        self.mou_summary.setWordWrap(True)
        note = QLabel(self.tr("Figures for the period against the MoU targets (set in Settings), with breakdowns "
                              "by kecamatan, sex, age, education, country, sector and funding, and training "
                              "completion and attendance. Counts only: no personal data."))
        note.setWordWrap(True)
        box = QVBoxLayout(mou_box)
        box.addWidget(note)
        box.addLayout(form)
        box.addLayout(row)
        box.addWidget(self.mou_summary)

        self.board_box = QGroupBox(self.tr("Vacancy board"))
        board_note = QLabel(self.tr("The open job orders with their SIP, requirements, salary and costs, "
                                    "on A4 landscape for the notice board."))
        board_note.setWordWrap(True)
        self.board_button = QPushButton(self.tr("Preview and print…"))
        self.board_button.clicked.connect(self.save_board)
        board = QVBoxLayout(self.board_box)
        board.addWidget(board_note)
        brow = QHBoxLayout()
        brow.addWidget(self.board_button)
        brow.addStretch(1)
        board.addLayout(brow)
        self.board_box.setVisible(allowed(actor.role, "order.view"))

        self.open_after = QCheckBox(self.tr("Open the Excel file after saving"))
        self.open_after.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(mou_box)
        layout.addWidget(self.board_box)
        layout.addWidget(self.open_after)
        layout.addStretch(1)

    def _ask_save_path(self, title: str, name: str, filter_: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), filter_)
        return path

    def _done(self, path: Path, error, *, pdf: bool = False) -> bool:
        """The outcome of a build: a refusal shown (and a temporary PDF removed), a PDF previewed,
        an Excel file reported and opened when asked."""
        if error is not None:
            if pdf:
                preview.remove_temporary(path)
            text = i18n.message(error) if isinstance(error, AppError) else str(error)
            QMessageBox.warning(self, self.tr("Not saved") if not pdf else self.tr("Not made"), text)
            return False
        self.last_saved = path
        if pdf:
            self.show_pdf(self, path, path.name, temporary=True)
            return True
        self.statusMessage.emit(self.tr("Saved: %1").replace("%1", str(path)))
        if self.open_after.isChecked():
            self.open_file(path)
        return True

    def save_mou(self, kind: str) -> Path | None:
        """``pdf``: build the report and show it in the print preview; ``xlsx``: save the figures
        where the person chooses. The file written, or None."""
        d0, d1 = _pydate(self.date_from.date()), _pydate(self.date_to.date())
        name = f"laporan-mou-{d0:%Y%m%d}-{d1:%Y%m%d}.{kind}"
        if kind == "pdf":
            path = preview.temp_pdf(name)
        else:
            chosen = self.ask_save_path(self.tr("Save Excel"), name, self.tr("Excel files (*.xlsx)"))
            if not chosen:
                return None
            path = Path(chosen)

        def work():
            from app.reports import mou, mou_xlsx

            report = mou_report.compute(self.db, self.actor, d0, d1)
            (mou.mou_pdf if kind == "pdf" else mou_xlsx.mou_xlsx)(str(path), report)
            return report

        report, error = run_busy(self, self.tr("MoU progress report"), self.tr("Counting and writing the report…"),
                                 work)
        if not self._done(path, error, pdf=kind == "pdf"):
            return None
        t = report.totals
        self.mou_summary.setText(
            self.tr("Registered %1 · eligible %2 · graduated %3 · departed %4")
            .replace("%1", str(t["registered"])).replace("%2", str(t["eligible"]))
            .replace("%3", str(t["graduated"])).replace("%4", str(t["departed"])))
        return path

    def save_board(self) -> Path | None:
        """Build the vacancy board and show it in the print preview; the temporary PDF, or None."""
        path = preview.temp_pdf(f"papan-lowongan-{clock.today():%Y%m%d}.pdf")

        def work():
            from app.core import vacancy_board
            from app.reports import vacancies

            vacancies.vacancies_pdf(str(path), vacancy_board.board(self.db, self.actor))

        _result, error = run_busy(self, self.tr("Vacancy board"), self.tr("Writing the vacancy board…"), work)
        return path if self._done(path, error, pdf=True) else None
