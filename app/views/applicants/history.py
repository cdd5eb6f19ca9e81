"""The audit history of one applicant as a table: when (WIB), who, what, field, old → new."""

from __future__ import annotations

from datetime import timedelta, timezone

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP

from app.core import reference
from app.views import i18n, labels
from app.views.widgets import ReadOnlyTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
RowObjectRole = Qt.ItemDataRole.UserRole + 2

COLUMNS = (
    QT_TRANSLATE_NOOP("HistoryModel", "When (WIB)"),
    QT_TRANSLATE_NOOP("HistoryModel", "User"),
    QT_TRANSLATE_NOOP("HistoryModel", "Action"),
    QT_TRANSLATE_NOOP("HistoryModel", "Field"),
    QT_TRANSLATE_NOOP("HistoryModel", "Old"),
    QT_TRANSLATE_NOOP("HistoryModel", "New"),
)


def wib():
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Asia/Jakarta")
    except Exception:  # no tz database (some Windows installs): WIB is UTC+7 all year
        return timezone(timedelta(hours=7), "WIB")


def _plain(field: str, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(_plain(field, v) for v in value) or "—"
    if field in ("birth_date", "consent_on", "registered_on") and isinstance(value, str) and len(value) == 10:
        from datetime import date

        try:
            return i18n.date_text(date.fromisoformat(value))
        except ValueError:
            return value
    if field == "kelurahan_code":
        kel = reference.kelurahan().get(value)
        return kel.label if kel else str(value)
    if field == "kecamatan_code":
        return reference.kecamatan().get(value, str(value))
    if field == "status":
        return labels.status(str(value))
    if field == "sex":
        return labels.sex(str(value))
    if field == "religion":
        return dict(labels.religions()).get(value, str(value))
    if field == "marital_status":
        return dict(labels.marital_statuses()).get(value, str(value))
    if field == "phone":
        from app.core.validation import format_phone

        return format_phone(str(value))
    if field in ("preferred_countries", "preferred_sectors") and isinstance(value, str):
        table = reference.countries() if field == "preferred_countries" else reference.sectors()
        return ", ".join(i18n.choice_name(table[c]) if c in table else c for c in value.split(",") if c) or "—"
    if field == "funding_scheme":
        choice = reference.funding_schemes().get(value)
        return i18n.choice_name(choice) if choice else str(value)
    return str(value)


class HistoryModel(ReadOnlyTableModel):
    COLUMNS = COLUMNS
    CONTEXT = "HistoryModel"

    """One line per changed field of each audit entry (``registration.history``)."""

    def __init__(self, entries=(), parent=None):
        super().__init__(parent)
        self._rows: list[tuple] = []
        self.set_entries(entries)

    def set_entries(self, entries) -> None:
        self.beginResetModel()
        zone = wib()
        lines = []
        for entry in sorted(entries, key=lambda e: e.at, reverse=True):  # newest first
            when = entry.at.astimezone(zone)
            changes = entry.changes or {"": [None, None]}
            for field, pair in changes.items():
                old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
                lines.append((when, entry.username, entry.action, field, old, new, entry))
        self._rows = lines
        self.endResetModel()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        when, user, action, field, old, new, entry = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (i18n.datetime_text(when), user, labels.action(action), labels.field(field) if field else "",
                    _plain(field, old), _plain(field, new))[col]
        if role == Qt.ItemDataRole.ToolTipRole and col >= 4:
            return _plain(field, old if col == 4 else new)
        if role == SortRole:
            return (when.isoformat(), user, action, field, str(old), str(new))[col]
        if role == RowObjectRole:
            return entry
        return None
