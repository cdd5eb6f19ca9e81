"""The attendance grid: one row per candidate (the name in the row header, so it stays in view),
one column per meeting, then the candidate's figures. Keyboard first:

- arrows move; ``H`` ``S`` ``I`` ``A`` set the mark and move down to the next candidate;
  ``Delete``/``Backspace`` clears; ``Shift+H`` marks everyone not yet marked in this meeting
  present (also a button); ``Ctrl+Z`` undoes the last change (one key or one "all present").
- Every change is saved at once through ``training.set_marks`` (audited there); a refusal (a
  meeting in the future, a closed enrolment) is shown in the status line, nothing is lost.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView

from app.core import clock, training
from app.core.errors import AppError
from app.core.training import MarkChange
from app.views import i18n

SortRole = Qt.ItemDataRole.UserRole + 1
RowObjectRole = Qt.ItemDataRole.UserRole + 2
MarkRole = Qt.ItemDataRole.UserRole + 3

MARK_COLORS = {"H": "#d8f0d8", "S": "#fff1c2", "I": "#d6e6fa", "A": "#f7c9c9"}
DAY_ABBR = (QT_TRANSLATE_NOOP("AttendanceModel", "Mon"), QT_TRANSLATE_NOOP("AttendanceModel", "Tue"),
            QT_TRANSLATE_NOOP("AttendanceModel", "Wed"), QT_TRANSLATE_NOOP("AttendanceModel", "Thu"),
            QT_TRANSLATE_NOOP("AttendanceModel", "Fri"), QT_TRANSLATE_NOOP("AttendanceModel", "Sat"),
            QT_TRANSLATE_NOOP("AttendanceModel", "Sun"))
FIGURE_COLUMNS = (QT_TRANSLATE_NOOP("AttendanceModel", "Present %"),
                  QT_TRANSLATE_NOOP("AttendanceModel", "Absent in a row"))
MARK_NAMES = {"H": QT_TRANSLATE_NOOP("AttendanceModel", "present"), "S": QT_TRANSLATE_NOOP("AttendanceModel", "sick"),
              "I": QT_TRANSLATE_NOOP("AttendanceModel", "excused"), "A": QT_TRANSLATE_NOOP("AttendanceModel", "absent")}


def _t(text: str) -> str:
    return QCoreApplication.translate("AttendanceModel", text)


def error_text(exc) -> str:
    """The text of a refusal in the chosen language (a validation error: its first field's)."""
    from app.core.errors import ValidationError

    if isinstance(exc, ValidationError):
        return "\n".join(i18n.message(e) for e in exc.errors)
    return i18n.message(exc) if hasattr(exc, "message_en") else str(exc)


def percent(value: float | None) -> str:
    if value is None:
        return "–"
    return (f"{value:.1f}".replace(".", ",") if i18n.language() == "id" else f"{value:.1f}") + " %"


class AttendanceModel(QAbstractTableModel):
    """Candidates × (meetings + figures) of one batch, from ``training.batch_attendance``."""

    changed = Signal()

    def __init__(self, db, actor, parent=None):
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.data_: training.BatchAttendance | None = None
        self.today = clock.today()
        self._undo: list[list[MarkChange]] = []

    # --- loading --------------------------------------------------------------------------
    def load(self, batch_id, today: date | None = None) -> None:
        self.beginResetModel()
        self.today = today or clock.today()
        self.data_ = training.batch_attendance(self.db, batch_id, self.actor)
        self._undo.clear()
        self._col_of = {s.id: j for j, s in enumerate(self.data_.sessions)}
        self._row_of = {c.applicant_id: i for i, c in enumerate(self.data_.candidates)}
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.data_ = None
        self._undo.clear()
        self.endResetModel()

    @property
    def sessions(self):
        return self.data_.sessions if self.data_ else []

    @property
    def candidates(self):
        return self.data_.candidates if self.data_ else []

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() or not self.data_ else len(self.data_.candidates)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() or not self.data_ else len(self.data_.sessions) + len(FIGURE_COLUMNS)

    def is_session_column(self, col: int) -> bool:
        return self.data_ is not None and 0 <= col < len(self.data_.sessions)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt)
        if not self.data_:
            return None
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self.data_.candidates):
                return None
            c = self.data_.candidates[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{c.full_name}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{c.full_name} ({c.registration_number})"
            if role == Qt.ItemDataRole.ForegroundRole and c.result != "active":
                return QBrush(QColor("#888888"))
            if role == Qt.ItemDataRole.ForegroundRole and c.risks:
                return QBrush(QColor("#b71c1c"))
            return None
        n = len(self.data_.sessions)
        if section < n:
            s = self.data_.sessions[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{_t(DAY_ABBR[s.day.weekday()])}\n{s.day:%d/%m}"
            if role == Qt.ItemDataRole.ToolTipRole:
                text = (QCoreApplication.translate("AttendanceModel", "Meeting %1, %2").replace("%1", str(s.number)).replace("%2", f"{s.day:%d/%m/%Y}")
                        if s.state == "scheduled" else QCoreApplication.translate("AttendanceModel", "Cancelled meeting, %1").replace("%1", f"{s.day:%d/%m/%Y}"))
                if s.moved_from:
                    text += "\n" + QCoreApplication.translate("AttendanceModel", "Moved from %1").replace("%1", f"{s.moved_from:%d/%m/%Y}")
                if s.reason:
                    text += "\n" + QCoreApplication.translate("AttendanceModel", "Reason: %1").replace("%1", s.reason)
                return text
            if role == Qt.ItemDataRole.ForegroundRole and (s.state != "scheduled" or s.day > self.today):
                return QBrush(QColor("#999999"))
            return None
        if section < n + len(FIGURE_COLUMNS) and role == Qt.ItemDataRole.DisplayRole:
            return _t(FIGURE_COLUMNS[section - n])
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid() or not self.data_:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not self.data_:
            return None
        r, col = index.row(), index.column()
        if r >= len(self.data_.candidates) or col >= self.columnCount():
            return None
        c = self.data_.candidates[r]
        n = len(self.data_.sessions)
        if col < n:
            s = self.data_.sessions[col]
            mark = self.data_.marks[r][col]
            if role in (Qt.ItemDataRole.DisplayRole, MarkRole, SortRole):
                return mark or ("×" if s.state == "cancelled" and role == Qt.ItemDataRole.DisplayRole else
                                None if role != SortRole else "")
            if role == Qt.ItemDataRole.BackgroundRole:
                if s.state == "cancelled":
                    return QBrush(QColor("#eeeeee"))
                if mark:
                    return QBrush(QColor(MARK_COLORS[mark]))
                if s.day > self.today or c.result != "active":
                    return QBrush(QColor("#f6f6f6"))
                return None
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                return (f"{c.full_name}, {s.day:%d/%m/%Y}: " + _t(MARK_NAMES[mark])) if mark else None
            if role == RowObjectRole:
                return c
            return None
        f = c.figures
        k = col - n
        if role == Qt.ItemDataRole.DisplayRole:
            return percent(f.rate) if k == 0 else str(f.streak)
        if role == SortRole:
            return (f.rate if f.rate is not None else -1.0) if k == 0 else f.streak
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if (k == 0 and "below_minimum" in c.risks) or (k == 1 and "absent_streak" in c.risks):
                return QBrush(QColor("#b71c1c"))
        if role == RowObjectRole:
            return c
        return None

    # --- changes ----------------------------------------------------------------------------
    def apply(self, changes: list[MarkChange], *, record_undo: bool = True) -> None:
        """Save ``changes`` through the service (raises ``AppError`` on a refusal), then show them."""
        if not changes or self.data_ is None:
            return
        before = training.set_marks(self.db, self.actor, self.data_.batch.id, changes, today=self.today)
        if record_undo:
            self._undo.append(before)
        touched = set()
        for ch in changes:
            i, j = self._row_of[ch.applicant_id], self._col_of[ch.session_id]
            self.data_.marks[i][j] = ch.mark
            touched.add(i)
            self.dataChanged.emit(self.index(i, j), self.index(i, j))
        n = len(self.data_.sessions)
        for i in touched:
            c = self.data_.candidates[i]
            c.figures = training.figures_of(self.data_.marks[i])
            c.risks = training.risks_of(c.figures, self.data_.batch.min_attendance) if c.result == "active" else []
            self.dataChanged.emit(self.index(i, n), self.index(i, n + len(FIGURE_COLUMNS) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, i, i)
        self.changed.emit()

    def set_mark(self, row: int, col: int, mark: str | None) -> None:
        s, c = self.data_.sessions[col], self.data_.candidates[row]
        self.apply([MarkChange(s.id, c.applicant_id, mark)])

    def all_present(self, col: int) -> int:
        """Mark every active candidate not yet marked in this meeting present; how many."""
        s = self.data_.sessions[col]
        changes = [MarkChange(s.id, c.applicant_id, "H") for i, c in enumerate(self.data_.candidates)
                   if c.result == "active" and self.data_.marks[i][col] is None]
        self.apply(changes)
        return len(changes)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> bool:
        if not self._undo:
            return False
        before = self._undo.pop()
        self.apply(list(reversed(before)), record_undo=False)
        return True

    def cell_of(self, session_index: int, row: int) -> QModelIndex:
        return self.index(row, session_index)

    def last_held_column(self) -> int:
        """The latest meeting that has happened (where a trainer starts marking), or 0."""
        last = 0
        for j, s in enumerate(self.sessions):
            if s.state == "scheduled" and s.day <= self.today:
                last = j
        return last


class AttendanceView(QTableView):
    """The grid's keyboard: see the module docstring."""

    refused = Signal(str)  # the message of a refusal, for the status line
    marked = Signal(str)  # what was done, for the status line

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        fm = self.fontMetrics()
        self.horizontalHeader().setDefaultSectionSize(fm.horizontalAdvance("Mon 00/00") // 2 + 22)
        self.horizontalHeader().setMinimumSectionSize(20)
        self.verticalHeader().setDefaultSectionSize(fm.height() + 8)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def attendance(self) -> AttendanceModel:
        return self.model()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt)
        model = self.attendance()
        index = self.currentIndex()
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.matches(QKeySequence.StandardKey.Undo):
            self._run(model.undo, QCoreApplication.translate("AttendanceModel", "Undone."))
            return
        if not index.isValid() or not model.is_session_column(index.column()):
            return super().keyPressEvent(event)
        letters = {Qt.Key.Key_H: "H", Qt.Key.Key_S: "S", Qt.Key.Key_I: "I", Qt.Key.Key_A: "A"}
        if key == Qt.Key.Key_H and mods == Qt.KeyboardModifier.ShiftModifier:
            self.all_present()
            return
        if key in letters and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            if self._run(lambda: model.set_mark(index.row(), index.column(), letters[key])):
                self._move_down(index)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and mods == Qt.KeyboardModifier.NoModifier:
            self._run(lambda: model.set_mark(index.row(), index.column(), None))
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 (Qt)
        """The same marks for the mouse: right-click a cell."""
        from PySide6.QtWidgets import QMenu

        index = self.indexAt(event.pos())
        model = self.attendance()
        if not index.isValid() or not model.is_session_column(index.column()):
            return
        self.setCurrentIndex(index)
        menu = self.mark_menu(index)
        menu.exec(event.globalPos())

    def mark_menu(self, index):
        from PySide6.QtWidgets import QMenu

        model = self.attendance()
        menu = QMenu(self)
        for mark, text in (("H", self.tr("Present (H)")), ("S", self.tr("Sick (S)")), ("I", self.tr("Excused (I)")),
                           ("A", self.tr("Absent (A)"))):
            menu.addAction(text, lambda m=mark: self._run(lambda: model.set_mark(index.row(), index.column(), m)))
        menu.addAction(self.tr("Clear the mark"),
                       lambda: self._run(lambda: model.set_mark(index.row(), index.column(), None)))
        menu.addSeparator()
        menu.addAction(self.tr("All present in this meeting"), self.all_present)
        return menu

    def all_present(self) -> int:
        index = self.currentIndex()
        model = self.attendance()
        if not index.isValid() or not model.is_session_column(index.column()):
            return 0
        done = {"n": 0}

        def run():
            done["n"] = model.all_present(index.column())

        if self._run(run):
            self.marked.emit(QCoreApplication.translate("AttendanceModel", "%1 marked present.").replace("%1", str(done["n"])))
        return done["n"]

    def _move_down(self, index) -> None:
        model = self.attendance()
        if index.row() + 1 < model.rowCount():
            self.setCurrentIndex(model.index(index.row() + 1, index.column()))

    def _run(self, fn, ok_text: str | None = None) -> bool:
        try:
            result = fn()
        except AppError as exc:
            self.refused.emit(error_text(exc))
            return False
        if fn.__name__ == "undo" and result is False:
            return False
        if ok_text:
            self.marked.emit(ok_text)
        return True
