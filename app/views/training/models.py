"""Table models of the training screens: batches, candidates with figures, at-risk list,
enrolment candidates, holidays. Plain rows from ``app.core.training``; sort value and row object
in custom roles."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor

from app.core import reference
from app.views import i18n, labels
from app.views.training.grid import percent
from app.views.widgets import ReadOnlyTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
RowObjectRole = Qt.ItemDataRole.UserRole + 2

RESULTS = {"active": QT_TRANSLATE_NOOP("TrainingLabels", "Active"),
           "graduated": QT_TRANSLATE_NOOP("TrainingLabels", "Graduated"),
           "failed": QT_TRANSLATE_NOOP("TrainingLabels", "Failed"),
           "dropped": QT_TRANSLATE_NOOP("TrainingLabels", "Dropped out")}
STATES = {"planned": QT_TRANSLATE_NOOP("TrainingLabels", "Planned"),
          "running": QT_TRANSLATE_NOOP("TrainingLabels", "Running"),
          "finished": QT_TRANSLATE_NOOP("TrainingLabels", "Finished")}
TRENDS = {"up": QT_TRANSLATE_NOOP("TrainingLabels", "rising"), "down": QT_TRANSLATE_NOOP("TrainingLabels", "falling"),
          "flat": QT_TRANSLATE_NOOP("TrainingLabels", "steady")}
RISKS = {"below_minimum": QT_TRANSLATE_NOOP("TrainingLabels", "below the minimum"),
         "absent_streak": QT_TRANSLATE_NOOP("TrainingLabels", "absent 3 meetings in a row")}
KINDS = {"mock": QT_TRANSLATE_NOOP("TrainingLabels", "Mock test"),
         "final": QT_TRANSLATE_NOOP("TrainingLabels", "Final test")}


def tl(text: str) -> str:
    return QCoreApplication.translate("TrainingLabels", text)


def language_name(code: str) -> str:
    lang = reference.languages().get(code)
    return i18n.choice_name(lang) if lang else code


class BatchesModel(ReadOnlyTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("BatchesModel", "Batch"), QT_TRANSLATE_NOOP("BatchesModel", "Language"),
               QT_TRANSLATE_NOOP("BatchesModel", "Level"), QT_TRANSLATE_NOOP("BatchesModel", "Period"),
               QT_TRANSLATE_NOOP("BatchesModel", "Participants"), QT_TRANSLATE_NOOP("BatchesModel", "State"))
    CONTEXT = "BatchesModel"

    def set_rows(self, rows, today) -> None:
        self.today = today
        super().set_rows(rows)

    def batch(self, row: int):
        return self.row_at(row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        b = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (b.code, language_name(b.language_code).removeprefix("Bahasa "), b.target_level,
                    f"{b.start_date:%d/%m/%y} – {b.end_date:%d/%m/%y}",
                    f"{b.enrolled} / {b.capacity}" if b.state(self.today) != "finished" else str(b.participants),
                    tl(STATES[b.state(self.today)]))[col]
        if role == SortRole:
            return (b.code, b.language_code, b.target_level, b.start_date.toordinal(), b.enrolled,
                    b.state(self.today))[col]
        if role == Qt.ItemDataRole.ForegroundRole and b.state(self.today) == "finished":
            return QBrush(QColor("#777777"))
        if role == RowObjectRole:
            return b
        return None


class CandidatesModel(ReadOnlyTableModel):
    """The candidates of one batch with their figures and scores (the scores tab)."""

    COLUMNS = (QT_TRANSLATE_NOOP("CandidatesModel", "Registration no."), QT_TRANSLATE_NOOP("CandidatesModel", "Name"),
               "H", "S", "I", "A", QT_TRANSLATE_NOOP("CandidatesModel", "Present %"),
               QT_TRANSLATE_NOOP("CandidatesModel", "Absent in a row"), QT_TRANSLATE_NOOP("CandidatesModel", "Trend"),
               QT_TRANSLATE_NOOP("CandidatesModel", "Latest score"), QT_TRANSLATE_NOOP("CandidatesModel", "Final test"),
               QT_TRANSLATE_NOOP("CandidatesModel", "Result"))
    CONTEXT = "CandidatesModel"

    def candidate(self, row: int):
        return self.row_at(row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        c = self._rows[index.row()]
        f = c.figures
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            result = tl(RESULTS[c.result])
            if c.result_reason:
                result += f" ({c.result_reason})"
            return (c.registration_number, c.full_name, str(f.present), str(f.sick), str(f.excused), str(f.absent),
                    percent(f.rate), str(f.streak), tl(TRENDS[f.trend]) if f.trend else "–",
                    "–" if c.latest_score is None else str(c.latest_score),
                    "–" if c.final_score is None else str(c.final_score), result)[col]
        if role == SortRole:
            return (c.registration_number, c.full_name.lower(), f.present, f.sick, f.excused, f.absent,
                    -1.0 if f.rate is None else f.rate, f.streak, f.trend or "",
                    -1 if c.latest_score is None else c.latest_score,
                    -1 if c.final_score is None else c.final_score, c.result)[col]
        if role == Qt.ItemDataRole.ForegroundRole and c.risks and col in (6, 7):
            return QBrush(QColor("#b71c1c"))
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= col <= 10:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RowObjectRole:
            return c
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt)
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and 2 <= section <= 5:
            return QCoreApplication.translate("AttendanceModel", ("present", "sick", "excused", "absent")[section - 2])
        return super().headerData(section, orientation, role)


class AtRiskModel(ReadOnlyTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("AtRiskModel", "Batch"), QT_TRANSLATE_NOOP("AtRiskModel", "Registration no."),
               QT_TRANSLATE_NOOP("AtRiskModel", "Name"), QT_TRANSLATE_NOOP("AtRiskModel", "Present %"),
               QT_TRANSLATE_NOOP("AtRiskModel", "Minimum"), QT_TRANSLATE_NOOP("AtRiskModel", "Absent in a row"),
               QT_TRANSLATE_NOOP("AtRiskModel", "Why"))
    CONTEXT = "AtRiskModel"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.batch_code, r.registration_number, r.full_name, percent(r.rate), f"{r.min_attendance} %",
                    str(r.streak), ", ".join(tl(RISKS[x]) for x in r.reasons))[col]
        if role == SortRole:
            return (r.batch_code, r.registration_number, r.full_name.lower(), -1.0 if r.rate is None else r.rate,
                    r.min_attendance, r.streak, len(r.reasons))[col]
        if role == RowObjectRole:
            return r
        return None


class EnrolModel(ReadOnlyTableModel):
    """Applicants who could join, each with a check box."""

    COLUMNS = (QT_TRANSLATE_NOOP("EnrolModel", "Registration no."), QT_TRANSLATE_NOOP("EnrolModel", "Name"),
               QT_TRANSLATE_NOOP("EnrolModel", "Status"))
    CONTEXT = "EnrolModel"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.checked: set = set()

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.registration_number, r.full_name, labels.status(r.status))[col]
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if r.applicant_id in self.checked else Qt.CheckState.Unchecked
        if role == SortRole:
            return (r.registration_number, r.full_name.lower(), r.status)[col]
        if role == RowObjectRole:
            return r
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 (Qt)
        if not self._valid(index) or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        aid = self._rows[index.row()].applicant_id
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        (self.checked.add if on else self.checked.discard)(aid)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class ScoresModel(ReadOnlyTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("ScoresModel", "Test date"), QT_TRANSLATE_NOOP("ScoresModel", "Kind"),
               QT_TRANSLATE_NOOP("ScoresModel", "Title"), QT_TRANSLATE_NOOP("ScoresModel", "Score"))
    CONTEXT = "ScoresModel"

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        x = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"{x.test_date:%d/%m/%Y}", tl(KINDS[x.kind]), x.title, str(x.score))[col]
        if role == SortRole:
            return (x.test_date.toordinal(), x.kind, x.title, x.score)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == RowObjectRole:
            return x
        return None


class HolidaysModel(ReadOnlyTableModel):
    COLUMNS = (QT_TRANSLATE_NOOP("HolidaysModel", "Date"), QT_TRANSLATE_NOOP("HolidaysModel", "Day"),
               QT_TRANSLATE_NOOP("HolidaysModel", "Name"), QT_TRANSLATE_NOOP("HolidaysModel", "Meetings that day"),
               QT_TRANSLATE_NOOP("HolidaysModel", "Source"))
    CONTEXT = "HolidaysModel"

    def holiday(self, row: int):
        return self.row_at(row)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        h = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            from app.views.training.grid import DAY_ABBR

            return (f"{h.day:%d/%m/%Y}", QCoreApplication.translate("AttendanceModel", DAY_ABBR[h.day.weekday()]),
                    h.name, str(h.sessions_on_day), h.source or "")[col]
        if role == SortRole:
            return (h.day.toordinal(), h.day.weekday(), h.name, h.sessions_on_day, h.source or "")[col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (2, 4):
            return h.name if col == 2 else (h.source or None)
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and h.sessions_on_day:
            return QBrush(QColor("#b71c1c"))
        if role == RowObjectRole:
            return h
        return None


def fit_columns(table, samples: dict[int, str], padding: int = 22) -> None:
    """Each listed column as wide as its header or its sample text, whichever is wider (no scan
    of the data: cheap whatever the number of rows)."""
    fm = table.fontMetrics()
    model = table.model()
    header = table.horizontalHeader()
    for col, sample in samples.items():
        title = model.headerData(col, Qt.Orientation.Horizontal) or ""
        header.resizeSection(col, max(fm.horizontalAdvance(sample), fm.horizontalAdvance(str(title))) + padding)
