"""The applicant list as a Qt table model: keyset pages from ``search.search_page``, sorted by the
service (200,000 rows are never loaded at once)."""

from __future__ import annotations

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt,
                            QT_TRANSLATE_NOOP, QTimer)

from app.core import reference, search
from app.core.permissions import allowed
from app.views import i18n, labels

SortRole = Qt.ItemDataRole.UserRole + 1
RowObjectRole = Qt.ItemDataRole.UserRole + 2

# (row attribute, header, service sort key or None when the service cannot sort by it)
COLUMNS = (
    ("registration_number", QT_TRANSLATE_NOOP("ApplicantTableModel", "Registration number"), "registration_number"),
    ("full_name", QT_TRANSLATE_NOOP("ApplicantTableModel", "Full name"), "full_name"),
    ("nik", QT_TRANSLATE_NOOP("ApplicantTableModel", "NIK"), None),
    ("sex", QT_TRANSLATE_NOOP("ApplicantTableModel", "M/F"), None),
    ("birth_date", QT_TRANSLATE_NOOP("ApplicantTableModel", "Date of birth"), "birth_date"),
    ("phone", QT_TRANSLATE_NOOP("ApplicantTableModel", "Phone"), None),
    ("kecamatan_code", QT_TRANSLATE_NOOP("ApplicantTableModel", "Sub-district"), "kecamatan_code"),
    ("education_level", QT_TRANSLATE_NOOP("ApplicantTableModel", "Education"), "education_level"),
    ("status", QT_TRANSLATE_NOOP("ApplicantTableModel", "Status"), "status"),
    ("registered_on", QT_TRANSLATE_NOOP("ApplicantTableModel", "Registered on"), "registered_on"),
    ("completeness", QT_TRANSLATE_NOOP("ApplicantTableModel", "Documents"), None),  # % of required verified
)
DEFAULT_SORT = "registered_on"


class ApplicantTableModel(QAbstractTableModel):
    """Rows arrive a page at a time through ``fetchMore``; ``sort()`` and ``set_filter()``
    re-query the service from the first page."""

    def __init__(self, db, actor, parent=None, *, page_size: int = search.PAGE_SIZE):
        super().__init__(parent)
        self.db = db
        self.actor = actor
        # A role without the list (trainers) gets an empty model that never queries.
        self.enabled = allowed(actor.role, "applicant.list")
        self.page_size = page_size
        self.text = ""
        self.status: str | None = None
        self.sort_key = DEFAULT_SORT
        self.descending = True
        self._rows: list[search.ApplicantRow] = []
        self._next_after: tuple | None = None
        self._phones: dict[str, str] = {}
        self._completeness: dict = {}
        # The documents column is filled just after the rows show (numpy and the checklist rules
        # load on first use): a keystroke's page never waits for it. The timer starts when a
        # view first asks for the column (it paints the rows), so the window's first paint at
        # start-up comes before the query.
        self._pending: list = []
        self._fill_timer = QTimer(self)
        self._fill_timer.setSingleShot(True)
        self._fill_timer.setInterval(100)  # after the rows are painted
        self._fill_timer.timeout.connect(self.fill_completeness)
        self._load_first_page()

    # --- querying --------------------------------------------------------------------------

    def _page(self, after):
        if not self.enabled:
            return search.Page([], None)
        return search.search_page(self.db, self.text, actor=self.actor, status=self.status, sort=self.sort_key,
                                  descending=self.descending, after=after, limit=self.page_size)

    def _load_first_page(self) -> None:
        page = self._page(None)
        self._rows = list(page.rows)
        self._next_after = page.next_after
        self._completeness = {}
        self._pending = [r.id for r in page.rows]

    def fill_completeness(self) -> None:
        """Compute the documents column of the rows loaded since the last time (one query)."""
        pending, self._pending = self._pending, []
        if not pending:
            return
        from app.core import documents

        self._completeness.update(documents.completeness_many(self.db, pending))
        column = next(i for i, c in enumerate(COLUMNS) if c[0] == "completeness")
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def refresh(self) -> None:
        self.beginResetModel()
        self._load_first_page()
        self.endResetModel()

    def set_filter(self, text: str, status: str | None) -> None:
        self.text = text
        self.status = status or None
        self.refresh()

    def total(self) -> int:
        return search.count(self.db, self.text, actor=self.actor, status=self.status) if self.enabled else 0

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt)
        return not parent.isValid() and self._next_after is not None

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 (Qt)
        if parent.isValid() or self._next_after is None:
            return
        page = self._page(self._next_after)
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._pending.extend(r.id for r in page.rows)
            self._rows.extend(page.rows)
            self._next_after = page.next_after
            self.endInsertRows()
        else:
            self._next_after = None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][2]
        if key is None:
            return  # the view puts its indicator back (see ApplicantListPage)
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending = key, descending
        self.refresh()

    def sort_column(self) -> int:
        return next(i for i, c in enumerate(COLUMNS) if c[2] == self.sort_key)

    @staticmethod
    def is_sortable(column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column][2] is not None

    # --- the model -------------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 (Qt)
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
                return QCoreApplication.translate("ApplicantTableModel", COLUMNS[section][1])
            if orientation == Qt.Orientation.Vertical:
                return section + 1
        return None

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(COLUMNS):
            return None
        row = self._rows[index.row()]
        attr = COLUMNS[index.column()][0]
        if attr == "completeness":
            value = self._completeness.get(row.id)
            if value is None and self._pending and not self._fill_timer.isActive():
                self._fill_timer.start()  # the rows are being painted: the column follows
            if role == Qt.ItemDataRole.DisplayRole:
                return "" if value is None else f"{value:.0f} %"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return value if role == SortRole else (row if role == RowObjectRole else None)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, attr)
        if role == SortRole:
            value = getattr(row, attr)
            return value.isoformat() if hasattr(value, "isoformat") else value
        if role == RowObjectRole:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and attr == "sex":
            return labels.sex(row.sex)
        if role == Qt.ItemDataRole.TextAlignmentRole and attr in ("sex",):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row, attr: str) -> str:
        value = getattr(row, attr)
        if attr in ("birth_date", "registered_on"):
            return i18n.date_text(value)
        if attr == "phone":
            return self._phone(value)
        if attr == "kecamatan_code":
            return reference.kecamatan().get(value, value)
        if attr == "status":
            return labels.status(value)
        return value

    def _phone(self, e164: str) -> str:
        text = self._phones.get(e164)
        if text is None:
            from app.core.validation import format_phone

            text = self._phones[e164] = format_phone(e164)
        return text

    def row_object(self, row: int):
        return self._rows[row]

    def row_of(self, applicant_id) -> int:
        return next((i for i, r in enumerate(self._rows) if r.id == applicant_id), -1)
