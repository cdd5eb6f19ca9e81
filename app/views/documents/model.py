"""Table models of the documents area: one applicant's checklist items, the expiring-soon rows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP
from PySide6.QtGui import QBrush, QColor

from app.core import reference
from app.views import i18n
from app.views.widgets import ReadOnlyTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
RowObjectRole = Qt.ItemDataRole.UserRole + 2

_STATUS = {
    "missing": QT_TRANSLATE_NOOP("DocumentLabels", "Missing"),
    "submitted": QT_TRANSLATE_NOOP("DocumentLabels", "Submitted"),
    "verified": QT_TRANSLATE_NOOP("DocumentLabels", "Verified"),
    "rejected": QT_TRANSLATE_NOOP("DocumentLabels", "Rejected"),
    "expired": QT_TRANSLATE_NOOP("DocumentLabels", "Expired"),
}
_REQUIREMENT = {
    "required": QT_TRANSLATE_NOOP("DocumentLabels", "Required"),
    "optional": QT_TRANSLATE_NOOP("DocumentLabels", "Optional"),
    "not_needed": QT_TRANSLATE_NOOP("DocumentLabels", "Not needed"),
}
STATUS_COLOURS = {"missing": "#6b7280", "submitted": "#1d4ed8", "verified": "#15803d", "rejected": "#b91c1c",
                  "expired": "#b45309"}


def status_label(code: str) -> str:
    return QCoreApplication.translate("DocumentLabels", _STATUS.get(code, code))


def requirement_label(code: str) -> str:
    return QCoreApplication.translate("DocumentLabels", _REQUIREMENT.get(code, code))


def requirements() -> list[tuple[str, str]]:
    return [(c, requirement_label(c)) for c in _REQUIREMENT]


def type_name(item) -> str:
    """A document type's name (an item, a row or a TypeInfo) in the chosen language."""
    return item.name_id if i18n.language() == "id" else item.name_en


def problems(item) -> list[str]:
    return [i18n.message(f) for f in item.flags + item.mismatches]


class ChecklistModel(ReadOnlyTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ChecklistModel", "Document"),
        QT_TRANSLATE_NOOP("ChecklistModel", "Requirement"),
        QT_TRANSLATE_NOOP("ChecklistModel", "Status"),
        QT_TRANSLATE_NOOP("ChecklistModel", "Valid until"),
        QT_TRANSLATE_NOOP("ChecklistModel", "Scans"),
        QT_TRANSLATE_NOOP("ChecklistModel", "Attention"),
    )
    CONTEXT = "ChecklistModel"

    def set_checklist(self, checklist) -> None:
        self.beginResetModel()
        self._rows = list(checklist.items) if checklist is not None else []
        self.endResetModel()

    def row_object(self, row: int):
        return self._rows[row]

    def row_of(self, type_code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.type_code == type_code), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        item = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return type_name(item)
            if col == 1:
                return requirement_label(item.requirement)
            if col == 2:
                return status_label(item.status)
            if col == 3:
                return item.expires_on.strftime("%d/%m/%Y") if item.expires_on else ""
            if col == 4:
                return str(len(item.scans)) if item.scans else ""
            if col == 5:  # the sentences are in the tooltip and beside the table
                n = len(item.flags) + len(item.mismatches)
                return f"⚠ {n}" if n else ""
            return None
        if role == SortRole:
            return (item.type_code, item.requirement, item.status,
                    item.expires_on.isoformat() if item.expires_on else "", len(item.scans),
                    len(item.flags) + len(item.mismatches))[col]
        if role == RowObjectRole:
            return item
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == 2:
                return QBrush(QColor(STATUS_COLOURS.get(item.status, "#000000")))
            if col == 5:
                return QBrush(QColor("#b91c1c"))
        if role == Qt.ItemDataRole.ToolTipRole and col == 5 and (item.flags or item.mismatches):
            return "\n".join(problems(item))
        if role == Qt.ItemDataRole.FontRole and col == 1 and item.requirement == "required":
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        return None


class ExpiringModel(ReadOnlyTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("ExpiringModel", "Valid until"),
        QT_TRANSLATE_NOOP("ExpiringModel", "Days left"),
        QT_TRANSLATE_NOOP("ExpiringModel", "Document"),
        QT_TRANSLATE_NOOP("ExpiringModel", "Registration number"),
        QT_TRANSLATE_NOOP("ExpiringModel", "Full name"),
        QT_TRANSLATE_NOOP("ExpiringModel", "Sub-district"),
        QT_TRANSLATE_NOOP("ExpiringModel", "Destination"),
        QT_TRANSLATE_NOOP("ExpiringModel", "Status"),
    )
    CONTEXT = "ExpiringModel"

    def row_object(self, row: int):
        return self._rows[row]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.expires_on.strftime("%d/%m/%Y")
            if col == 1:
                return str(r.days_left)
            if col == 2:
                return type_name(r)
            if col == 3:
                return r.registration_number
            if col == 4:
                return r.full_name
            if col == 5:
                return reference.kecamatan().get(r.kecamatan_code, r.kecamatan_code)
            if col == 6:
                c = reference.countries().get(r.country or "")
                return i18n.choice_name(c) if c else ""
            if col == 7:
                return status_label(r.status)
            return None
        if role == SortRole:
            return (r.expires_on.isoformat(), r.days_left, r.type_code, r.registration_number, r.full_name,
                    r.kecamatan_code, r.country or "", r.status)[col]
        if role == RowObjectRole:
            return r
        if role == Qt.ItemDataRole.ForegroundRole and col in (0, 1, 7) and r.days_left < 0:
            return QBrush(QColor(STATUS_COLOURS["rejected"]))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
