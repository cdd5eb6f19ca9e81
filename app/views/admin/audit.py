"""The audit trail for supervisors ("Jejak audit"): filters and a lazily paged table over
``audit.search`` (newest first)."""

from __future__ import annotations

from PySide6.QtCore import (QCoreApplication, QModelIndex, Qt, QT_TRANSLATE_NOOP,
                            Signal)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget)

from app.core import audit
from app.core.errors import AppError
from app.views import i18n, labels
from app.views.applicants.history import _plain
from app.views.widgets import DateField, ReadOnlyTableModel

SortRole = Qt.ItemDataRole.UserRole + 1
RowObjectRole = Qt.ItemDataRole.UserRole + 2
PAGE = 100

COLUMNS = (
    QT_TRANSLATE_NOOP("AuditModel", "When (WIB)"),
    QT_TRANSLATE_NOOP("AuditModel", "User"),
    QT_TRANSLATE_NOOP("AuditModel", "Action"),
    QT_TRANSLATE_NOOP("AuditModel", "Record"),
    QT_TRANSLATE_NOOP("AuditModel", "Changes (old → new)"),
)
ENTITIES = (
    ("applicant", QT_TRANSLATE_NOOP("AuditModel", "Applicant")),
    ("user", QT_TRANSLATE_NOOP("AuditModel", "User")),
    ("setting", QT_TRANSLATE_NOOP("AuditModel", "Setting")),
    ("office", QT_TRANSLATE_NOOP("AuditModel", "Office")),
    ("database", QT_TRANSLATE_NOOP("AuditModel", "Database")),
)


def entity_label(code: str) -> str:
    for key, text in ENTITIES:
        if key == code:
            return QCoreApplication.translate("AuditModel", text)
    return code


def _value(field: str, value) -> str:
    if isinstance(value, (bool, str)) and field not in ("to", "file", "value", "name"):
        label = labels.value(value)
        if label is not None:
            return label
    if field == "fields" and isinstance(value, list):
        return ", ".join(labels.field(v) for v in value)
    if field == "locked_until" and isinstance(value, str) and len(value) >= 16:
        from datetime import datetime

        try:
            return i18n.datetime_text(datetime.fromisoformat(value))
        except ValueError:
            return value
    return _plain(field, value)


def changes_text(changes: dict) -> str:
    parts = []
    for field, pair in (changes or {}).items():
        old, new = (list(pair) + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        name = labels.field(field)
        parts.append(f"{name}: {_value(field, new)}" if old is None else
                     f"{name}: {_value(field, old)} → {_value(field, new)}")
    return "; ".join(parts)


class AuditModel(ReadOnlyTableModel):
    COLUMNS = COLUMNS
    CONTEXT = "AuditModel"

    """Rows of ``audit.search`` for one filter, fetched ``PAGE`` at a time as the view scrolls."""

    def __init__(self, db, actor, parent=None):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self.filters: dict = {}
        self._rows: list[audit.AuditRow] = []
        self._total = 0

    def search(self, **filters) -> int:
        """A new filter: the first page (raises PermissionDenied / AppError from the service)."""
        page = audit.search(self.db, self.actor, limit=PAGE, offset=0, **filters)
        self.beginResetModel()
        self.filters = filters
        self._rows = list(page.rows)
        self._total = page.total
        self.endResetModel()
        return page.total

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt)
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 (Qt)
        if parent.isValid() or not self.canFetchMore():
            return
        page = audit.search(self.db, self.actor, limit=PAGE, offset=len(self._rows), **self.filters)
        rows = page.rows[: self._total - len(self._rows)]
        if not rows:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not self._valid(index):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return i18n.datetime_text(row.at, seconds=True)
            if col == 1:
                return row.username
            if col == 2:
                return labels.action(row.action)
            if col == 3:
                return f"{entity_label(row.entity)} {row.entity_id or ''}".strip()
            return changes_text(row.changes)
        if role == SortRole:
            return (row.at.isoformat(), row.username, row.action, f"{row.entity} {row.entity_id}",
                    str(row.changes))[col]
        if role == RowObjectRole:
            return row
        return None


class AuditPage(QWidget):
    """Filters (text, user, record kind, from/to date) above the table; Enter searches."""

    countChanged = Signal(int)

    def __init__(self, db, actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = AuditModel(db, actor, self)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Text in the record or the changed values"))
        self.text.setClearButtonEnabled(True)
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("username"))
        self.username.setMaximumWidth(150)
        self.entity = QComboBox()
        self.entity.addItem(self.tr("All records"), None)
        for code, text in ENTITIES:
            self.entity.addItem(QCoreApplication.translate("AuditModel", text), code)
        self.since = DateField()
        self.until = DateField()
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.search)
        for edit in (self.text, self.username, self.since.edit, self.until.edit):
            edit.returnPressed.connect(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.text, 1)
        filters.addWidget(QLabel(self.tr("User")))
        filters.addWidget(self.username)
        filters.addWidget(self.entity)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.since)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.until)
        filters.addWidget(self.search_button)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for col, chars in ((0, 20), (1, 14), (2, 16), (3, 30)):
            header.resizeSection(col, self.fontMetrics().averageCharWidth() * chars + 16)
        header.setStretchLastSection(True)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Audit trail"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._loaded = False

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if not self._loaded:
            self._loaded = True
            self.search()

    def search(self) -> bool:
        since, until = self.since.date(), self.until.date()
        if (self.since.value_text() and since is None) or (self.until.value_text() and until is None):
            QMessageBox.warning(self, self.tr("Audit trail"), self.tr("Type dates as dd/mm/yyyy."))
            return False
        refusal = None
        try:
            total = self.model.search(text=self.text.text() or None,
                                      username=self.username.text().strip() or None,
                                      entity=self.entity.currentData(), since=since, until=until)
        except AppError as exc:
            refusal = exc
        if refusal is not None:
            QMessageBox.warning(self, self.tr("Audit trail"), i18n.message(refusal)
                                if hasattr(refusal, "message_en") else str(refusal))
            return False
        self.count_label.setText(self.tr("%1 entries").replace("%1", i18n.number_text(total)))
        self.countChanged.emit(total)
        return True
